import type { KontorClient } from '@kontor/core';
import type { KontorError } from '@kontor/core/errors';
import { isKontorError } from '@kontor/core/errors/kontor-error.js';
import { formatMoney } from '@kontor/core/money/money.logic.js';
import type { Offer, OfferStatus } from '@kontor/core/offers';
import { daysLeft } from '@kontor/core/offers/offer.logic.js';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { componentStyles } from '../../internal/component-styles.js';
import { listTableStyles } from '../../internal/list-table.styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import { offersOf } from '../../internal/offers-client.js';
import { common } from '../../translations/slices/common.js';
import { offerInfo } from '../../translations/slices/offerInfo.js';
import { offers } from '../../translations/slices/offers.js';
import { strings, type StringsOf } from '../../translations/strings.js';
import { styles } from './offers.styles.js';

const offersStrings = strings(common, offerInfo, offers);

/** A link template with `{id}` / `{number}` replaced (URL-encoded). */
const hrefOf = (template: string, offer: Offer): string =>
  template.replace('{id}', encodeURIComponent(offer.id)).replace('{number}', encodeURIComponent(offer.number));

/** What a buyer can filter by: a buyer never sees drafts. */
const FILTER_STATUSES: readonly OfferStatus[] = ['sent', 'changes_requested', 'accepted', 'rejected', 'expired', 'withdrawn'];
/** Statuses in which the offer can still be answered, so the countdown matters. */
const OPEN: ReadonlySet<OfferStatus> = new Set(['sent', 'changes_requested']);

/**
 * @summary The company's offers: number, contact, current version, gross total, validity with a countdown while it can be answered, and the status; filter by status.
 * @tag kontor-offers
 * @event kontor-offer-select - The buyer chose an offer (its number; without `offer-url`). detail: `{ offerId }`.
 * @event kontor-error - Loading failed. detail: `{ error }`.
 * @csspart base - The wrapper.
 * @csspart filter - The status select.
 * @csspart table - The table of offers.
 * @csspart row - One offer (`data-status` names its status).
 * @csspart number - Its number, a button that fires `kontor-offer-select` (a link with `offer-url`).
 * @csspart total - The current version's gross total.
 * @csspart validity - Its validity day and, while open, the days left (`data-days-left`).
 * @csspart status - Its status as text (`data-status`).
 * @csspart load-more - The "load more" button.
 * @csspart empty - The "no offers" text.
 * @csspart error - The error state.
 * @cssproperty --offers-border-color - Row separators.
 *
 * @example
 * ```html
 * <kontor-shop endpoint="https://shop.example.com" token="…">
 *   <kontor-offers offer-url="/konto/angebote/{id}"></kontor-offers>
 * </kontor-shop>
 * ```
 */
export class KontorOffers extends KontorElement<StringsOf<typeof offersStrings>> {
  static override strings = offersStrings;
  static override styles = [componentStyles, listTableStyles, styles];

  private abort?: AbortController;
  private loadedKey?: unknown[];
  private focusRow = -1;

  @state() private items: Offer[] = [];
  @state() private nextCursor: string | null = null;
  @state() private status: 'initial' | 'loading' | 'loading-more' | 'complete' | 'error' = 'initial';
  @state() private error?: KontorError;
  @state() private announcement = '';

  /** Only offers in this status (empty: all). The buyer changes it with the select. */
  @property({ attribute: 'status-filter' }) statusFilter = '';

  /** Offers per page (1–100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Makes each number a link: `{id}` and `{number}` are replaced. Without it the number is a button that fires `kontor-offer-select`. */
  @property({ attribute: 'offer-url' }) offerUrl?: string;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.loadedKey = undefined;
  }

  /** The offers shown now. */
  get value(): readonly Offer[] {
    return this.items;
  }

  override willUpdate(): void {
    const client = this.resolveClient();
    const key = [isKontorError(client) ? client.code : client, this.pageSize, this.filter()];
    if (!this.loadedKey || key.some((v, i) => v !== this.loadedKey![i])) {
      this.loadedKey = key;
      void this.load(client, false);
    }
  }

  override updated(): void {
    if (this.focusRow < 0) return;
    const row = this.renderRoot.querySelectorAll('[part=row]')[this.focusRow];
    this.focusRow = -1;
    row?.querySelector<HTMLElement>('a, button')?.focus();
  }

  /** Loads the first page again. */
  reload(): void {
    this.loadedKey = undefined;
    this.requestUpdate();
  }

  private filter(): OfferStatus | undefined {
    return (FILTER_STATUSES as readonly string[]).includes(this.statusFilter) ? (this.statusFilter as OfferStatus) : undefined;
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
      const status = this.filter();
      const page = await offersOf(client).list(
        { limit, ...(status ? { status } : {}), ...(append && this.nextCursor ? { cursor: this.nextCursor } : {}) },
        { signal: abort.signal },
      );
      if (abort.signal.aborted) return;
      if (append) this.focusRow = this.items.length;
      this.items = append ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
      this.status = 'complete';
      this.announcement = this.items.length ? this.t.offersShown(this.items.length) : this.t.noOffers;
    } catch (error) {
      if (abort.signal.aborted) return;
      if (!append) this.items = [];
      this.status = 'error';
      this.error = this.reportError(error);
    }
  }

  private renderValidity(offer: Offer) {
    const t = this.t;
    if (!offer.validUntil) return nothing;
    // The countdown on the page's clock (the buyer's "now"); the day ends in the seller's time zone.
    const left = OPEN.has(offer.status) ? daysLeft(offer.validUntil, new Date()) : null;
    return html`<time datetime=${offer.validUntil}>${t.validUntilText(offer.validUntil)}</time> ${left === null
        ? nothing
        : html`<span class="countdown" data-days-left=${left}>${t.daysLeftText(left)}</span>`}`;
  }

  private renderRow(offer: Offer) {
    const t = this.t;
    const href = this.offerUrl ? hrefOf(this.offerUrl, offer) : null;
    const current = offer.versions.find((v) => v.number === offer.currentVersion) ?? offer.versions.at(-1);
    const left = offer.validUntil && OPEN.has(offer.status) ? daysLeft(offer.validUntil, new Date()) : null;
    return html`<tr part="row" data-id=${offer.id} data-status=${offer.status}>
      <th scope="row" part="number">
        ${href
          ? html`<a href=${href}>${offer.number}</a>`
          : html`<button type="button" class="link" @click=${() => this.emit('kontor-offer-select', { offerId: offer.id })}>${offer.number}</button>`}
        ${current ? html`<span class="muted version">${t.versionName(current.number)}</span>` : nothing}
      </th>
      <td part="rep" data-label=${t.repLabel}>${offer.rep.name}</td>
      <td part="total" data-label=${t.totalLabel}>${current ? formatMoney(current.totals.gross, t.$lang) : nothing}</td>
      <td part="validity" data-label=${t.validityLabel} data-days-left=${left ?? nothing}>${this.renderValidity(offer)}</td>
      <td class="state" data-label=${t.offerStatusLabel}><span class="status" part="status" data-status=${offer.status}>${t.offerStatus(offer.status)}</span></td>
    </tr>`;
  }

  override render() {
    const t = this.t;
    const loading = this.status === 'loading' || this.status === 'initial';
    const filter = this.filter() ?? '';
    return html`<section class="base" part="base" aria-label=${t.offers} aria-busy=${loading || this.status === 'loading-more' ? 'true' : 'false'}>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      <label class="filter">
        <span>${t.statusFilter}</span>
        <select
          part="filter"
          @change=${(e: Event) => {
            this.statusFilter = (e.target as HTMLSelectElement).value;
          }}
        >
          <option value="" ?selected=${filter === ''}>${t.allStatuses}</option>
          ${FILTER_STATUSES.map((s) => html`<option value=${s} ?selected=${filter === s}>${t.offerStatus(s)}</option>`)}
        </select>
      </label>
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
                <caption class="visually-hidden">${t.offers}</caption>
                <thead>
                  <tr>
                    <th scope="col">${t.offerNumberLabel}</th>
                    <th scope="col">${t.repLabel}</th>
                    <th scope="col">${t.totalLabel}</th>
                    <th scope="col">${t.validityLabel}</th>
                    <th scope="col">${t.offerStatusLabel}</th>
                  </tr>
                </thead>
                <tbody>
                  ${repeat(this.items, (o) => o.id, (o) => this.renderRow(o))}
                </tbody>
              </table>
            </div>`
          : this.status === 'complete'
            ? html`<p class="empty" part="empty">${t.noOffers}</p>`
            : nothing}
      ${this.nextCursor && this.items.length && this.status !== 'error'
        ? html`<button
            type="button"
            class="load-more"
            part="load-more"
            aria-disabled=${this.status === 'loading-more' ? 'true' : 'false'}
            @click=${() => this.status === 'loading-more' || void this.load(this.resolveClient(), true)}
          >
            ${this.status === 'loading-more' ? t.loading : t.loadMoreOffers}
          </button>`
        : nothing}
    </section>`;
  }
}
