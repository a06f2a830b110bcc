import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_LIMIT,
  ADDRESS_LIMIT,
  FREE_FAILURES,
  LOGIN_WINDOW_MINUTES,
  loginWait,
  PAIR_LIMIT,
  type LoginHistory,
} from './auth.ts';

const NOW = Date.parse('2026-06-30T10:00:00Z');
const secondsAgo = (...s: number[]) => s.map((x) => new Date(NOW - x * 1000));
const history = (pairFailures: Date[], more: Partial<LoginHistory> = {}): LoginHistory => ({
  pairFailures,
  accountFailures: pairFailures.length,
  addressFailures: pairFailures.length,
  knownAddress: false,
  ...more,
});

describe('how long a login attempt waits', () => {
  it('lets the first few failures retry at once', () => {
    expect(loginWait(history([]), NOW)).toBeNull();
    expect(loginWait(history(secondsAgo(...Array<number>(FREE_FAILURES - 1).fill(0))), NOW)).toBeNull();
  });

  it('then doubles the wait with each failure, counted from the last one', () => {
    const waits = [];
    for (let n = FREE_FAILURES; n < PAIR_LIMIT; n++)
      waits.push(loginWait(history(secondsAgo(...Array<number>(n).fill(0))), NOW)?.seconds);
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64].slice(0, PAIR_LIMIT - FREE_FAILURES));
    const four = secondsAgo(30, 20, 10, 1.5);
    expect(loginWait(history(four), NOW)).toEqual({ seconds: 0.5, locked: false });
    expect(loginWait(history(secondsAgo(30, 20, 10, 2)), NOW)).toBeNull();
  });

  it('locks the account from this address after PAIR_LIMIT failures, until the oldest leaves the window', () => {
    const window = LOGIN_WINDOW_MINUTES * 60;
    const failures = secondsAgo(...Array.from({ length: PAIR_LIMIT }, (_, i) => 600 - i * 10));
    expect(loginWait(history(failures), NOW)).toEqual({ seconds: window - 600, locked: true });
    // An address the account logged in from is no exception to its own failures.
    expect(loginWait(history(failures, { knownAddress: true }), NOW)).toMatchObject({ locked: true });
  });

  it('locks a flooded account or a spraying address, except where the account has logged in before', () => {
    for (const flood of [{ accountFailures: ACCOUNT_LIMIT }, { addressFailures: ADDRESS_LIMIT }]) {
      expect(loginWait(history([], flood), NOW), JSON.stringify(flood)).toMatchObject({ locked: true });
      expect(loginWait(history([], { ...flood, knownAddress: true }), NOW)).toBeNull();
    }
    expect(loginWait(history([], { accountFailures: ACCOUNT_LIMIT - 1 }), NOW)).toBeNull();
  });
});
