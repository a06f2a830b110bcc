/**
 * Tables of the recognition workflow (梯度培育认定): batches an authority opens, firms' applications
 * moving level by level, their evidence files and event history, the public notice (公示) with its
 * objections, and the titles granted. An application's `version` is its optimistic lock: every
 * change names the version it saw and loses if another change came first.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
  varchar,
} from 'drizzle-orm/pg-core';
import { bytea, jsonValue } from '../platform/columns.ts';
import { LEVELS } from '../platform/schema.ts';

export const batches = pgTable(
  'batches',
  {
    id: serial('id').primaryKey(),
    /** The recognition policy applied for (`cn.miit.specialized-sme`). */
    policyId: text('policy_id').notNull(),
    title: text('title').notNull(),
    /** The authority's region: firms in it (and below) may apply. */
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    /** Review levels from the first to the deciding one, e.g. district, city, province. */
    levels: text('levels').array().notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    /** Every application is evaluated as of this date, so every level sees the same edition. */
    asOf: date('as_of', { mode: 'string' }).notNull(),
    /** Days each level has to act, the firm to correct, and the notice runs. */
    reviewDays: integer('review_days').notNull(),
    correctionDays: integer('correction_days').notNull(),
    noticeDays: integer('notice_days').notNull(),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('batches_window', sql`${t.opensOn} <= ${t.closesOn}`),
    check('batches_days', sql`${t.reviewDays} > 0 and ${t.correctionDays} > 0 and ${t.noticeDays} > 0`),
  ],
);

export const APPLICATION_STATUSES = [
  'draft',
  'in_review',
  'returned',
  'approved',
  'in_notice',
  'certified',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const applications = pgTable(
  'applications',
  {
    id: serial('id').primaryKey(),
    batchId: integer('batch_id')
      .notNull()
      .references(() => batches.id),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    /** The firm's name as it applied (申报单位). */
    firmName: text('firm_name'),
    /** The firm's region when it applied: who reviews it. */
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    /** `new`, or `renewal` (复核) of a title held. */
    kind: text('kind', { enum: ['new', 'renewal'] }).notNull(),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull(),
    /** Index into the batch's levels of the level that has it (in review or returned from). */
    step: integer('step').notNull().default(0),
    /** When the one who has it must act: the reviewing level, or the firm correcting it. */
    dueOn: date('due_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    /** The evaluation frozen when the firm submitted (a decision record). */
    submittedDecisionId: bigint('submitted_decision_id', { mode: 'number' }),
    /** The latest evaluation: after an override or at each level's action. */
    decisionId: bigint('decision_id', { mode: 'number' }),
    /** The truthfulness pledge (诚信承诺) as signed: text, signer, time. */
    pledge: jsonValue('pledge'),
    /** What to fix (需补正) or why rejected, as the reviewer wrote it. */
    note: text('note'),
    noticeId: integer('notice_id'),
    titleId: integer('title_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('applications_once_per_batch').on(t.batchId, t.uscc),
    index('applications_by_queue').on(t.batchId, t.status, t.step),
    index('applications_by_region').using('btree', sql`${t.regionCode} text_pattern_ops`),
    index('applications_by_firm').on(t.uscc),
    check(
      'applications_status_known',
      sql`${t.status} in ('draft', 'in_review', 'returned', 'approved', 'in_notice', 'certified', 'rejected', 'withdrawn')`,
    ),
  ],
);

/** Every step of an application: who did what, from which state to which, and what they said. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    step: integer('step'),
    level: text('level', { enum: LEVELS }),
    userId: integer('user_id'),
    actorName: text('actor_name').notNull(),
    note: text('note'),
    detail: jsonValue('detail'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_events_by_application').on(t.applicationId, t.id)],
);

/** A file backing a claim (an IP item, a year's R&D, an audit report), kept by its content hash. */
export const evidence = pgTable(
  'evidence',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    /** The fact it backs (`ip[0]`, `years.2025.rdExpense`) or `other`. */
    claim: text('claim').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('evidence_by_application').on(t.applicationId, t.claim),
    unique('evidence_once_per_claim').on(t.applicationId, t.claim, t.sha256),
  ],
);

/** 公示: the deciding level's proposed list, public for a set number of days. */
export const notices = pgTable('notices', {
  id: serial('id').primaryKey(),
  batchId: integer('batch_id')
    .notNull()
    .references(() => batches.id),
  title: text('title').notNull(),
  /** The publishing reviewer's region: the applications it lists are within it. */
  regionCode: varchar('region_code', { length: 6 }).notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  publishedBy: integer('published_by').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  decidedBy: integer('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
});

export const objections = pgTable(
  'objections',
  {
    id: serial('id').primaryKey(),
    noticeId: integer('notice_id')
      .notNull()
      .references(() => notices.id),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    text: text('text').notNull(),
    contactName: text('contact_name').notNull(),
    contact: text('contact').notNull(),
    ip: text('ip'),
    status: text('status', { enum: ['open', 'upheld', 'dismissed'] })
      .notNull()
      .default('open'),
    resolution: text('resolution'),
    resolvedBy: integer('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('objections_by_notice').on(t.noticeId, t.status), index('objections_by_ip').on(t.ip, t.createdAt)],
);

/** A title granted: its certificate number and validity; revocation bars new applications for a time. */
export const titles = pgTable(
  'titles',
  {
    id: serial('id').primaryKey(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    name: text('name'),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    policyId: text('policy_id').notNull(),
    /** The honour it puts in the profile (`honors[].kind`). */
    honor: text('honor').notNull(),
    /** The recognition programme, within which a revocation bars new applications. */
    programme: text('programme').notNull(),
    edition: text('edition').notNull(),
    certificateNo: text('certificate_no').notNull().unique(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    applicationId: integer('application_id').references(() => applications.id),
    revokedOn: date('revoked_on', { mode: 'string' }),
    revokedReason: text('revoked_reason'),
    revokedNote: text('revoked_note'),
    barredUntil: date('barred_until', { mode: 'string' }),
    issuedBy: integer('issued_by').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('titles_by_firm').on(t.uscc, t.honor),
    index('titles_by_name').on(t.name),
    check('titles_validity', sql`${t.validFrom} <= ${t.validTo}`),
  ],
);
