import type { KontorClient } from '@kontor/core';
import type { KontorError } from '@kontor/core/errors';
import { isKontorError } from '@kontor/core/errors/kontor-error.js';
import type { StandingOrderRun, StandingOrderView } from '@kontor/core/standing-orders';
import { summarizeSchedule } from '@kontor/core/standing-orders/schedule.text.js';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { componentStyles } from '../../internal/component-styles.js';
import { listTableStyles } from '../../internal/list-table.styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import { standingOrdersOf } from '../../internal/standing-orders-client.js';
import { common } from '../../translations/slices/common.js';
import { standingOrderInfo } from '../../translations/slices/standingOrderInfo.js';
import { standingOrders } from '../../translations/slices/standingOrders.js';
import { strings, type StringsOf } from '../../translations/strings.js';
import { moveText, orderHref, runResult } from '../../internal/standing-order-view.js';
import { styles } from './standing-orders.styles.js';

const standingOrdersStrings = strings(common, standingOrderInfo, standingOrders);

/**
 * @summary The company's standing orders: name and lines, the schedule in words, the next run day (and why it moved), the status and what the last run did.
 * @tag kontor-standing-orders
 * @event kontor-standing-order-select - The buyer chose a standing order (its name). detail: `{ standingOrder }`.
 * @event kontor-order-select - The buyer chose the order a last run placed (without `order-url`). detail: `{ orderId, number }`.
 * @event kontor-error - Loading failed. detail: `{ error }`.
 * @csspart base - The wrapper.
 * @csspart table - The table of standing orders.
 * @csspart row - One standing order (`data-status` names its status).
 * @csspart name - Its name, a button that fires `kontor-standing-order-select` (a link with `standing-order-url`).
 * @csspart lines - Its lines in short.
 * @csspart schedule - Its schedule in words.
 * @csspart next-run - Its next run day, and why it moved.
 * @csspart status - Its status as text (`data-status`).
 * @csspart last-result - What the last run did: the order it placed, or why not (`data-run-status`).
 * @csspart load-more - The "load more" button.
 * @csspart empty - The "no standing orders" text.
 * @csspart error - The error state.
 * @cssproperty --standing-orders-border-color - Row separators.
 *
 * @example
 * ```html
 * <kontor-shop endpoint="https://shop.example.com" token="…">
 *   <kontor-standing-orders standing-order-url="/konto/dauerauftraege/{id}"></kontor-standing-orders>
 * </kontor-shop>
 * ```
 */
export class KontorStandingOrders extends KontorElement<StringsOf<typeof standingOrdersStrings>> {
  static override strings = standingOrdersStrings;
  static override styles = [componentStyles, listTableStyles, styles];

  private abort?: AbortController;
  private loadedKey?: unknown[];
  private focusRow = -1;

  @state() private items: StandingOrderView[] = [];
  /** The last run of each standing order shown (`null`: none yet), asked for each one as it is shown. */
  @state() private lastRuns = new Map<string, StandingOrderRun | null>();
  @state() private nextCursor: string | null = null;
  @state() private status: 'initial' | 'loading' | 'loading-more' | 'complete' | 'error' = 'initial';
  @state() private error?: KontorError;
  @state() private announcement = '';

  /** Standing orders per page (1–100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Makes each name a link: `{id}` is replaced. Without it the name is a button that fires `kontor-standing-order-select`. */
  @property({ attribute: 'standing-order-url' }) standingOrderUrl?: string;

  /** Makes a last run's order number a link: `{id}` and `{number}` are replaced. Without it the number fires `kontor-order-select`. */
  @property({ attribute: 'order-url' }) orderUrl?: string;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.loadedKey = undefined;
  }

  /** The standing orders shown now. */
  get value(): readonly StandingOrderView[] {
    return this.items;
  }

  override willUpdate(): void {
    const client = this.resolveClient();
    const key = [isKontorError(client) ? client.code : client, this.pageSize];
    if (!this.loadedKey || key.some((v, i) => v !== this.loadedKey![i])) {
      this.loadedKey = key;
      void this.load(client, false);
    }
  }

  override updated(): void {
    if (this.focusRow < 0) return;
    const row = this.renderRoot.querySelectorAll('[part=row]')[this.focusRow];
    this.focusRow = -1;
    (row?.querySelector<HTMLElement>('a, button') ?? this.renderRoot.querySelector<HTMLElement>('.retry'))?.focus();
  }

  /** Loads the first page again. */
  reload(): void {
    this.loadedKey = undefined;
    this.requestUpdate();
  }

  private async load(client: KontorClient | KontorError, append: boolean): Promise<void> {
    this.abort?.abort();
    if (isKontorError(client)) {
      this.items = [];
      this.status = 'error';
      this.error = this.reportError(client);
      return;
    }
    const abort = (this.abort = new AbortController());
    this.status = append ? 'loading-more' : 'loading';
    this.error = undefined;
    try {
      const limit = Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 20));
      const page = await standingOrdersOf(client).list({ limit, ...(append && this.nextCursor ? { cursor: this.nextCursor } : {}) }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      if (append) this.focusRow = this.items.length;
      else this.lastRuns = new Map();
      this.items = append ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
      this.status = 'complete';
      this.announcement = this.items.length ? this.t.standingOrdersShown(this.items.length) : this.t.noStandingOrders;
      void this.loadLastRuns(client, page.items, abort.signal);
    } catch (error) {
      if (abort.signal.aborted) return;
      if (!append) this.items = [];
      this.status = 'error';
      this.error = this.reportError(error);
    }
  }

  /**
   * The last run of each standing order: the list's answer carries it (`lastRun`). Only a server
   * that leaves it out gets one small request per row (newest run, limit 1), all at once; a
   * failure leaves that cell empty, the list stands.
   */
  private async loadLastRuns(client: KontorClient, items: readonly StandingOrderView[], signal: AbortSignal): Promise<void> {
    const carried = items.filter((item) => item.lastRun !== undefined);
    if (carried.length) {
      const runs = new Map(this.lastRuns);
      for (const item of carried) runs.set(item.id, item.lastRun ?? null);
      this.lastRuns = runs;
    }
    const so = standingOrdersOf(client);
    await Promise.all(
      items.filter((item) => item.lastRun === undefined).map(async (item) => {
        try {
          const page = await so.runs(item.id, { limit: 1 }, { signal });
          if (signal.aborted) return;
          this.lastRuns = new Map(this.lastRuns).set(item.id, page.items[0] ?? null);
        } catch {
          // the cell stays empty
        }
      }),
    );
  }

  private renderLastResult(item: StandingOrderView) {
    const t = this.t;
    if (!this.lastRuns.has(item.id)) return nothing;
    const run = this.lastRuns.get(item.id);
    if (!run) return html`<span class="muted">${t.noRunYet}</span>`;
    return runResult(run, t, this.orderUrl, (orderId, number) => this.emit('kontor-order-select', { orderId, number }));
  }

  private renderRow(item: StandingOrderView) {
    const t = this.t;
    const name = t.standingOrderName(item.name);
    const href = this.standingOrderUrl ? orderHref(this.standingOrderUrl, { id: item.id }) : null;
    let summary: string;
    try {
      summary = summarizeSchedule(item.schedule, t.$lang);
    } catch {
      summary = item.schedule.rrule;
    }
    const next = item.nextRun;
    const status = item.status;
    return html`<tr part="row" data-id=${item.id} data-status=${status}>
      <th scope="row" part="name">
        ${href
          ? html`<a href=${href}>${name}</a>`
          : html`<button type="button" class="link" @click=${() => this.emit('kontor-standing-order-select', { standingOrder: item })}>${name}</button>`}
      </th>
      <td part="lines" data-label=${t.linesLabel}>${t.linesSummary(item.lines)}</td>
      <td part="schedule" data-label=${t.scheduleLabel}>${summary}</td>
      <td part="next-run" data-label=${t.nextRun}>
        ${next && (status === 'active' || status === 'paused')
          ? html`<time datetime=${next.day}>${t.runDay(next.day)}</time>${next.moved ? html`<span class="moved">${moveText(next, t)}</span>` : nothing}`
          : html`<span class="muted">${t.noNextRun}</span>`}
      </td>
      <td class="state" data-label=${t.statusLabel}><span class="status" part="status" data-status=${status}>${t.standingOrderStatus(status, item.pausedUntil)}</span></td>
      <td part="last-result" data-label=${t.lastResult}>${this.renderLastResult(item)}</td>
    </tr>`;
  }

  override render() {
    const t = this.t;
    const loading = this.status === 'loading' || this.status === 'initial';
    return html`<section class="base" part="base" aria-label=${t.standingOrders} aria-busy=${loading || this.status === 'loading-more' ? 'true' : 'false'}>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.status === 'error' && this.error
        ? html`<div class="error" part="error" role="alert">
            <span>${t.errorTitle} ${this.errorText(this.error)}</span>
            ${this.error.code === 'not_configured'
              ? nothing
              : html`<button type="button" class="retry" @click=${() => void this.load(this.resolveClient(), this.items.length > 0)}>${t.retry}</button>`}
          </div>`
        : nothing}
      ${loading
        ? html`<p class="muted">${t.loading}</p>`
        : this.items.length
          ? html`<div class="scroll">
              <table part="table">
                <caption class="visually-hidden">${t.standingOrders}</caption>
                <thead>
                  <tr>
                    <th scope="col">${t.nameLabel}</th>
                    <th scope="col">${t.linesLabel}</th>
                    <th scope="col">${t.scheduleLabel}</th>
                    <th scope="col">${t.nextRun}</th>
                    <th scope="col">${t.statusLabel}</th>
                    <th scope="col">${t.lastResult}</th>
                  </tr>
                </thead>
                <tbody>
                  ${repeat(this.items, (o) => o.id, (o) => this.renderRow(o))}
                </tbody>
              </table>
            </div>`
          : this.status === 'complete'
            ? html`<p class="empty" part="empty">${t.noStandingOrders}</p>`
            : nothing}
      ${this.nextCursor && this.items.length && this.status !== 'error'
        ? html`<button
            type="button"
            class="load-more"
            part="load-more"
            aria-disabled=${this.status === 'loading-more' ? 'true' : 'false'}
            @click=${() => this.status === 'loading-more' || void this.load(this.resolveClient(), true)}
          >
            ${this.status === 'loading-more' ? t.loading : t.loadMoreStandingOrders}
          </button>`
        : nothing}
    </section>`;
  }
}
