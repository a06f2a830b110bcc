/**
 * Background jobs on a PostgreSQL-backed queue (pg-boss), so imports and screenings survive a
 * restart and any number of worker processes can share them. On PGlite the queue talks to the
 * embedded database through its single connection.
 */
import PgBoss from 'pg-boss';
import type { Database } from './database.ts';

export type JobHandler<T> = (data: T, id: string) => Promise<void>;

/** How often a running tracked job writes its heartbeat, and when a silent one counts as stopped. */
export const HEARTBEAT_MS = 10_000;
export const STALE_MS = 3 * HEARTBEAT_MS;

/**
 * Looks for tracked jobs (an import, a screening) that a stopped process left looking as if they
 * run, and resumes or fails them: those whose heartbeat is older than `staleBefore`. `starting`
 * is the sweep made when this process starts.
 */
export type Sweep = (at: { staleBefore: Date; starting: boolean }) => Promise<unknown>;

export interface Jobs {
  send<T extends object>(queue: string, data: T): Promise<string>;
  work<T>(queue: string, handler: JobHandler<T>): Promise<void>;
  /** Sweeps now, then every heartbeat until stopped. */
  sweep(sweeps: Sweep[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Lets the event loop run once: timers, and requests waiting to be read. On the embedded database
 * every query runs on this thread and answers without I/O, so a job's chain of queries would
 * otherwise hold the whole server until it ends (an import of 6,000 firms froze it for seconds).
 */
export const letRequestsIn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs `work`, calling `beat` every HEARTBEAT_MS meanwhile (a failed beat is only logged). */
export async function whileBeating<T>(beat: () => Promise<unknown>, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(
    () => void beat().catch((e: Error) => console.error(`heartbeat: ${e.message}`)),
    HEARTBEAT_MS,
  );
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

export async function startJobs(database: Database): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.execute(text, values) as Promise<{ rows: never[] }> },
    // Keep finished jobs a week for inspection; the outcome itself lives in our own tables.
    deleteAfterDays: 7,
  });
  boss.on('error', (e: Error) => console.error(`job queue: ${e.message}`));
  await boss.start();
  const queues = new Set<string>();
  const timers: NodeJS.Timeout[] = [];
  const sweepAll = (sweeps: Sweep[], at: Parameters<Sweep>[0]) =>
    Promise.all(sweeps.map((s) => s(at))).catch((e: Error) => console.error(`sweeping stale jobs: ${e.message}`));
  const ensure = async (queue: string) => {
    if (queues.has(queue)) return;
    await boss.createQueue(queue);
    queues.add(queue);
  };
  return {
    async send(queue, data) {
      await ensure(queue);
      const id = await boss.send(queue, data, { retryLimit: 2, retryDelay: 5 });
      if (!id) throw new Error(`the job queue refused a job for ${queue}`);
      return id;
    },
    async work(queue, handler) {
      await ensure(queue);
      await boss.work<never>(queue, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) await handler(job.data, job.id);
      });
    },
    async sweep(sweeps) {
      // The embedded database has one process: at its start, whatever runs was left by a stopped one.
      const now = Date.now();
      const staleBefore = new Date(database.kind === 'pglite' ? now : now - STALE_MS);
      await sweepAll(sweeps, { staleBefore, starting: true });
      const every = () => sweepAll(sweeps, { staleBefore: new Date(Date.now() - STALE_MS), starting: false });
      timers.push(setInterval(() => void every(), HEARTBEAT_MS).unref());
    },
    stop: () => {
      for (const t of timers) clearInterval(t);
      return boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
