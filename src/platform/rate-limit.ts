/**
 * A request budget per key (a client address): a token bucket that refills steadily up to a burst.
 * It lives in this process's memory, so with several API processes each grants its own budget —
 * enough to keep one client from starving the others, which is all it is for.
 */
export class RateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    /** The steady rate a key may keep up. */
    readonly perMinute: number,
    /** How many requests a key may make at once after a pause. */
    readonly burst: number,
    private readonly now: () => number = Date.now,
    /** Past this many keys, the ones whose buckets have refilled are forgotten. */
    private readonly maxKeys = 50_000,
  ) {}

  /** How many addresses it holds a budget for. */
  get remembered(): number {
    return this.buckets.size;
  }

  /** Spends one request of `key`'s budget: 0 when granted, else the seconds until one is. */
  take(key: string): number {
    const now = this.now();
    const perMs = this.perMinute / 60_000;
    const b = this.buckets.get(key);
    const tokens = b ? Math.min(this.burst, b.tokens + (now - b.at) * perMs) : this.burst;
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return (1 - tokens) / perMs / 1000;
    }
    if (!b && this.buckets.size >= this.maxKeys) this.forgetRefilled(now, perMs);
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return 0;
  }

  private forgetRefilled(now: number, perMs: number): void {
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) * perMs >= this.burst) this.buckets.delete(key);
  }
}
