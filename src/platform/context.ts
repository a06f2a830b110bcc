import type { PolicySet } from '../rules/engine.ts';
import type { Database, Db } from './database.ts';
import type { Jobs } from './jobs.ts';

/** What every service is given: the database, the policy library, the job queue and the calendar. */
export interface Platform {
  database: Database;
  db: Db;
  policies: PolicySet;
  jobs: Jobs;
  /** Today in China (YYYY-MM-DD), the default as-of date. */
  today(): string;
}

export function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
