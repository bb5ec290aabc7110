// Every write carries a typed origin so that undo (tracks one LocalOrigin object per user) and
// observers (skip what they wrote themselves) can tell writes apart.
export type LocalOrigin = { readonly kind: 'local'; readonly userId: string };
export type RemoteOrigin = { readonly kind: 'remote' };
export type MigrationOrigin = { readonly kind: 'migration' };
export type ServerOrigin = { readonly kind: 'server' };
export type Origin = LocalOrigin | RemoteOrigin | MigrationOrigin | ServerOrigin;

const localOrigins = new Map<string, LocalOrigin>();

/** The same object for the same user id: Y.UndoManager compares origins by identity. */
export function localOrigin(userId: string): LocalOrigin {
  let origin = localOrigins.get(userId);
  if (origin === undefined) {
    origin = Object.freeze({ kind: 'local', userId });
    localOrigins.set(userId, origin);
  }
  return origin;
}

export const REMOTE_ORIGIN: RemoteOrigin = Object.freeze({ kind: 'remote' });
export const MIGRATION_ORIGIN: MigrationOrigin = Object.freeze({ kind: 'migration' });
export const SERVER_ORIGIN: ServerOrigin = Object.freeze({ kind: 'server' });

export function isLocalOrigin(value: unknown): value is LocalOrigin {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'local' &&
    typeof (value as { userId?: unknown }).userId === 'string'
  );
}
