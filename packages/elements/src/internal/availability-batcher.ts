import type { KontorClient } from '@kontor/core';
import type { AvailabilityAnswer } from '@kontor/core/availability';
import { isWellFormedSku } from '@kontor/core/catalogue/sku.js';
import { KontorError, isKontorError } from '@kontor/core/errors/kontor-error.js';
import { quantityIssueMessage } from '@kontor/core/errors/messages.js';
import { ValidationError } from '@kontor/core/errors/validation-error.js';

/** One question: `quantity` of `sku` to `destination` (a country code like `DE`). */
export interface AvailabilityAsk {
  sku: string;
  quantity: number;
  destination: string;
}

export interface AvailabilityAskOptions {
  /** Stops waiting; the request itself is cancelled once nobody waits for any of its items. */
  signal?: AbortSignal;
  /**
   * Oldest cached answer (ms) that will do. Default: the cache time. A periodic re-check asks with
   * a short one, so it fetches again but still shares a request answered a moment ago.
   */
  maxAge?: number;
}

export interface AvailabilityBatcherOptions {
  /** How long an answer is reused, in ms. Default 30 000. */
  cacheMs?: number;
  /** Clock (tests). */
  now?: () => number;
}

/** Items per request: the API's limit (`AvailabilityRequestSchema`). */
export const MAX_BATCH = 10_000;
/** The largest quantity the API takes (`QuantitySchema`). */
export const MAX_QUANTITY = 10_000_000;
const DEFAULT_CACHE_MS = 30_000;
/** Flush after this long even when no frame comes (a throttled or hidden page). */
const FALLBACK_MS = 100;

const keyOf = (a: AvailabilityAsk) => `${a.sku}|${a.quantity}|${a.destination}`;

/** Whether a quantity can be asked for: a whole number from 1 to 10,000,000. */
export const isAskableQuantity = (quantity: unknown): quantity is number =>
  typeof quantity === 'number' && Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_QUANTITY;

interface Flight {
  abort: AbortController;
  items: Pending[];
  /** Items of this request somebody still waits for; at 0 the request is cancelled. */
  live: number;
}

/** One key waiting to be sent or inside a request. */
interface Pending extends AvailabilityAsk {
  key: string;
  promise: Promise<AvailabilityAnswer>;
  resolve(answer: AvailabilityAnswer): void;
  reject(error: unknown): void;
  waiters: number;
  flight?: Flight;
}

interface Entry {
  answer: AvailabilityAnswer;
  at: number;
}

/**
 * Collects availability questions of one client and sends them together: every ask made in the
 * same frame (a macrotask when no frame comes, e.g. in a hidden tab) goes out as one request per
 * destination, in chunks of {@link MAX_BATCH}; identical asks share one item; answers are cached
 * for a while, so a re-render asks nothing. A failed request rejects every ask in it with the
 * same `KontorError`; nothing failed is cached, so a retry asks again.
 *
 * Use {@link availabilityBatcherOf} to get the page-wide batcher of a client.
 *
 * @example
 * ```ts
 * const batcher = availabilityBatcherOf(client);
 * const answer = await batcher.get({ sku: 'KL-1010', quantity: 10, destination: 'DE' });
 * ```
 */
export class AvailabilityBatcher {
  /** Requests sent so far. */
  requests = 0;
  private readonly cache = new Map<string, Entry>();
  private queued = new Map<string, Pending>();
  private readonly inFlight = new Map<string, Pending>();
  private frame = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly cacheMs: number;
  private readonly now: () => number;

  constructor(
    private readonly client: KontorClient,
    options: AvailabilityBatcherOptions = {},
  ) {
    this.cacheMs = options.cacheMs ?? DEFAULT_CACHE_MS;
    this.now = options.now ?? (() => Date.now());
  }

  /** The cached answer to an ask, if one is younger than `maxAge` ms (default: the cache time). Never asks. */
  peek(ask: AvailabilityAsk, maxAge = this.cacheMs): AvailabilityAnswer | undefined {
    const entry = this.cache.get(keyOf(ask));
    if (!entry) return undefined;
    const age = this.now() - entry.at;
    if (age >= this.cacheMs) {
      this.cache.delete(keyOf(ask));
      return undefined;
    }
    return age < maxAge ? entry.answer : undefined;
  }

  /**
   * The answer to one ask: from the cache, from a request under way, or from the next batch.
   * An unknown (or malformed) SKU resolves with an answer whose `error` says so; a quantity that
   * is not a whole number from 1 rejects at once with a `ValidationError` and asks nothing; a
   * failed request rejects with its `KontorError`; an aborted `signal` rejects with `aborted`.
   */
  get(ask: AvailabilityAsk, options: AvailabilityAskOptions = {}): Promise<AvailabilityAnswer> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortedError());
    if (!isAskableQuantity(ask.quantity)) {
      const params = { minimum: 1 };
      return Promise.reject(
        new ValidationError(`Cannot ask for the availability of ${String(ask.quantity)} × ${ask.sku}: a quantity is a whole number from 1`, [
          { path: ['quantity'], code: 'too_small', message: quantityIssueMessage('too_small', params), params },
        ]),
      );
    }
    // A malformed SKU would fail the whole request in the client's check: answer it here, as the server answers an unknown one.
    if (!isWellFormedSku(ask.sku)) {
      const params = { sku: ask.sku };
      return Promise.resolve({ sku: ask.sku, quantity: ask.quantity, error: { path: ['sku'], code: 'unknown_sku', message: quantityIssueMessage('unknown_sku', params), params } });
    }
    const cached = this.peek(ask, options.maxAge);
    if (cached) return Promise.resolve(cached);
    const key = keyOf(ask);
    const pending = this.inFlight.get(key) ?? this.queued.get(key) ?? this.enqueue(key, ask);
    return this.wait(pending, signal);
  }

  /** Forgets every cached answer (e.g. after the buyer placed an order). */
  clear(): void {
    this.cache.clear();
  }

  private enqueue(key: string, ask: AvailabilityAsk): Pending {
    let resolve!: (answer: AvailabilityAnswer) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<AvailabilityAnswer>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Nobody may be left listening (all waiters aborted); don't report that as unhandled.
    promise.catch(() => undefined);
    const pending: Pending = { sku: ask.sku, quantity: ask.quantity, destination: ask.destination, key, promise, resolve, reject, waiters: 0 };
    this.queued.set(key, pending);
    this.schedule();
    return pending;
  }

  private wait(pending: Pending, signal: AbortSignal | undefined): Promise<AvailabilityAnswer> {
    pending.waiters++;
    if (pending.waiters === 1 && pending.flight) pending.flight.live++;
    if (!signal) return pending.promise;
    return new Promise<AvailabilityAnswer>((resolve, reject) => {
      const onAbort = () => {
        this.release(pending);
        reject(abortedError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      pending.promise.then(
        (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  /** One waiter less: an ask nobody waits for is not sent, a request nobody waits for is cancelled. */
  private release(pending: Pending): void {
    pending.waiters--;
    if (pending.waiters > 0) return;
    if (this.queued.get(pending.key) === pending) {
      this.queued.delete(pending.key);
      pending.reject(abortedError());
      return;
    }
    const flight = pending.flight;
    if (flight && --flight.live === 0) {
      // Later asks for these keys start a new request instead of joining a cancelled one.
      for (const p of flight.items) if (this.inFlight.get(p.key) === p) this.inFlight.delete(p.key);
      flight.abort.abort();
    }
  }

  private schedule(): void {
    if (this.frame || this.timer) return;
    const flush = () => this.flush();
    const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
    // A frame gathers everything the page renders at once; hidden pages get no frames.
    if (!hidden && typeof requestAnimationFrame === 'function') this.frame = requestAnimationFrame(flush);
    this.timer = setTimeout(flush, hidden ? 0 : FALLBACK_MS);
  }

  private flush(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.frame = 0;
    this.timer = undefined;
    const asks = [...this.queued.values()];
    this.queued = new Map();
    const byDestination = new Map<string, Pending[]>();
    for (const p of asks) {
      const list = byDestination.get(p.destination);
      if (list) list.push(p);
      else byDestination.set(p.destination, [p]);
    }
    for (const [destination, list] of byDestination) {
      for (let i = 0; i < list.length; i += MAX_BATCH) void this.send(destination, list.slice(i, i + MAX_BATCH));
    }
    this.prune();
  }

  private async send(destination: string, items: Pending[]): Promise<void> {
    const flight: Flight = { abort: new AbortController(), items, live: 0 };
    for (const p of items) {
      p.flight = flight;
      if (p.waiters > 0) flight.live++;
      this.inFlight.set(p.key, p);
    }
    this.requests++;
    try {
      const response = await this.client.availability.check(
        { destination, items: items.map((p) => ({ sku: p.sku, quantity: p.quantity })) },
        { signal: flight.abort.signal },
      );
      const at = this.now();
      items.forEach((p, i) => {
        const answer = response.items[i];
        if (!answer || answer.sku !== p.sku) {
          p.reject(new KontorError('invalid_response', `POST /v1/availability answered ${response.items.length} items for ${items.length}, or out of order`));
          return;
        }
        // An unchanged answer keeps its object, so whoever renders it can tell nothing changed.
        const old = this.cache.get(p.key);
        const kept = old && JSON.stringify(old.answer) === JSON.stringify(answer) ? old.answer : answer;
        this.cache.set(p.key, { answer: kept, at });
        p.resolve(kept);
      });
    } catch (error) {
      const failure = flight.abort.signal.aborted ? abortedError() : isKontorError(error) ? error : new KontorError('internal', String(error), { cause: error });
      for (const p of items) p.reject(failure);
    } finally {
      for (const p of items) if (this.inFlight.get(p.key) === p) this.inFlight.delete(p.key);
    }
  }

  /** Drops expired answers once the cache grows, so a long-lived page does not keep every answer ever. */
  private prune(): void {
    if (this.cache.size < 5_000) return;
    const now = this.now();
    for (const [key, entry] of this.cache) if (now - entry.at >= this.cacheMs) this.cache.delete(key);
  }
}

const abortedError = () => new KontorError('aborted', 'The availability request was cancelled');

const batchers = new WeakMap<KontorClient, AvailabilityBatcher>();

/**
 * The page-wide availability batcher of a client: every `<kontor-availability>` and cart of the
 * same client share its batches and cache, so 100 badges make one request.
 */
export function availabilityBatcherOf(client: KontorClient): AvailabilityBatcher {
  let batcher = batchers.get(client);
  if (!batcher) {
    batcher = new AvailabilityBatcher(client);
    batchers.set(client, batcher);
  }
  return batcher;
}
