import type { KontorClient } from '@kontor/core';
import { newIdempotencyKey } from '@kontor/core/cart/cart.store.base.js';
import type { KontorError } from '@kontor/core/errors';
import { isKontorError } from '@kontor/core/errors/kontor-error.js';
import { formatMoney } from '@kontor/core/money/money.logic.js';
import type { Money } from '@kontor/core/money';
import type { ReorderCandidateLine, ReorderCandidates, ReorderProduct, ReorderRequest, ReorderResult, ReorderTarget, ReorderToday } from '@kontor/core/reorder';
import { describeCadence } from '@kontor/core/reorder/cadence.logic.js';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { CartController } from '../../internal/cart-controller.js';
import { componentStyles } from '../../internal/component-styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import { ordersStoreOf } from '../../internal/orders-store.js';
import { reorderOf } from '../../internal/reorder-client.js';
import { common } from '../../translations/slices/common.js';
import { reorder } from '../../translations/slices/reorder.js';
import { strings, type StringsOf } from '../../translations/strings.js';
import { styles } from './reorder.styles.js';

const reorderStrings = strings(common, reorder);

/** A line the buyer can pick: of a recent order (by position), or a product. */
type Pick = { key: string; sku: string; quantity: number; orderId: string | null; position: number | null };

/**
 * @summary Reorder in one action: recent orders and the products the company orders most, with the last quantity and date, today's price and its change, today's delivery promise and each product's rhythm ("usually every 6 weeks — last ordered 7 weeks ago"); into the current cart, a new saved cart or (with `allow-order`) straight to an order, then line by line what happened.
 * @tag kontor-reorder
 * @event kontor-reorder-complete - The server answered a reorder the buyer asked for. detail: `{ result }`.
 * @event kontor-order-placed - A reorder straight to an order placed it. detail: `{ order }`.
 * @event kontor-error - Loading or reordering failed. detail: `{ error }`.
 * @csspart base - The wrapper.
 * @csspart due - The due products.
 * @csspart orders - The recent orders.
 * @csspart order - One recent order (`data-order-id`).
 * @csspart products - The most-ordered products.
 * @csspart line - One line to pick (`data-sku`, `data-status` today's status).
 * @csspart cadence - A product's rhythm in words (`data-bucket`).
 * @csspart price-change - Today's price against the one paid (`data-direction` up/down/same).
 * @csspart targets - The choice where to reorder to.
 * @csspart reorder-button - The button that reorders the selection.
 * @csspart result - The report of what happened.
 * @csspart result-line - One line of it (`data-outcome`).
 * @csspart empty - The "no orders yet" text.
 * @csspart error - The error state.
 * @cssproperty --reorder-border-color - Separators.
 * @cssproperty --reorder-due-color - The colour of the "overdue" mark.
 *
 * @example
 * ```html
 * <kontor-shop endpoint="https://shop.example.com" token="…">
 *   <kontor-reorder allow-order></kontor-reorder>
 *   <kontor-cart></kontor-cart>
 * </kontor-shop>
 * ```
 */
export class KontorReorder extends KontorElement<StringsOf<typeof reorderStrings>> {
  static override strings = reorderStrings;
  static override styles = [componentStyles, styles];

  private readonly cart = new CartController(this, () => this.resolveClient());
  private abort?: AbortController;
  private loadedKey?: unknown[];
  private focusResult = false;

  @state() private candidates: ReorderCandidates | null = null;
  @state() private status: 'initial' | 'loading' | 'complete' | 'error' = 'initial';
  @state() private error?: KontorError;
  @state() private picked = new Set<string>();
  @state() private target: ReorderTarget['kind'] = 'cart';
  @state() private working = false;
  @state() private result: ReorderResult | null = null;
  @state() private announcement = '';

  /** Offers "straight to an order" (delivered and paid like the last order). Off: only carts. */
  @property({ type: Boolean, attribute: 'allow-order', reflect: true }) allowOrder = false;

  /** A narrow layout for a portal's sidebar: one column, fewer details. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** How many recent orders (1–20). */
  @property({ type: Number, attribute: 'order-count' }) orderCount = 3;

  /** How many most-ordered products (1–50). */
  @property({ type: Number, attribute: 'product-count' }) productCount = 8;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.loadedKey = undefined;
  }

  override willUpdate(): void {
    if (!this.allowOrder && this.target === 'order') this.target = 'cart';
    const client = this.resolveClient();
    const key = [isKontorError(client) ? client.code : client, this.orderCount, this.productCount];
    if (!this.loadedKey || key.some((v, i) => v !== this.loadedKey![i])) {
      this.loadedKey = key;
      void this.load(client);
    }
  }

  override updated(): void {
    if (!this.focusResult) return;
    this.focusResult = false;
    this.renderRoot.querySelector<HTMLElement>('[part=result] h3')?.focus();
  }

  /** The candidates shown now. */
  get value(): ReorderCandidates | null {
    return this.candidates;
  }

  /** Loads the candidates again (e.g. after an order elsewhere on the page). */
  reload(): void {
    this.loadedKey = undefined;
    this.requestUpdate();
  }

  private async load(client: KontorClient | KontorError): Promise<void> {
    this.abort?.abort();
    if (isKontorError(client)) {
      this.status = 'error';
      this.error = this.reportError(client);
      return;
    }
    const abort = (this.abort = new AbortController());
    this.status = 'loading';
    try {
      const clamp = (v: number, max: number, d: number) => Math.min(max, Math.max(1, Math.trunc(v) || d));
      const candidates = await reorderOf(client).candidates({ orders: clamp(this.orderCount, 20, 3), products: clamp(this.productCount, 50, 8) }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.candidates = candidates;
      this.status = 'complete';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.status = 'error';
      this.error = this.reportError(error);
    }
  }

  private toggle(key: string, on: boolean): void {
    const next = new Set(this.picked);
    if (on) next.add(key);
    else next.delete(key);
    this.picked = next;
  }

  private picks(): Pick[] {
    const c = this.candidates;
    if (!c) return [];
    const all: Pick[] = [
      ...c.recentOrders.flatMap((o) => o.lines.map((l) => ({ key: `o:${o.orderId}:${l.position}`, sku: l.sku, quantity: l.quantity, orderId: o.orderId, position: l.position }))),
      ...c.products.map((p) => ({ key: `p:${p.sku}`, sku: p.sku, quantity: p.lastQuantity, orderId: null, position: null })),
    ];
    return all.filter((p) => this.picked.has(p.key));
  }

  /** The lines picked as the server takes them: of one order by position (re-priced against what was paid), else SKUs and quantities. */
  private sourceOf(picks: Pick[]): ReorderRequest['source'] {
    const orders = new Set(picks.map((p) => p.orderId));
    if (orders.size === 1 && picks[0]!.orderId) return { kind: 'order', orderId: picks[0]!.orderId, positions: picks.map((p) => p.position!) };
    return { kind: 'lines', lines: picks.map((p) => ({ sku: p.sku, quantity: p.quantity })) };
  }

  private async run(source: ReorderRequest['source']): Promise<void> {
    const client = this.resolveClient();
    if (isKontorError(client) || this.working) return;
    this.working = true;
    this.result = null;
    this.announcement = this.t.working;
    const key = newIdempotencyKey();
    try {
      const api = reorderOf(client);
      let result: ReorderResult;
      if (this.target === 'cart') {
        const store = this.cart.store!;
        let cart = (await store.load()) ?? (await client.cart.create({ active: true }, { idempotencyKey: newIdempotencyKey() }));
        try {
          result = await api.reorder({ source, target: { kind: 'cart', cartId: cart.id, version: cart.version } }, { idempotencyKey: key });
        } catch (error) {
          // The cart moved on meanwhile (another tab, a colleague): once more at its current version.
          if (!isKontorError(error) || error.code !== 'conflict') throw error;
          cart = (await store.refresh()) ?? cart;
          result = await api.reorder({ source, target: { kind: 'cart', cartId: cart.id, version: cart.version } }, { idempotencyKey: newIdempotencyKey() });
        }
        // The page-wide store: <kontor-cart> and the count on the page show the merged cart.
        await store.refresh().catch(() => undefined);
      } else {
        result = await api.reorder({ source, target: this.target === 'order' ? { kind: 'order' } : { kind: 'new_cart' } }, { idempotencyKey: key });
      }
      this.result = result;
      this.picked = new Set();
      this.announcement = this.summaryOf(result);
      this.focusResult = true;
      this.emit('kontor-reorder-complete', { result });
      if (result.order) {
        // The whole order, as the checkout gives it: into the page-wide orders store, so the page's
        // order histories list it at the top, and to the page as kontor-order-placed.
        const order = await client.orders.get(result.order.id).catch(() => null);
        if (order) {
          ordersStoreOf(client).placed(order);
          this.emit('kontor-order-placed', { order });
        }
        this.reload();
      }
    } catch (error) {
      this.error = this.reportError(error);
      this.announcement = `${this.t.errorTitle} ${this.errorText(this.error)}`;
    } finally {
      this.working = false;
    }
  }

  private summaryOf(result: ReorderResult): string {
    const t = this.t;
    // Counted here: core's reorderCounts() would bring the reorder issue messages, which the server words.
    const counts = { added: 0, merged: 0, later: 0, refused: 0 };
    for (const l of result.lines) counts[l.outcome]++;
    const parts = [t.resultSummary(counts)];
    if (result.order) parts.push(t.reorderOrderPlaced(result.order.number));
    else if (result.cart && result.target === 'new_cart') parts.push(t.savedCart(result.cart.name));
    else if (!result.lines.some((l) => l.quantity > 0)) parts.push(t.nothingWent);
    return parts.join(' ');
  }

  private money(m: Money): string {
    return formatMoney(m, this.t.$lang);
  }

  private qty(quantity: number, unit: Parameters<typeof this.t.unit>[0]): string {
    return `${quantity.toLocaleString(this.t.$locale)} ${this.t.unit(unit, quantity)}`;
  }

  private renderToday(today: ReorderToday) {
    const t = this.t;
    const change = today.priceChange;
    const direction = !change || change.amount.amount === 0 ? 'same' : change.amount.amount > 0 ? 'up' : 'down';
    return html`<span class="today">
      ${today.unitPrice ? html`<span class="price">${this.money(today.unitPrice)}</span>` : nothing}
      ${change
        ? html`<span part="price-change" data-direction=${direction}>${direction === 'same' ? t.priceUnchanged : t.priceChange(this.money({ amount: Math.abs(change.amount.amount), currency: change.amount.currency }), direction === 'up')}</span>`
        : nothing}
      <span class="promise">${t.todayStatus(today.status, today.promisedDelivery, today.replacementSku)}</span>
    </span>`;
  }

  private renderPick(key: string, label: string, disabled: boolean) {
    return html`<input type="checkbox" .checked=${this.picked.has(key)} ?disabled=${disabled || this.working} aria-label=${this.t.pick(label)} @change=${(e: Event) => this.toggle(key, (e.target as HTMLInputElement).checked)} />`;
  }

  private renderOrderLine(orderId: string, l: ReorderCandidateLine) {
    const t = this.t;
    const name = l.name[t.$lang] || l.name.de;
    return html`<li part="line" data-sku=${l.sku} data-status=${l.today.status}>
      <label>${this.renderPick(`o:${orderId}:${l.position}`, name, l.today.status === 'not_orderable')}<span class="name">${name}</span> <span class="sku">${l.sku}</span></label>
      <span class="facts">${this.qty(l.quantity, l.unit)} × ${this.money(l.unitPrice)} ${this.renderToday(l.today)}</span>
    </li>`;
  }

  private renderProduct(p: ReorderProduct) {
    const t = this.t;
    const name = p.name[t.$lang] || p.name.de;
    return html`<li part="line" data-sku=${p.sku} data-status=${p.today.status}>
      <label>${this.renderPick(`p:${p.sku}`, name, p.today.status === 'not_orderable')}<span class="name">${name}</span> <span class="sku">${p.sku}</span></label>
      <span class="facts">${t.lastOrdered(this.qty(p.lastQuantity, p.unit), p.lastOrderedAt.slice(0, 10))} ${this.renderToday(p.today)}</span>
      <span part="cadence" data-bucket=${p.cadence.bucket}><span class="bucket">${t.bucket(p.cadence.bucket)}</span> ${describeCadence(p.cadence, t.$lang)}</span>
    </li>`;
  }

  private renderResult(result: ReorderResult) {
    const t = this.t;
    return html`<section part="result" class="result">
      <h3 tabindex="-1">${t.resultHeading}</h3>
      <p class="summary">${this.summaryOf(result)}</p>
      <ul>
        ${result.lines.map((l) => {
          const name = l.name ? l.name[t.$lang] || l.name.de : l.sku;
          const facts = [
            t.outcome(l.outcome, l.quantity.toLocaleString(t.$locale), l.cartQuantity === null ? null : l.cartQuantity.toLocaleString(t.$locale)),
            l.replacedBy ? t.replacedBy(l.replacedBy) : '',
            l.repriced ? t.repriced(this.money(l.repriced.before), this.money(l.repriced.after)) : '',
            l.availableOn ? t.availableOn(l.availableOn) : '',
            l.reason?.message ?? '',
          ].filter(Boolean);
          return html`<li part="result-line" data-outcome=${l.outcome} data-sku=${l.sku}><span class="name">${name}</span> <span class="sku">${l.sku}</span>: ${facts.join(' · ')}</li>`;
        })}
      </ul>
    </section>`;
  }

  override render() {
    const t = this.t;
    const c = this.candidates;
    const loading = this.status === 'loading' || this.status === 'initial';
    const due = c ? c.due.map((sku) => c.products.find((p) => p.sku === sku)!).filter(Boolean) : [];
    const count = this.picks().length;
    const targets: [ReorderTarget['kind'], string][] = [['cart', t.targetCart], ['new_cart', t.targetNewCart], ...(this.allowOrder ? [['order', t.targetOrder] as [ReorderTarget['kind'], string]] : [])];
    return html`<section class="base" part="base" aria-label=${t.reorder} aria-busy=${loading || this.working ? 'true' : 'false'}>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.error && !this.working
        ? html`<div class="error" part="error" role="alert"><span>${t.errorTitle} ${this.errorText(this.error)}</span>
            ${this.error.code === 'not_configured' || this.status !== 'error' ? nothing : html`<button type="button" class="retry" @click=${() => this.reload()}>${t.retry}</button>`}</div>`
        : nothing}
      ${loading
        ? html`<p class="muted">${t.loading}</p>`
        : c && !c.recentOrders.length && !c.products.length
          ? html`<p class="empty" part="empty">${t.noReorderHistory}</p>`
          : c
            ? html`
                ${due.length
                  ? html`<section part="due"><h3>${t.dueProducts}</h3><ul class="lines">${repeat(due, (p) => p.sku, (p) => this.renderProduct(p))}</ul></section>`
                  : nothing}
                <section part="orders">
                  <h3>${t.recentOrders}</h3>
                  ${repeat(c.recentOrders, (o) => o.orderId, (o) => html`<article part="order" data-order-id=${o.orderId}>
                    <h4>${t.orderHeading(o.number, o.placedAt.slice(0, 10))} · ${this.money(o.gross)}</h4>
                    <button type="button" class="primary whole" ?disabled=${this.working} @click=${() => void this.run({ kind: 'order', orderId: o.orderId })}>${t.reorderWholeOrder}</button>
                    ${this.compact ? nothing : html`<ul class="lines">${o.lines.map((l) => this.renderOrderLine(o.orderId, l))}</ul>`}
                  </article>`)}
                </section>
                <section part="products">
                  <h3>${t.topProducts}</h3>
                  <ul class="lines">${repeat(c.products.filter((p) => !c.due.includes(p.sku)), (p) => p.sku, (p) => this.renderProduct(p))}</ul>
                </section>
                <fieldset part="targets">
                  <legend>${t.target}</legend>
                  ${targets.map(([kind, label]) => html`<label><input type="radio" name="target" .checked=${this.target === kind} ?disabled=${this.working} @change=${() => (this.target = kind)} /> ${label}</label>`)}
                </fieldset>
                <button type="button" class="primary" part="reorder-button" ?disabled=${!count || this.working} @click=${() => void this.run(this.sourceOf(this.picks()))}>
                  ${this.working ? t.working : t.reorderSelection(count)}
                </button>
              `
            : nothing}
      ${this.result ? this.renderResult(this.result) : nothing}
    </section>`;
  }
}
