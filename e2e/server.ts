/**
 * The platform the browser tests run against: `node bin/huiqi.js serve` as a child process, exactly
 * as users start it (embedded PGlite in a fresh temporary data directory, demo data loaded on the
 * first start), on a free loopback port. Stopped with SIGTERM, so PGlite closes cleanly; a server
 * that does not exit with code 0 fails the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const E2E_ADMIN_PASSWORD = 'huiqi-e2e-admin-2026';
const STARTUP_LIMIT_MS = 240_000;
const STOP_LIMIT_MS = 30_000;

export interface RunningServer {
  url: string;
  dataDir: string;
  /** The file whose date the server takes as today (HUIQI_CLOCK_FILE); empty: the real date. */
  clockFile: string;
  log: string;
  stop(): Promise<void>;
}

/** Newest modification time under a path (file or folder), in ms. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n))));
}

/**
 * Warns when the web bundle is older than its sources: the tests run against web/dist, which
 * `npm run build:web` makes (the server builds it only when it is missing). Not rebuilt here: in a
 * shared working tree a rebuild pulls the files from under other running servers.
 */
export function warnIfStaleBundle(say: (s: string) => void): void {
  const web = join(REPO, 'web');
  const built = join(web, 'dist', 'index.html');
  if (!existsSync(built)) return;
  const sources = Math.max(
    newest(join(web, 'src')),
    newest(join(web, 'public')),
    newest(join(web, 'index.html')),
    newest(join(web, 'vite.config.ts')),
  );
  if (statSync(built).mtimeMs < sources)
    say('e2e: WARNING web/dist is older than web/ — run `npm run build:web` to test the current code');
}

async function tail(file: string, lines = 40): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').slice(-lines).join('\n');
}

/** Starts `huiqi serve` on PGlite in a new temporary data directory and waits until it answers. */
export async function startServer(opts: { dataDir?: string } = {}): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'huiqi-e2e-')));
  const keepData = Boolean(opts.dataDir);
  const clockFile = join(dataDir, 'clock.txt');
  await mkdir(dataDir, { recursive: true });
  await writeFile(clockFile, '');
  const log = join(tmpdir(), `huiqi-e2e-server-${process.pid}.log`);
  const out = createWriteStream(log);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    HUIQI_DATA_DIR: dataDir,
    HUIQI_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
    // Empty: the real date, until a test moves the calendar (harness.ts setToday).
    HUIQI_CLOCK_FILE: clockFile,
  };
  delete env.DATABASE_URL; // always the embedded database, as a first-time user runs it
  delete env.HUIQI_DEMO;
  const child: ChildProcess = spawn(process.execPath, [join(REPO, 'bin', 'huiqi.js'), 'serve'], {
    cwd: REPO, // the static files are served relative to the working directory
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Should the test runner die without running the teardown, do not leave the server behind.
  const orphanGuard = () => child.kill('SIGTERM');
  process.once('exit', orphanGuard);
  child.stderr!.pipe(out, { end: false });

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`e2e: server not up after ${STARTUP_LIMIT_MS / 1000} s`)),
      STARTUP_LIMIT_MS,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      out.write(chunk);
      seen += chunk.toString('utf8');
      const m = /已启动[^\n]*http:\/\/[^:\s]+:(\d+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`e2e: server exited during start (code ${code}, signal ${signal})`));
    });
  }).catch(async (e: Error) => {
    child.kill('SIGTERM');
    await exited;
    out.end();
    throw new Error(`${e.message}; log ${log}:\n${await tail(log)}`);
  });
  const url = `http://127.0.0.1:${port}`;
  const health = await fetch(`${url}/api/v1/health`);
  if (!health.ok) throw new Error(`e2e: ${url}/api/v1/health answered ${health.status}`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      process.removeListener('exit', orphanGuard);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const result = await Promise.race([
        exited,
        new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), STOP_LIMIT_MS))),
      ]);
      clearTimeout(timer);
      if (result === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
      out.end();
      if (result === 'timeout' || result.code !== 0)
        throw new Error(
          `e2e: the server did not stop cleanly on SIGTERM (${result === 'timeout' ? 'still running after 30 s' : `code ${result.code}, signal ${result.signal}`}); data ${dataDir}, log ${log}:\n${await tail(log)}`,
        );
      if (!keepData) await rm(dataDir, { recursive: true, force: true });
      await rm(log, { force: true });
    })());
  return { url, dataDir, clockFile, log, stop };
}
