/**
 * The enterprise profile (public contract) and its validation, generated from the fact catalog.
 * Every error names the field at fault ("years.2025.employees: …").
 */
import { z } from 'zod';
import { catalog, type FactDef, type ListDef } from './catalog.ts';
import { normalizeIndustryCode } from './industry.ts';
import { checkRegionCode } from './regions.ts';
import { checkUscc } from './uscc.ts';

export type Scalar = number | boolean | string;
export type YearFacts = Record<string, number | null | undefined>;
export type ListItem = Record<string, Scalar | null | undefined>;

/** Absent or null both mean "not known"; null in a write clears a recorded fact. */
export interface Profile {
  uscc?: string | null;
  name?: string | null;
  regionCode?: string | null;
  industryCode?: string | null;
  years?: Record<string, YearFacts>;
  compliance?: Record<string, boolean | null | undefined>;
  [key: string]: unknown;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const isoDate = z
  .string()
  .refine(isRealDate, { message: 'must be a date written YYYY-MM-DD (for example 2025-12-31)' });

function factSchema(def: FactDef): z.ZodType {
  switch (def.type) {
    case 'number':
    case 'integer': {
      let n = def.type === 'integer' ? z.number().int({ message: 'must be a whole number' }) : z.number();
      n = n.refine(Number.isFinite, { message: 'must be a finite number' });
      if (def.min !== undefined) n = n.min(def.min, { message: `must be ≥ ${def.min}` });
      if (def.max !== undefined) n = n.max(def.max, { message: `must be ≤ ${def.max}` });
      return n;
    }
    case 'boolean':
      return z.boolean();
    case 'date':
      return isoDate;
    case 'enum': {
      const values = def.values ?? [];
      return z.string().refine((v) => values.includes(v), {
        message: `unknown kind; expected one of ${values.join(', ')}`,
      });
    }
    case 'string':
      return def.maxLength === undefined ? z.string() : z.string().max(def.maxLength);
  }
}

/** Absent or null both mean "not known". */
const optionalFact = (def: FactDef) => factSchema(def).nullish();

function listSchema(def: ListDef) {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, f] of Object.entries(def.item)) shape[k] = f.required ? factSchema(f) : optionalFact(f);
  return z.array(z.strictObject(shape));
}

/** A code checked by a function that says what is wrong with it. */
function checkedCode(check: (raw: string) => { ok: true } | { ok: false; reason: string }) {
  const reason = (raw: unknown) => {
    const r = check(String(raw));
    return r.ok ? undefined : r.reason;
  };
  return z
    .string()
    .refine((v) => check(v).ok, { error: (issue) => reason(issue.input) })
    .nullish();
}

function buildProfileSchema() {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, f] of Object.entries(catalog.scalars)) shape[k] = optionalFact(f);
  shape.industryCode = checkedCode(normalizeIndustryCode);
  shape.uscc = checkedCode(checkUscc);
  shape.regionCode = checkedCode(checkRegionCode);
  const year: Record<string, z.ZodType> = {};
  for (const [k, f] of Object.entries(catalog.yearly)) year[k] = optionalFact(f);
  shape.years = z
    .record(z.string().regex(/^\d{4}$/, { message: 'a fiscal year is written as 4 digits' }), z.strictObject(year))
    .optional();
  for (const [k, l] of Object.entries(catalog.lists)) shape[k] = listSchema(l).optional();
  const compliance: Record<string, z.ZodType> = {};
  for (const [k, f] of Object.entries(catalog.compliance)) compliance[k] = optionalFact(f);
  shape.compliance = z.strictObject(compliance).optional();
  return z.strictObject(shape);
}

export const profileSchema = buildProfileSchema();

export interface FieldError {
  field: string;
  message: string;
}

/** A path as a form names it: `ip[2].title`, `years.2025.revenue`; `whole` for the value itself. */
export function pathText(path: readonly PropertyKey[], whole = '(profile)'): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || whole;
}

export type ProfileCheck = { ok: true; profile: Profile } | { ok: false; errors: FieldError[] };

const QUOTED_MAX = 80;

/** Zod issues as field errors that name the field and, where it helps, the value given. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], whole?: string): FieldError[] {
  return issues.map((i) => {
    if (i.code === 'unrecognized_keys') {
      return { field: pathText(i.path, whole), message: `unknown field(s): ${i.keys.join(', ')}` };
    }
    // Range and type messages do not quote the value; the others already do.
    const quoted = !['too_small', 'too_big', 'invalid_type'].includes(i.code);
    const given = JSON.stringify(i.input) ?? '';
    // A huge value is quoted by its start only, so the answer stays small.
    const shown = given.length > QUOTED_MAX ? `${given.slice(0, QUOTED_MAX)}…` : given;
    const got = quoted || i.input === undefined || typeof i.input === 'object' ? '' : ` (got ${shown})`;
    return { field: pathText(i.path, whole), message: i.message + got };
  });
}

/** Validates a profile and normalises its industry code ("3562" → "C3562"). */
export function parseProfile(input: unknown): ProfileCheck {
  const r = profileSchema.safeParse(input, { reportInput: true });
  if (!r.success) return { ok: false, errors: fieldErrors(r.error.issues) };
  const profile = r.data as Profile;
  if (typeof profile.uscc === 'string') profile.uscc = profile.uscc.trim().toUpperCase();
  if (typeof profile.industryCode === 'string') {
    const n = normalizeIndustryCode(profile.industryCode);
    if (n.ok) profile.industryCode = n.code;
  }
  return { ok: true, profile };
}
