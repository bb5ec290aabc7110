import { describe, expect, it } from 'vitest';
import { deriveStatus } from './status';

describe('deriveStatus', () => {
  it('is connected only when the socket is open and the first sync is done', () => {
    expect(deriveStatus('connected', true, true)).toBe('connected');
    expect(deriveStatus('connected', false, true)).toBe('syncing');
    expect(deriveStatus('connecting', false, true)).toBe('syncing');
  });
  it('is offline when the socket closed or the device is offline', () => {
    expect(deriveStatus('disconnected', false, true)).toBe('offline');
    expect(deriveStatus('connected', true, false)).toBe('offline');
  });
  it('stays offline while retrying, and syncs once a socket opens again', () => {
    expect(deriveStatus('connecting', false, true, 'offline')).toBe('offline');
    expect(deriveStatus('connected', false, true, 'offline')).toBe('syncing');
    expect(deriveStatus('connected', true, true, 'syncing')).toBe('connected');
  });
});
