import { stat } from 'node:fs/promises';

/**
 * Content encodings of the built web client. The client is compressed ONCE, at build time
 * (apps/web/vite.config.ts writes `x.br` and `x.gz` beside each file worth it): Brotli at its
 * best quality takes ~3.5 s for the board chunk on this machine, far too slow per request or
 * even lazily for the first of 100 phones joining at the same minute, and a file costs nothing
 * to send from disk. The server only chooses which sibling to send.
 */
export type Encoding = 'br' | 'gzip';

const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** Already compressed formats: never encoded again (their siblings are not written either). */
export const INCOMPRESSIBLE = new Set([
  '.woff2',
  '.woff',
  '.png',
  '.jpg',
  '.jpeg',
  '.webp',
  '.gif',
]);

/** The encodings the client accepts, best first (br, then gzip); none for a missing header. */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  if (!header) return [];
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const weight = params
      .map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1])
      .find((v) => v !== undefined);
    q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  const star = q.get('*');
  return (['br', 'gzip'] as const).filter((e) => (q.get(e) ?? star ?? 0) > 0);
}

export interface Precompressed {
  encoding: Encoding;
  path: string;
  size: number;
}

/**
 * The precompressed sibling of `path` for the first accepted encoding that has one, written no
 * earlier than the file itself (a sibling left from an older build is never sent for a newer file).
 */
export async function findPrecompressed(
  path: string,
  sourceMtimeMs: number,
  accepted: readonly Encoding[],
): Promise<Precompressed | null> {
  for (const encoding of accepted) {
    const candidate = path + SUFFIX[encoding];
    try {
      const info = await stat(candidate);
      if (info.isFile() && info.mtimeMs >= sourceMtimeMs) {
        return { encoding, path: candidate, size: info.size };
      }
    } catch {
      // No sibling in this encoding: try the next one.
    }
  }
  return null;
}
