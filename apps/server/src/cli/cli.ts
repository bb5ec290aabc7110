// `carton export` / `carton import`: forum archives from and into a data directory, for
// backups without a browser. Built to dist/cli.js: `node apps/server/dist/cli.js export …`.
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ArchiveError } from '../archive/errors.ts';
import { readForumArchive } from '../archive/read.ts';
import { restoreForumArchive } from '../archive/restore.ts';
import { storageSource } from '../archive/source.ts';
import { streamForumArchive } from '../archive/write.ts';
import { SqliteBlobStore } from '../blobs/blob-store.ts';
import { SqliteVoteStore } from '../facilitation/vote-store.ts';
import type { CreatedForum } from '../forums/create-forum.ts';
import type { ForumStore } from '../forums/forum-store.ts';
import { SqliteForumStore } from '../forums/sqlite-forum-store.ts';
import { generateToken, hashToken } from '../forums/tokens.ts';
import { DATABASE_FILE, openDatabase } from '../storage/database.ts';
import { SqliteBoardStorage } from '../storage/sqlite-board-storage.ts';
import type { CliCommand } from './args.ts';
import { parseArgs, USAGE, UsageError } from './args.ts';

const GiB = 1024 * 1024 * 1024;

function links(created: CreatedForum): string {
  const lines = [
    `Forum « ${created.forum.title} » (${created.forum.id})`,
    `  Animation : ${created.facilitator.url}`,
  ];
  for (const board of created.boards) {
    lines.push(`  ${board.title}`);
    lines.push(`    édition : ${board.edit.url}`);
    lines.push(`    lecture : ${board.view.url}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * L4: the way back for a facilitator who lost the forum's link. Board links stay valid (their
 * hashes are kept) but were sealed under the old token, which nobody has: the facilitator page
 * shows them as not recoverable and can replace them (L2).
 */
async function newFacilitatorLink(
  forums: ForumStore,
  forumId: string,
  publicUrl: string,
): Promise<string> {
  const token = generateToken();
  await forums.replaceFacilitatorToken(forumId, {
    hash: hashToken(token),
    role: 'facilitator',
    forumId,
    boardId: null,
  });
  return [
    `Nouveau lien d’animation : ${publicUrl}/f/${forumId}#token=${token}`,
    'L’ancien lien d’animation ne fonctionne plus (rechargez les pages ouvertes avec lui).',
    'Les liens des tableaux restent valides ; la page d’animation ne peut plus les afficher,',
    'mais « Remplacer le lien » en donne de nouveaux.',
    '',
  ].join('\n');
}

export async function runCli(command: CliCommand, out: (text: string) => void): Promise<void> {
  if (command.kind === 'help') return out(`${USAGE}\n`);
  // A mistyped path must not end in a stack trace, nor in a new empty database beside the real
  // one: exporting needs the server's database; importing says when it starts a new one.
  const databaseFile = join(command.dataDir, DATABASE_FILE);
  const fresh = !existsSync(databaseFile);
  if (command.kind !== 'import' && fresh) {
    throw new UsageError(`no Carton database in ${command.dataDir} (${databaseFile} not found)`);
  }
  if (command.kind === 'import' && !existsSync(command.archive)) {
    throw new UsageError(`cannot read ${command.archive}: no such file`);
  }
  const db = openDatabase(command.dataDir);
  try {
    const forums = new SqliteForumStore(db);
    const boards = new SqliteBoardStorage(db);
    const blobs = new SqliteBlobStore(db);
    if (command.kind === 'forums') {
      const rows = (await forums.listForums()).map(
        (forum) => `${forum.id}  ${forum.date ?? '----------'}  ${forum.title}`,
      );
      out(rows.length > 0 ? `${rows.join('\n')}\n` : `Aucun forum dans ${command.dataDir}\n`);
      return;
    }
    if (command.kind === 'facilitator-link') {
      const forum = await forums.getForum(command.forumId);
      if (!forum) throw new UsageError(`no forum ${command.forumId} in ${command.dataDir}`);
      out(await newFacilitatorLink(forums, forum.id, command.publicUrl));
      return;
    }
    if (command.kind === 'export') {
      const stream = await streamForumArchive(
        storageSource({ forums, boards, blobs }),
        command.forumId,
        {
          png: command.png,
        },
      );
      if (!stream) throw new UsageError(`no forum ${command.forumId} in ${command.dataDir}`);
      await stream.pipeTo(Writable.toWeb(createWriteStream(command.out)));
      out(`${command.out}\n`);
      return;
    }
    const archive = readForumArchive(new Uint8Array(readFileSync(command.archive)));
    const created = await restoreForumArchive(archive, {
      forums,
      boards,
      blobs,
      votes: new SqliteVoteStore(db),
      baseUrl: command.publicUrl,
      maxForumImageBytes: Number(process.env['CARTON_MAX_FORUM_IMAGE_BYTES'] ?? GiB),
    });
    if (fresh && !command.json) out(`New database: ${databaseFile}\n`);
    out(command.json ? `${JSON.stringify(created, null, 2)}\n` : links(created));
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  try {
    await runCli(parseArgs(process.argv.slice(2), process.env), (text) =>
      process.stdout.write(text),
    );
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`carton: ${error.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    if (error instanceof ArchiveError) {
      process.stderr.write(`carton: ${error.code}: ${error.message} (${error.path})\n`);
      process.exit(1);
    }
    process.stderr.write(`carton: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  }
}

// Run only as the entry point (tests import runCli).
if (process.argv[1] && /cli\.(js|ts)$/.test(process.argv[1])) void main();
