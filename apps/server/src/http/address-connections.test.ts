import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AddressConnections } from './address-connections.ts';

function socketFrom(remoteAddress: string, localAddress = '2001:db8:ffff:1::10') {
  return Object.assign(new EventEmitter(), { remoteAddress, localAddress }) as unknown as Socket;
}

// R32b with R32c: an IPv6 client counts by its /64, whatever address it picks per connection.
describe('AddressConnections', () => {
  it('counts connections from one /64 together', () => {
    const limit = new AddressConnections(2);
    expect(limit.admit(socketFrom('2001:db8:aa:bb::1'))).toBe(true);
    expect(limit.admit(socketFrom('2001:db8:aa:bb:1234:5678:9abc:def0'))).toBe(true);
    expect(limit.admit(socketFrom('2001:db8:aa:bb::3'))).toBe(false);
  });

  it('counts two /64s apart, and frees a place when a connection closes', () => {
    const limit = new AddressConnections(1);
    const first = socketFrom('2001:db8:aa:bb::1');
    expect(limit.admit(first)).toBe(true);
    expect(limit.admit(socketFrom('2001:db8:aa:bc::1'))).toBe(true);
    expect(limit.admit(socketFrom('2001:db8:aa:bb::2'))).toBe(false);
    first.emit('close');
    expect(limit.admit(socketFrom('2001:db8:aa:bb::2'))).toBe(true);
  });

  it('counts an IPv4-mapped address as its IPv4 address', () => {
    const limit = new AddressConnections(1);
    expect(limit.admit(socketFrom('192.0.2.7', '192.0.2.1'))).toBe(true);
    expect(limit.admit(socketFrom('::ffff:192.0.2.7'))).toBe(false);
  });

  it('counts neighbours on the server’s own /64 one by one, and never loopback', () => {
    const limit = new AddressConnections(1);
    const server = '2001:db8:aa:bb::10';
    expect(limit.admit(socketFrom('2001:db8:aa:bb::21', server))).toBe(true);
    expect(limit.admit(socketFrom('2001:db8:aa:bb::22', server))).toBe(true);
    expect(limit.admit(socketFrom('2001:db8:aa:bb::21', server))).toBe(false);
    expect(limit.admit(socketFrom('::1'))).toBe(true);
    expect(limit.admit(socketFrom('::1'))).toBe(true);
  });
});
