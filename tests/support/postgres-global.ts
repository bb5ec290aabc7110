// Global setup of the `integration-postgres` project: one throwaway PostgreSQL for the whole
// run. Every server the integration tests start then gets a database of its own on it
// (support/server.ts), so the same tests check Carton on PostgreSQL as on its SQLite file.
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The superuser URL of the run's PostgreSQL, when the tests run on PostgreSQL. */
    cartonPostgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startTestPostgres();
  project.provide('cartonPostgresAdminUrl', postgres.url('postgres'));
  return () => postgres.stop();
}
