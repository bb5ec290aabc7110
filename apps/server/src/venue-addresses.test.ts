// After its ready line, a server says where phones reach it: 0.0.0.0 is no address to type, and
// a server on localhost cannot be reached from the venue's wifi at all.
import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { venueLines, venueUrls } from './venue-addresses.ts';

function ipv4(address: string, internal = false): NetworkInterfaceInfo {
  return { address, family: 'IPv4', internal, netmask: '255.255.255.0', mac: '', cidr: null };
}

const laptop = {
  lo: [ipv4('127.0.0.1', true)],
  wlan0: [
    ipv4('192.168.1.20'),
    {
      address: 'fe80::1',
      family: 'IPv6',
      internal: false,
      netmask: 'ffff:ffff:ffff:ffff::',
      mac: '',
      cidr: null,
      scopeid: 2,
    } satisfies NetworkInterfaceInfo,
  ],
  eth0: [ipv4('10.0.0.5')],
};

describe('where phones reach the server', () => {
  it('on 0.0.0.0: each of the machine’s own IPv4 addresses, never loopback', () => {
    expect(venueUrls(laptop, 8787)).toEqual(['http://192.168.1.20:8787', 'http://10.0.0.5:8787']);
    const lines = venueLines({ host: '0.0.0.0', port: 8787, publicUrl: null }, laptop);
    expect(lines.slice(0, 2)).toEqual([
      'On this network: http://192.168.1.20:8787',
      'On this network: http://10.0.0.5:8787',
    ]);
    // Without CARTON_PUBLIC_URL the links come from the address the page was opened at.
    expect(lines[2]).toMatch(/not localhost.*CARTON_PUBLIC_URL/);
  });

  it('on 0.0.0.0 with CARTON_PUBLIC_URL: says the links start with it', () => {
    const lines = venueLines(
      { host: '0.0.0.0', port: 8787, publicUrl: 'http://192.168.1.20:8787' },
      laptop,
    );
    expect(lines.at(-1)).toBe(
      'Links handed out start with CARTON_PUBLIC_URL: http://192.168.1.20:8787',
    );
  });

  it('on 0.0.0.0 before the wifi is joined: says phones cannot reach it yet', () => {
    expect(venueLines({ host: '0.0.0.0', port: 8787, publicUrl: null }, { lo: laptop.lo })).toEqual(
      ['No network address yet (wifi not connected?): phones cannot reach this computer.'],
    );
  });

  it('on localhost: only this computer, and how to open it to the venue', () => {
    for (const host of ['localhost', '127.0.0.1', '::1']) {
      const [line] = venueLines({ host, port: 8787, publicUrl: null }, laptop);
      expect(line).toMatch(/^Only this computer can open it\. .*HOST=0\.0\.0\.0/);
    }
  });

  it('on one chosen address: nothing more to say (the ready line is that address)', () => {
    expect(venueLines({ host: '192.168.1.20', port: 8787, publicUrl: null }, laptop)).toEqual([]);
  });
});
