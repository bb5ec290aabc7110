// What the person starting Carton at a venue needs after the ready line: the addresses phones
// on the wifi can open (a server on 0.0.0.0 prints `http://0.0.0.0:8787`, which no phone
// opens), or, on localhost, that phones cannot reach it and how to change that.
import type { NetworkInterfaceInfo } from 'node:os';

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);
const LOOPBACK = /^(localhost|127(\.\d+){3}|::1|\[::1\])$/i;

/** `http://ADDRESS:PORT` for each of the machine's own IPv4 addresses outside loopback. */
export function venueUrls(interfaces: Interfaces, port: number): string[] {
  const urls: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      if (info.family !== 'IPv4' || info.internal) continue;
      const url = `http://${info.address}:${port}`;
      if (!urls.includes(url)) urls.push(url);
    }
  }
  return urls;
}

/** Plain lines printed after `Carton listening on …`, for the operator at the venue. */
export function venueLines(
  where: { host: string; port: number; publicUrl: string | null },
  interfaces: Interfaces,
): string[] {
  if (LOOPBACK.test(where.host)) {
    return [
      'Only this computer can open it. For phones on the venue’s wifi, start with HOST=0.0.0.0 ' +
        '(docs/operating.md).',
    ];
  }
  if (!WILDCARDS.has(where.host)) return [];
  const urls = venueUrls(interfaces, where.port);
  if (urls.length === 0) {
    return ['No network address yet (wifi not connected?): phones cannot reach this computer.'];
  }
  const lines = urls.map((url) => `On this network: ${url}`);
  lines.push(
    where.publicUrl
      ? `Links handed out start with CARTON_PUBLIC_URL: ${where.publicUrl}`
      : 'Open Carton at one of these addresses (not localhost) before creating a forum, or set ' +
          'CARTON_PUBLIC_URL to one of them: the links it hands out start with it.',
  );
  return lines;
}
