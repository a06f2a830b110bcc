/** The calendar of recognition terms, at its edges. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../rules/dates.ts';
import { addYears, nextYearly, termEnd } from './terms.ts';
import { titleState } from './titles.ts';

describe('recognition terms', () => {
  it('a 3-year title ends the day before the same date three years on', () => {
    expect(termEnd('3y', '2026-05-27')).toBe('2029-05-26');
    expect(termEnd('3y', '2026-01-01')).toBe('2028-12-31');
    // From 29 February the anniversary falls on 28 February of a common year.
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(termEnd('3y', '2024-02-29')).toBe('2027-02-27');
  });

  it('year-end runs to 31 December of the starting year; none covers nothing', () => {
    expect(termEnd('year-end', '2026-01-01')).toBe('2026-12-31');
    expect(termEnd('year-end', '2026-12-31')).toBe('2026-12-31');
    expect(termEnd('none', '2026-05-27')).toBeNull();
    expect(() => termEnd('3 years', '2026-05-27')).toThrow(/not a term/);
  });

  it('a title is valid from its first to its last day, and not a day more', () => {
    const t = { validFrom: '2026-05-27', validTo: '2029-05-26', revokedOn: null };
    expect(titleState(t, '2026-05-26')).toBe('pending');
    expect(titleState(t, '2026-05-27')).toBe('valid');
    expect(titleState(t, '2029-05-26')).toBe('valid');
    expect(titleState(t, '2029-05-27')).toBe('expired');
    expect(titleState({ ...t, revokedOn: '2027-01-01' }, '2026-06-01')).toBe('revoked');
  });

  it('the yearly update is due on its day of this year until it passes, then next year', () => {
    expect(nextYearly('05-31', '2027-05-30')).toBe('2027-05-31');
    expect(nextYearly('05-31', '2027-05-31')).toBe('2027-05-31');
    expect(nextYearly('05-31', '2027-06-01')).toBe('2028-05-31');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});
