import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args.ts';

describe('carton CLI arguments', () => {
  it('export: data, forum, out, --no-png', () => {
    expect(parseArgs(['export', '--data', './d', '--forum', 'f1', '--out', 'x.zip'])).toEqual({
      kind: 'export',
      dataDir: './d',
      forumId: 'f1',
      out: 'x.zip',
      png: true,
    });
    expect(parseArgs(['export', '--forum=f1', '--out=x.zip', '--no-png'])).toMatchObject({
      dataDir: './data',
      png: false,
    });
  });

  it('import: one archive; links from --public-url, else CARTON_PUBLIC_URL', () => {
    expect(
      parseArgs(['import', '--data', 'd', 'a.zip'], { CARTON_PUBLIC_URL: 'http://10.0.0.2:8787/' }),
    ).toEqual({
      kind: 'import',
      dataDir: 'd',
      archive: 'a.zip',
      publicUrl: 'http://10.0.0.2:8787',
      json: false,
    });
    expect(parseArgs(['import', 'a.zip', '--public-url', 'http://x', '--json'])).toMatchObject({
      publicUrl: 'http://x',
      json: true,
    });
  });

  it('R70: delete needs a forum; --yes is a flag, absent unless given', () => {
    expect(parseArgs(['delete', '--data', './d', '--forum', 'f1'])).toEqual({
      kind: 'delete',
      dataDir: './d',
      forumId: 'f1',
      yes: false,
    });
    expect(parseArgs(['delete', '--forum', 'f1', '--yes'])).toMatchObject({ yes: true });
    expect(() => parseArgs(['delete', '--yes'])).toThrow(
      new UsageError('delete demande --forum <idForum> (carton forums les liste)'),
    );
    expect(() => parseArgs(['delete', '--forum', 'f1', '--out', 'x.zip'])).toThrow(UsageError);
  });

  it('L4: forums lists; facilitator-link needs a forum, links from --public-url', () => {
    expect(parseArgs(['forums', '--data', './d'])).toEqual({ kind: 'forums', dataDir: './d' });
    expect(
      parseArgs(['facilitator-link', '--forum', 'f1'], {
        CARTON_PUBLIC_URL: 'http://salle.local/',
      }),
    ).toEqual({
      kind: 'facilitator-link',
      dataDir: './data',
      forumId: 'f1',
      publicUrl: 'http://salle.local',
    });
    expect(() => parseArgs(['facilitator-link'])).toThrow(/--forum/);
    expect(() => parseArgs(['forums', '--json'])).toThrow(UsageError);
  });

  it('R62: CARTON_DATABASE_URL (environment only) points every command at PostgreSQL', () => {
    const env = { CARTON_DATABASE_URL: 'postgres://carton:secret@db:5432/carton' };
    expect(parseArgs(['forums'], env)).toEqual({
      kind: 'forums',
      dataDir: './data',
      database: env.CARTON_DATABASE_URL,
    });
    expect(parseArgs(['facilitator-link', '--forum', 'f1'], env)).toMatchObject({
      database: env.CARTON_DATABASE_URL,
    });
    expect(parseArgs(['forums'], { CARTON_DATABASE_URL: ' ' })).toEqual({
      kind: 'forums',
      dataDir: './data',
    });
    expect(() => parseArgs(['forums', '--database', 'postgres://x'], env)).toThrow(UsageError);
  });

  it('reads the arguments pnpm passes after its literal `--`, and --help anywhere', () => {
    // `pnpm run carton -- --help`, `pnpm run carton -- forums --data ./d`
    expect(parseArgs(['--', '--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['--', 'forums', '--data', './d'])).toEqual({
      kind: 'forums',
      dataDir: './d',
    });
    expect(parseArgs(['export', '--', '--forum', 'f1', '--out', 'x.zip'])).toMatchObject({
      forumId: 'f1',
      out: 'x.zip',
    });
    expect(parseArgs(['import', '--', 'a.zip'])).toMatchObject({
      kind: 'import',
      archive: 'a.zip',
    });
    expect(parseArgs(['export', '--help'])).toEqual({ kind: 'help' });
  });

  it('refuses what it does not understand, naming it, in French by default', () => {
    expect(() => parseArgs(['export', '--out', 'x.zip'])).toThrow(/--forum/);
    expect(() => parseArgs(['import'])).toThrow(UsageError);
    expect(() => parseArgs(['import', 'a.zip', '--forum', 'x'])).toThrow(
      /option inconnue --forum pour import/,
    );
    expect(() => parseArgs(['restore'])).toThrow(/commande inconnue restore/);
    expect(() => parseArgs(['export', '--forum'])).toThrow(/--forum attend une valeur/);
    expect(parseArgs([])).toEqual({ kind: 'help' });
  });

  it('says the same in English for an English terminal', () => {
    const en = (argv: string[]) => () => parseArgs(argv, {}, 'en');
    expect(en(['import', 'a.zip', '--forum', 'x'])).toThrow(/unknown option --forum for import/);
    expect(en(['restore'])).toThrow(/unknown command restore/);
    expect(en(['export', '--forum'])).toThrow(/--forum needs a value/);
    expect(en(['export', '--forum', 'f1'])).toThrow(/export needs --out <file\.zip>/);
  });
});
