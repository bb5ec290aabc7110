// `carton export` / `carton import`: forum archives from and into a data directory, for
// backups without a browser. Built to dist/cli.js: `node apps/server/dist/cli.js export …`.
import { createWriteStream, existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ArchiveError } from '../archive/errors.ts';
import { readForumArchive } from '../archive/read.ts';
import {
  ImportNotStoredError,
  restoreForumArchive,
  type RestoredForum,
} from '../archive/restore.ts';
import { storageSource } from '../archive/source.ts';
import { streamForumArchive } from '../archive/write.ts';
import { SqliteBlobStore, type BlobStore } from '../blobs/blob-store.ts';
import { SqliteVoteStore, type VoteStore } from '../facilitation/vote-store.ts';
import type { CreatedForum } from '../forums/create-forum.ts';
import type { ForumStore } from '../forums/forum-store.ts';
import { SqliteForumStore } from '../forums/sqlite-forum-store.ts';
import { generateToken, hashToken } from '../forums/tokens.ts';
import {
  DatabaseUnavailableError,
  describeDatabaseUrl,
  NewerSchemaError,
  openPostgres,
} from '../postgres/database.ts';
import { PgBlobStore } from '../postgres/pg-blob-store.ts';
import { PgBoardStorage } from '../postgres/pg-board-storage.ts';
import { PgForumStore } from '../postgres/pg-forum-store.ts';
import { PgVoteStore } from '../postgres/pg-vote-store.ts';
import type { BoardStorage } from '../storage/board-storage.ts';
import { DATABASE_FILE, openDatabase } from '../storage/database.ts';
import { SqliteBoardStorage } from '../storage/sqlite-board-storage.ts';
import type { CliCommand } from './args.ts';
import { parseArgs, UsageError } from './args.ts';
import { deleteForum } from './delete-forum.ts';
import { leftOutLines } from './left-out.ts';
import { NOT_STORED_EN } from './errors-en.ts';
import { archiveRefusalText, NOT_STORED_FR } from './errors-fr.ts';
import { CliRefusal, cliLanguage, cliText, type CliLanguage, type CliText } from './language.ts';
import { newerSchemaText } from './newer-schema.ts';
import { printable, printableJson, printableLines } from './printable.ts';
import { usageText } from './usage.ts';

const GiB = 1024 * 1024 * 1024;

/** The new forum's links; its titles come from the archive (printable). */
function links(created: CreatedForum, text: CliText): string {
  const lines = [
    text.forumLine(printable(created.forum.title), created.forum.id),
    `  ${text.facilitator} ${created.facilitator.url}`,
  ];
  for (const board of created.boards) {
    lines.push(`  ${printable(board.title)}`);
    lines.push(`    ${text.participation} ${board.edit.url}`);
    lines.push(`    ${text.view} ${board.view.url}`);
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
  text: CliText,
): Promise<string> {
  const token = generateToken();
  await forums.replaceFacilitatorToken(forumId, {
    hash: hashToken(token),
    role: 'facilitator',
    forumId,
    boardId: null,
  });
  return [...text.newFacilitatorLink(`${publicUrl}/f/${forumId}#token=${token}`), ''].join('\n');
}

/** The stores a command works on, and how to name their database in messages. */
interface CliStores {
  forums: ForumStore;
  boards: BoardStorage;
  blobs: BlobStore;
  votes: VoteStore;
  /** The data directory, or the PostgreSQL database's host and name (never its password). */
  where: string;
  /** A new SQLite file was created (import only). */
  createdFile: string | null;
  close(): Promise<void>;
}

function openSqliteStores(
  command: Exclude<CliCommand, { kind: 'help' }>,
  text: CliText,
): CliStores {
  // A mistyped path must not end in a stack trace, nor in a new empty database beside the real
  // one: exporting needs the server's database; importing says when it starts a new one.
  const databaseFile = join(command.dataDir, DATABASE_FILE);
  const fresh = !existsSync(databaseFile);
  if (command.kind !== 'import' && fresh) {
    throw new CliRefusal(text.noDatabase(command.dataDir, databaseFile));
  }
  const db = openDatabase(command.dataDir);
  return {
    forums: new SqliteForumStore(db),
    boards: new SqliteBoardStorage(db),
    blobs: new SqliteBlobStore(db),
    votes: new SqliteVoteStore(db),
    where: command.dataDir,
    createdFile: fresh ? databaseFile : null,
    // Closed without the storage's final checkpoint: the running server's checkpointer does it.
    close: async () => {
      db.close();
    },
  };
}

/** R62: the server's PostgreSQL database (CARTON_DATABASE_URL), schema brought up to date. */
async function openPostgresStores(url: string): Promise<CliStores> {
  const pool = await openPostgres(url, { poolSize: 2 });
  return {
    forums: new PgForumStore(pool),
    boards: new PgBoardStorage(pool, { closePool: false }),
    blobs: new PgBlobStore(pool),
    votes: new PgVoteStore(pool),
    where: describeDatabaseUrl(url),
    createdFile: null,
    close: () => pool.end(),
  };
}

export async function runCli(
  command: CliCommand,
  out: (text: string) => void,
  language: CliLanguage = 'fr',
): Promise<void> {
  const text = cliText(language);
  if (command.kind === 'help') return out(`${usageText(language)}\n`);
  if (command.kind === 'import' && !existsSync(command.archive)) {
    throw new CliRefusal(text.noArchive(command.archive));
  }
  const stores = command.database
    ? await openPostgresStores(command.database)
    : openSqliteStores(command, text);
  const { forums, boards, blobs, where } = stores;
  try {
    if (command.kind === 'forums') {
      const rows = (await forums.listForums()).map(
        (forum) =>
          `${printable(forum.id)}  ${printable(forum.date ?? '----------')}  ${printable(forum.title)}`,
      );
      out(rows.length > 0 ? `${rows.join('\n')}\n` : `${text.noForums(where)}\n`);
      return;
    }
    if (command.kind === 'delete') {
      await deleteForum(stores, command, text, out);
      return;
    }
    // R70: a deleted forum is a tombstone: no link to give, nothing to export.
    if (command.kind === 'facilitator-link' || command.kind === 'export') {
      const forum = await forums.getForum(command.forumId);
      if (forum?.deletedAt) {
        throw new CliRefusal(text.deletion.alreadyDeleted(printable(forum.id)));
      }
    }
    if (command.kind === 'facilitator-link') {
      const forum = await forums.getForum(command.forumId);
      if (!forum) throw new CliRefusal(text.noForum(command.forumId, where));
      out(await newFacilitatorLink(forums, forum.id, command.publicUrl, text));
      return;
    }
    if (command.kind === 'export') {
      const stream = await streamForumArchive(
        storageSource({ forums, boards, blobs, votes: stores.votes }),
        command.forumId,
        {
          png: command.png,
        },
      );
      if (!stream) throw new CliRefusal(text.noForum(command.forumId, where));
      await stream.pipeTo(Writable.toWeb(createWriteStream(command.out)));
      out(`${command.out}\n`);
      return;
    }
    const zip = await open(command.archive, 'r');
    let created: RestoredForum;
    try {
      const archive = await readForumArchive(zip);
      created = await restoreForumArchive(archive, {
        forums,
        boards,
        blobs,
        votes: stores.votes,
        baseUrl: command.publicUrl,
        maxForumImageBytes: Number(process.env['CARTON_MAX_FORUM_IMAGE_BYTES'] ?? GiB),
      });
    } finally {
      // Read by range, one entry at a time: the archive is never held whole in memory.
      await zip.close();
    }
    if (stores.createdFile && !command.json) out(`New database: ${stores.createdFile}\n`);
    if (command.json) out(`${printableJson(created)}\n`);
    else {
      // The links first (what the administrator came for), then what did not come back.
      const left = leftOutLines(created.leftOut, language);
      out(links(created, text) + (left.length > 0 ? `\n${left.join('\n')}\n` : ''));
    }
  } finally {
    await stores.close();
  }
}

async function main(): Promise<void> {
  let kind: CliCommand['kind'] | null = null;
  // The terminal's language (LANG…): English sentences for an English locale, else French.
  const language = cliLanguage(process.env);
  try {
    const command = parseArgs(process.argv.slice(2), process.env, language);
    kind = command.kind;
    await runCli(command, (text) => process.stdout.write(text), language);
  } catch (error) {
    if (error instanceof CliRefusal) {
      process.stderr.write(`carton: ${printable(error.message)}\n`);
      process.exit(2);
    }
    if (error instanceof UsageError) {
      process.stderr.write(`carton: ${printable(error.message)}\n\n${usageText(language)}\n`);
      process.exit(2);
    }
    // A database a newer Carton migrated: said in the terminal's language, nothing written.
    if (error instanceof NewerSchemaError) {
      process.stderr.write(newerSchemaText(error, language));
      process.exit(3);
    }
    if (error instanceof DatabaseUnavailableError) {
      process.stderr.write(`carton: ${printable(error.message)}\n`);
      process.exit(3);
    }
    // French first (the alliance's admins), then the code and the English message.
    if (error instanceof ArchiveError) {
      process.stderr.write(
        archiveRefusalText(error, kind === 'export' ? 'export' : 'import', language),
      );
      process.exit(1);
    }
    if (error instanceof ImportNotStoredError) {
      process.stderr.write(
        `carton: ${language === 'en' ? NOT_STORED_EN : NOT_STORED_FR}\n  storage_unavailable: ${printable(error.message)}\n`,
      );
      process.exit(1);
    }
    process.stderr.write(`carton: ${printableLines((error as Error).stack ?? String(error))}\n`);
    process.exit(1);
  }
}

// Run only as the entry point (tests import runCli).
if (process.argv[1] && /cli\.(js|ts)$/.test(process.argv[1])) void main();
