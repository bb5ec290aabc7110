import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress, isLoopback } from './client-address.ts';

// R32c: the key per-address limits count a client by.
describe('addressKey', () => {
  it('counts IPv4, IPv4-mapped IPv6 and loopback as themselves', () => {
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::FFFF:c000:0207')).toBe('192.0.2.7');
    expect(addressKey('::1')).toBe('::1');
    expect(addressKey('0:0:0:0:0:0:0:1')).toBe('::1');
    expect(isLoopback(addressKey('::ffff:127.0.0.1'))).toBe(true);
  });

  it('counts two privacy addresses of one /64 as one client', () => {
    const a = addressKey('2001:db8:aa:bb:1c2d:3e4f:5a6b:7c8d');
    const b = addressKey('2001:0DB8:00aa:bb::9');
    expect(a).toBe('2001:db8:aa:bb::/64');
    expect(b).toBe(a);
  });

  it('counts addresses of two /64s as two clients', () => {
    expect(addressKey('2001:db8:aa:bb::1')).not.toBe(addressKey('2001:db8:aa:bc::1'));
    expect(addressKey('2001:db8::1')).not.toBe(addressKey('2001:db9::1'));
  });

  it('counts neighbours on the server’s own /64, and link-local peers, one by one', () => {
    const server = '2001:db8:aa:bb::10';
    const phone = addressKey('2001:db8:aa:bb::21', server);
    const laptop = addressKey('2001:db8:aa:bb::22', server);
    expect(phone).not.toBe(laptop);
    expect(addressKey('2001:db8:aa:bb:0:0:0:21', server)).toBe(phone);
    expect(addressKey('fe80::1%wlan0')).not.toBe(addressKey('fe80::2%wlan0'));
    // A peer from elsewhere still counts by its /64 when the server is reached over IPv6.
    expect(addressKey('2001:db8:cc:dd::1', server)).toBe(addressKey('2001:db8:cc:dd::2', server));
  });

  it('leaves what is not an address as it is', () => {
    expect(addressKey('unknown')).toBe('unknown');
    expect(addressKey('2001:db8:aa:bb::/64')).toBe('2001:db8:aa:bb::/64');
  });
});

describe('clientAddress', () => {
  it('reads the TCP peer of a request, an IPv6 one by its /64', async () => {
    const app = new Hono().get('/', (c) => c.text(clientAddress(c)));
    const socket = { remoteAddress: '2001:db8:aa:bb::7', localAddress: '2001:db8:1:2::1' };
    const response = await app.request('/', {}, { incoming: { socket } });
    expect(await response.text()).toBe('2001:db8:aa:bb::/64');
    expect(await (await app.request('/')).text()).toBe('unknown');
  });
});
