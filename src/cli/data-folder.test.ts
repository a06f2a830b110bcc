import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, DEMO_PASSWORD } from '../demo/accounts.ts';
import { createUser } from '../platform/auth.ts';
import { openDatabase } from '../platform/database.ts';
import { LOCK_FILE } from '../platform/folder-lock.ts';
import { testDatabase } from '../platform/test-database.ts';
import { huiqi, serve, type Served } from './test-processes.ts';

const ADMIN = 'data-folder-admin-2026';
const FIXTURE = 'fixtures/imports/wuxi-binhu-2025.xlsx';
const FOLDER_HELD = 75;

/** How many firms the server shows its administrator. */
async function firmsServed(url: string): Promise<number> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const list = await fetch(`${url}/api/v1/enterprises?pageSize=1`, { headers: { cookie } });
  return ((await list.json()) as { total: number }).total;
}

describe('one process per embedded data folder', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-folder-'));
  const settings = { HUIQI_DATA_DIR: dir, HUIQI_ADMIN_PASSWORD: ADMIN, HUIQI_DEMO: 'off' };
  let server: Served;
  let firms: number;

  beforeAll(async () => {
    const imported = await huiqi(['import', FIXTURE, '--json'], settings);
    expect(imported.status, imported.stderr).toBe(0);
    firms = (JSON.parse(imported.stdout) as { good: number }).good;
    server = await serve(settings);
  }, 240_000);

  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 when HOST is not set', async () => {
    expect(server.output()).toMatch(/监听 127\.0\.0\.1 端口 \d+/);
    expect(await firmsServed(server.url)).toBe(firms);
  });

  it('refuses a second server on the folder, naming the holder, and the first keeps serving', async () => {
    const second = await huiqi(['serve'], { ...settings, PORT: '0' });
    expect(second.status).toBe(FOLDER_HELD);
    expect(second.stderr).toContain(`pid ${server.child.pid}（huiqi serve）`);
    expect(second.stderr).toContain(`the data folder ${dir} is in use by pid ${server.child.pid} (huiqi serve) since`);
    expect(await firmsServed(server.url)).toBe(firms);
  });

  it('refuses migrate and import beside the server, saying what to do instead', async () => {
    const migrate = await huiqi(['migrate'], settings);
    expect(migrate.status).toBe(FOLDER_HELD);
    expect(migrate.stderr).toContain(`pid ${server.child.pid}`);
    expect(migrate.stderr).toContain('applied the migrations when it started');
    const imported = await huiqi(['import', FIXTURE], settings);
    expect(imported.status).toBe(FOLDER_HELD);
    expect(imported.stderr).toContain(`${server.url.replace('127.0.0.1', 'localhost')}/api/v1/imports`);
  });

  it('after kill -9 of the holder, takes the stale lock over on the next start, with the data intact', async () => {
    expect(await server.stop('SIGKILL')).toBeNull();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    server = await serve(settings);
    expect(server.output()).toContain('which no longer runs; taken over');
    expect(await firmsServed(server.url)).toBe(firms);
    expect(await server.stop()).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses to serve a database holding a demo account on an address others can reach', async () => {
    const d = await openDatabase({ dataDir: dir });
    await createUser(d.db, { ...demoAccounts([])[0]!, password: DEMO_PASSWORD });
    await d.close();
    const r = await huiqi(['serve'], { ...settings, HOST: '0.0.0.0', PORT: '0' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the database holds demo accounts, whose password is public');
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});

describe('the demo and the network', { timeout: 180_000 }, () => {
  it('refuses to load the demo accounts on an address others can reach', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huiqi-demo-'));
    try {
      const r = await huiqi(['serve'], { HUIQI_DATA_DIR: dir, HOST: '0.0.0.0', PORT: '0' });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('不能在对外地址 0.0.0.0 上提供服务：请设置 HUIQI_DEMO=off');
      expect(r.stderr).toContain('Set HUIQI_DEMO=off');
      expect(r.stdout).not.toContain('已启动');
      expect(readdirSync(dir)).toEqual([]); // refused before the database was opened
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(!!process.env.HUIQI_TEST_DATABASE_URL)('a first start on a PostgreSQL server', () => {
  it('loads no demo unless HUIQI_DEMO=on', { timeout: 180_000 }, async () => {
    const d = await testDatabase();
    try {
      const server = await serve({ DATABASE_URL: d.url!, HUIQI_ADMIN_PASSWORD: ADMIN });
      expect(await server.stop()).toBe(0);
      expect(server.output()).not.toContain('演示数据');
      const { rows } = await d.execute('select username from users');
      expect(rows).toEqual([{ username: 'admin' }]);
    } finally {
      await d.close();
    }
  });
});
