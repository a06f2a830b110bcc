/**
 * Background jobs on a PostgreSQL-backed queue (pg-boss), so imports and screenings survive a
 * restart and any number of worker processes can share them. On PGlite the queue talks to the
 * embedded database through its single connection.
 */
import PgBoss from 'pg-boss';
import type { Database } from './database.ts';

export type JobHandler<T> = (data: T, id: string) => Promise<void>;

export interface Jobs {
  send<T extends object>(queue: string, data: T): Promise<string>;
  work<T>(queue: string, handler: JobHandler<T>): Promise<void>;
  stop(): Promise<void>;
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
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
