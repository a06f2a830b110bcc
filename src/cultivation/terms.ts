/**
 * Dates that follow from a recognition's terms (the `recognition` block of the policy edition):
 * the last day a title is valid, how long a revocation bars a new application, and the next yearly
 * information update. Plain calendar arithmetic on YYYY-MM-DD strings.
 */

import { addDays } from '../rules/dates.ts';

/** The same day n years later; 29 February becomes 28 February in a common year. */
export function addYears(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + n, m, 0)).getUTCDate();
  return `${String(y + n).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The last day a term that starts on `from` covers: `3y` from 2026-07-01 is 2029-06-30,
 * `year-end` is 31 December of the same year, `none` is null (nothing to cover).
 */
export function termEnd(term: string, from: string): string | null {
  if (term === 'none') return null;
  if (term === 'year-end') return `${from.slice(0, 4)}-12-31`;
  const years = /^(\d+)y$/.exec(term);
  if (!years) throw new Error(`not a term: ${term}`);
  return addDays(addYears(from, Number(years[1])), -1);
}

/** The next yearly deadline (MM-DD) on or after `today`. */
export function nextYearly(monthDay: string, today: string): string {
  const thisYear = `${today.slice(0, 4)}-${monthDay}`;
  return thisYear >= today ? thisYear : `${Number(today.slice(0, 4)) + 1}-${monthDay}`;
}
