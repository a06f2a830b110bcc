/**
 * Tables of policy delivery (政策兑现): screenings of a reward policy over a region's firms (免申即享),
 * the result kept for each firm, and the claims published to firms — offered to the eligible, an
 * invitation to supply facts (快申快享) to the undetermined — through confirmation to payment.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  varchar,
} from 'drizzle-orm/pg-core';

export const SCREENING_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ScreeningStatus = (typeof SCREENING_STATUSES)[number];

export const screenings = pgTable(
  'screenings',
  {
    id: serial('id').primaryKey(),
    policyId: text('policy_id').notNull(),
    /** The policy version screened; a screening resumed after the file changed refuses to mix versions. */
    policyHash: text('policy_hash').notNull(),
    edition: text('edition').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    /** Firms whose region code starts with this are screened. */
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    status: text('status', { enum: SCREENING_STATUSES }).notNull().default('queued'),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    /** The last firm (by USCC) whose result is stored: a resumed job carries on after it. */
    cursor: varchar('cursor', { length: 18 }),
    failure: text('failure'),
    startedBy: integer('started_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The day published claims and invitations must be answered by. */
    respondBy: date('respond_by', { mode: 'string' }),
  },
  (t) => [index('screenings_by_policy').on(t.policyId, t.id)],
);

export const SCREENED = ['qualified', 'not_qualified', 'undetermined'] as const;

/**
 * One decision record per firm and screening, kept small for a million firms: the result, and as
 * its input the firm's ledger position — the facts are append-only, so the profile evaluated is
 * the firm's facts up to that entry, and the policy version is the screening's.
 */
export const screeningResults = pgTable(
  'screening_results',
  {
    screeningId: integer('screening_id').notNull(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    verdict: text('verdict', { enum: SCREENED }).notNull(),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }),
    /** Top-level criteria not met (`credit` when the credit check failed). */
    failed: text('failed').array(),
    /** Facts still needed to decide (undetermined only). */
    missing: text('missing').array(),
    /** Facts the firm's own word alone supports that would decide it: 待核实 by a reviewer (undetermined only). */
    unverified: text('unverified').array(),
    ledgerMark: bigint('ledger_mark', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.screeningId, t.uscc] }),
    index('screening_results_by_verdict').on(t.screeningId, t.verdict),
  ],
);

export const CLAIM_STATUSES = [
  /** Eligible by data: waiting for the firm's one-click confirmation. */
  'offered',
  /** Undetermined: the firm is invited to supply the missing facts (快申快享). */
  'invited',
  'confirmed',
  'declined',
  /** The deadline passed without an answer. */
  'expired',
  /** Rechecked after supplying facts and still not eligible. */
  'ineligible',
  'paid',
  'payment_failed',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const claims = pgTable(
  'claims',
  {
    id: serial('id').primaryKey(),
    policyId: text('policy_id').notNull(),
    /** The payout round: the year of the screening's evaluation date. A firm has one claim per round. */
    round: integer('round').notNull(),
    screeningId: integer('screening_id').notNull(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    firmName: text('firm_name'),
    status: text('status', { enum: CLAIM_STATUSES }).notNull(),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }),
    missing: text('missing').array(),
    /** Facts only the firm's own word supports that would decide it: waiting for a reviewer (待核实). */
    unverified: text('unverified').array(),
    respondBy: date('respond_by', { mode: 'string' }).notNull(),
    bankName: text('bank_name'),
    accountName: text('account_name'),
    accountNo: varchar('account_no', { length: 32 }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    exportedAt: timestamp('exported_at', { withTimezone: true }),
    paidOn: date('paid_on', { mode: 'string' }),
    paymentRef: text('payment_ref'),
    note: text('note'),
    /** The decision record of the last recheck (after the firm supplied facts). */
    decisionId: bigint('decision_id', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('claims_one_per_round').on(t.policyId, t.round, t.uscc),
    index('claims_by_firm').on(t.uscc),
    index('claims_by_policy').on(t.policyId, t.status),
    check('claims_amount', sql`${t.amount} is null or ${t.amount} >= 0`),
  ],
);
