import { newIdempotencyKey } from '@kontor/core/cart/cart.store.base.js';
import type { KontorError } from '@kontor/core/errors';
import { HttpError } from '@kontor/core/errors/http-error.js';
import { isKontorError } from '@kontor/core/errors/kontor-error.js';
import type { OfferRequest } from '@kontor/core/offers';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CartController } from '../../internal/cart-controller.js';
import { componentStyles } from '../../internal/component-styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import { common } from '../../translations/slices/common.js';
import { requestOffer } from '../../translations/slices/requestOffer.js';
import { strings, type StringsOf } from '../../translations/strings.js';
import { styles } from './request-offer.styles.js';
import type * as SendModule from './request-offer.send.js';

const requestOfferStrings = strings(common, requestOffer);

/** The sending with the offer routes (request-offer.send.ts), loaded on demand: on the first pointer or focus on the button, or when sending. */
let sendLoading: Promise<typeof SendModule> | undefined;
const loadSend = () =>
  (sendLoading ??= import('./request-offer.send.js').catch((error: unknown) => {
    sendLoading = undefined; // a failed fetch is tried again on the next use
    throw error;
  }));
const prefetch = () => void loadSend().catch(() => undefined);

/** Tomorrow in the seller's time zone, `YYYY-MM-DD` (the earliest desired day the date field offers). */
const tomorrow = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(Date.now() + 86_400_000);

/**
 * @summary Asks for an offer from the page's cart: a button opens a small form (message, desired delivery date); the request is sent once per attempt (a double click makes one request) and its id is shown.
 * @tag kontor-request-offer
 * @event kontor-offer-request - The server took the request. detail: `{ request }`.
 * @event kontor-error - Sending failed. detail: `{ error }`.
 * @csspart base - The wrapper.
 * @csspart open - The button that opens the form (`aria-expanded`).
 * @csspart hint - Why it cannot be used now (an empty cart).
 * @csspart form - The form.
 * @csspart message - The message field.
 * @csspart desired-date - The desired delivery date field.
 * @csspart send - The submit button.
 * @csspart result - What happened: the request's id (takes the focus).
 * @csspart error - The error banner (the server's words).
 * @cssproperty --request-offer-border-color - The form's border.
 *
 * @example
 * ```html
 * <kontor-shop endpoint="https://shop.example.com" token="…">
 *   <kontor-cart></kontor-cart>
 *   <kontor-request-offer></kontor-request-offer>
 * </kontor-shop>
 * ```
 */
export class KontorRequestOffer extends KontorElement<StringsOf<typeof requestOfferStrings>> {
  static override strings = requestOfferStrings;
  static override styles = [componentStyles, styles];

  private readonly cart = new CartController(this, () => this.resolveClient());
  /** The key of the request being tried: a retry after a lost answer sends the same one (one request). */
  private key?: string;
  private focusNext?: string;

  @state() private open = false;
  @state() private message = '';
  @state() private desiredDate = '';
  @state() private working = false;
  @state() private error?: KontorError;
  @state() private request?: OfferRequest;
  @state() private announcement = '';

  /** The cart to ask for (`cart_…`); default the page's current cart. */
  @property({ attribute: 'cart-id' }) cartId = '';

  /** The request made here last, once the server took it. */
  get value(): OfferRequest | undefined {
    return this.request;
  }

  override updated(): void {
    const target = this.focusNext;
    if (!target) return;
    this.focusNext = undefined;
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  private toggle(open: boolean): void {
    this.open = open;
    this.error = undefined;
    if (open) {
      prefetch();
      this.request = undefined;
      this.key = undefined;
    }
    this.focusNext = open ? '[part=message]' : '[part=open]';
  }

  private edit(key: 'message' | 'desiredDate', value: string): void {
    this[key] = value;
    // Another body is another attempt.
    if (!this.working) this.key = undefined;
  }

  private async send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.resolveClient();
    const cartId = this.cartId || this.cart.state.cart?.id;
    if (this.working || isKontorError(client) || !cartId) return;
    this.working = true;
    this.error = undefined;
    this.announcement = this.t.requestSending;
    const key = (this.key ??= newIdempotencyKey());
    try {
      const message = this.message.trim();
      const { sendOfferRequest } = await loadSend();
      const request = await sendOfferRequest(
        client,
        { from: { kind: 'cart', cartId }, ...(message ? { message } : {}), ...(this.desiredDate ? { desiredDate: this.desiredDate } : {}) },
        key,
      );
      this.key = undefined;
      this.request = request;
      this.open = false;
      this.message = '';
      this.desiredDate = '';
      this.announcement = this.t.requestSent(request.id, request.lines.length);
      this.focusNext = '[part=result]';
      this.emit('kontor-offer-request', { request });
    } catch (error) {
      const e = (this.error = this.reportError(error));
      // The server answered: this attempt is over (a lost answer keeps its key for the retry).
      if (e instanceof HttpError) this.key = undefined;
      this.announcement = `${this.t.errorTitle} ${this.words(e)}`;
    } finally {
      this.working = false;
    }
  }

  /** The server's words when it answered, else the element's; with the issues. */
  private words(error: KontorError): string {
    const head = error instanceof HttpError ? error.message : this.errorText(error);
    return [head, ...error.issues.map((i) => i.message).filter((m) => m && !head.includes(m))].join(' ');
  }

  override render() {
    const t = this.t;
    const client = this.resolveClient();
    const cart = this.cart.state.cart;
    const usable = !isKontorError(client) && (!!this.cartId || (!!cart && cart.lines.length > 0));
    // Why not now: no client, or a cart known to be empty (not while it loads).
    const hint = isKontorError(client) ? this.errorText(client) : !usable && (this.cart.state.status === 'ready' || this.cart.state.status === 'error') ? t.requestNeedsCart : '';
    return html`<div class="base" part="base" aria-busy=${this.working ? 'true' : 'false'}>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      <button
        type="button"
        part="open"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.open ? 'form' : nothing}
        aria-describedby=${hint ? 'hint' : nothing}
        ?disabled=${!usable && !this.open}
        @click=${() => this.toggle(!this.open)}
        @pointerenter=${prefetch}
        @focus=${prefetch}
      >
        ${t.requestOffer}
      </button>
      ${hint ? html`<p class="hint" part="hint" id="hint">${hint}</p>` : nothing}
      ${this.open
        ? html`<form id="form" part="form" class="form" novalidate @submit=${(e: SubmitEvent) => void this.send(e)}>
            <h3>${t.requestOfferTitle}</h3>
            <label class="field"
              ><span>${t.requestMessage}</span
              ><textarea part="message" rows="3" maxlength="2000" .value=${this.message} @input=${(e: Event) => this.edit('message', (e.target as HTMLTextAreaElement).value)}></textarea
            ></label>
            <label class="field"
              ><span>${t.desiredDate}</span
              ><input part="desired-date" type="date" min=${tomorrow()} .value=${this.desiredDate} @input=${(e: Event) => this.edit('desiredDate', (e.target as HTMLInputElement).value)}
            /></label>
            ${this.error ? html`<div class="error" part="error" role="alert">${t.errorTitle} ${this.words(this.error)}</div>` : nothing}
            <div class="buttons">
              <button type="submit" class="primary" part="send" aria-disabled=${this.working || !usable ? 'true' : 'false'}>${this.working ? t.requestSending : t.sendRequest}</button>
              <button type="button" @click=${() => this.working || this.toggle(false)}>${t.requestCancel}</button>
            </div>
          </form>`
        : nothing}
      ${this.request ? html`<p class="result" part="result" tabindex="-1">${t.requestSent(this.request.id, this.request.lines.length)}</p>` : nothing}
    </div>`;
  }
}
