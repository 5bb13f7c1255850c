import type { KontorClient } from '@kontor/core';
import { newIdempotencyKey } from '@kontor/core/cart/cart.store.base.js';
import type { KontorError } from '@kontor/core/errors';
import { HttpError } from '@kontor/core/errors/http-error.js';
import { isKontorError } from '@kontor/core/errors/kontor-error.js';
import { formatMoney } from '@kontor/core/money/money.logic.js';
import type { Money } from '@kontor/core/money';
import type { Offer, OfferComparison, OfferEvent, OfferRequest, OfferVersion } from '@kontor/core/offers';
import { compareVersions, daysLeft, localDayOf } from '@kontor/core/offers/offer.logic.js';
import type { SavedAddress } from '@kontor/core/orders';
import type { Unit } from '@kontor/core/catalogue';
import { html, nothing, supportsAdoptingStyleSheets } from 'lit';
import { property, state } from 'lit/decorators.js';
import { componentStyles } from '../../internal/component-styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import { offersOf } from '../../internal/offers-client.js';
import { common } from '../../translations/slices/common.js';
import { offer as offerSlice } from '../../translations/slices/offer.js';
import { offerInfo } from '../../translations/slices/offerInfo.js';
import { strings, type StringsOf } from '../../translations/strings.js';
import type * as AnswerModule from './offer.answer.js';
import type { AcceptDraft, AnswerView } from './offer.answer.js';
import { styles } from './offer.styles.js';

const offerStrings = strings(common, offerInfo, offerSlice);

type Mode = 'none' | 'accept' | 'reject' | 'changes';
type Answer = typeof AnswerModule;

/** The answer forms (offer.answer.ts), loaded on demand: on the first pointer or focus on the actions, or when one is opened. */
let answerLoading: Promise<Answer> | undefined;
const loadAnswer = () =>
  (answerLoading ??= import('./offer.answer.js').catch((error: unknown) => {
    answerLoading = undefined; // a failed fetch is tried again on the next use
    throw error;
  }));
const prefetchAnswer = () => void loadAnswer().catch(() => undefined);
/** A link template with `{id}` / `{number}` replaced (URL-encoded). */
const hrefOf = (template: string, id: string, number: string): string => template.replace('{id}', encodeURIComponent(id)).replace('{number}', encodeURIComponent(number));

/**
 * @summary One offer as the buyer sees it: its current version's lines (list price, offered price, discount, quantity, net), extra lines, the whole-offer discount, totals net/tax/gross, validity with a countdown, terms, the rep's comment, status and version; what changed against the previous version and the request, line by line; accept into an order or a standing order at its prices, reject with a reason, or ask for changes.
 * @tag kontor-offer
 * @event kontor-offer-accept - The server accepted the offer. detail: `{ offer, order, standingOrderId }`.
 * @event kontor-offer-reject - The buyer rejected it. detail: `{ offer }`.
 * @event kontor-offer-change-request - The buyer asked for changes. detail: `{ offer }`.
 * @event kontor-order-placed - Accepting into an order placed it. detail: `{ order }`.
 * @event kontor-error - Loading or an answer failed. detail: `{ error }`.
 * @csspart base - The wrapper.
 * @csspart title - The offer's number (a heading; takes the focus after an answer).
 * @csspart status - Its status as text (`data-status`).
 * @csspart version - The version shown.
 * @csspart validity - Validity day and, while open, the days left (`data-days-left`).
 * @csspart state-note - Why the offer cannot be answered (`data-status`: changes_requested, accepted, rejected, expired, withdrawn).
 * @csspart result - What an accepted offer became (the order or standing order).
 * @csspart lines - The table of lines and extra lines.
 * @csspart line - One product line (`data-sku`).
 * @csspart extra - One extra line (`data-kind`).
 * @csspart totals - The totals.
 * @csspart terms - Payment and delivery terms and the rep's comment.
 * @csspart differences - What changed against the previous version or the request (`data-from`: the version compared with, 0 the request).
 * @csspart diff-line - One changed line (`data-kind`: added, removed, changed; `data-sku`).
 * @csspart actions - Accept, reject and ask for changes.
 * @csspart accept-form - The form that accepts into an order or a standing order.
 * @csspart reject-form - The form with the reason for rejecting.
 * @csspart changes-form - The form with the changes asked for.
 * @csspart confirm - The submit button of the open form.
 * @csspart field-error - A field's error.
 * @csspart notice - Why the current state is shown instead of an answer (a stale version).
 * @csspart error - The error banner (the server's words).
 * @csspart history - What happened to the offer, with the comments.
 * @cssproperty --offer-border-color - Separators.
 * @cssproperty --offer-added-color - The mark of an added line.
 * @cssproperty --offer-removed-color - The mark of a removed line.
 *
 * @example
 * ```html
 * <kontor-shop endpoint="https://shop.example.com" token="…">
 *   <kontor-offer offer-id="ofr_…" order-url="/konto/bestellungen/{id}"></kontor-offer>
 * </kontor-shop>
 * ```
 */
export class KontorOffer extends KontorElement<StringsOf<typeof offerStrings>> {
  static override strings = offerStrings;
  static override styles = [componentStyles, styles];

  private abort?: AbortController;
  private loadedKey?: unknown[];
  /** The key of the acceptance being tried: a retry after a lost answer sends the same one (one order), a new attempt a new one. */
  private acceptKey?: string;
  /** A selector to focus after the next render. */
  private focusNext?: string;

  @state() private offer?: Offer;
  @state() private request: OfferRequest | null = null;
  @state() private status: 'initial' | 'loading' | 'ready' | 'error' = 'initial';
  @state() private loadError?: KontorError;
  @state() private mode: Mode = 'none';
  @state() private draft?: AcceptDraft;
  @state() private answerForms?: Answer;
  @state() private text = '';
  @state() private fieldError = '';
  @state() private addresses: SavedAddress[] | null = null;
  @state() private working = false;
  @state() private actionError?: KontorError;
  @state() private notice = '';
  @state() private announcement = '';

  /** The offer to show (`ofr_…`). */
  @property({ attribute: 'offer-id' }) offerId = '';

  /** Makes the order an accepted offer became a link: `{id}` and `{number}` are replaced. */
  @property({ attribute: 'order-url' }) orderUrl?: string;

  /** Makes the standing order an accepted offer became a link: `{id}` is replaced. */
  @property({ attribute: 'standing-order-url' }) standingOrderUrl?: string;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.loadedKey = undefined;
  }

  /** The offer shown now. */
  get value(): Offer | undefined {
    return this.offer;
  }

  override willUpdate(): void {
    const client = this.resolveClient();
    const key = [isKontorError(client) ? client.code : client, this.offerId];
    if (!this.loadedKey || key.some((v, i) => v !== this.loadedKey![i])) {
      this.loadedKey = key;
      this.mode = 'none';
      // Another offer: its own first day and price end (the address stays the company's).
      this.draft = undefined;
      this.actionError = undefined;
      this.notice = '';
      void this.load(client);
    }
  }

  override updated(): void {
    const target = this.focusNext;
    const node = target ? this.renderRoot.querySelector<HTMLElement>(target) : null;
    // A form not rendered yet (its module still loading) takes the focus once it is.
    if (!node) return;
    this.focusNext = undefined;
    node.focus();
  }

  /** Loads the offer again. */
  reload(): void {
    this.loadedKey = undefined;
    this.requestUpdate();
  }

  /** The page's clock (the buyer's "now"); the server decides with its own. */
  private now(): Date {
    return new Date();
  }

  private async load(client: KontorClient | KontorError): Promise<void> {
    this.abort?.abort();
    this.offer = undefined;
    this.request = null;
    if (!this.offerId) {
      this.status = 'ready';
      return;
    }
    if (isKontorError(client)) {
      this.status = 'error';
      this.loadError = this.reportError(client);
      return;
    }
    const abort = (this.abort = new AbortController());
    this.status = 'loading';
    this.loadError = undefined;
    try {
      const offer = await offersOf(client).get(this.offerId, { signal: abort.signal });
      // The request the offer answers, for its differences; an offer without one (or one that cannot be read) shows none.
      const request = offer.requestId ? await offersOf(client).getRequest(offer.requestId, { signal: abort.signal }).catch(() => null) : null;
      if (abort.signal.aborted) return;
      this.offer = offer;
      this.request = request;
      this.status = 'ready';
      this.announcement = this.t.offerTitle(offer.number);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.status = 'error';
      this.loadError = this.reportError(error);
    }
  }

  /** Reads the offer again after an answer (the shown one stays if that fails). */
  private async refresh(client: KontorClient): Promise<void> {
    try {
      this.offer = await offersOf(client).get(this.offer!.id);
    } catch {
      // The answer's own result (or the error) is shown; the next load shows the rest.
    }
  }

  private current(offer = this.offer): OfferVersion | undefined {
    return offer?.versions.find((v) => v.number === offer.currentVersion) ?? offer?.versions.at(-1);
  }

  /** True while the buyer can answer: the current version is sent and within its validity on the page's clock. */
  private answerable(): boolean {
    const v = this.current();
    return this.offer?.status === 'sent' && !!v && daysLeft(v.validUntil, this.now()) >= 0;
  }

  private lastEvent(kind: OfferEvent['kind']): OfferEvent | undefined {
    return this.offer?.history.filter((e) => e.kind === kind).at(-1);
  }

  private pendingAnswer?: Promise<unknown>;

  /** Loads the answer forms (once per page), adopts their styles; the open form renders when they are here. */
  private ensureAnswer(): Promise<Answer | undefined> {
    if (this.answerForms) return Promise.resolve(this.answerForms);
    const load = loadAnswer().then(
      (answer) => {
        if (!this.answerForms) {
          this.answerForms = answer;
          const root = this.renderRoot as ShadowRoot;
          if (supportsAdoptingStyleSheets && answer.answerStyles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, answer.answerStyles.styleSheet];
          else root.appendChild(Object.assign(document.createElement('style'), { textContent: answer.answerStyles.cssText }));
        }
        return answer;
      },
      (error: unknown) => {
        this.actionError = this.reportError(error);
        this.mode = 'none';
        return undefined;
      },
    );
    this.pendingAnswer = load;
    void load.finally(() => {
      if (this.pendingAnswer === load) this.pendingAnswer = undefined;
    });
    return load;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.pendingAnswer) {
      await this.pendingAnswer;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  private open(mode: Mode): void {
    if (mode !== 'none') void this.ensureAnswer();
    this.mode = mode;
    this.fieldError = '';
    this.actionError = undefined;
    this.notice = '';
    if (mode === 'none') {
      this.focusNext = '[part=actions] button';
      return;
    }
    this.text = '';
    this.focusNext = `[part=${mode === 'changes' ? 'changes' : mode}-form] :is(select, textarea, input)`;
    if (mode === 'accept') {
      this.acceptKey = undefined;
      const v = this.current()!;
      const first = this.tomorrow();
      void this.ensureAnswer().then((answer) => {
        if (!answer) return;
        const draft = this.draft ?? answer.emptyDraft();
        this.draft = { ...draft, start: draft.start || (first > v.priceValidUntil ? v.priceValidUntil : first) };
        this.applyDefaultAddress();
      });
      void this.loadAddresses();
    }
  }

  private async loadAddresses(): Promise<void> {
    const client = this.resolveClient();
    if (isKontorError(client) || this.addresses) {
      this.applyDefaultAddress();
      return;
    }
    try {
      this.addresses = await client.orders.addresses();
      this.applyDefaultAddress();
    } catch (error) {
      this.actionError = this.reportError(error);
    }
  }

  private applyDefaultAddress(): void {
    const list = this.addresses ?? [];
    const draft = this.draft;
    if (draft && !list.some((a) => a.id === draft.addressId)) this.draft = { ...draft, addressId: (list.find((a) => a.isDefault) ?? list[0])?.id ?? '' };
  }

  /** Tomorrow on the page's clock, as a day in the seller's time zone. */
  private tomorrow(): string {
    return new Date(Date.parse(`${localDayOf(this.now())}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  }

  /** What the answer forms show and do. */
  private answerView(): AnswerView {
    return {
      lang: this.currentLang,
      draft: this.draft!,
      set: (key, value) => {
        this.draft = { ...this.draft!, [key]: value };
        // Another body is another attempt: it gets its own key.
        if (!this.working) this.acceptKey = undefined;
      },
      text: this.text,
      setText: (text) => (this.text = text),
      fieldError: this.fieldError,
      working: this.working,
      addresses: this.addresses,
      tomorrow: this.tomorrow(),
      onAccept: (e) => this.onAccept(e),
      onText: (e, mode) => this.onText(e, mode),
      cancel: () => this.open('none'),
    };
  }

  /** Runs one answer: guards against a second click, shows the server's refusal and re-reads the offer either way. */
  private async answer(run: (client: KontorClient, offer: Offer, v: OfferVersion) => Promise<string>): Promise<void> {
    const client = this.resolveClient();
    const offer = this.offer;
    const v = this.current();
    if (this.working || isKontorError(client) || !offer || !v) return;
    this.working = true;
    this.actionError = undefined;
    this.notice = '';
    this.announcement = this.t.offerWorking;
    try {
      const said = await run(client, offer, v);
      this.mode = 'none';
      this.announcement = said;
      this.focusNext = '[part=title]';
      await this.refresh(client);
    } catch (error) {
      const e = (this.actionError = this.reportError(error));
      this.announcement = `${this.t.errorTitle} ${this.errorWords(e)}`;
      // The server answered: this attempt is over (a lost answer keeps its key for the retry).
      if (this.answered(e)) this.acceptKey = undefined;
      if (e.code === 'conflict') this.notice = this.t.offerStaleShown;
      if (this.answered(e)) {
        await this.refresh(client);
        // What was typed stays while the offer can still be answered; otherwise the state note says why not.
        if (!this.answerable()) this.mode = 'none';
      }
    } finally {
      this.working = false;
    }
  }

  /** Whether the server answered (an HTTP error: its words are the message), not the network or the client's own check. */
  private answered(error: KontorError): boolean {
    return error instanceof HttpError;
  }

  /** The error in words: the server's message when it answered, else the element's. */
  private errorWords(error: KontorError): string {
    const head = this.answered(error) ? error.message : this.errorText(error);
    const more = error.issues.map((i) => i.message).filter((m) => m && !head.includes(m));
    return [head, ...more].join(' ');
  }

  private onAccept(event: SubmitEvent): void {
    event.preventDefault();
    if (this.working) return;
    const answer = this.answerForms;
    if (!answer || !this.draft) return;
    if (!this.draft.addressId) {
      this.fieldError = this.t.fieldRequired;
      this.focusNext = '[part=accept-form] select';
      return;
    }
    this.fieldError = '';
    void this.answer(async (client, offer, v) => {
      const key = (this.acceptKey ??= newIdempotencyKey());
      const result = await offersOf(client).accept(offer.id, answer.acceptBody(this.draft!, offer, v), { idempotencyKey: key });
      this.acceptKey = undefined;
      this.offer = result.offer;
      this.emit('kontor-offer-accept', { offer: result.offer, order: result.order, standingOrderId: result.standingOrderId });
      if (result.order) this.emit('kontor-order-placed', { order: result.order });
      return result.order ? this.t.acceptedInto(result.order.number) : this.t.acceptedStandingOrder;
    });
  }

  private onText(event: SubmitEvent, mode: 'reject' | 'changes'): void {
    event.preventDefault();
    if (this.working) return;
    const text = this.text.trim();
    if (!text) {
      this.fieldError = this.t.fieldRequired;
      this.focusNext = `[part=${mode}-form] textarea`;
      return;
    }
    this.fieldError = '';
    void this.answer(async (client, offer, v) => {
      const body = { version: offer.version, versionNumber: v.number };
      if (mode === 'reject') {
        const next = (this.offer = await offersOf(client).reject(offer.id, { ...body, reason: text }));
        this.emit('kontor-offer-reject', { offer: next });
        return this.t.rejected;
      }
      const next = (this.offer = await offersOf(client).requestChanges(offer.id, { ...body, comment: text }));
      this.emit('kontor-offer-change-request', { offer: next });
      return this.t.changesSent;
    });
  }

  // ── rendering ──────────────────────────────────────────────────────────────────────────────

  private money(m: Money): string {
    return formatMoney(m, this.t.$lang);
  }

  private qty(quantity: number, unit: Unit | undefined): string {
    const n = quantity.toLocaleString(this.t.$locale);
    return unit ? `${n} ${this.t.unit(unit, quantity)}` : n;
  }

  private perUnit(price: Money, priceUnit: number, unit: Unit): string {
    return this.t.offerPricePer(this.money(price), priceUnit, this.t.unit(unit, priceUnit));
  }

  private renderLines(v: OfferVersion) {
    const t = this.t;
    return html`<div class="scroll">
      <table part="lines">
        <caption class="visually-hidden">${t.versionName(v.number)}</caption>
        <thead>
          <tr>
            <th scope="col">${t.productLabel}</th>
            <th scope="col" class="num">${t.quantity}</th>
            <th scope="col" class="num">${t.listPriceLabel}</th>
            <th scope="col" class="num">${t.offeredPriceLabel}</th>
            <th scope="col" class="num">${t.discountLabel}</th>
            <th scope="col" class="num">${t.lineNetLabel}</th>
          </tr>
        </thead>
        <tbody>
          ${v.lines.map(
            (l) => html`<tr part="line" data-sku=${l.sku}>
              <th scope="row"><span class="name">${l.name[t.$lang] || l.name.de}</span> <span class="sku">${t.sku} ${l.sku}</span></th>
              <td class="num" data-label=${t.quantity}>${this.qty(l.quantity, l.unit)}</td>
              <td class="num list" data-label=${t.listPriceLabel}>${this.perUnit(l.listUnitPrice, l.priceUnit, l.unit)}</td>
              <td class="num offered" data-label=${t.offeredPriceLabel}>${this.perUnit(l.unitPrice, l.priceUnit, l.unit)}</td>
              <td class="num discount" data-label=${t.discountLabel}>${t.discountText(l.discountBp)}</td>
              <td class="num net" data-label=${t.lineNetLabel}>${this.money(l.net)}</td>
            </tr>`,
          )}
        </tbody>
        ${v.extras.length
          ? html`<tbody class="extras">
              <tr><th scope="rowgroup" colspan="6" class="group">${t.extrasLabel}</th></tr>
              ${v.extras.map(
                (e) => html`<tr part="extra" data-kind=${e.kind}>
                  <th scope="row" colspan="5"><span class="name">${e.label}</span> <span class="sku">${t.extraKind(e.kind)}</span></th>
                  <td class="num net" data-label=${t.lineNetLabel}>${this.money(e.amount)}</td>
                </tr>`,
              )}
            </tbody>`
          : nothing}
      </table>
    </div>`;
  }

  private renderTotals(v: OfferVersion) {
    const t = this.t;
    const row = (key: string, label: string, value: string) => html`<div data-total=${key}><dt>${label}</dt><dd>${value}</dd></div>`;
    const s = v.totals;
    return html`<dl part="totals" class="totals">
      ${s.savings.amount ? row('list-net', t.listNetLabel, this.money(s.listNet)) : nothing}
      ${v.discountBp ? row('offer-discount', t.wholeDiscountLabel, t.discountText(v.discountBp)) : nothing}
      ${s.savings.amount ? row('savings', t.savingsLabel, `${this.money(s.savings)} (${t.discountText(s.discountBp)})`) : nothing}
      ${row('lines-net', t.linesNetLabel, this.money(s.linesNet))}
      ${v.extras.length ? row('extras-net', t.extrasNetLabel, this.money(s.extrasNet)) : nothing}
      ${row('net', t.netLabel, this.money(s.net))}
      ${s.taxes.map((x) => row(`tax-${x.rate}`, t.taxLabel(x.rate), this.money(x.tax)))}
      ${row('gross', t.grossLabel, this.money(s.gross))}
    </dl>`;
  }

  private renderDifferences(c: OfferComparison, names: Map<string, { name: string; unit: Unit }>) {
    const t = this.t;
    const changed = c.lines.filter((l) => l.kind !== 'unchanged');
    const unchanged = c.lines.length - changed.length;
    // A request asks for no extra lines: against it only the products count.
    const extras = c.from ? c.extras.filter((e) => e.before?.amount !== e.after?.amount) : [];
    const gross = c.gross.before && c.gross.before.amount !== c.gross.after.amount ? t.grossChange(this.money(c.gross.before), this.money(c.gross.after)) : '';
    const validity = c.validUntil.before && c.validUntil.before !== c.validUntil.after ? t.validityChange(c.validUntil.before, c.validUntil.after) : '';
    const price = (m: Money | null | undefined) => (m ? this.money(m) : '–');
    return html`<section part="differences" data-from=${c.from}>
      <h4>${t.differencesTo(c.from)}</h4>
      ${changed.length || extras.length
        ? html`<div class="scroll"><table>
            <caption class="visually-hidden">${t.differencesTo(c.from)}</caption>
            <thead><tr><th scope="col">${t.productLabel}</th><th scope="col">${t.diffChangeLabel}</th><th scope="col" class="num">${t.quantity}</th><th scope="col" class="num">${t.offeredPriceLabel}</th></tr></thead>
            <tbody>
              ${changed.map((d) => {
                const facts = names.get(d.sku);
                const before = d.before;
                const after = d.after;
                const quantity = after && before && d.quantityChanged
                  ? t.quantityChange(this.qty(before.quantity, facts?.unit), this.qty(after.quantity, facts?.unit))
                  : this.qty((after ?? before)!.quantity, facts?.unit);
                const unitPrice = d.priceChanged ? t.offerPriceChange(price(before?.unitPrice), price(after?.unitPrice)) : price((after ?? before)?.unitPrice);
                return html`<tr part="diff-line" data-kind=${d.kind} data-sku=${d.sku}>
                  <th scope="row">${facts ? html`<span class="name">${facts.name}</span> ` : nothing}<span class="sku">${t.sku} ${d.sku}</span></th>
                  <td class="kind" data-label=${t.diffChangeLabel}><span class="mark">${t.diffKind(d.kind)}</span></td>
                  <td class="num" data-label=${t.quantity} data-changed=${d.quantityChanged ? 'true' : nothing}>${quantity}</td>
                  <td class="num" data-label=${t.offeredPriceLabel} data-changed=${d.priceChanged ? 'true' : nothing}>${unitPrice}</td>
                </tr>`;
              })}
              ${extras.map(
                (e) => html`<tr part="diff-line" data-kind=${e.before ? (e.after ? 'changed' : 'removed') : 'added'} data-extra=${e.kind}>
                  <th scope="row"><span class="name">${e.label}</span></th>
                  <td class="kind" data-label=${t.diffChangeLabel}><span class="mark">${t.diffKind(e.before ? (e.after ? 'changed' : 'removed') : 'added')}</span></td>
                  <td class="num"></td>
                  <td class="num" data-label=${t.lineNetLabel}>${e.before && e.after ? t.offerPriceChange(this.money(e.before), this.money(e.after)) : price(e.after ?? e.before)}</td>
                </tr>`,
              )}
            </tbody>
          </table></div>`
        : html`<p class="muted">${t.noDifferences}</p>`}
      ${unchanged && (changed.length || extras.length) ? html`<p class="muted">${t.unchangedLines(unchanged)}</p>` : nothing}
      ${gross || validity ? html`<p class="changes">${[gross, validity].filter(Boolean).join(' · ')}</p>` : nothing}
    </section>`;
  }

  private renderStateNote(offer: Offer, v: OfferVersion) {
    const t = this.t;
    if (this.answerable()) return nothing;
    const status = offer.status === 'sent' ? 'expired' : offer.status;
    if (status === 'draft') return nothing;
    const text = status === 'rejected' || status === 'withdrawn' ? (this.lastEvent(status)?.text ?? null) : null;
    const result = offer.result;
    return html`<p part="state-note" class="note" data-status=${status}>${t.notAnswerable(status, v.validUntil, text)}
      ${result
        ? html`<span part="result">${result.kind === 'order'
            ? this.orderUrl
              ? html`<a href=${hrefOf(this.orderUrl, result.orderId, result.orderNumber)}>${t.resultOrder(result.orderNumber)}</a>`
              : t.resultOrder(result.orderNumber)
            : this.standingOrderUrl
              ? html`<a href=${hrefOf(this.standingOrderUrl, result.standingOrderId, '')}>${t.resultStandingOrder}</a>`
              : t.resultStandingOrder}</span>`
        : nothing}</p>`;
  }

  private renderHistory(offer: Offer) {
    const t = this.t;
    if (!offer.history.length) return nothing;
    const when = new Intl.DateTimeFormat(t.$locale, { dateStyle: 'short', timeStyle: 'short' });
    return html`<section part="history">
      <h4>${t.offerHistory}</h4>
      <ol>
        ${offer.history.map(
          (e) => html`<li data-kind=${e.kind}>
            <span class="event">${t.historyEvent(e.kind, e.versionNumber)}</span>
            <span class="muted"><time datetime=${e.at}>${t.historyBy(e.by?.name ?? null, when.format(new Date(e.at)))}</time></span>
            ${e.text ? html`<q class="comment">${e.text}</q>` : nothing}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderOffer(offer: Offer, v: OfferVersion) {
    const t = this.t;
    const open = offer.status === 'sent' || offer.status === 'changes_requested';
    const left = open ? daysLeft(v.validUntil, this.now()) : null;
    const previous = offer.versions.find((x) => x.number === v.number - 1);
    const names = new Map<string, { name: string; unit: Unit }>();
    for (const version of [previous, v]) for (const l of version?.lines ?? []) names.set(l.sku, { name: l.name[t.$lang] || l.name.de, unit: l.unit });
    const answerable = this.answerable();
    const terms: [string, string, string | null][] = [
      ['payment', t.paymentTermsLabel, v.paymentTerms],
      ['delivery', t.deliveryTermsLabel, v.deliveryTerms],
      ['comment', t.repCommentLabel, v.comment],
    ];
    return html`<header class="header">
        <h3 part="title" tabindex="-1">${t.offerTitle(offer.number)}</h3>
        <span class="status" part="status" data-status=${offer.status}>${t.offerStatus(offer.status)}</span>
        <span part="version" class="muted">${t.versionName(v.number)}</span>
      </header>
      <p class="facts">
        <span part="validity" data-days-left=${left ?? nothing}><time datetime=${v.validUntil}>${t.validUntilText(v.validUntil)}</time>${left === null ? nothing : html` <span class="countdown">${t.daysLeftText(left)}</span>`}</span>
        ${v.priceValidUntil !== v.validUntil ? html`<span class="muted">${t.priceValidUntilText(v.priceValidUntil)}</span>` : nothing}
        <span class="muted">${t.repLabel}: <a href=${`mailto:${offer.rep.email}`}>${offer.rep.name}</a></span>
      </p>
      ${this.renderStateNote(offer, v)}
      ${this.renderLines(v)}
      ${this.renderTotals(v)}
      ${terms.some(([, , value]) => value)
        ? html`<dl part="terms" class="terms">${terms.map(([key, label, value]) => (value ? html`<div data-term=${key}><dt>${label}</dt><dd>${value}</dd></div>` : nothing))}</dl>`
        : nothing}
      ${previous ? this.renderDifferences(compareVersions(previous, v), names) : nothing}
      ${this.request ? this.renderDifferences(compareVersions({ number: 0, lines: this.request.lines }, v), names) : nothing}
      ${this.notice ? html`<p part="notice" class="notice">${this.notice}</p>` : nothing}
      ${this.actionError
        ? html`<div class="error" part="error" role="alert">${t.errorTitle} ${this.errorWords(this.actionError)}</div>`
        : nothing}
      ${answerable && this.mode === 'none'
        ? html`<div part="actions" class="buttons" @pointerenter=${prefetchAnswer} @focusin=${prefetchAnswer}>
            <button type="button" class="primary" data-action="accept" @click=${() => this.open('accept')}>${t.accept}</button>
            <button type="button" data-action="changes" @click=${() => this.open('changes')}>${t.askChanges}</button>
            <button type="button" data-action="reject" @click=${() => this.open('reject')}>${t.reject}</button>
          </div>`
        : nothing}
      ${answerable && this.mode !== 'none'
        ? this.answerForms && (this.mode !== 'accept' || this.draft)
          ? this.mode === 'accept'
            ? this.answerForms.renderAcceptForm(this.answerView(), v)
            : this.answerForms.renderTextForm(this.answerView(), this.mode)
          : html`<p class="muted">${t.loading}</p>`
        : nothing}
      ${this.renderHistory(offer)}`;
  }

  override render() {
    const t = this.t;
    const loading = this.status === 'loading' || this.status === 'initial';
    const offer = this.offer;
    const v = this.current();
    return html`<section class="base" part="base" aria-label=${offer ? t.offerTitle(offer.number) : t.offerNumberLabel} aria-busy=${loading || this.working ? 'true' : 'false'}>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.status === 'error' && this.loadError
        ? html`<div class="error" part="error" role="alert">
            <span>${t.errorTitle} ${this.errorWords(this.loadError)}</span>
            ${this.loadError.code === 'not_configured' ? nothing : html`<button type="button" class="retry" @click=${() => this.reload()}>${t.retry}</button>`}
          </div>`
        : nothing}
      ${loading
        ? html`<p class="muted">${t.loading}</p>`
        : offer && v
          ? this.renderOffer(offer, v)
          : this.status === 'ready'
            ? html`<p class="muted">${t.noOfferChosen}</p>`
            : nothing}
    </section>`;
  }
}
