/** What `carton export|import` was asked to do. */
export type CliCommand =
  | { kind: 'export'; dataDir: string; forumId: string; out: string; png: boolean }
  | { kind: 'import'; dataDir: string; archive: string; publicUrl: string; json: boolean }
  | { kind: 'help' };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage:
  carton export --data <dir> --forum <forumId> --out <file.zip> [--no-png]
  carton import --data <dir> [--public-url <url>] [--json] <archive.zip>

Works on the data directory (carton.sqlite) whether the server runs or not.
  export  writes the forum's archive: manifest.json, a JSON and a PNG per board.
  import  recreates the archived forum as a NEW forum and prints its new links.
Options:
  --data        the server's CARTON_DATA_DIR (default ./data)
  --public-url  base of the printed links (default $CARTON_PUBLIC_URL or http://localhost:8787)
  --json        print the links as the JSON POST /api/forums answers`;

/** Parses argv (without node and the script). Throws UsageError with what is wrong. */
export function parseArgs(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
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
    command === 'export' ? ['data', 'forum', 'out', 'no-png'] : ['data', 'public-url', 'json'];
  for (const name of options.keys()) {
    if (!known.includes(name)) throw new UsageError(`unknown option --${name} for ${command}`);
  }
  const dataDir = text('data') ?? './data';
  if (command === 'export') {
    const forumId = text('forum');
    const out = text('out');
    if (!forumId) throw new UsageError('export needs --forum <forumId>');
    if (!out) throw new UsageError('export needs --out <file.zip>');
    if (positional.length > 0) throw new UsageError(`unexpected ${positional.join(' ')}`);
    return { kind: 'export', dataDir, forumId, out, png: !options.has('no-png') };
  }
  if (command === 'import') {
    if (positional.length !== 1) throw new UsageError('import needs exactly one <archive.zip>');
    const publicUrl = (
      text('public-url') ??
      env['CARTON_PUBLIC_URL'] ??
      'http://localhost:8787'
    ).replace(/\/+$/, '');
    return {
      kind: 'import',
      dataDir,
      archive: positional[0] as string,
      publicUrl,
      json: options.has('json'),
    };
  }
  throw new UsageError(`unknown command ${command} (export or import)`);
}
