/**
 * Tables of the enterprise registry. The fact ledger is append-only: a value is never updated in
 * place; the current profile is the latest entry of each fact path.
 */
import { sql } from 'drizzle-orm';
import { bigserial, check, customType, index, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * jsonb read back as the driver gives it. Both drivers already parse jsonb; Drizzle's own jsonb
 * parses strings a second time, turning a stored "320211" into the number 320211.
 */
export const jsonValue = customType<{ data: unknown; driverData: unknown }>({
  dataType: () => 'jsonb',
  toDriver: (v) => JSON.stringify(v),
  fromDriver: (v) => v,
});

export const FACT_SOURCES = ['self', 'import', 'tax', 'social_insurance', 'registry', 'court', 'reviewer'] as const;
export type FactSource = (typeof FACT_SOURCES)[number];

export const enterprises = pgTable('enterprises', {
  uscc: varchar('uscc', { length: 18 }).primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
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
      sql`${t.source} in ('self', 'import', 'tax', 'social_insurance', 'registry', 'court', 'reviewer')`,
    ),
    check('facts_override_has_reason', sql`${t.source} <> 'reviewer' or ${t.reason} is not null`),
  ],
);
