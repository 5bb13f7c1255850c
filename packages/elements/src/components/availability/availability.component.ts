import type { AvailabilityAnswer } from '@kontor/core/availability';
import type { KontorError } from '@kontor/core/errors';
import { isKontorError } from '@kontor/core/errors/kontor-error.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MAX_QUANTITY, availabilityBatcherOf, isAskableQuantity, type AvailabilityAsk, type AvailabilityBatcher } from '../../internal/availability-batcher.js';
import { componentStyles } from '../../internal/component-styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import type { KontorQuantityChangeEvent } from '../../events/index.js';
import { promiseText, requestErrorText, type PromiseTone } from './availability.text.js';
import { styles } from './availability.styles.js';
import { availability } from '../../translations/slices/availability.js';
import { common } from '../../translations/slices/common.js';
import { strings, type StringsOf } from '../../translations/strings.js';

/** A periodic re-check takes an answer at most this old (ms): one fetched by another badge a moment ago will do. */
const REFRESH_MAX_AGE = 1_000;

const ICONS: Record<PromiseTone, string> = { available: '✓', partial: '◐', later: '◷', unavailable: '✕', error: '!' };

const numberFormats = new Map<string, Intl.NumberFormat>();
const numbersFor = (locale: string) => {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
};

/** What `for` may point to: a `<kontor-quantity>` (typed loosely, so this element does not pull the quantity element in). */
interface QuantityLike extends Element {
  value?: unknown;
  valid?: unknown;
}

/** One timer per refresh interval for every badge on the page: on the clock's multiples of the interval. */
const ticks = new Map<number, { callbacks: Set<() => void>; timer: ReturnType<typeof setTimeout> | undefined }>();

/**
 * Calls `callback` on every multiple of `ms` on the clock, together with every other callback of
 * that interval in one task, so all badges re-ask before the batcher's next frame and go out in
 * one request. Returns the unsubscribe function.
 */
function onRefreshTick(ms: number, callback: () => void): () => void {
  let tick = ticks.get(ms);
  if (!tick) ticks.set(ms, (tick = { callbacks: new Set(), timer: undefined }));
  const entry = tick;
  entry.callbacks.add(callback);
  const arm = () => {
    entry.timer = setTimeout(() => {
      for (const cb of [...entry.callbacks]) cb();
      if (entry.callbacks.size) arm();
      else entry.timer = undefined;
    }, ms - (Date.now() % ms));
  };
  if (!entry.timer) arm();
  return () => {
    entry.callbacks.delete(callback);
    if (!entry.callbacks.size) {
      clearTimeout(entry.timer);
      entry.timer = undefined;
      ticks.delete(ms);
    }
  };
}

const availabilityStrings = strings(common, availability);

/**
 * @summary The delivery promise for a quantity of a product: "Auf Lager – Lieferung Do, 26.11.", "3 sofort, 7 ab 04.12.", "Lieferbar ab 04.12.", "Nicht mehr lieferbar – Ersatz: LM-1004".
 * @tag kontor-availability
 * @event kontor-error - The availability request failed, or no Kontor endpoint is configured. detail: `{ error }`.
 * @csspart base - The wrapper (a polite live region, so a changed promise is announced). Also named by its tone: `available`, `partial`, `later`, `unavailable` or `error`.
 * @csspart available - The base when the whole quantity ships from stock.
 * @csspart partial - The base when part of it ships now and the rest later.
 * @csspart later - The base when all of it arrives later (on order).
 * @csspart unavailable - The base when not all of it can be delivered (discontinued, cannot be procured).
 * @csspart error - The base when there is no promise (unknown SKU, invalid quantity, failed request).
 * @csspart icon - The symbol before the text (decorative: the text carries the meaning).
 * @csspart text - The promise (or the error) as text.
 * @csspart retry - The retry button after a failed request.
 * @cssproperty --availability-font-size - Text size.
 * @cssproperty --availability-gap - Space between icon and text.
 * @cssproperty --availability-color - Text colour.
 * @cssproperty --availability-available-color - Icon colour when in stock.
 * @cssproperty --availability-partial-color - Icon colour when partly in stock.
 * @cssproperty --availability-later-color - Icon colour when on order.
 * @cssproperty --availability-unavailable-color - Icon colour when (partly) unavailable or on error.
 *
 * @example
 * ```html
 * <kontor-quantity id="qty-kl1010" min="10" step="10"></kontor-quantity>
 * <kontor-availability sku="KL-1010" for="qty-kl1010" destination="AT"></kontor-availability>
 * ```
 */
export class KontorAvailability extends KontorElement<StringsOf<typeof availabilityStrings>> {
  static override strings = availabilityStrings;
  static override styles = [componentStyles, styles];

  private abort?: AbortController;
  private askedFrom?: unknown;
  private askedKey?: string;
  private stopRefresh?: () => void;
  private linkRoot?: Node;
  /** Whether a promise (or error) has been shown: the first one is page content, later changes are announced. */
  private live = false;

  @state() private answer?: AvailabilityAnswer;
  @state() private loading = false;
  @state() private error?: KontorError;
  @state() private invalid = false;
  /** The last valid quantity of the linked `<kontor-quantity>`, once the buyer changed it. */
  @state() private linkedQuantity?: number;

  /** Article number to promise. */
  @property({ reflect: true }) sku?: string;

  /** Quantity to promise (a whole number from 1), unless `for` links a quantity input. */
  @property({ type: Number }) quantity = 1;

  /** Destination country (ISO 3166-1, e.g. `DE`, `AT`). */
  @property() destination = 'DE';

  /**
   * Id of a `<kontor-quantity>` in the same document or shadow root: the promise follows the
   * quantity the buyer commits there (valid quantities only) instead of `quantity`.
   */
  @property({ attribute: 'for' }) htmlFor?: string;

  /** Asks again every this many seconds (and when the page becomes visible), so stock changes show up. 0: never. */
  @property({ type: Number, attribute: 'refresh-seconds' }) refreshSeconds = 60;

  override connectedCallback(): void {
    super.connectedCallback();
    this.linkRoot = this.getRootNode();
    this.linkRoot.addEventListener('kontor-quantity-change', this.onQuantityChange);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.scheduleRefresh();
    // Ask again when re-attached.
    this.askedKey = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.linkRoot?.removeEventListener('kontor-quantity-change', this.onQuantityChange);
    this.linkRoot = undefined;
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.stopRefresh?.();
    this.stopRefresh = undefined;
    this.abort?.abort();
    this.abort = undefined;
    this.loading = false;
  }

  // Asking here, before render, sets the loading state without a second update.
  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('htmlFor') && changed.get('htmlFor') !== undefined) this.linkedQuantity = undefined;
    if (changed.has('refreshSeconds') && this.isConnected) this.scheduleRefresh();
    this.check('render');
  }

  override updated(): void {
    if (!this.live && (this.answer || this.error || this.invalid)) {
      // From now on a change is announced (the first answer is read with the page, not announced 100 times).
      this.live = true;
      this.renderRoot.querySelector('[part~=base]')?.setAttribute('aria-live', 'polite');
    }
  }

  /** The answer shown now: the promise, or the item's error (e.g. an unknown SKU). */
  get value(): AvailabilityAnswer | undefined {
    return this.answer;
  }

  /** The quantity promised: the linked input's, else `quantity`. */
  get effectiveQuantity(): number {
    if (this.htmlFor) {
      if (this.linkedQuantity !== undefined) return this.linkedQuantity;
      const linked = this.linked();
      if (linked && typeof linked.value === 'number' && linked.valid === true) return linked.value;
    }
    return this.quantity;
  }

  private linked(): QuantityLike | null {
    const root = this.getRootNode() as Document | ShadowRoot;
    return this.htmlFor && typeof root.getElementById === 'function' ? root.getElementById(this.htmlFor) : null;
  }

  private readonly onQuantityChange = (event: Event): void => {
    if (!this.htmlFor || (event.target as Element | null)?.id !== this.htmlFor) return;
    const { quantity, valid } = (event as KontorQuantityChangeEvent).detail;
    if (valid) this.linkedQuantity = quantity;
  };

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === 'visible' && this.refreshSeconds > 0) this.check('visible');
  };

  private scheduleRefresh(): void {
    this.stopRefresh?.();
    this.stopRefresh = undefined;
    if (!this.isConnected || !(this.refreshSeconds > 0)) return;
    this.stopRefresh = onRefreshTick(Math.max(1_000, this.refreshSeconds * 1_000), () => {
      if (document.visibilityState !== 'hidden') this.check('timer');
    });
  }

  /**
   * Asks for the promise if the question changed (`render`), or again past the cache
   * (`timer`: a fresh answer; `visible`: one younger than the refresh interval).
   */
  private check(why: 'render' | 'timer' | 'visible'): void {
    // Remember the linked input's first valid quantity: if the buyer then types an invalid one, the promise stays for this one.
    if (this.htmlFor && this.linkedQuantity === undefined) {
      const linked = this.linked();
      if (linked && typeof linked.value === 'number' && linked.valid === true) this.linkedQuantity = linked.value;
    }
    const client = this.resolveClient();
    const source = isKontorError(client) ? client.code : client;
    const sku = this.sku?.trim() ?? '';
    const quantity = this.effectiveQuantity;
    const destination = (this.destination || 'DE').trim().toUpperCase();
    const key = `${sku}|${quantity}|${destination}`;
    if (why === 'render' && source === this.askedFrom && key === this.askedKey) return;
    const sameItem = this.askedKey?.split('|')[0] === sku && this.askedFrom === source;
    this.askedFrom = source;
    this.askedKey = key;
    this.abort?.abort();
    this.abort = undefined;
    this.invalid = false;
    this.loading = false;
    if (!sku) {
      this.answer = undefined;
      this.error = undefined;
      return;
    }
    if (isKontorError(client)) {
      this.answer = undefined;
      if (why === 'render') this.error = this.reportError(client);
      return;
    }
    if (!isAskableQuantity(quantity)) {
      // Nothing to ask: the quantity itself is wrong.
      this.answer = undefined;
      this.error = undefined;
      this.invalid = true;
      return;
    }
    const batcher = availabilityBatcherOf(client);
    const ask: AvailabilityAsk = { sku, quantity, destination };
    const maxAge = why === 'timer' ? REFRESH_MAX_AGE : why === 'visible' ? this.refreshSeconds * 1_000 : undefined;
    const cached = batcher.peek(ask, maxAge);
    if (cached) {
      this.answer = cached;
      this.error = undefined;
      return;
    }
    // A new quantity of the same article keeps the old promise visible (marked busy) until the new one is there.
    if (!sameItem) this.answer = undefined;
    void this.fetch(batcher, ask, maxAge);
  }

  private async fetch(batcher: AvailabilityBatcher, ask: AvailabilityAsk, maxAge: number | undefined): Promise<void> {
    const abort = (this.abort = new AbortController());
    this.loading = true;
    try {
      const answer = await batcher.get(ask, { signal: abort.signal, ...(maxAge !== undefined ? { maxAge } : {}) });
      if (abort.signal.aborted) return;
      this.answer = answer;
      this.error = undefined;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.answer = undefined;
      this.error = this.reportError(error);
    } finally {
      if (!abort.signal.aborted) this.loading = false;
    }
  }

  /** Asks again after an error. */
  retry(): void {
    this.askedKey = undefined;
    this.requestUpdate();
  }

  /** Asks again now, past the cache (e.g. after the page learned that stock changed). */
  refresh(): void {
    this.check('timer');
  }

  override render() {
    const t = this.t;
    let tone: PromiseTone | null = null;
    let text: string | typeof nothing = nothing;
    let retry = false;
    if (this.error) {
      tone = 'error';
      text = requestErrorText(this.error, t, this.errorText(this.error));
      retry = this.error.code !== 'not_configured';
    } else if (this.invalid) {
      tone = 'error';
      text = t.availabilityInvalidQuantity(new Intl.NumberFormat(t.$locale).format(MAX_QUANTITY));
    } else if (this.answer) {
      ({ tone, text } = promiseText(this.answer, t, numbersFor(t.$locale)));
    }
    const busy = this.loading;
    return html`<div
      class="base ${tone ? `tone-${tone}` : ''}"
      part="base ${tone ?? ''}"
      role="status"
      aria-live=${this.live ? 'polite' : 'off'}
      aria-busy=${busy ? 'true' : 'false'}
    >
      ${tone
        ? html`<span class="icon" part="icon" aria-hidden="true">${ICONS[tone]}</span><span class="text" part="text">${text}</span>${retry
              ? html`<button type="button" part="retry" @click=${this.retry}>${t.retry}</button>`
              : nothing}`
        : busy
          ? html`<span class="skeleton" part="skeleton" aria-hidden="true"></span><span class="visually-hidden">${t.loading}</span>`
          : nothing}
    </div>`;
  }
}
