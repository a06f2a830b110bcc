/** Dates are ISO strings (YYYY-MM-DD): they compare in order as text. */

/** The same calendar day n years earlier (29 February falls back to the 28th). */
export function yearsBefore(date: string, n: number): string {
  const y = Number(date.slice(0, 4)) - n;
  let md = date.slice(4);
  if (md === '-02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) md = '-02-28';
  return String(y).padStart(4, '0') + md;
}

/** Completed years from `from` to `to` (negative when `from` is later). */
export function fullYears(from: string, to: string): number {
  let years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (to.slice(5) < from.slice(5)) years--;
  return years;
}

export const yearEnd = (year: number) => `${year}-12-31`;

/** `2026-03-31` plus n days (negative goes back). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
