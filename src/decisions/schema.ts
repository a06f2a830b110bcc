/**
 * Decision records: every evaluation the platform acts on, with everything needed to replay it —
 * the policy's hash and edition, the as-of date, the input exactly as evaluated, and the result.
 * The source of every policy version evaluated is kept by its hash, so a record can be replayed
 * after the policy file has changed.
 */
import { sql } from 'drizzle-orm';
import { bigserial, date, index, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { jsonValue } from '../platform/columns.ts';

export const decisions = pgTable(
  'decisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    uscc: varchar('uscc', { length: 18 }),
    /** The firm's region when decided, for scoping who may read the record. */
    regionCode: varchar('region_code', { length: 6 }),
    policyId: text('policy_id').notNull(),
    policyHash: text('policy_hash').notNull(),
    edition: text('edition').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    input: jsonValue('input').notNull(),
    /** The source of each fact of the input, when the policy takes facts by their source (money, titles). */
    sources: jsonValue('sources'),
    result: jsonValue('result').notNull(),
    verdict: text('verdict').notNull(),
    /** Why it was taken: `evaluation`, `tags`, later `application`, `screening`. */
    purpose: text('purpose').notNull(),
    actor: text('actor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('decisions_by_firm').on(t.uscc, t.id),
    index('decisions_by_policy').on(t.policyId, t.verdict),
    index('decisions_by_region').using('btree', sql`${t.regionCode} text_pattern_ops`),
  ],
);

export const policySources = pgTable('policy_sources', {
  hash: text('hash').primaryKey(),
  policyId: text('policy_id').notNull(),
  source: text('source').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
