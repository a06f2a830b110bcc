import { describe, expect, it } from 'vitest';
import { RateLimit } from './rate-limit.ts';

describe('a request budget per address', () => {
  it('grants a burst, then one request per refill interval, and says how long to wait', () => {
    let now = 0;
    const limit = new RateLimit(60, 3, () => now); // one a second, three at once
    expect([limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([0, 0, 0]);
    expect(limit.take('a')).toBeCloseTo(1);
    now += 500;
    expect(limit.take('a')).toBeCloseTo(0.5);
    now += 500;
    expect(limit.take('a')).toBe(0);
    expect(limit.take('a')).toBeCloseTo(1);
  });

  it('keeps each address’s budget apart and refills no further than the burst', () => {
    let now = 0;
    const limit = new RateLimit(60, 2, () => now);
    limit.take('a');
    limit.take('a');
    expect(limit.take('a')).toBeGreaterThan(0);
    expect(limit.take('b')).toBe(0);
    now += 3_600_000;
    expect([limit.take('a'), limit.take('a'), limit.take('a')].map((w) => w > 0)).toEqual([false, false, true]);
  });

  it('forgets refilled addresses once it holds many, and still limits the busy one', () => {
    let now = 0;
    const limit = new RateLimit(60, 1, () => now, 3);
    limit.take('x');
    limit.take('y');
    now = 2000; // x and y have refilled
    limit.take('busy');
    now = 2100;
    expect(limit.take('z')).toBe(0);
    expect(limit.remembered).toBe(2);
    expect(limit.take('busy')).toBeCloseTo(0.9);
  });
});
