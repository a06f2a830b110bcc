/**
 * The `huiqi` command as users run it, for tests: `node bin/huiqi.js …` in a child process, with
 * only the settings a test gives (none inherited from the shell running the tests).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SETTINGS = ['DATABASE_URL', 'HUIQI_DATA_DIR', 'HUIQI_DEMO', 'HOST', 'PORT', 'HUIQI_ADMIN_PASSWORD'];

function envWith(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of SETTINGS) delete env[name];
  return { ...env, ...settings };
}

export interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one command to its end (without blocking this process, which may be talking to a server). */
export function huiqi(args: string[], settings: Record<string, string>): Promise<Outcome> {
  const child = spawn(process.execPath, ['bin/huiqi.js', ...args], { cwd: REPO, env: envWith(settings) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export interface Served {
  child: ChildProcess;
  /** On the loopback address, where it listens by default. */
  url: string;
  /** Everything the server printed so far. */
  output(): string;
  /** Ends it with a signal and waits: its exit code (null when killed). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `huiqi serve` on a free port and waits until it says it listens. */
export async function serve(settings: Record<string, string>): Promise<Served> {
  const child = spawn(process.execPath, ['bin/huiqi.js', 'serve'], {
    cwd: REPO,
    env: envWith({ PORT: '0', ...settings }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<string>((resolve, reject) => {
    const watch = setInterval(() => {
      const m = /已启动[^\n]*http:\/\/\S+:(\d+)/.exec(output);
      if (m) {
        clearInterval(watch);
        resolve(m[1]!);
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(watch);
      reject(new Error(`huiqi serve ended (${code}) before listening:\n${output}`));
    });
  });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
