import type { KontorClient } from '@kontor/core';
import type { KontorError } from '@kontor/core/errors';
import { isKontorError } from '@kontor/core/errors/kontor-error.js';
import { formatMoney } from '@kontor/core/money/money.logic.js';
import type { Order, OrderListQuery, OrderStatus, OrderSummary } from '@kontor/core/orders';
import { OrderStatusSchema } from '@kontor/core/orders/order.schema.js';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { componentStyles } from '../../internal/component-styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import { PlacedOrdersController } from '../../internal/orders-store.js';
import { styles } from './order-history.styles.js';
import { common } from '../../translations/slices/common.js';
import { orderHistory } from '../../translations/slices/orderHistory.js';
import { orderInfo } from '../../translations/slices/orderInfo.js';
import { strings, type StringsOf } from '../../translations/strings.js';

const SEARCH_DEBOUNCE_MS = 300;
const STATUSES = OrderStatusSchema.options as readonly OrderStatus[];

const orderHistoryStrings = strings(common, orderInfo, orderHistory);

/**
 * @summary The company's orders, newest first: filters by status, date and PO number, a search, paged by "load more"; a row opens the order's status and tracking. An order placed on the page (by `<kontor-checkout>`) appears at the top when the filters take it.
 * @tag kontor-order-history
 * @event kontor-standing-order-request - With `standing-orders`: the buyer pressed "Regelmäßig bestellen" in an expanded order (the page opens `<kontor-standing-order source-order-id>`). detail: `{ orderId }`.
 * @event kontor-error - Loading orders failed. detail: `{ error }`.
 * @csspart base - The wrapper.
 * @csspart filters - The filter form.
 * @csspart search - The search input.
 * @csspart table - The table of orders.
 * @csspart row - One order.
 * @csspart number - An order's number (a link with `order-url`).
 * @csspart status - An order's status (text; `data-status` names it for styling).
 * @csspart details - The expanded `<kontor-order-status>` of a row.
 * @csspart load-more - The "load more" button; the focus moves from it to the first order it loaded.
 * @csspart field-error - Why the dates cannot be searched (the end date before the start date); nothing is asked meanwhile.
 * @csspart empty - The "no orders" text.
 * @csspart error - The error state.
 * @cssproperty --order-history-border-color - Row separators.
 *
 * @example
 * ```html
 * <kontor-shop endpoint="https://shop.example.com" token="…">
 *   <kontor-order-history page-size="20"></kontor-order-history>
 * </kontor-shop>
 * ```
 */
export class KontorOrderHistory extends KontorElement<StringsOf<typeof orderHistoryStrings>> {
  static override strings = orderHistoryStrings;
  static override styles = [componentStyles, styles];

  private abort?: AbortController;
  private debounce?: ReturnType<typeof setTimeout>;
  private loadedKey?: unknown[];
  private retryAppends = false;
  /** The row to focus once rendered: the first one "load more" brought (none there: the retry button). */
  private focusRow = -1;
  /** The first page on its way, if one is. */
  private loading?: Promise<void>;
  /** Orders placed on the page: shown at the top when the filters take them, without loading the list again. */
  private readonly placed = new PlacedOrdersController(this, () => this.resolveClient(), (order, client) => void this.addPlaced(order, client));

  @state() private orders: OrderSummary[] = [];
  @state() private nextCursor: string | null = null;
  @state() private status: 'initial' | 'loading' | 'loading-more' | 'complete' | 'error' = 'initial';
  @state() private error?: KontorError;
  @state() private expanded = new Set<string>();
  @state() private announcement = '';

  /** Only orders in this status. */
  @property({ attribute: 'status-filter', reflect: true }) statusFilter: OrderStatus | '' = '';

  /** Placed on or after this day (`YYYY-MM-DD`). */
  @property({ reflect: true }) from = '';

  /** Placed on or before this day (`YYYY-MM-DD`). */
  @property({ reflect: true }) to = '';

  /** Purchase-order number (exact, case-insensitive). */
  @property({ reflect: true }) po = '';

  /** Search: order number, PO number, cost center or SKU contained. */
  @property({ reflect: true }) query = '';

  /** Orders per page (1–100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /**
   * Makes each order number a link: `{id}` and `{number}` are replaced, e.g. `/orders/{id}`.
   * Without it a row expands the order's `<kontor-order-status>` in place.
   */
  @property({ attribute: 'order-url' }) orderUrl?: string;

  /** Level of the history's rows' order titles when expanded (1–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Offers "Regelmäßig bestellen" in an expanded order, which fires `kontor-standing-order-request` (for pages that embed `<kontor-standing-order>`). */
  @property({ type: Boolean, attribute: 'standing-orders', reflect: true }) standingOrders = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    clearTimeout(this.debounce);
    this.loadedKey = undefined;
  }

  /** The orders shown now. */
  get value(): readonly OrderSummary[] {
    return this.orders;
  }

  /** "From" after "to": a range that finds nothing, so it is not asked for. */
  private get inverted() {
    return this.from && this.to && this.from > this.to;
  }

  override willUpdate(): void {
    if (this.inverted) {
      this.abort?.abort();
      this.loadedKey = undefined;
      this.orders = [];
      this.nextCursor = null;
      this.status = 'complete';
      return;
    }
    const client = this.resolveClient();
    const key = [isKontorError(client) ? client.code : client, this.statusFilter, this.from, this.to, this.po.trim(), this.query.trim(), this.pageSize];
    if (!this.loadedKey || key.some((v, i) => v !== this.loadedKey![i])) {
      this.loadedKey = key;
      this.loading = this.load(client, false);
    }
  }

  private query_(append: boolean): OrderListQuery {
    return {
      ...(this.statusFilter ? { status: this.statusFilter } : {}),
      ...(this.from ? { from: this.from } : {}),
      ...(this.to ? { to: this.to } : {}),
      ...(this.po.trim() ? { po: this.po.trim() } : {}),
      ...(this.query.trim() ? { q: this.query.trim() } : {}),
      limit: Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 20)),
      ...(append && this.nextCursor ? { cursor: this.nextCursor } : {}),
    };
  }

  private async load(client: KontorClient | KontorError, append: boolean): Promise<void> {
    this.abort?.abort();
    if (isKontorError(client)) {
      this.orders = [];
      this.status = 'error';
      this.error = this.reportError(client);
      return;
    }
    const abort = (this.abort = new AbortController());
    this.status = append ? 'loading-more' : 'loading';
    this.error = undefined;
    try {
      const page = await client.orders.list(this.query_(append), { signal: abort.signal });
      if (abort.signal.aborted) return;
      if (append) this.focusRow = this.orders.length;
      this.orders = append ? [...this.orders, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
      this.status = 'complete';
      this.announcement = this.orders.length ? this.t.ordersShown(this.orders.length) : this.t.noOrders;
    } catch (error) {
      if (abort.signal.aborted) return;
      if (append) this.focusRow = this.orders.length;
      if (!append) this.orders = [];
      this.status = 'error';
      this.error = this.reportError(error);
      this.retryAppends = append;
    }
  }

  /**
   * Shows an order placed on the page at the top, announced, when the filters take it. Whether they
   * do is the server's word (one first page with the same filters), so search and dates mean here
   * exactly what they mean in the list; the pages already loaded stay as they are.
   */
  private async addPlaced(order: Order, client: KontorClient): Promise<void> {
    await this.loading; // a first page on its way may bring it itself
    const key = this.loadedKey;
    const shown = () => this.orders.some((o) => o.id === order.id);
    if (!key || this.inverted || this.status === 'error' || shown()) return;
    let found: OrderSummary | undefined;
    try {
      found = (await client.orders.list(this.query_(false))).items.find((o) => o.id === order.id);
    } catch {
      return; // the list itself is fine; the next load shows the order
    }
    if (!found || key !== this.loadedKey || shown()) return;
    this.orders = [found, ...this.orders];
    this.announcement = this.t.orderAdded(found.number);
  }

  override updated(): void {
    if (this.focusRow < 0) return;
    const row = this.renderRoot.querySelectorAll('[part=row]')[this.focusRow];
    this.focusRow = -1;
    (row?.querySelector<HTMLElement>('a, button') ?? this.renderRoot.querySelector<HTMLElement>('.retry'))?.focus();
  }

  /** Loads the first page again with the current filters. */
  reload(): void {
    this.loadedKey = undefined;
    this.requestUpdate();
  }

  private onText(name: 'query' | 'po', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this[name] = value;
    }, SEARCH_DEBOUNCE_MS);
  }

  private onTextKeydown(name: 'query' | 'po', event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(this.debounce);
      this[name] = (event.target as HTMLInputElement).value;
    }
  }

  private toggle(id: string): void {
    const next = new Set(this.expanded);
    if (!next.delete(id)) next.add(id);
    this.expanded = next;
  }

  private renderFilters() {
    const t = this.t;
    const bad = this.inverted;
    return html`<form class="filters" part="filters" role="search" aria-label=${t.filters} @submit=${(e: Event) => e.preventDefault()}>
      <label class="wide"
        >${t.search}
        <input
          type="search"
          part="search"
          name="q"
          .value=${this.query}
          placeholder=${t.searchOrders}
          @input=${(e: Event) => this.onText('query', e)}
          @keydown=${(e: KeyboardEvent) => this.onTextKeydown('query', e)}
      /></label>
      <label
        >${t.status}
        <select name="status" @change=${(e: Event) => (this.statusFilter = (e.target as HTMLSelectElement).value as OrderStatus | '')}>
          <option value="" ?selected=${!this.statusFilter}>${t.allStatuses}</option>
          ${STATUSES.map((s) => html`<option value=${s} ?selected=${this.statusFilter === s}>${t.orderStatusName(s)}</option>`)}
        </select></label
      >
      <label
        >${t.dateFrom}
        <input
          type="date"
          name="from"
          .value=${this.from}
          max=${this.to || nothing}
          aria-invalid=${bad ? 'true' : 'false'}
          aria-describedby=${bad ? 'dates' : nothing}
          @change=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)}
      /></label>
      <label
        >${t.dateTo}
        <input
          type="date"
          name="to"
          .value=${this.to}
          min=${this.from || nothing}
          aria-invalid=${bad ? 'true' : 'false'}
          aria-describedby=${bad ? 'dates' : nothing}
          @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)}
      /></label>
      <label
        >${t.purchaseOrderNumber}
        <input
          name="po"
          maxlength="35"
          .value=${this.po}
          @input=${(e: Event) => this.onText('po', e)}
          @keydown=${(e: KeyboardEvent) => this.onTextKeydown('po', e)}
      /></label>
      ${bad ? html`<p id="dates" class="field-error" part="field-error" role="alert">${t.datesInverted}</p>` : nothing}
    </form>`;
  }

  private renderRow(order: OrderSummary) {
    const t = this.t;
    const date = new Intl.DateTimeFormat(t.$locale, { dateStyle: 'medium' });
    const open = this.expanded.has(order.id);
    const href = this.orderUrl?.replace('{id}', encodeURIComponent(order.id)).replace('{number}', encodeURIComponent(order.number));
    const detailsId = `details-${order.id}`;
    return html`<tr part="row" data-id=${order.id} data-number=${order.number}>
        <th scope="row" part="number">
          ${href
            ? html`<a href=${href}>${order.number}</a>`
            : html`<button type="button" class="link toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls=${detailsId} aria-label=${t.orderDetails(order.number)} @click=${() => this.toggle(order.id)}>
                <span aria-hidden="true" class="chevron">${open ? '▾' : '▸'}</span> ${order.number}
              </button>`}
        </th>
        <td class="date"><time datetime=${order.placedAt}>${date.format(new Date(order.placedAt))}</time></td>
        <td class="state"><span class="status" part="status" data-status=${order.status}>${t.orderStatusName(order.status)}</span></td>
        <td class="po" data-label=${t.purchaseOrderNumber}>${order.purchaseOrderNumber ?? nothing}</td>
        <td class="num gross">${formatMoney(order.totals.gross, t.$locale)}</td>
        <td class="promise" data-label=${t.promisedDelivery}>${order.promisedDelivery ? t.deliveryDay(order.promisedDelivery, false) : t.noDate}</td>
      </tr>
      ${href
        ? nothing
        : html`<tr class="details" id=${detailsId} ?hidden=${!open}>
            <td colspan="6">
              ${open && this.standingOrders
                ? html`<button type="button" class="order-regularly" @click=${() => this.emit('kontor-standing-order-request', { orderId: order.id })}>${this.t.orderThisRegularly}</button>`
                : nothing}
              ${open ? html`<kontor-order-status part="details" order-id=${order.id} heading-level=${this.headingLevel}></kontor-order-status>` : nothing}
            </td>
          </tr>`}`;
  }

  override render() {
    const t = this.t;
    const loading = this.status === 'loading' || this.status === 'initial';
    const orders = this.orders;
    return html`<section class="base" part="base" aria-label=${t.orderHistory} aria-busy=${loading || this.status === 'loading-more' ? 'true' : 'false'}>
      ${this.renderFilters()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.status === 'error' && this.error
        ? html`<div class="error" part="error" role="alert">
            <span>${t.errorTitle} ${this.errorText(this.error)}</span>
            ${this.error.code === 'not_configured'
              ? nothing
              : html`<button type="button" class="retry" @click=${() => void this.load(this.resolveClient(), this.retryAppends)}>${t.retry}</button>`}
          </div>`
        : nothing}
      ${loading
        ? html`<p class="muted">${t.loading}</p>`
        : orders.length
          ? html`<div class="scroll">
              <table part="table">
                <caption class="visually-hidden">${t.orderHistory}</caption>
                <thead>
                  <tr>
                    <th scope="col">${t.orderNumber}</th>
                    <th scope="col">${t.orderDate}</th>
                    <th scope="col">${t.status}</th>
                    <th scope="col">${t.purchaseOrderNumber}</th>
                    <th scope="col" class="num">${t.gross}</th>
                    <th scope="col">${t.promisedDelivery}</th>
                  </tr>
                </thead>
                <tbody>
                  ${repeat(orders, (o) => o.id, (o) => this.renderRow(o))}
                </tbody>
              </table>
            </div>`
          : this.status === 'complete' && !this.inverted
            ? html`<p class="empty" part="empty">${t.noOrders}</p>`
            : nothing}
      ${this.nextCursor && orders.length && this.status !== 'error'
        ? // Not disabled while loading: a disabled button drops the focus to the page.
          html`<button
            type="button"
            class="load-more"
            part="load-more"
            aria-disabled=${this.status === 'loading-more' ? 'true' : 'false'}
            @click=${() => this.status === 'loading-more' || void this.load(this.resolveClient(), true)}
          >
            ${this.status === 'loading-more' ? t.loading : t.loadMoreOrders}
          </button>`
        : nothing}
    </section>`;
  }
}
