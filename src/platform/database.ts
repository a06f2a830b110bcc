/**
 * The database: embedded PGlite in a data folder by default, a PostgreSQL server when
 * DATABASE_URL is set. Both go through the same Drizzle PgDatabase, the same migrations and the
 * same queries (kept within PostgreSQL 15, which the server packages provide).
 */
import { spawn } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { SQL } from 'drizzle-orm';
import { AppError } from './errors.ts';
import { lockFolder, LOCK_FILE, type FolderLock, type Holder } from './folder-lock.ts';

export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies the versioned migrations that are not applied yet. */
  migrate(): Promise<void>;
  /** Raw SQL for tools that bring their own (the job queue); several statements when no values. */
  execute(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** Writes a backup: the embedded folder as a .tar.gz, a server's database as a pg_dump archive. */
  backup(file: string): Promise<void>;
  /** The embedded database's folder, held by this process until close (none in memory or on a server). */
  folder?: FolderLock | undefined;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

export interface DatabaseConfig {
  /** postgres://… for a server; otherwise embedded. */
  url?: string | undefined;
  /** Folder of the embedded database; "memory" keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** Embedded only: create the folder from a backup; a folder holding a database is replaced only if told. */
  restore?: { backup: Blob; replace: boolean } | undefined;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const url = config.url;
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    await pool.query('select 1').catch((e: Error) => {
      throw new Error(`cannot reach the PostgreSQL server in DATABASE_URL: ${e.message}`);
    });
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: () => migratePg(drizzlePg(pool), { migrationsFolder: MIGRATIONS_DIR }),
      execute: (text, values) => pool.query(text, values),
      backup: (file) => runClientTool('pg_dump', url, ['--format=custom', `--file=${file}`]),
      close: () => pool.end(),
    };
  }
  const dir = config.dataDir ?? 'data';
  // Taken before PGlite touches the folder: a second opener must not even read it.
  const folder = dir === 'memory' ? undefined : lockFolder(dir);
  if (folder?.tookOverFrom) console.warn(takeOverNote(dir, folder.tookOverFrom));
  let client: PGlite;
  try {
    if (config.restore) clearForRestore(dir, config.restore.replace);
    client = dir === 'memory' ? new PGlite() : new PGlite(dir, { loadDataDir: config.restore?.backup });
    await client.waitReady;
  } catch (e) {
    folder?.release();
    throw e;
  }
  // A backup carries the lock file of the process that took it: this process holds the folder now.
  if (config.restore) folder?.announce();
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    folder,
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR }),
    execute: async (text, values) => {
      if (values?.length) return client.query(text, values);
      const results = await client.exec(text);
      return { rows: results.flatMap((r) => r.rows) };
    },
    backup: async (file) => {
      const tarball = await client.dumpDataDir('gzip');
      writeFileSync(file, Buffer.from(await tarball.arrayBuffer()));
    },
    close: async () => {
      await client.close();
      folder?.release();
    },
  };
}

function takeOverNote(dir: string, h: Holder): string {
  return (
    `注意：数据目录 ${dir} 的锁属于已不存在的进程 pid ${h.pid}（${h.command}，自 ${h.since} 起），已接管。\n` +
    `note: the lock on ${dir} belonged to pid ${h.pid} (${h.command}, since ${h.since}), which no longer runs; taken over.`
  );
}

/** A restore does not overwrite a database unless told to. */
export const targetNotEmpty = (en: string, zh: string): AppError =>
  new AppError(409, 'restore_target_not_empty', {
    zh: `${zh} 中已有数据；如要替换，请加 --force`,
    en: `${en} already holds a database; give --force to replace it`,
  });

/** A restore goes into an empty folder, or replaces what is there when told to. */
function clearForRestore(dir: string, replace: boolean): void {
  const present = readdirSync(dir).filter((n) => !n.startsWith(LOCK_FILE));
  if (!present.length) return;
  if (!replace) throw targetNotEmpty(`the data folder ${dir}`, `数据目录 ${dir}`);
  for (const name of present) rmSync(join(dir, name), { recursive: true, force: true });
}

/**
 * Runs a PostgreSQL client tool (pg_dump, pg_restore) against a server, the password passed in
 * PGPASSWORD rather than on the command line, where other users could read it.
 */
export function runClientTool(tool: string, url: string, args: string[]): Promise<void> {
  const target = new URL(url);
  const password = decodeURIComponent(target.password);
  target.password = '';
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, `--dbname=${target.toString()}`], {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'ENOENT'
          ? new Error(
              `${tool} not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client)`,
            )
          : e,
      ),
    );
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${tool} failed (${code}): ${errors.trim()}`)),
    );
  });
}

/** The configuration the environment gives: DATABASE_URL, else HUIQI_DATA_DIR, else ./data. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return { url: env.DATABASE_URL || undefined, dataDir: env.HUIQI_DATA_DIR || undefined };
}

/** The rows of a raw query; both drivers answer `{ rows }`. */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
