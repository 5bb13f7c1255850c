import type { KontorClient } from '@kontor/core';
import type { AvailabilityAnswer } from '@kontor/core/availability';
import { isKontorError, KontorError } from '@kontor/core/errors/kontor-error.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import { availabilityBatcherOf, isAskableQuantity } from '../../internal/availability-batcher.js';

/** What the host wants promised now. `items` is compared by identity: hand in the same array while nothing changed. */
export interface PromisesSource {
  client: KontorClient;
  destination: string;
  items: readonly { sku: string; quantity: number }[];
  /** Ask again every this many seconds (and when the page becomes visible); 0: never. */
  refreshSeconds: number;
  /** Not yet: the host is busy (e.g. still rendering rows in chunks); ask once this is false. */
  defer?: boolean;
}

/** A periodic re-check takes an answer at most this old (ms). */
const REFRESH_MAX_AGE = 1_000;

/**
 * The delivery promises of many lines for one element (the cart), through the page's
 * availability batcher: one request for all lines, answers kept by SKU with the quantity they
 * are for, so a row renders text instead of an element per line. An answer object stays the
 * same while nothing about it changed, so rows can be guarded by it.
 */
export class PromisesController implements ReactiveController {
  /** The latest answer per SKU (check `answer.quantity` against the line's). Updated in place; listen with {@link subscribe}. */
  readonly answers: ReadonlyMap<string, AvailabilityAnswer> = new Map();
  /** Why the last request failed, if it did. */
  error: KontorError | null = null;
  private asked?: { client: KontorClient; destination: string; items: PromisesSource['items'] };
  private abort?: AbortController;
  private timer?: ReturnType<typeof setTimeout>;
  private timerSeconds = 0;
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** What to promise now; `null`: nothing (no cart, presentational, switched off). */
    private readonly source: () => PromisesSource | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.asked = undefined;
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerSeconds = 0;
    this.abort?.abort();
    this.abort = undefined;
  }

  // Before the host renders: answers already cached are in this very render, without a second update.
  hostUpdate(): void {
    const source = this.source();
    if (!source) {
      this.asked = undefined;
      this.abort?.abort();
      this.schedule(0);
      return;
    }
    this.schedule(source.refreshSeconds);
    if (source.defer) return;
    const asked = this.asked;
    if (asked && asked.client === source.client && asked.destination === source.destination && asked.items === source.items) return;
    void this.ask(source, undefined);
  }

  /**
   * Calls `listener` whenever the answer for `sku` (or the error) changes, so a row can update its
   * promise without re-rendering the host. Returns the unsubscribe function.
   */
  subscribe(sku: string, listener: () => void): () => void {
    let set = this.listeners.get(sku);
    if (!set) this.listeners.set(sku, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(sku);
    };
  }

  private notify(skus: Iterable<string> | 'all'): void {
    if (skus === 'all') {
      for (const set of this.listeners.values()) for (const listener of set) listener();
      return;
    }
    for (const sku of skus) this.listeners.get(sku)?.forEach((listener) => listener());
  }

  private setError(error: KontorError | null): void {
    if (error === this.error) return;
    this.error = error;
    // The host shows why; rows drop their "checking" text.
    this.host.requestUpdate();
    this.notify('all');
  }

  /** Asks again after a failed request. */
  retry(): void {
    const source = this.source();
    if (source) void this.ask(source, undefined);
  }

  private readonly onVisibilityChange = (): void => {
    const source = this.source();
    if (document.visibilityState === 'visible' && source && source.refreshSeconds > 0) void this.ask(source, source.refreshSeconds * 1_000);
  };

  private schedule(seconds: number): void {
    if (seconds === this.timerSeconds && this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerSeconds = seconds;
    if (!(seconds > 0) || !this.host.isConnected) return;
    const ms = Math.max(1_000, seconds * 1_000);
    // On the clock's multiples, like <kontor-availability>: the cart and the badges of a page refresh together.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const source = this.source();
      if (source && document.visibilityState !== 'hidden') void this.ask(source, REFRESH_MAX_AGE);
      this.schedule(source?.refreshSeconds ?? 0);
    }, ms - (Date.now() % ms));
  }

  private async ask(source: PromisesSource, maxAge: number | undefined): Promise<void> {
    this.asked = { client: source.client, destination: source.destination, items: source.items };
    const batcher = availabilityBatcherOf(source.client);
    const destination = source.destination.trim().toUpperCase() || 'DE';
    const previous = this.abort;
    const abort = (this.abort = new AbortController());
    const answers = this.answers as Map<string, AvailabilityAnswer>;
    const changed: string[] = [];
    const waiting: Promise<void>[] = [];
    let failure: unknown = null;
    for (const { sku, quantity } of source.items) {
      if (!isAskableQuantity(quantity)) continue;
      const ask = { sku, quantity, destination };
      const cached = batcher.peek(ask, maxAge);
      if (cached) {
        if (answers.get(sku) !== cached) {
          answers.set(sku, cached);
          changed.push(sku);
        }
        continue;
      }
      waiting.push(
        batcher.get(ask, { signal: abort.signal, ...(maxAge !== undefined ? { maxAge } : {}) }).then(
          (answer) => {
            if (abort.signal.aborted || answers.get(sku) === answer) return;
            answers.set(sku, answer);
            changed.push(sku);
          },
          (error: unknown) => {
            failure ??= error;
          },
        ),
      );
    }
    // Cancel the previous asks only now: keys asked again joined their requests above and keep them alive.
    previous?.abort();
    this.notify(changed.splice(0));
    if (!waiting.length) {
      this.setError(null);
      return;
    }
    await Promise.all(waiting);
    if (abort.signal.aborted) return;
    this.notify(changed);
    this.setError(failure ? (isKontorError(failure) ? failure : new KontorError('internal', String(failure), { cause: failure })) : null);
  }
}

/**
 * Renders one line's promise from a {@link PromisesController} and updates itself when the answer
 * arrives, without re-rendering the row around it (cart rows render in guarded groups).
 */
class PromiseDirective extends AsyncDirective {
  private controller?: PromisesController;
  private sku?: string;
  private view?: (answer: AvailabilityAnswer | undefined, error: KontorError | null) => unknown;
  private unsubscribe?: () => void;

  render(controller: PromisesController, sku: string, view: (answer: AvailabilityAnswer | undefined, error: KontorError | null) => unknown): unknown {
    if (controller !== this.controller || sku !== this.sku) {
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      this.controller = controller;
      this.sku = sku;
    }
    this.view = view;
    if (!this.unsubscribe && this.isConnected) this.unsubscribe = controller.subscribe(sku, this.onChange);
    return view(controller.answers.get(sku), controller.error);
  }

  private readonly onChange = (): void => {
    if (this.controller && this.sku !== undefined && this.view) this.setValue(this.view(this.controller.answers.get(this.sku), this.controller.error));
  };

  protected override disconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  protected override reconnected(): void {
    if (this.controller && this.sku !== undefined) this.unsubscribe = this.controller.subscribe(this.sku, this.onChange);
    this.onChange();
  }
}

/** `${promiseOf(controller, line.sku, (answer, error) => html`…`)}`: a row's promise that follows its answer. */
export const promiseOf = directive(PromiseDirective);
