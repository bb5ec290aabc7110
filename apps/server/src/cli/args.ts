import type { CliLanguage } from './language.ts';
import { usageMessages } from './usage.ts';

/**
 * Where a command works: the data directory's SQLite file, or (R62) the server's PostgreSQL
 * database when CARTON_DATABASE_URL is set — read from the environment only, so its password
 * never shows in the process list.
 */
interface Target {
  dataDir: string;
  database?: string | null;
}

/** What `carton export|import|forums|facilitator-link|delete` was asked to do. */
export type CliCommand =
  | ({ kind: 'export'; forumId: string; out: string; png: boolean } & Target)
  | ({ kind: 'import'; archive: string; publicUrl: string; json: boolean } & Target)
  | ({ kind: 'forums' } & Target)
  | ({ kind: 'facilitator-link'; forumId: string; publicUrl: string } & Target)
  | ({ kind: 'delete'; forumId: string; yes: boolean } & Target)
  | { kind: 'help' };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parses argv (without node and the script). Throws UsageError with what is wrong. */
export function parseArgs(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
  language: CliLanguage = 'fr',
): CliCommand {
  const say = usageMessages(language);
  // `pnpm run carton -- …` (and `pnpm carton export -- …`) pass pnpm's `--` through, where npm
  // drops it: a bare `--` means nothing here.
  const args = argv.filter((arg) => arg !== '--');
  const [command, ...rest] = args;
  if (
    command === undefined ||
    command === 'help' ||
    args.some((a) => a === '--help' || a === '-h')
  ) {
    return { kind: 'help' };
  }
  const options = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (name === 'no-png' || name === 'json' || name === 'yes') options.set(name, true);
    else if (inline !== undefined) options.set(name, inline);
    else {
      const value = rest[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(say.needsValue(name));
      options.set(name, value);
    }
  }
  const text = (name: string): string | undefined => {
    const value = options.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const known =
    command === 'export'
      ? ['data', 'forum', 'out', 'no-png']
      : command === 'forums'
        ? ['data']
        : command === 'facilitator-link'
          ? ['data', 'forum', 'public-url']
          : command === 'delete'
            ? ['data', 'forum', 'yes']
            : ['data', 'public-url', 'json'];
  for (const name of options.keys()) {
    if (!known.includes(name)) throw new UsageError(say.unknownOption(name, command));
  }
  const dataDir = text('data') ?? './data';
  const databaseUrl = env['CARTON_DATABASE_URL']?.trim();
  const target = { dataDir, ...(databaseUrl ? { database: databaseUrl } : {}) };
  if (command === 'export') {
    const forumId = text('forum');
    const out = text('out');
    if (!forumId) throw new UsageError(say.exportNeedsForum);
    if (!out) throw new UsageError(say.exportNeedsOut);
    if (positional.length > 0) throw new UsageError(say.unexpected(positional.join(' ')));
    return { kind: 'export', ...target, forumId, out, png: !options.has('no-png') };
  }
  const publicUrl = (
    text('public-url') ??
    env['CARTON_PUBLIC_URL'] ??
    'http://localhost:8787'
  ).replace(/\/+$/, '');
  if (command === 'forums') {
    if (positional.length > 0) throw new UsageError(say.unexpected(positional.join(' ')));
    return { kind: 'forums', ...target };
  }
  if (command === 'facilitator-link') {
    const forumId = text('forum');
    if (!forumId) throw new UsageError(say.linkNeedsForum);
    if (positional.length > 0) throw new UsageError(say.unexpected(positional.join(' ')));
    return { kind: 'facilitator-link', ...target, forumId, publicUrl };
  }
  if (command === 'delete') {
    const forumId = text('forum');
    if (!forumId) throw new UsageError(say.deleteNeedsForum);
    if (positional.length > 0) throw new UsageError(say.unexpected(positional.join(' ')));
    return { kind: 'delete', ...target, forumId, yes: options.has('yes') };
  }
  if (command === 'import') {
    if (positional.length !== 1) throw new UsageError(say.importNeedsOneArchive);
    return {
      kind: 'import',
      ...target,
      archive: positional[0] as string,
      publicUrl,
      json: options.has('json'),
    };
  }
  throw new UsageError(say.unknownCommand(command));
}
