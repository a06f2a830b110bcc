/**
 * A migrated database for one test file: embedded PGlite in memory, or — when
 * HUIQI_TEST_DATABASE_URL names a PostgreSQL server — a fresh database there, dropped afterwards.
 * The same tests run on both (`npm test` and `npm run test:pg`).
 */
import pg from 'pg';
import { openDatabase, type Database } from './database.ts';

/** On PostgreSQL, `url` names the test's database, for a second process to connect to. */
export async function testDatabase(): Promise<Database & { url?: string }> {
  const server = process.env.HUIQI_TEST_DATABASE_URL;
  if (!server) {
    const d = await openDatabase({ dataDir: 'memory' });
    await d.migrate();
    return d;
  }
  const name = `huiqi_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const d = await openDatabase({ url: url.toString() });
  await d.migrate();
  return {
    ...d,
    url: url.toString(),
    close: async () => {
      await d.close();
      await admin(`drop database ${name}`);
    },
  };
}
