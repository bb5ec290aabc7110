// Without the `pg` module: main.ts names the database in its log and its exit line, and a server
// on SQLite never loads PostgreSQL's client (http/server.ts).

/** A database URL without its secret, for logs and errors: `host:port/database`. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || 'localhost';
    const port = parsed.port ? `:${parsed.port}` : '';
    return `${host}${port}${parsed.pathname || '/'}`;
  } catch {
    return '(unparsable URL)';
  }
}
