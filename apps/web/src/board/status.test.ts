import { describe, expect, it } from 'vitest';
import { nextStatus, type StatusInputs } from './status';

const base: StatusInputs = {
  socket: 'connected',
  synced: true,
  online: true,
  closedByServer: false,
  catchingUp: false,
};
const with_ = (patch: Partial<StatusInputs>): StatusInputs => ({ ...base, ...patch });

describe('nextStatus', () => {
  it('is connected only when the socket is open and the first sync is done', () => {
    expect(nextStatus(base)).toBe('connected');
    expect(nextStatus(with_({ synced: false }))).toBe('syncing');
    expect(nextStatus(with_({ socket: 'connecting', synced: false }))).toBe('syncing');
  });

  it('is offline when the socket closed or the device is offline', () => {
    expect(nextStatus(with_({ socket: 'disconnected', synced: false }))).toBe('offline');
    expect(nextStatus(with_({ online: false }))).toBe('offline');
  });

  it('stays offline while retrying, and syncs once a socket opens again', () => {
    expect(nextStatus(with_({ socket: 'connecting', synced: false }), 'offline')).toBe('offline');
    expect(nextStatus(with_({ synced: false }), 'offline')).toBe('syncing');
    expect(nextStatus(base, 'syncing')).toBe('connected');
  });

  it('is offline from the first failed attempt of a page that never reached the server', () => {
    // Reloaded offline (or on a venue's wifi that leads nowhere), the browser says online.
    const retrying = with_({ socket: 'connecting', synced: false, unanswered: true });
    expect(nextStatus(retrying, 'syncing')).toBe('offline');
    expect(nextStatus(retrying)).toBe('offline');
    // Its first socket opens: syncing, then connected.
    expect(nextStatus(with_({ synced: false }), 'offline')).toBe('syncing');
  });

  it('keeps « synchronisation en cours » until the server confirmed the changes made offline', () => {
    expect(nextStatus(with_({ catchingUp: true }), 'offline')).toBe('syncing');
    expect(nextStatus(with_({ catchingUp: false }), 'syncing')).toBe('connected');
  });

  it('is closed after a final close, whatever the socket or the network say', () => {
    expect(nextStatus(with_({ closedByServer: true }))).toBe('closed');
    expect(nextStatus(with_({ closedByServer: true, online: false }), 'offline')).toBe('closed');
    expect(nextStatus(with_({ closedByServer: true, socket: 'disconnected' }))).toBe('closed');
    // « Reconnecter » clears the close: the status follows the socket again.
    expect(nextStatus(with_({ socket: 'connecting', synced: false }), 'closed')).toBe('syncing');
  });
});
