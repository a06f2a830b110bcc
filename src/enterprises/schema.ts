/**
 * Tables of the enterprise registry. The fact ledger is append-only: a value is never updated in
 * place; the current profile is the latest entry of each fact path.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { FACT_SOURCES } from '../facts/sources.ts';
import { bytea, jsonValue } from '../platform/columns.ts';

export { FACT_SOURCES, type FactSource } from '../facts/sources.ts';

/**
 * One row per firm. Besides the key, the columns are a projection of the ledger kept for listing,
 * filtering and statistics over a million firms: name, region and industry as last recorded, and
 * the tags the latest evaluation gave (size class, tiers held, tiers qualified for).
 */
export const enterprises = pgTable(
  'enterprises',
  {
    uscc: varchar('uscc', { length: 18 }).primaryKey(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    name: text('name'),
    regionCode: varchar('region_code', { length: 6 }),
    industryCode: text('industry_code'),
    sizeClass: text('size_class'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The current profile the ledger makes, and the ledger entry it is current to (for screening). */
    profile: jsonValue('profile')
      .notNull()
      .default(sql`'{}'::jsonb`),
    ledgerMark: bigint('ledger_mark', { mode: 'number' }).notNull().default(0),
    /** The source of each fact path that stands in `profile`: what a policy that pays checks it may take. */
    sources: jsonValue('sources')
      .notNull()
      .default(sql`'{}'::jsonb`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('enterprises_by_region').using('btree', sql`${t.regionCode} text_pattern_ops`),
    index('enterprises_by_tags').using('gin', t.tags),
  ],
);

/** Firms per county, industry section and size class ('' = not known), kept with every write. */
export const firmCounts = pgTable(
  'firm_counts',
  {
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    section: varchar('section', { length: 1 }).notNull(),
    sizeClass: text('size_class').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.section, t.sizeClass] })],
);

/** Firms per county and tag. */
export const tagCounts = pgTable(
  'tag_counts',
  {
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    tag: text('tag').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.tag] })],
);

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** A spreadsheet import: the file is kept until the job has read it, then the outcome. */
export const imports = pgTable('imports', {
  id: text('id').primaryKey(),
  fileName: text('file_name').notNull(),
  status: text('status', { enum: IMPORT_STATUSES }).notNull().default('queued'),
  year: integer('year'),
  userId: integer('user_id').notNull(),
  /** Reviewers import only firms in their region; null for an administrator. */
  regionScope: varchar('region_scope', { length: 6 }),
  /** Runs started; the uploaded file itself waits in upload_parts until it is read. */
  attempts: integer('attempts').notNull().default(0),
  /** Written while it runs: a running import whose heartbeat stopped was left by a stopped process. */
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  imported: integer('imported').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  errors: jsonValue('errors'),
  /** Header columns that were not read (unknown unit, repeated column), with why. */
  warnings: jsonValue('warnings'),
  rejects: bytea('rejects'),
  failure: text('failure'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

export const facts = pgTable(
  'facts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    uscc: varchar('uscc', { length: 18 })
      .notNull()
      .references(() => enterprises.uscc),
    /** A profile path: `name`, `years.2025.revenue`, `compliance.seriousDishonesty`, `ip` (the whole list). */
    path: text('path').notNull(),
    /** The value written; null clears the fact (it becomes unknown again). */
    value: jsonValue('value'),
    source: text('source', { enum: FACT_SOURCES }).notNull(),
    actor: text('actor').notNull(),
    reason: text('reason'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('facts_by_path').on(t.uscc, t.path, t.id),
    check(
      'facts_source_known',
      sql`${t.source} in ('self', 'import', 'tax', 'social_insurance', 'registry', 'court', 'reviewer', 'recognition')`,
    ),
    check('facts_override_has_reason', sql`${t.source} <> 'reviewer' or ${t.reason} is not null`),
  ],
);
