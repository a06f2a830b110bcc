import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../platform/database.ts';
import { testDatabase } from '../platform/test-database.ts';
import { huiqi } from './test-processes.ts';

const FIXTURE = 'fixtures/imports/wuxi-binhu-2025.xlsx';

/** Every table's row count and a checksum of its rows, in a stable order. */
async function contents(d: Database): Promise<Record<string, string>> {
  const { rows } = await d.execute(
    `select table_schema as s, table_name as t from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`,
  );
  const out: Record<string, string> = {};
  for (const { s, t } of rows as { s: string; t: string }[]) {
    const [r] = (
      await d.execute(
        `select count(*)::int as n, md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) as sum from "${s}"."${t}" x`,
        [],
      )
    ).rows as { n: number; sum: string }[];
    out[`${s}.${t}`] = `${r!.n} ${r!.sum}`;
  }
  return out;
}

async function contentsOf(dataDir: string): Promise<Record<string, string>> {
  const d = await openDatabase({ dataDir });
  try {
    return await contents(d);
  } finally {
    await d.close();
  }
}

describe('huiqi backup and restore of the embedded database', { timeout: 180_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'huiqi-backup-'));
  const source = join(work, 'source');
  const target = join(work, 'target');
  const backup = join(work, 'huiqi.tar.gz');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('restores into a fresh folder every table with the same rows', async () => {
    expect((await huiqi(['import', FIXTURE], { HUIQI_DATA_DIR: source })).status).toBe(0);
    const made = await huiqi(['backup', backup], { HUIQI_DATA_DIR: source });
    expect(made.status, made.stderr).toBe(0);
    const restored = await huiqi(['restore', backup], { HUIQI_DATA_DIR: target });
    expect(restored.status, restored.stderr).toBe(0);
    const before = await contentsOf(source);
    expect(before['public.enterprises']).toMatch(/^40 /);
    expect(await contentsOf(target)).toEqual(before);
  });

  it('does not overwrite a folder holding a database unless told to', async () => {
    const again = await huiqi(['restore', backup], { HUIQI_DATA_DIR: target });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`数据目录 ${target} 中已有数据；如要替换，请加 --force`);
    expect((await huiqi(['restore', backup, '--force'], { HUIQI_DATA_DIR: target })).status).toBe(0);
  });

  it('refuses while another process holds the folder', async () => {
    const held = await openDatabase({ dataDir: target });
    try {
      const r = await huiqi(['restore', backup, '--force'], { HUIQI_DATA_DIR: target });
      expect(r.status).toBe(75);
      expect(r.stderr).toContain(`is in use by pid ${process.pid}`);
      expect(r.stderr).toContain(`kill ${process.pid}`);
    } finally {
      await held.close();
    }
  });

  it('refuses a file that is not a backup', async () => {
    const r = await huiqi(['restore', FIXTURE], { HUIQI_DATA_DIR: join(work, 'other') });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is not a backup written by huiqi backup');
  });
});

describe.runIf(!!process.env.HUIQI_TEST_DATABASE_URL)('huiqi backup and restore of a PostgreSQL database', () => {
  it('restores into a fresh database every table with the same rows', { timeout: 180_000 }, async () => {
    const work = mkdtempSync(join(tmpdir(), 'huiqi-pg-backup-'));
    const [source, target] = [await testDatabase(), await testDatabase()];
    try {
      expect((await huiqi(['import', FIXTURE], { DATABASE_URL: source.url! })).status).toBe(0);
      const file = join(work, 'huiqi.dump');
      expect((await huiqi(['backup', file], { DATABASE_URL: source.url! })).status).toBe(0);
      // The target is migrated like every test database: a restore over it needs --force.
      expect((await huiqi(['restore', file], { DATABASE_URL: target.url! })).status).toBe(2);
      const restored = await huiqi(['restore', file, '--force'], { DATABASE_URL: target.url! });
      expect(restored.status, restored.stderr).toBe(0);
      expect(await contents(target)).toEqual(await contents(source));
    } finally {
      await source.close();
      await target.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
