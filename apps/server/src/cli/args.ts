/**
 * Where a command works: the data directory's SQLite file, or (R62) the server's PostgreSQL
 * database when CARTON_DATABASE_URL is set — read from the environment only, so its password
 * never shows in the process list.
 */
interface Target {
  dataDir: string;
  database?: string | null;
}

/** What `carton export|import|forums|facilitator-link` was asked to do. */
export type CliCommand =
  | ({ kind: 'export'; forumId: string; out: string; png: boolean } & Target)
  | ({ kind: 'import'; archive: string; publicUrl: string; json: boolean } & Target)
  | ({ kind: 'forums' } & Target)
  | ({ kind: 'facilitator-link'; forumId: string; publicUrl: string } & Target)
  | { kind: 'help' };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage:
  carton export --data <dir> --forum <forumId> --out <file.zip> [--no-png]
  carton import --data <dir> [--public-url <url>] [--json] <archive.zip>
  carton forums --data <dir>
  carton facilitator-link --data <dir> --forum <forumId> [--public-url <url>]

Works on the data directory (carton.sqlite) whether the server runs or not; with
CARTON_DATABASE_URL set (the server's PostgreSQL), on that database instead (--data unused).
  export  writes the forum's archive: manifest.json, a JSON and a PNG per board.
  import  recreates the archived forum as a NEW forum and prints its new links.
  forums  lists the forums (id, date, title).
  facilitator-link  a lost facilitator link: issues a new one (the old one stops working;
          the boards' links keep working, and the page can replace them).
Options:
  --data        the server's CARTON_DATA_DIR (default ./data)
  --public-url  base of the printed links (default $CARTON_PUBLIC_URL or http://localhost:8787)
  --json        print the links as the JSON POST /api/forums answers`;

/** Parses argv (without node and the script). Throws UsageError with what is wrong. */
export function parseArgs(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): CliCommand {
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
    if (name === 'no-png' || name === 'json') options.set(name, true);
    else if (inline !== undefined) options.set(name, inline);
    else {
      const value = rest[++i];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`--${name} needs a value`);
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
          : ['data', 'public-url', 'json'];
  for (const name of options.keys()) {
    if (!known.includes(name)) throw new UsageError(`unknown option --${name} for ${command}`);
  }
  const dataDir = text('data') ?? './data';
  const databaseUrl = env['CARTON_DATABASE_URL']?.trim();
  const target = { dataDir, ...(databaseUrl ? { database: databaseUrl } : {}) };
  if (command === 'export') {
    const forumId = text('forum');
    const out = text('out');
    if (!forumId) throw new UsageError('export needs --forum <forumId>');
    if (!out) throw new UsageError('export needs --out <file.zip>');
    if (positional.length > 0) throw new UsageError(`unexpected ${positional.join(' ')}`);
    return { kind: 'export', ...target, forumId, out, png: !options.has('no-png') };
  }
  const publicUrl = (
    text('public-url') ??
    env['CARTON_PUBLIC_URL'] ??
    'http://localhost:8787'
  ).replace(/\/+$/, '');
  if (command === 'forums') {
    if (positional.length > 0) throw new UsageError(`unexpected ${positional.join(' ')}`);
    return { kind: 'forums', ...target };
  }
  if (command === 'facilitator-link') {
    const forumId = text('forum');
    if (!forumId)
      throw new UsageError('facilitator-link needs --forum <forumId> (see carton forums)');
    if (positional.length > 0) throw new UsageError(`unexpected ${positional.join(' ')}`);
    return { kind: 'facilitator-link', ...target, forumId, publicUrl };
  }
  if (command === 'import') {
    if (positional.length !== 1) throw new UsageError('import needs exactly one <archive.zip>');
    return {
      kind: 'import',
      ...target,
      archive: positional[0] as string,
      publicUrl,
      json: options.has('json'),
    };
  }
  throw new UsageError(`unknown command ${command} (export, import, forums or facilitator-link)`);
}
