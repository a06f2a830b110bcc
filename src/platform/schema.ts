/**
 * Platform tables: accounts, browser sessions, API tokens, the append-only audit log and stored
 * uploads.
 * Secrets are stored only as hashes: a scrypt hash for passwords, SHA-256 for session ids and
 * tokens (they are long random values, so a fast hash is enough).
 */
import { sql } from 'drizzle-orm';
import { bytea, jsonValue } from './columns.ts';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';

export const ROLES = ['enterprise', 'reviewer', 'bank', 'provider', 'chamber', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A reviewer's level; the region code says where. */
export const LEVELS = ['district', 'city', 'province', 'national'] as const;
export type ReviewLevel = (typeof LEVELS)[number];

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** Reviewers: the region they serve (GB/T 2260); `000000` for the national level. */
    regionCode: varchar('region_code', { length: 6 }),
    level: text('level', { enum: LEVELS }),
    /** Enterprise users: their firm. */
    uscc: varchar('uscc', { length: 18 }),
    /** Banks, providers, chambers: their organisation. */
    organization: text('organization'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('users_role_known', sql`${t.role} in ('enterprise', 'reviewer', 'bank', 'provider', 'chamber', 'admin')`),
    check(
      'users_reviewer_scoped',
      sql`${t.role} <> 'reviewer' or (${t.regionCode} is not null and ${t.level} is not null)`,
    ),
    check('users_enterprise_bound', sql`${t.role} <> 'enterprise' or ${t.uscc} is not null`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_by_user').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Every token expires (90 days unless its owner chose otherwise). */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** A read-only token may make no change (no POST, PUT, PATCH or DELETE). */
    readOnly: boolean('read_only').notNull().default(false),
    /** Kept to the minute: written at most once a minute per token, not on every request. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_by_user').on(t.userId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for an anonymous attempt (a failed login). */
    userId: integer('user_id'),
    username: text('username'),
    role: text('role'),
    /** `enterprise.read`, `facts.write`, `auth.login_failed`, … */
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** The region of the data touched, so a reviewer can read the log of their region. */
    regionCode: varchar('region_code', { length: 6 }),
    detail: jsonValue('detail'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_by_subject').on(t.subjectType, t.subjectId, t.id),
    index('audit_by_action').on(t.action, t.subjectId, t.at),
    // Failed logins counted per address.
    index('audit_by_action_ip').on(t.action, t.ip, t.at),
  ],
);

/**
 * An uploaded file kept until its job has read it, in parts of UPLOAD_PART_BYTES: on the embedded
 * database one large value would hold its only connection for many seconds (see uploads.ts).
 */
export const uploadParts = pgTable(
  'upload_parts',
  {
    uploadId: text('upload_id').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.seq] })],
);
