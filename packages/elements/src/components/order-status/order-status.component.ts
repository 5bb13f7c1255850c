import type { KontorClient } from '@kontor/core';
import type { KontorError } from '@kontor/core/errors';
import { isKontorError } from '@kontor/core/errors/kontor-error.js';
import type { Money } from '@kontor/core/money';
import { formatMoney } from '@kontor/core/money/money.logic.js';
import type { Order, OrderLine } from '@kontor/core/orders';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { componentStyles } from '../../internal/component-styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import { styles } from './order-status.styles.js';
import { common } from '../../translations/slices/common.js';
import { orderInfo } from '../../translations/slices/orderInfo.js';
import { orderStatus } from '../../translations/slices/orderStatus.js';
import { totals } from '../../translations/slices/totals.js';
import { strings, type StringsOf } from '../../translations/strings.js';

/** Lines shown before "show all": an order of 1,000 lines opens as fast as one of ten. */
const FIRST_LINES = 50;

const orderStatusStrings = strings(common, totals, orderInfo, orderStatus);

/**
 * @summary One order: its status, the timeline of every change, the carrier's tracking link and the ordered lines.
 * @tag kontor-order-status
 * @event kontor-error - Loading the order failed. detail: `{ error }`.
 * @csspart base - The wrapper.
 * @csspart header - Number, status and who ordered when.
 * @csspart status - The current status (text; `data-status` names it for styling).
 * @csspart dates - The requested delivery day and the expected one (the day every line arrives).
 * @csspart tracking - The carrier and tracking number, a link to the carrier's page when known.
 * @csspart timeline - The list of status changes.
 * @csspart event - One status change.
 * @csspart lines - The table of ordered lines.
 * @csspart totals - Net, VAT per rate and gross.
 * @csspart refresh - The refresh button.
 * @csspart error - The error state.
 * @cssproperty --order-status-accent - Colour of the timeline's markers.
 * @cssproperty --order-status-border-color - Separators.
 *
 * @example
 * ```html
 * <kontor-shop endpoint="https://shop.example.com" token="…">
 *   <kontor-order-status order-id="ord_…"></kontor-order-status>
 * </kontor-shop>
 * ```
 */
export class KontorOrderStatus extends KontorElement<StringsOf<typeof orderStatusStrings>> {
  static override strings = orderStatusStrings;
  static override styles = [componentStyles, styles];

  private abort?: AbortController;
  private loadedKey?: unknown[];

  @state() private loaded?: Order;
  @state() private loading = false;
  @state() private error?: KontorError;
  @state() private allLines = false;
  @state() private announcement = '';

  /** The order's id (`ord_…`). */
  @property({ attribute: 'order-id', reflect: true }) orderId = '';

  /** Presentational mode: shows exactly this order and fetches nothing (stories, a page that has the order). */
  @property({ attribute: false }) order?: Order;

  /** Level of the order's title for the page's outline (1–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.loadedKey = undefined;
  }

  /** The order shown now. */
  get value(): Order | undefined {
    return this.order ?? this.loaded;
  }

  override willUpdate(): void {
    if (this.order) return;
    const client = this.resolveClient();
    const key = [isKontorError(client) ? client.code : client, this.orderId];
    if (!this.loadedKey || key.some((v, i) => v !== this.loadedKey![i])) {
      this.loadedKey = key;
      void this.load(client, false);
    }
  }

  private async load(client: KontorClient | KontorError, announce: boolean): Promise<void> {
    this.abort?.abort();
    if (isKontorError(client)) {
      this.error = this.reportError(client);
      return;
    }
    if (!this.orderId) {
      this.loaded = undefined;
      return;
    }
    const abort = (this.abort = new AbortController());
    this.loading = true;
    this.error = undefined;
    try {
      const order = await client.orders.get(this.orderId, { signal: abort.signal });
      if (abort.signal.aborted) return;
      if (this.loaded?.id !== order.id) this.allLines = false;
      this.loaded = order;
      if (announce) this.announcement = `${this.t.updated} ${this.t.orderStatusName(order.status)}`;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = this.reportError(error);
    } finally {
      if (!abort.signal.aborted) this.loading = false;
    }
  }

  /** Loads the order again (status, timeline, tracking). */
  async refresh(): Promise<void> {
    if (this.order) return;
    await this.load(this.resolveClient(), true);
  }

  private money(value: Money): string {
    return formatMoney(value, this.t.$locale);
  }

  private renderLine(line: OrderLine) {
    const t = this.t;
    const lang = this.currentLang;
    return html`<tr data-sku=${line.sku}>
      <td><span class="name">${line.name[lang]}</span><br /><span class="muted">${t.sku} ${line.sku}</span></td>
      <td class="num">${line.quantity.toLocaleString(t.$locale)} ${t.unit(line.unit, line.quantity)}</td>
      <td class="num">${this.money(line.unitPrice)}${line.priceUnit > 1 ? html`<span class="muted"> / ${line.priceUnit} ${t.unit(line.unit, line.priceUnit)}</span>` : nothing}</td>
      <td class="num">${this.money(line.net)}</td>
      <td>${line.promisedDelivery ? t.deliveryDay(line.promisedDelivery, true) : t.noDate}</td>
    </tr>`;
  }

  private renderOrder(order: Order) {
    const t = this.t;
    const when = new Intl.DateTimeFormat(t.$locale, { dateStyle: 'medium', timeStyle: 'short' });
    const pct = (rate: number) => new Intl.NumberFormat(t.$locale, { style: 'percent', maximumFractionDigits: 2 }).format(rate / 10_000);
    const tracking = order.tracking;
    const lines = this.allLines ? order.lines : order.lines.slice(0, FIRST_LINES);
    return html`<div class="header" part="header">
        <div class="title" role="heading" aria-level=${this.headingLevel}>
          ${t.orderNumber} <span class="number">${order.number}</span>
        </div>
        <span class="status" part="status" data-status=${order.status}><span class="dot" aria-hidden="true"></span>${t.orderStatusName(order.status)}</span>
        <button type="button" class="refresh" part="refresh" ?hidden=${Boolean(this.order)} ?disabled=${this.loading} @click=${() => this.refresh()}>${t.refresh}</button>
      </div>
      <p class="muted">${t.placedOnBy(when.format(new Date(order.placedAt)), order.placedBy.name)}${order.purchaseOrderNumber ? html` · ${t.purchaseOrderNumber}: ${order.purchaseOrderNumber}` : nothing}</p>
      ${order.status === 'cancelled'
        ? nothing
        : html`<dl class="dates" part="dates">
            ${order.requestedDeliveryDate ? html`<div><dt>${t.requestedDeliveryDate}</dt><dd>${t.deliveryDay(order.requestedDeliveryDate, true)}</dd></div>` : nothing}
            <div class="expected"><dt>${t.promisedDelivery}</dt><dd>${order.promisedDelivery ? t.deliveryDay(order.promisedDelivery, true) : t.noDate}</dd></div>
          </dl>`}
      ${tracking
        ? html`<p class="tracking" part="tracking">
            <strong>${t.tracking}:</strong>
            ${tracking.url
              ? html`<a href=${tracking.url} target="_blank" rel="noopener noreferrer">${t.trackShipment(tracking.carrier, tracking.trackingNumber)}</a>`
              : html`<span>${t.shipmentOf(tracking.carrier, tracking.trackingNumber)}</span>`}
          </p>`
        : nothing}
      <section aria-label=${t.timeline}>
        <div class="subtitle" role="heading" aria-level=${Math.min(6, this.headingLevel + 1)}>${t.timeline}</div>
        <ol class="timeline" part="timeline">
          ${order.timeline.map(
            (e) => html`<li part="event" data-status=${e.status}>
              <span class="event-status">${t.orderStatusName(e.status)}</span>
              <time datetime=${e.at}>${when.format(new Date(e.at))}</time>
              ${e.note ? html`<span class="note">${e.note}</span>` : nothing}
              ${e.carrier && e.trackingNumber ? html`<span class="note">${t.shipmentOf(e.carrier, e.trackingNumber)}</span>` : nothing}
            </li>`,
          )}
        </ol>
      </section>
      <section aria-label=${t.linesOrdered}>
        <div class="subtitle" role="heading" aria-level=${Math.min(6, this.headingLevel + 1)}>${t.linesOrdered} <span class="muted">(${t.lineCount(order.lineCount)})</span></div>
        <div class="scroll">
          <table part="lines">
            <thead>
              <tr>
                <th scope="col">${t.item}</th>
                <th scope="col" class="num">${t.quantity}</th>
                <th scope="col" class="num">${t.unitPrice}</th>
                <th scope="col" class="num">${t.total}</th>
                <th scope="col">${t.promisedDelivery}</th>
              </tr>
            </thead>
            <tbody>
              ${lines.map((l) => this.renderLine(l))}
            </tbody>
          </table>
        </div>
        ${lines.length < order.lines.length
          ? html`<button type="button" class="all-lines" @click=${() => (this.allLines = true)}>${t.showAllLines(order.lines.length)}</button>`
          : nothing}
        <dl class="totals" part="totals">
          <div><dt>${t.netTotal}</dt><dd>${this.money(order.totals.net)}</dd></div>
          ${order.totals.taxes.map((tax) => html`<div><dt>${t.vat(pct(tax.rate))}</dt><dd>${this.money(tax.tax)}</dd></div>`)}
          <div class="gross"><dt>${t.grossTotal}</dt><dd>${this.money(order.totals.gross)}</dd></div>
        </dl>
      </section>`;
  }

  override render() {
    const t = this.t;
    const order = this.value;
    return html`<article class="base" part="base" aria-busy=${this.loading ? 'true' : 'false'} aria-label=${order ? `${t.orderStatus} ${order.number}` : t.orderStatus}>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.error
        ? html`<div class="error" part="error" role="alert">
            <span>${t.errorTitle} ${this.errorText(this.error)}</span>
            ${this.error.code === 'not_configured' ? nothing : html`<button type="button" @click=${() => this.refresh()}>${t.retry}</button>`}
          </div>`
        : nothing}
      ${order ? this.renderOrder(order) : this.loading ? html`<p class="muted">${t.loading}</p>` : nothing}
    </article>`;
  }
}
