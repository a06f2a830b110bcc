/**
 * GB/T 4754-2017 国民经济行业分类: the 20 sections and which of the 97 divisions each holds.
 * Divisions are unique across sections, so a code without its section letter ("3562") is
 * accepted and the letter is derived. Source: GB/T 4754-2017, 国家统计局.
 */
import type { Label } from './catalog.ts';

interface Section {
  label: Label;
  divisions: readonly [number, number];
}

export const SECTIONS: Readonly<Record<string, Section>> = {
  A: {
    label: { zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
    divisions: [1, 5],
  },
  B: { label: { zh: '采矿业', en: 'Mining' }, divisions: [6, 12] },
  C: { label: { zh: '制造业', en: 'Manufacturing' }, divisions: [13, 43] },
  D: { label: { zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water' }, divisions: [44, 46] },
  E: { label: { zh: '建筑业', en: 'Construction' }, divisions: [47, 50] },
  F: { label: { zh: '批发和零售业', en: 'Wholesale and retail trade' }, divisions: [51, 52] },
  G: { label: { zh: '交通运输、仓储和邮政业', en: 'Transport, storage and post' }, divisions: [53, 60] },
  H: { label: { zh: '住宿和餐饮业', en: 'Accommodation and catering' }, divisions: [61, 62] },
  I: {
    label: { zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services' },
    divisions: [63, 65],
  },
  J: { label: { zh: '金融业', en: 'Finance' }, divisions: [66, 69] },
  K: { label: { zh: '房地产业', en: 'Real estate' }, divisions: [70, 70] },
  L: { label: { zh: '租赁和商务服务业', en: 'Leasing and business services' }, divisions: [71, 72] },
  M: { label: { zh: '科学研究和技术服务业', en: 'Scientific research and technical services' }, divisions: [73, 75] },
  N: {
    label: { zh: '水利、环境和公共设施管理业', en: 'Water, environment and public facilities' },
    divisions: [76, 79],
  },
  O: { label: { zh: '居民服务、修理和其他服务业', en: 'Resident, repair and other services' }, divisions: [80, 82] },
  P: { label: { zh: '教育', en: 'Education' }, divisions: [83, 83] },
  Q: { label: { zh: '卫生和社会工作', en: 'Health and social work' }, divisions: [84, 85] },
  R: { label: { zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' }, divisions: [86, 90] },
  S: {
    label: { zh: '公共管理、社会保障和社会组织', en: 'Public administration and social organisations' },
    divisions: [91, 96],
  },
  T: { label: { zh: '国际组织', en: 'International organisations' }, divisions: [97, 97] },
};

export function sectionOfDivision(division: number): string | undefined {
  for (const [letter, s] of Object.entries(SECTIONS)) {
    if (division >= s.divisions[0] && division <= s.divisions[1]) return letter;
  }
  return undefined;
}

export type IndustryCodeCheck = { ok: true; code: string } | { ok: false; reason: string };

/**
 * Normalises an industry code to section letter + digits ("3562" → "C3562"). Accepts a section
 * alone ("C"), or a division, group or class (2, 3 or 4 digits) with or without its letter.
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
  return { ok: true, code: section + digits };
}
