/**
 * One owner per embedded data folder. PGlite has no lock of its own: two processes on one folder
 * corrupt it. So a process writes a lock file (who, what, since when) with an exclusive create
 * before it opens the folder, and removes it on close. A lock whose process no longer lives
 * (killed with -9, a crash) is taken over; its pid is checked against the process's start time,
 * so a reused pid (a container restarted) does not pass for the old holder.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { AppError } from './errors.ts';

export const LOCK_FILE = 'huiqi.lock';

export interface Holder {
  pid: number;
  command: string;
  /** ISO time the lock was taken. */
  since: string;
  host: string;
  /** The process's start in clock ticks since boot (Linux), to tell a reused pid. */
  started?: string | undefined;
  /** Where the holder serves, once a server listens. */
  url?: string | undefined;
}

export class FolderHeld extends AppError {
  constructor(
    readonly dir: string,
    readonly holder: Holder,
  ) {
    const who = `pid ${holder.pid}${holder.host === hostname() ? '' : `@${holder.host}`}`;
    super(409, 'data_folder_held', {
      zh: `数据目录 ${dir} 正由另一进程使用：${who}（${holder.command}），自 ${holder.since} 起${holder.url ? `，服务于 ${holder.url}` : ''}`,
      en: `the data folder ${dir} is in use by ${who} (${holder.command}) since ${holder.since}${holder.url ? `, serving ${holder.url}` : ''}`,
    });
  }
}

export interface FolderLock {
  readonly dir: string;
  /** The holder this process displaced: one that had died without releasing the folder. */
  readonly tookOverFrom: Holder | undefined;
  /** (Re)writes this process's record, with the address it serves at when it has one. */
  announce(url?: string): void;
  /** Lets the folder go, if the lock is still this process's. */
  release(): void;
}

/** The process's start time from /proc; undefined where there is no /proc. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces; starttime is field 22.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function lives(h: Holder): boolean {
  if (h.host !== hostname()) return true; // another machine's processes cannot be seen: assume it lives
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const started = processStart(h.pid);
  return started === undefined || h.started === undefined || started === h.started;
}

function readRaw(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function parseHolder(raw: string): Holder | undefined {
  try {
    const h = JSON.parse(raw) as Holder;
    return typeof h.pid === 'number' && typeof h.since === 'string' ? h : undefined;
  } catch {
    return undefined; // being written this instant, or left half-written
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Removes a dead holder's lock, guarded by a second exclusive file so that two processes taking
 * over at once cannot both succeed (the second would remove the first's fresh lock).
 */
function removeStale(file: string, stale: string): void {
  const guard = `${file}.takeover`;
  try {
    writeFileSync(guard, String(process.pid), { flag: 'wx' });
  } catch {
    // Another process is taking over; a guard older than a few seconds was left by a crash.
    if (Date.now() - (statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 5000)
      rmSync(guard, { force: true });
    return;
  }
  try {
    if (readRaw(file) === stale) rmSync(file, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
}

export function commandLine(argv = process.argv): string {
  return [basename(argv[1] ?? 'node').replace(/\.[cm]?[jt]s$/, ''), ...argv.slice(2)].join(' ');
}

/** Takes the folder (creating it) or throws FolderHeld naming the living holder. */
export function lockFolder(dir: string, command = commandLine()): FolderLock {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  const me: Holder = {
    pid: process.pid,
    command,
    since: new Date().toISOString(),
    host: hostname(),
    started: processStart(process.pid),
  };
  let tookOverFrom: Holder | undefined;
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      return ownLock(resolve(dir), file, me, tookOverFrom);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const raw = readRaw(file);
    if (raw === undefined) continue; // released meanwhile
    const holder = parseHolder(raw);
    if (holder && lives(holder)) throw new FolderHeld(dir, holder);
    if (holder || attempt >= 5) {
      tookOverFrom = holder ?? tookOverFrom;
      removeStale(file, raw);
    }
    pause(50);
  }
  throw new Error(`could not take the lock ${file}: other processes keep taking it over`);
}

function ownLock(dir: string, file: string, me: Holder, tookOverFrom: Holder | undefined): FolderLock {
  let record = me;
  return {
    dir,
    tookOverFrom,
    announce(url) {
      record = { ...me, url };
      const next = `${file}.${process.pid}`;
      writeFileSync(next, JSON.stringify(record));
      renameSync(next, file);
    },
    release() {
      const held = parseHolder(readRaw(file) ?? '');
      if (held?.pid === record.pid && held.since === record.since) rmSync(file, { force: true });
    },
  };
}
