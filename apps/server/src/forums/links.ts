import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * L1: board tokens are stored as SHA-256 hashes (R21) and ALSO sealed with AES-256-GCM under a
 * key derived from the facilitator token (HKDF-SHA256, salt = forum id, info 'carton-links'),
 * so the facilitator page can list every link again, and a copy of the database alone reveals
 * none. The board id and role are the additional data: a sealed token cannot be moved to
 * another board or role. Layout: iv (12 bytes) | tag (16 bytes) | ciphertext.
 */
export function linksKey(facilitatorToken: string, forumId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', facilitatorToken, forumId, 'carton-links', 32));
}

const additionalData = (boardId: string, role: string) =>
  Buffer.from(`carton-link:${boardId}:${role}`, 'utf8');

export function sealToken(key: Buffer, boardId: string, role: string, token: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(additionalData(boardId, role));
  const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

/** The token, or null if the box does not open with this key (another forum, tampering). */
export function openToken(
  key: Buffer,
  boardId: string,
  role: string,
  sealed: Buffer,
): string | null {
  if (sealed.byteLength < 12 + 16 + 1) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAAD(additionalData(boardId, role));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** L3: the close code of sockets opened with a revoked link. 44xx: the stock client stops. */
export const LINK_REVOKED = {
  code: 4403,
  reason: 'lien révoqué; do not retry automatically',
} as const;

/** R70: every socket of a deleted forum is closed with 4410 (the stock client does not retry). */
export const FORUM_DELETED_CLOSE = {
  code: 4410,
  reason: 'forum supprimé; do not retry automatically',
} as const;
