/**
 * The database: embedded PGlite in a data folder by default, a PostgreSQL server when
 * DATABASE_URL is set. Both go through the same Drizzle PgDatabase, the same migrations and the
 * same queries (kept within PostgreSQL 15, which the server packages provide).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { SQL } from 'drizzle-orm';

export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies the versioned migrations that are not applied yet. */
  migrate(): Promise<void>;
  /** Raw SQL for tools that bring their own (the job queue); several statements when no values. */
  execute(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

export interface DatabaseConfig {
  /** postgres://… for a server; otherwise embedded. */
  url?: string | undefined;
  /** Folder of the embedded database; "memory" keeps it in memory (tests). */
  dataDir?: string | undefined;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.url) {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    await pool.query('select 1').catch((e: Error) => {
      throw new Error(`cannot reach the PostgreSQL server in DATABASE_URL: ${e.message}`);
    });
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: () => migratePg(drizzlePg(pool), { migrationsFolder: MIGRATIONS_DIR }),
      execute: (text, values) => pool.query(text, values),
      close: () => pool.end(),
    };
  }
  const dir = config.dataDir ?? 'data';
  if (dir !== 'memory') mkdirSync(dir, { recursive: true });
  const client = dir === 'memory' ? new PGlite() : new PGlite(dir);
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR }),
    execute: async (text, values) => {
      if (values?.length) return client.query(text, values);
      const results = await client.exec(text);
      return { rows: results.flatMap((r) => r.rows) };
    },
    close: () => client.close(),
  };
}

/** The configuration the environment gives: DATABASE_URL, else HUIQI_DATA_DIR, else ./data. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return { url: env.DATABASE_URL || undefined, dataDir: env.HUIQI_DATA_DIR || undefined };
}

/** The rows of a raw query; both drivers answer `{ rows }`. */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
