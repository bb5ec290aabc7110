// Cross-process tests of failures after images were stored: the test reaches into the running
// server's own store (its SQLite file, or its PostgreSQL database) to make one table refuse
// inserts — a storage failure at a chosen step, on real storage — and to count what is left.
import pg from 'pg';
import { openDatabase } from '../storage/database.ts';

export interface StoreProbe {
  /** From now on every INSERT into `table` fails (as a full disk or a lost database would). */
  refuseInserts(table: string): Promise<void>;
  allowInserts(table: string): Promise<void>;
  /** The images stored for `forumId`, or (`except`) for every other forum. */
  blobIds(forumId: string, options?: { except?: boolean }): Promise<string[]>;
  /**
   * Every table's rows counted per owner — `forum_id` if the table has one, else `board_id`
   * (documents), else `id` (forums); a table with none of those counts under `*`.
   */
  tally(): Promise<Tally>;
  close(): Promise<void>;
}

export type Tally = Record<string, Record<string, number>>;

/** The column a table's rows are counted by (tally). */
function ownerColumn(columns: readonly string[]): string | null {
  return ['forum_id', 'board_id', 'id'].find((name) => columns.includes(name)) ?? null;
}

function tallySql(table: string, owner: string | null): string {
  return owner === null
    ? `SELECT '*' AS owner, COUNT(*) AS n FROM ${table}`
    : `SELECT ${owner} AS owner, COUNT(*) AS n FROM ${table} GROUP BY ${owner}`;
}

const TABLE = /^[a-z_]+$/;

/** A probe of the server's SQLite file in `dataDir` (WAL: it may run beside the server). */
function sqliteProbe(dataDir: string): StoreProbe {
  const db = openDatabase(dataDir);
  return {
    async refuseInserts(table) {
      if (!TABLE.test(table)) throw new Error(`bad table ${table}`);
      db.exec(
        `CREATE TRIGGER refuse_${table} BEFORE INSERT ON ${table}
         BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
      );
    },
    async allowInserts(table) {
      if (!TABLE.test(table)) throw new Error(`bad table ${table}`);
      db.exec(`DROP TRIGGER IF EXISTS refuse_${table}`);
    },
    async blobIds(forumId, { except = false } = {}) {
      const rows = db
        .prepare<[string], { sha256: string }>(
          `SELECT sha256 FROM blobs WHERE forum_id ${except ? '<>' : '='} ? ORDER BY sha256`,
        )
        .all(forumId);
      return rows.map((row) => row.sha256);
    },
    async tally() {
      const tables = db
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .all();
      const tally: Tally = {};
      for (const { name } of tables) {
        const columns = db
          .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}')`)
          .all()
          .map((column) => column.name);
        const rows = db
          .prepare<[], { owner: string; n: number }>(tallySql(name, ownerColumn(columns)))
          .all();
        tally[name] = Object.fromEntries(rows.map((row) => [row.owner, row.n]));
      }
      return tally;
    },
    async close() {
      db.close();
    },
  };
}

/** A probe of the server's PostgreSQL database. */
async function postgresProbe(url: string): Promise<StoreProbe> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async refuseInserts(table) {
      if (!TABLE.test(table)) throw new Error(`bad table ${table}`);
      await client.query(
        `CREATE OR REPLACE FUNCTION refuse_insert() RETURNS trigger LANGUAGE plpgsql AS
         $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`,
      );
      await client.query(
        `CREATE TRIGGER refuse_${table} BEFORE INSERT ON ${table}
         FOR EACH ROW EXECUTE FUNCTION refuse_insert()`,
      );
    },
    async allowInserts(table) {
      if (!TABLE.test(table)) throw new Error(`bad table ${table}`);
      await client.query(`DROP TRIGGER IF EXISTS refuse_${table} ON ${table}`);
    },
    async blobIds(forumId, { except = false } = {}) {
      const result = await client.query<{ sha256: string }>(
        `SELECT sha256 FROM blobs WHERE forum_id ${except ? '<>' : '='} $1 ORDER BY sha256`,
        [forumId],
      );
      return result.rows.map((row) => row.sha256);
    },
    async tally() {
      const columns = await client.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns
         WHERE table_schema = current_schema()`,
      );
      const byTable = new Map<string, string[]>();
      for (const row of columns.rows) {
        byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), row.column_name]);
      }
      const tally: Tally = {};
      for (const [name, names] of byTable) {
        const rows = await client.query<{ owner: string; n: string }>(
          tallySql(name, ownerColumn(names)),
        );
        tally[name] = Object.fromEntries(rows.rows.map((row) => [row.owner, Number(row.n)]));
      }
      return tally;
    },
    async close() {
      await client.end();
    },
  };
}

/** The probe of the store a server runs on: PostgreSQL if `databaseUrl`, else SQLite. */
export function probeStore(dataDir: string, databaseUrl: string | undefined): Promise<StoreProbe> {
  return databaseUrl === undefined
    ? Promise.resolve(sqliteProbe(dataDir))
    : postgresProbe(databaseUrl);
}
