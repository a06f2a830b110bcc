import { readFileSync } from 'node:fs';
import type { BlockList } from 'node:net';
import type { PolicySet } from '../rules/engine.ts';
import type { Database, Db } from './database.ts';
import type { Jobs } from './jobs.ts';

/** What every service is given: the database, the policy library, the job queue and the calendar. */
export interface Platform {
  database: Database;
  db: Db;
  /** Swapped whole when an administrator reloads the policy files (see policy/reload.ts). */
  policies: PolicySet;
  /** Where the policy files are read from; the project's policies/ folder by default. */
  policyDir?: string | undefined;
  jobs: Jobs;
  /** Today in China (YYYY-MM-DD), the default as-of date. */
  today(): string;
  /** Reverse proxies whose `X-Forwarded-For` is believed (HUIQI_TRUSTED_PROXIES); none when absent. */
  trustedProxies?: BlockList | undefined;
}

export function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/**
 * The platform's calendar: today in China, or — for a training environment or the browser tests,
 * which need days to pass (a notice runs its days before a decision) — the YYYY-MM-DD written in
 * the file HUIQI_CLOCK_FILE names, read at each call; an empty or absent file means the real date.
 */
export function calendarFromEnv(env: NodeJS.ProcessEnv = process.env): () => string {
  const file = env.HUIQI_CLOCK_FILE;
  if (!file) return chinaToday;
  return () => {
    let text = '';
    try {
      text = readFileSync(file, 'utf8').trim();
    } catch {
      // no file: the real date
    }
    return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)) ? text : chinaToday();
  };
}
