import { isIPv4, isIPv6 } from 'node:net';
import type { Logger } from '../log.ts';

/** R33b: how a refused Host is answered, over HTTP and at the upgrade alike. */
export const HOST_NOT_ALLOWED = {
  status: 421,
  code: 'host_not_allowed',
  message:
    'This server does not answer to this name. Open it by its address, or list the name in ' +
    'CARTON_PUBLIC_URL or CARTON_ALLOWED_HOSTS.',
} as const;

/**
 * The same refusal for a person who typed the name in a browser: the page a navigation gets, in
 * French first, saying what to do (the JSON above is for programs).
 */
export const HOST_NOT_ALLOWED_PAGE = `<!doctype html>
<html lang="fr-CA">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Carton ne répond pas à ce nom</title></head>
<body>
<h1>Carton ne répond pas à ce nom</h1>
<p>Ouvrez Carton par l’adresse de l’ordinateur qui le fait tourner (par exemple
http://192.168.1.10:8787), ou demandez à la personne qui l’a installé d’ajouter ce nom à
CARTON_ALLOWED_HOSTS.</p>
<h2 lang="en">Carton does not answer to this name</h2>
<p lang="en">Open Carton by the address of the computer running it (for example
http://192.168.1.10:8787), or ask whoever installed it to add this name to
CARTON_ALLOWED_HOSTS.</p>
</body>
</html>
`;

/** Hosts said in the log before the set starts again (one line per host, not per request). */
const MAX_HOSTS_SAID = 1_000;

/**
 * R33b, DNS rebinding: a page of another site can point its own name at the venue laptop's
 * address; its requests then carry that name as Host and pass the Origin check (R33), since
 * Origin and Host agree. No such name is ours, so a Host that is not an IP literal, `localhost`
 * (or a name under it, which browsers keep on the machine), a `.local` name (mDNS: answered on
 * the venue's network only, never by a site's DNS), a name of one label (`portable-salle`: the
 * laptop's own name as the venue's network or Windows answers it; no site can own a name
 * without a dot), the host of CARTON_PUBLIC_URL or one of CARTON_ALLOWED_HOSTS is refused. No Host at all is no browser: accepted. A refused host is
 * said once in the log (the name only: the request's path may carry a token).
 */
export function createHostCheck(options: {
  publicUrl: string | null;
  allowedHosts: readonly string[];
  log: Logger;
}): (host: string | undefined) => boolean {
  const allowed = new Set(options.allowedHosts.map(normaliseHostName));
  if (options.publicUrl) allowed.add(normaliseHostName(new URL(options.publicUrl).hostname));
  let said = new Set<string>();
  return (host) => {
    if (host === undefined || host === '') return true;
    const name = hostName(host);
    if (name !== null && (isOwnName(name) || allowed.has(name))) return true;
    const shown = (name ?? host).slice(0, 255);
    if (!said.has(shown)) {
      if (said.size >= MAX_HOSTS_SAID) said = new Set();
      said.add(shown);
      options.log.warn('host_not_allowed', { host: shown });
    }
    return false;
  };
}

/** Names any Carton answers to without being told: its addresses and the machine's own. */
function isOwnName(name: string): boolean {
  if (isIPv4(name) || isIPv6(name)) return true;
  return (
    !name.includes('.') ||
    name.endsWith('.localhost') ||
    (name.endsWith('.local') && name.length > '.local'.length)
  );
}

/** `Carton.Example.org.:8787` → `carton.example.org`; `[::1]:8787` → `::1`; null if malformed. */
export function hostName(host: string): string | null {
  const text = host.trim().toLowerCase();
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    const rest = text.slice(end + 1);
    if (end < 0 || (rest !== '' && !/^:\d{1,5}$/.test(rest))) return null;
    return text.slice(1, end);
  }
  const match = /^([^:]*)(?::\d{1,5})?$/.exec(text);
  if (!match || match[1] === '') return null;
  return normaliseHostName(match[1]!);
}

/** Lower case, without the root's trailing dot (`example.org.` is `example.org`). */
function normaliseHostName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}
