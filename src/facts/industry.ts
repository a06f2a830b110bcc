/**
 * GB/T 4754-2017 国民经济行业分类 as amended by 第1号修改单 (2019): 20 sections (门类, a letter),
 * 97 divisions (大类, 2 digits), 473 groups (中类, 3 digits) and 1,381 classes (小类, 4 digits), with
 * their Chinese names and English ones. The table is tables/gb4754-2017.json (see tables/README.md);
 * the English names are not official.
 *
 * Divisions are unique across sections, so a code without its section letter ("3562") is accepted
 * and the letter is derived. Codes are written section letter + digits: "C", "C35", "C356", "C3562".
 */
import table from './tables/gb4754-2017.json' with { type: 'json' };
import type { Label } from './catalog.ts';

export type IndustryLevel = 'section' | 'division' | 'group' | 'class';

/** An entry of the classification. */
export interface Industry {
  /** Section letter + digits: "C", "C35", "C356", "C3562". */
  code: string;
  level: IndustryLevel;
  /** The section letter ("C"). */
  section: string;
  label: Label;
  /** The codes above it, section first: ["C", "C35", "C356"] for C3562, [] for a section. */
  path: string[];
}

interface Section {
  label: Label;
  divisions: readonly [number, number];
}

interface Entry {
  level: IndustryLevel;
  section: string;
  label: Label;
}

const LEVEL_BY_DIGITS: Record<number, IndustryLevel> = { 2: 'division', 3: 'group', 4: 'class' };

const ENTRIES = new Map<string, Entry>();
/** Children by parent code, in code order; '' holds the sections. */
const CHILDREN = new Map<string, string[]>([['', []]]);

const sectionByDivision = new Map<string, string>();
for (const [letter, zh, en] of table.sections as [string, string, string][]) {
  ENTRIES.set(letter, { level: 'section', section: letter, label: { zh, en } });
  CHILDREN.get('')!.push(letter);
}
for (const [digits, , , letter] of table.divisions as [string, string, string, string][]) {
  sectionByDivision.set(digits, letter);
}
for (const rows of [table.divisions, table.groups, table.classes] as [string, string, string][][]) {
  for (const [digits, zh, en] of rows) {
    const section = sectionByDivision.get(digits.slice(0, 2));
    if (!section) throw new Error(`gb4754-2017.json: ${digits} has no division`);
    const parent = digits.length === 2 ? section : section + digits.slice(0, -1);
    if (!ENTRIES.has(parent)) throw new Error(`gb4754-2017.json: ${digits} has no parent ${parent}`);
    const code = section + digits;
    ENTRIES.set(code, { level: LEVEL_BY_DIGITS[digits.length]!, section, label: { zh, en } });
    const siblings = CHILDREN.get(parent) ?? [];
    siblings.push(code);
    CHILDREN.set(parent, siblings);
  }
}
for (const list of CHILDREN.values()) list.sort();

function count(level: IndustryLevel): number {
  let n = 0;
  for (const e of ENTRIES.values()) if (e.level === level) n++;
  return n;
}

/** The number of entries at each level in the table: 20, 97, 473, 1,381. */
export const INDUSTRY_COUNTS: Readonly<Record<IndustryLevel, number>> = {
  section: count('section'),
  division: count('division'),
  group: count('group'),
  class: count('class'),
};

/** The 20 sections, their names and the range of division numbers each holds. */
export const SECTIONS: Readonly<Record<string, Section>> = Object.fromEntries(
  CHILDREN.get('')!.map((letter) => {
    const divisions = CHILDREN.get(letter)!.map((c) => Number(c.slice(1)));
    const range: [number, number] = [Math.min(...divisions), Math.max(...divisions)];
    return [letter, { label: ENTRIES.get(letter)!.label, divisions: range }];
  }),
);

export function sectionOfDivision(division: number): string | undefined {
  for (const [letter, s] of Object.entries(SECTIONS)) {
    if (division >= s.divisions[0] && division <= s.divisions[1]) return letter;
  }
  return undefined;
}

export type IndustryCodeCheck = { ok: true; code: string } | { ok: false; reason: string };

/** "group 399 has 3990", "division 38 has 381, 382 … 389": what does exist where a code does not. */
function whatExists(parent: string): string {
  const children = (CHILDREN.get(parent) ?? []).map((c) => c.slice(1));
  const level = ENTRIES.get(parent)!.level;
  return `${level} ${parent.slice(1)} has ${children.join(', ')}`;
}

/**
 * Normalises an industry code to section letter + digits ("3562" → "C3562"). Accepts a section
 * alone ("C"), or a division, group or class (2, 3 or 4 digits) with or without its letter, when the
 * table has it.
 */
export function normalizeIndustryCode(raw: string): IndustryCodeCheck {
  const m = /^([A-Ta-t])?(\d{2,4})?$/.exec(raw.trim());
  if (!m || (!m[1] && !m[2])) {
    return { ok: false, reason: `"${raw}" is not a GB/T 4754-2017 code (a section letter and/or 2–4 digits)` };
  }
  const letter = m[1]?.toUpperCase();
  const digits = m[2] ?? '';
  if (!digits)
    return letter && SECTIONS[letter] ? { ok: true, code: letter } : { ok: false, reason: `no section ${raw}` };
  const section = sectionOfDivision(Number(digits.slice(0, 2)));
  if (!section) return { ok: false, reason: `division ${digits.slice(0, 2)} does not exist in GB/T 4754-2017` };
  if (letter && letter !== section) {
    return { ok: false, reason: `division ${digits.slice(0, 2)} belongs to section ${section}, not ${letter}` };
  }
  const code = section + digits;
  if (!ENTRIES.has(code)) {
    // The division exists (every number its section spans does); the group may not.
    const parent = ENTRIES.has(code.slice(0, -1)) ? code.slice(0, -1) : code.slice(0, 3);
    const level = LEVEL_BY_DIGITS[digits.length]!;
    return { ok: false, reason: `${level} ${digits} does not exist in GB/T 4754-2017 (${whatExists(parent)})` };
  }
  return { ok: true, code };
}

function entryOf(code: string): Industry {
  const e = ENTRIES.get(code)!;
  // Section, then its division (2 digits) and group (3 digits), down to the code's parent.
  const path = e.level === 'section' ? [] : [e.section];
  for (let digits = 2; digits < code.length - 1; digits++) path.push(code.slice(0, digits + 1));
  return { code, level: e.level, section: e.section, label: { ...e.label }, path };
}

/**
 * The entry for a code in any form normalizeIndustryCode accepts ("3562", "c3562", "C35", "C"), or
 * undefined when it is not a code of the table.
 */
export function industryOf(code: string): Industry | undefined {
  const n = normalizeIndustryCode(code);
  return n.ok ? entryOf(n.code) : undefined;
}

/** The name of a code in Chinese (the default) or English; undefined when it is not a code of the table. */
export function industryLabel(code: string, lang: keyof Label = 'zh'): string | undefined {
  return industryOf(code)?.label[lang];
}

/**
 * The entries one level below a code, in code order: the 20 sections without a code, the divisions
 * of a section, the groups of a division, the classes of a group. A class, or a code that is not in
 * the table, has none.
 */
export function industryChildren(code?: string): Industry[] {
  if (code === undefined) return CHILDREN.get('')!.map(entryOf);
  const n = normalizeIndustryCode(code);
  return n.ok ? (CHILDREN.get(n.code) ?? []).map(entryOf) : [];
}
