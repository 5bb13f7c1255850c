import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';

/**
 * A @fastify/rate-limit store whose windows run on the app's clock. The plugin's own LocalStore
 * reads `Date.now()`, so a test (or a replay) at another time than the wall clock would open and
 * close windows by the calendar. Fixed windows per key, at most `capacity` keys (the least
 * recently used go first, as in the built-in store).
 */
export function clockedRateLimitStore(now: () => Date, capacity = 5000): FastifyRateLimitStoreCtor {
  interface Counter {
    current: number;
    startMs: number;
  }
  class ClockedStore implements FastifyRateLimitStore {
    readonly #counters = new Map<string, Counter>();
    readonly #windowMs: number;

    constructor(options: object) {
      const { timeWindow } = options as { timeWindow?: unknown };
      this.#windowMs = typeof timeWindow === 'number' ? timeWindow : 60_000;
    }

    // The plugin passes the route's window as a third argument (its types omit it).
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow?: number): void {
      const windowMs = typeof timeWindow === 'number' ? timeWindow : this.#windowMs;
      const nowMs = now().getTime();
      let counter = this.#counters.get(key);
      if (!counter || counter.startMs + windowMs <= nowMs || counter.startMs > nowMs) counter = { current: 0, startMs: nowMs };
      counter.current += 1;
      // Re-inserted, so the Map's order is the order of last use.
      this.#counters.delete(key);
      this.#counters.set(key, counter);
      if (this.#counters.size > capacity) this.#counters.delete(this.#counters.keys().next().value as string);
      callback(null, { current: counter.current, ttl: counter.startMs + windowMs - nowMs });
    }

    /** Each route with its own limit counts apart, as with the built-in store (given the route's merged limit options). */
    child(routeOptions: object): FastifyRateLimitStore {
      return new ClockedStore(routeOptions);
    }
  }
  return ClockedStore;
}
