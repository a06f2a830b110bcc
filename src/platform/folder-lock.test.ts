import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderHeld, LOCK_FILE, lockFolder, type Holder } from './folder-lock.ts';

const startOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
};

describe('the data folder lock', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'huiqi-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const leave = (h: Partial<Holder>) =>
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ command: 'huiqi serve', since: '2026-12-01T08:00:00.000Z', host: hostname(), ...h }),
    );

  it('lets one opener in and names it to the next, until it lets go', () => {
    const lock = lockFolder(dir, 'huiqi serve');
    lock.announce('http://localhost:3000');
    const second = (() => {
      try {
        lockFolder(dir, 'huiqi migrate');
      } catch (e) {
        return e;
      }
    })();
    expect(second).toBeInstanceOf(FolderHeld);
    expect((second as FolderHeld).holder).toMatchObject({
      pid: process.pid,
      command: 'huiqi serve',
      url: 'http://localhost:3000',
    });
    expect((second as FolderHeld).text.zh).toContain(`pid ${process.pid}（huiqi serve）`);
    lock.release();
    lockFolder(dir, 'huiqi migrate').release();
  });

  it('refuses while another living process holds it', () => {
    leave({ pid: process.ppid, started: startOf(process.ppid) });
    expect(() => lockFolder(dir)).toThrow(`in use by pid ${process.ppid} (huiqi serve) since 2026-12-01T08:00:00.000Z`);
  });

  it('takes over the lock of a process that has ended, and says whose it was', () => {
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    leave({ pid: ended });
    const lock = lockFolder(dir);
    expect(lock.tookOverFrom).toMatchObject({ pid: ended, command: 'huiqi serve' });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('takes over a lock whose pid now belongs to another process (started later)', () => {
    leave({ pid: process.ppid, started: '1' });
    const lock = lockFolder(dir);
    expect(lock.tookOverFrom?.pid).toBe(process.ppid);
    lock.release();
  });

  it('does not remove a lock that is no longer its own', () => {
    const lock = lockFolder(dir);
    leave({ pid: process.ppid, started: startOf(process.ppid) });
    lock.release();
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.ppid });
  });
});
