import type { KontorClient } from '@kontor/core';
import type { Cart } from '@kontor/core/cart';
import { cartChangeRules } from '@kontor/core/cart/cart.logic.js';
import { newIdempotencyKey } from '@kontor/core/cart/cart.store.base.js';
import type { ErrorIssue, KontorError, Lang } from '@kontor/core/errors';
import { isKontorError } from '@kontor/core/errors/kontor-error.js';
import type { Money } from '@kontor/core/money';
import { formatMoney } from '@kontor/core/money/money.logic.js';
import type { CartDrift, CheckoutOptions, DeliveryDays, Order, OrderLine, PaymentMethod, PlaceOrderRequest, SavedAddress } from '@kontor/core/orders';
import { deliveryCalendarOf, expectedDelivery } from '@kontor/core/orders/delivery-date.logic.js';
import { lineDrift, removedLines } from '@kontor/core/orders/order.logic.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CartController } from '../../internal/cart-controller.js';
import { componentStyles } from '../../internal/component-styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import { ordersStoreOf } from '../../internal/orders-store.js';
import { emptyForm, formatIban, pathKey, placeOrderRequest, stepOf, type CheckoutForm, type CheckoutStep } from './checkout.form.js';
import type * as RulesModule from './checkout.rules.js';

/** The field checks and issue messages, loaded on demand (checkout.rules.ts). */
type Rules = typeof RulesModule;
let rulesLoading: Promise<Rules> | undefined;
const loadRules = (): Promise<Rules> => (rulesLoading ??= import('./checkout.rules.js').catch((error: unknown) => {
  rulesLoading = undefined; // a failed fetch is tried again on the next use
  throw error;
}));
/**
 * The review's read-only `<kontor-cart>`, loaded on demand: fetched once the checkout is on the page
 * (while the buyer fills in the delivery step), unless the page has registered it already. It is
 * most of a cart's weight, and a checkout's first step does not need it.
 */
let cartLoading: Promise<unknown> | undefined;
const loadCart = (): Promise<unknown> =>
  customElements.get('kontor-cart')
    ? Promise.resolve()
    : (cartLoading ??= import('../cart/kontor-cart.js').catch((error: unknown) => {
        cartLoading = undefined; // a failed fetch is tried again when the review opens
        throw error;
      }));
/** The page's availability answers (the review's cart brings them along). */
const loadBatcher = () => import('../../internal/availability-batcher.js');
import { styles } from './checkout.styles.js';
import { checkout } from '../../translations/slices/checkout.js';
import { common } from '../../translations/slices/common.js';
import { orderInfo } from '../../translations/slices/orderInfo.js';
import { totals } from '../../translations/slices/totals.js';
import { strings, type StringsOf } from '../../translations/strings.js';

const STEPS: readonly CheckoutStep[] = ['delivery', 'payment', 'review'];
/** The countries Kontor delivers to (their postcodes are checked by core's AddressSchema). */
const COUNTRIES = ['DE', 'AT', 'CH', 'NL'] as const;
const METHODS: readonly PaymentMethod[] = ['invoice', 'prepayment', 'sepa_debit'];
/** Lines the confirmation shows before "show all": an order of 1,000 lines confirms as fast as one of ten. */
const FIRST_LINES = 50;

/** One placement attempt: its key goes with exactly this request, for every retry of it. */
interface Attempt {
  key: string;
  body: string;
  request: PlaceOrderRequest;
  /** Sent without an answer (network, timeout, 5xx): the order may exist, so only this request may be retried. */
  uncertain: boolean;
}

const checkoutStrings = strings(common, totals, orderInfo, checkout);

/**
 * @summary Checkout of the buyer's cart in steps — delivery, payment, review — that places the order exactly once and confirms it with its number.
 * @tag kontor-checkout
 * @event kontor-order-placed - The order was placed. detail: `{ order }`.
 * @event kontor-error - Loading the checkout options or placing failed. detail: `{ error }`.
 * @csspart base - The wrapper.
 * @csspart steps - The list of steps.
 * @csspart step - One step's form.
 * @csspart field - A label with its control, hint and error.
 * @csspart field-error - The message of an invalid field.
 * @csspart payment-option - One payment method.
 * @csspart bank-details - The seller's bank account (prepayment).
 * @csspart mandate - The SEPA mandate text.
 * @csspart summary - Delivery and payment as they will be ordered.
 * @csspart cart - The read-only `<kontor-cart>` of the review (its parts are exported with a `cart-` prefix).
 * @csspart drift - What changed in a stale cart, with "update cart".
 * @csspart place - The final "place order (payment required)" button.
 * @csspart confirmation - The confirmation after placing.
 * @csspart order-number - The order number in the confirmation.
 * @csspart lines - The ordered lines in the confirmation: name and SKU, quantity, line total.
 * @csspart error - An error banner.
 * @cssproperty --checkout-gap - Space between fields and sections.
 * @cssproperty --checkout-accent - Colour of the current step and the place button.
 * @cssproperty --checkout-number-font-size - Size of the order number in the confirmation.
 *
 * @example
 * ```html
 * <kontor-shop endpoint="https://shop.example.com" token="…">
 *   <kontor-checkout></kontor-checkout>
 * </kontor-shop>
 * <script>
 *   addEventListener('kontor-order-placed', (e) => console.log(e.detail.order.number));
 * </script>
 * ```
 */
export class KontorCheckout extends KontorElement<StringsOf<typeof checkoutStrings>> {
  static override strings = checkoutStrings;
  static override styles = [componentStyles, styles];

  private readonly cart = new CartController(this, () => this.resolveClient(), cartChangeRules);
  private optionsKey?: string;
  private optionsAbort?: AbortController;
  private attempt?: Attempt;
  /** What to focus after the next render: `step` (the step's title), `number`, `drift`, `place-error` or a field's path. */
  private focusNext: string | null = null;

  @state() private step: CheckoutStep = 'delivery';
  @state() private form: CheckoutForm = emptyForm();
  @state() private options?: CheckoutOptions;
  @state() private optionsError?: KontorError;
  @state() private fieldErrors: Record<string, string> = {};
  @state() private placing = false;
  @state() private drift?: { changes: CartDrift[]; before: Cart | null; after: Cart | null };
  /** The cart as the review step showed it: what is ordered, and what a change elsewhere is compared with. */
  private reviewed?: Cart;
  @state() private placeError?: { kind: 'uncertain' | 'failed' | 'credit'; message: string };
  @state() private order?: Order;
  @state() private announcement = '';
  /** The server refused "on account" for the credit limit during this checkout. */
  @state() private creditRefused = false;
  @state() private updating = false;
  /** The delivery day offered for a refused requested day (its issue's `params.next`). */
  @state() private dateOffer?: string;
  /** Lines shown in the confirmation: the first {@link FIRST_LINES}, or all. */
  @state() private allLines = false;

  /** Level of the step titles for the page's outline (1–6); the review's cart title is one below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  override connectedCallback(): void {
    super.connectedCallback();
    // Fetched while the buyer reads the first step, so checking a field never waits for it.
    void loadRules().then(
      (rules) => (this.rules = rules),
      () => undefined, // tried again, and reported, when a check needs them
    );
    void loadCart().catch(() => undefined); // tried again, and reported, when the review opens
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.optionsAbort?.abort();
    this.optionsKey = undefined;
  }

  /** The step shown now. */
  get currentStep(): CheckoutStep {
    return this.step;
  }

  /** The order placed here, once it is. */
  get placedOrder(): Order | undefined {
    return this.order;
  }

  private get country(): string {
    if (this.form.addressMode === 'new') return this.form.country;
    return this.savedAddress()?.address.country ?? this.options?.addresses.find((a) => a.isDefault)?.address.country ?? 'DE';
  }

  private savedAddress(): SavedAddress | undefined {
    return this.options?.addresses.find((a) => a.id === this.form.addressId);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const cart = this.cart.state.cart;
    this.checkReviewedCart(cart);
    const client = this.resolveClient();
    if (this.step === 'confirmation' || !cart || !cart.lines.length || isKontorError(client)) return;
    // Options depend on the cart (credit left, earliest day) and the destination: a new address's
    // country, or a saved one's when it is not the default's (the server's default).
    const saved = this.savedAddress()?.address.country;
    const country = this.form.addressMode === 'new' ? this.form.country : saved !== this.options?.addresses.find((a) => a.isDefault)?.address.country ? saved : undefined;
    const key = `${cart.id}|${cart.version}|${country ?? ''}`;
    if (key !== this.optionsKey && !this.cart.state.pending) {
      this.optionsKey = key;
      void this.loadOptions(client, cart.id, country);
    }
  }

  override updated(): void {
    const target = this.focusNext;
    if (!target) return;
    this.focusNext = null;
    // Just after this update, not inside it: moving the focus blurs a field whose handler may
    // change state (the IBAN is formatted on blur), and that is a new update, not part of this one.
    queueMicrotask(() => {
      const node =
        this.renderRoot.querySelector<HTMLElement>(`[data-focus="${target}"]`) ?? this.renderRoot.querySelector<HTMLElement>(`[data-path="${target}"]`);
      node?.focus();
    });
  }

  private async loadOptions(client: KontorClient, cartId: string, country: string | undefined): Promise<void> {
    this.optionsAbort?.abort();
    const abort = (this.optionsAbort = new AbortController());
    this.optionsError = undefined;
    try {
      const options = await client.orders.checkoutOptions(cartId, country, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.options = options;
      this.applyDefaults(options);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.optionsError = this.reportError(error);
    }
  }

  /** The default address and the first method on offer, unless the buyer chose already. */
  private applyDefaults(options: CheckoutOptions): void {
    const form = { ...this.form };
    if (!form.addressId || !options.addresses.some((a) => a.id === form.addressId)) {
      form.addressId = (options.addresses.find((a) => a.isDefault) ?? options.addresses[0])?.id ?? '';
      if (!options.addresses.length) form.addressMode = 'new';
    }
    if (!form.method || !this.methodAvailable(form.method, options)) {
      form.method = METHODS.find((m) => this.methodAvailable(m, options)) ?? '';
    }
    this.form = form;
  }

  private methodAvailable(method: PaymentMethod, options = this.options): boolean {
    if (method === 'invoice' && this.creditRefused) return false;
    return options?.payment.find((p) => p.method === method)?.available ?? false;
  }

  private day = (day: string): string => this.t.deliveryDay(day, true);

  private calendarOf?: { options: CheckoutOptions; days: DeliveryDays };
  /** The destination's delivery days and the earliest one, from the options (core's delivery-date rules decide with them). */
  private get deliveryDays(): DeliveryDays | null {
    const options = this.options;
    if (!options) return null;
    if (this.calendarOf?.options !== options) this.calendarOf = { options, days: { earliest: options.earliestDelivery, calendar: deliveryCalendarOf(options.deliveryCalendar) } };
    return this.calendarOf.days;
  }

  private money(value: Money): string {
    return formatMoney(value, this.t.$locale);
  }

  private set<K extends keyof CheckoutForm>(key: K, value: CheckoutForm[K], path?: string): void {
    this.form = { ...this.form, [key]: value };
    if (key === 'date') this.dateOffer = undefined;
    if (path && this.fieldErrors[path]) {
      const { [path]: _, ...rest } = this.fieldErrors;
      this.fieldErrors = rest;
    }
    if (key === 'method') this.placeError = this.placeError?.kind === 'credit' ? this.placeError : undefined;
  }

  /** Shows issues next to their fields (replacing those of `scope`'s step) and focuses the first. */
  private showIssues(issues: ErrorIssue[], scope: CheckoutStep | 'all'): boolean {
    const kept = Object.fromEntries(Object.entries(this.fieldErrors).filter(([path]) => scope !== 'all' && stepOf(path.split('.')) !== scope));
    const lang = this.currentLang;
    for (const issue of issues) kept[pathKey(issue.path)] ??= this.localize(issue, lang);
    this.fieldErrors = kept;
    const next = issues.find((i) => pathKey(i.path) === 'requestedDeliveryDate')?.params?.next;
    this.dateOffer = typeof next === 'string' ? next : undefined;
    const first = issues[0];
    if (first) this.focusNext = this.fieldPath(pathKey(first.path));
    return !first;
  }

  /**
   * Runs `task` with the field checks, loading them first if they are not here yet; the pending
   * work is part of `updateComplete`, so a caller that awaits it sees the result.
   */
  private withRules(task: (rules: Rules) => void): Promise<void> {
    const run = loadRules().then((rules) => {
      this.rules = rules;
      task(rules);
    }, (error: unknown) => {
      this.reportError(error);
    });
    this.pendingRules = run;
    void run.finally(() => {
      if (this.pendingRules === run) this.pendingRules = undefined;
    });
    return run;
  }

  private pendingRules?: Promise<void>;

  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.pendingRules || this.pendingCart) {
      await (this.pendingRules ?? this.pendingCart);
      result = await super.getUpdateComplete();
    }
    return result;
  }

  /** An issue's message in `lang` (core's text with days formatted), once the rules are here; else as sent. */
  private localize(issue: ErrorIssue, lang: Lang): string {
    return this.rules ? this.rules.localizeIssue(issue, lang, this.day) : issue.message;
  }

  private rules?: Rules;

  /** The rendered field for an issue's path (a union issue lands on the field that exists). */
  private fieldPath(path: string): string {
    if (path === 'payment' || path === 'payment.method') return 'payment.method';
    if (path === 'deliveryAddress') return this.form.addressMode === 'saved' ? 'deliveryAddress.addressId' : 'deliveryAddress.address.name';
    return path;
  }

  private goTo(step: CheckoutStep): void {
    this.step = step;
    this.focusNext = 'step';
    if (step === 'review') {
      this.reviewed = this.cart.state.cart ?? undefined;
      if (!customElements.get('kontor-cart')) {
        const load = loadCart().catch((error: unknown) => this.reportError(error));
        this.pendingCart = load;
        void load.finally(() => {
          if (this.pendingCart === load) this.pendingCart = undefined;
        });
      }
    }
  }

  /** The review's cart while it loads (updateComplete waits for it). */
  private pendingCart?: Promise<unknown>;

  /**
   * On the review step, a cart changed elsewhere (another tab, a colleague) is not taken in
   * silently: what changed is listed, ordering waits for "update cart".
   */
  private checkReviewedCart(cart: Cart | null): void {
    const seen = this.reviewed;
    if (this.step !== 'review' || !seen || !cart || this.drift || this.placing || this.cart.state.pending || cart.version === seen.version) return;
    const lang = this.currentLang;
    const bySku = new Map(seen.lines.map((l) => [l.sku, l]));
    const changes = cart.id === seen.id ? [...cart.lines.flatMap((l) => lineDrift(bySku.get(l.sku), l, lang)), ...removedLines(seen.lines, cart.lines)] : [];
    if (cart.id === seen.id && !changes.length) {
      this.reviewed = cart; // a new version without a change to the order (e.g. renamed)
      return;
    }
    this.attempt = undefined;
    this.drift = { changes, before: seen, after: cart };
    this.focusNext = 'drift';
  }

  private onDeliverySubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.withRules((rules) => {
      const issues = rules.deliveryIssues(this.form, this.deliveryDays, this.currentLang, this.day);
      if (this.showIssues(issues, 'delivery')) this.goTo('payment');
    });
  }

  /** A requested day is checked as soon as it is chosen: a weekend day, a holiday or one too early is said at the field, with the day to take instead. */
  private onDateChange(event: Event): void {
    const form = { ...this.form, date: (event.target as HTMLInputElement).value };
    void this.withRules((rules) => this.showDateIssue(rules, form));
  }

  private showDateIssue(rules: Rules, form: CheckoutForm): void {
    const issue = rules.deliveryDateIssue(form, this.deliveryDays, this.currentLang, this.day);
    const path = 'requestedDeliveryDate';
    const { [path]: _, ...rest } = this.fieldErrors;
    this.fieldErrors = issue ? { ...rest, [path]: issue.message } : rest;
    const next = issue?.params?.next;
    this.dateOffer = typeof next === 'string' ? next : undefined;
    if (issue) this.announcement = issue.message;
  }

  private useOfferedDate(): void {
    if (!this.dateOffer) return;
    this.set('date', this.dateOffer, 'requestedDeliveryDate');
    this.focusNext = 'requestedDeliveryDate';
  }

  private onPaymentSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.withRules((rules) => this.checkPayment(rules));
  }

  private checkPayment(rules: Rules): void {
    const issues = rules.paymentIssues(this.form, this.currentLang);
    if (this.form.method && !this.methodAvailable(this.form.method)) {
      issues.unshift({ path: ['payment', 'method'], code: 'payment_unavailable', message: this.t.paymentUnavailable(this.creditRefused ? 'credit_limit' : null, this.options?.credit ? this.money(this.options.credit.remaining) : undefined) });
    }
    if (this.showIssues(issues, 'payment')) {
      if (this.placeError?.kind === 'credit') this.placeError = undefined;
      this.goTo('review');
    }
  }

  private onIbanBlur(event: FocusEvent): void {
    const input = event.target as HTMLInputElement;
    if (!input.value.trim()) return;
    const iban = input.value;
    void this.withRules((rules) => this.checkIban(rules, input, iban));
  }

  private checkIban(rules: Rules, input: HTMLInputElement, iban: string): void {
    const issues = rules.ibanIssues({ ...this.form, iban }, this.currentLang);
    // Formatted only when valid: an invalid IBAN stays as typed, so the buyer finds the typo.
    if (!issues.length && input.value === iban) this.set('iban', formatIban(iban));
    const path = 'payment.iban';
    const { [path]: _, ...rest } = this.fieldErrors;
    this.fieldErrors = issues[0] ? { ...rest, [path]: rules.localizeIssue(issues[0], this.currentLang, this.day) } : rest;
  }

  /** The promised day of each line as the review showed it (the page's availability answers, one request for any not at hand). */
  private async promisedDays(client: KontorClient, cart: Cart): Promise<(sku: string, quantity: number) => string | null> {
    // The page's availability answers: the review's cart loaded the batcher with them.
    const loaded = await loadBatcher().catch(() => undefined);
    if (!loaded) return () => null; // no promise at hand to compare: the server compares what it can
    const batcher = loaded.availabilityBatcherOf(client);
    const destination = this.country;
    const answers = new Map<string, string | null>();
    await Promise.all(
      cart.lines.map(async ({ sku, quantity }) => {
        try {
          const answer = await batcher.get({ sku, quantity, destination });
          answers.set(`${sku}|${quantity}`, 'earliestDelivery' in answer ? answer.earliestDelivery : null);
        } catch {
          // No promise was shown for this line; the server compares what it can.
        }
      }),
    );
    return (sku, quantity) => answers.get(`${sku}|${quantity}`) ?? null;
  }

  /** Places the order: one key per attempt, reused for every retry of it; never two requests at once. */
  private async place(): Promise<void> {
    if (this.placing) return;
    const client = this.resolveClient();
    const store = this.cart.store;
    // What the buyer reviewed is what is ordered: a change since makes the server answer 409.
    const cart = this.reviewed ?? this.cart.state.cart;
    if (isKontorError(client) || !store || !cart) return;
    this.placing = true;
    this.placeError = undefined;
    this.drift = undefined;
    try {
      // Loaded long before (the checkout asked for them on connect); a refusal is then explained at once.
      await this.withRules(() => undefined);
      let attempt = this.attempt;
      if (!attempt?.uncertain) {
        const request = placeOrderRequest(this.form, cart, await this.promisedDays(client, cart));
        const body = JSON.stringify(request);
        if (!attempt || attempt.body !== body) attempt = this.attempt = { key: newIdempotencyKey(), body, request, uncertain: false };
      }
      // Through the page's orders store: an order history on the page shows the new order.
      const order = await ordersStoreOf(client).place(attempt.request, { idempotencyKey: attempt.key });
      this.attempt = undefined;
      this.order = order;
      this.step = 'confirmation';
      this.announcement = this.t.orderPlacedAnnouncement(order.number);
      this.focusNext = 'number';
      this.emit('kontor-order-placed', { order });
      // The server emptied the cart and reserved stock: show both.
      void loadBatcher().then(({ availabilityBatcherOf }) => availabilityBatcherOf(client).clear(), () => undefined);
      void store.refresh().catch(() => undefined);
    } catch (error) {
      this.onPlaceError(error, cart);
    } finally {
      this.placing = false;
    }
  }

  private onPlaceError(cause: unknown, cart: Cart): void {
    const error = this.reportError(cause);
    const t = this.t;
    const changes = error.details?.changes;
    if (error.code === 'conflict' && Array.isArray(changes)) {
      // Nothing was placed: show what changed; "update cart" starts a new attempt.
      this.attempt = undefined;
      const after = error.details?.cart;
      this.drift = { changes: changes as CartDrift[], before: cart, after: after && typeof after === 'object' ? (after as Cart) : null };
      this.focusNext = 'drift';
      return;
    }
    const unknownOutcome = error.code === 'network' || error.code === 'timeout' || error.code === 'conflict' || error.status >= 500;
    if (unknownOutcome && this.attempt) {
      this.attempt.uncertain = true;
      this.placeError = { kind: 'uncertain', message: `${t.placeUncertain} (${this.errorText(error)})` };
      this.focusNext = 'place-error';
      return;
    }
    this.attempt = undefined;
    const credit = error.issues.find((i) => i.code === 'credit_limit');
    if (credit) {
      this.creditRefused = true;
      const remaining = credit.params?.remaining as Money | undefined;
      const text = remaining ? this.money(remaining) : String(credit.params?.remainingText ?? '');
      this.placeError = { kind: 'credit', message: t.creditLimitExceeded(text) };
      if (this.form.method === 'invoice') this.form = { ...this.form, method: METHODS.find((m) => this.methodAvailable(m)) ?? '' };
      this.step = 'payment';
      this.focusNext = 'place-error';
      if (this.optionsKey) this.optionsKey = undefined; // the credit left changed: ask again
      return;
    }
    const fieldIssues = error.issues.filter((i) => i.path.length && i.code !== 'cart_empty' && i.code !== 'cart_not_orderable');
    if (error.code === 'validation' && fieldIssues.length) {
      this.showIssues(fieldIssues, 'all');
      this.step = stepOf(fieldIssues[0]!.path);
      return;
    }
    const issue = error.issues[0];
    this.placeError = { kind: 'failed', message: `${t.placeFailed} ${issue ? this.localize(issue, this.currentLang) : this.errorText(error)}` };
    this.focusNext = 'place-error';
  }

  /** "Update cart" after a 409: the current cart, back to the review, a new attempt. */
  private async updateCart(): Promise<void> {
    const store = this.cart.store;
    if (!store) return;
    this.updating = true;
    try {
      await store.refresh();
      this.drift = undefined;
      this.attempt = undefined;
      this.goTo('review');
    } catch (error) {
      this.placeError = { kind: 'failed', message: this.errorText(this.reportError(error)) };
    } finally {
      this.updating = false;
    }
  }

  /** A new checkout of the current cart after a confirmation (delivery and payment as before). */
  private startOver(): void {
    this.order = undefined;
    this.allLines = false;
    this.attempt = undefined;
    this.placeError = undefined;
    this.drift = undefined;
    this.announcement = '';
    this.optionsKey = undefined;
    this.goTo('delivery');
  }

  // ——— rendering ———

  private stepHeading(text: string, focus = 'step') {
    return html`<div class="step-title" role="heading" aria-level=${this.headingLevel} tabindex="-1" data-focus=${focus}>${text}</div>`;
  }

  /** A labelled control with its hint and error, wired with aria-invalid and aria-describedby. */
  private field(path: string, label: string, control: (attrs: { id: string; describedBy: string | undefined; invalid: boolean }) => TemplateResult, hint?: string, optional = false) {
    const id = `f-${path.replace(/\./g, '-')}`;
    const error = this.fieldErrors[path];
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    return html`<div class="field" part="field" data-invalid=${error ? 'true' : nothing}>
      <label for=${id}>${label}${optional ? html` <span class="muted">${this.t.optional}</span>` : nothing}</label>
      ${control({ id, describedBy, invalid: Boolean(error) })}
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${error ? html`<p class="field-error" part="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
    </div>`;
  }

  private textField(key: 'name' | 'addition' | 'street' | 'postcode' | 'city' | 'addressLabel' | 'po' | 'costCenter' | 'accountHolder', path: string, label: string, options: { autocomplete?: string; maxlength?: number; optional?: boolean; hint?: string } = {}) {
    return this.field(
      path,
      label,
      ({ id, describedBy, invalid }) => html`<input
        id=${id}
        data-path=${path}
        .value=${this.form[key]}
        autocomplete=${options.autocomplete ?? 'off'}
        maxlength=${options.maxlength ?? 100}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy ?? nothing}
        ?required=${!options.optional}
        @input=${(e: Event) => this.set(key, (e.target as HTMLInputElement).value, path)}
      />`,
      options.hint,
      options.optional,
    );
  }

  private renderAddress(address: SavedAddress['address']) {
    const country = new Intl.DisplayNames([this.t.$locale], { type: 'region' });
    return html`<address>
      ${address.name}<br />
      ${address.addition ? html`${address.addition}<br />` : nothing} ${address.street}<br />
      ${address.postcode} ${address.city}<br />
      ${country.of(address.country) ?? address.country}
    </address>`;
  }

  private renderDelivery(options: CheckoutOptions) {
    const t = this.t;
    const form = this.form;
    const regions = new Intl.DisplayNames([t.$locale], { type: 'region' });
    const earliest = options.earliestDelivery;
    return html`<form class="step" part="step" novalidate @submit=${this.onDeliverySubmit}>
      ${this.stepHeading(t.checkoutStep('delivery'))}
      <fieldset>
        <legend>${t.deliveryAddress}</legend>
        ${options.addresses.length
          ? html`<div class="choice">
              <label class="radio"><input type="radio" name="address-mode" value="saved" .checked=${form.addressMode === 'saved'} @change=${() => this.set('addressMode', 'saved')} /> ${t.savedAddress}</label>
              <label class="radio"><input type="radio" name="address-mode" value="new" .checked=${form.addressMode === 'new'} @change=${() => this.set('addressMode', 'new')} /> ${t.newAddress}</label>
            </div>`
          : nothing}
        ${form.addressMode === 'saved' && options.addresses.length
          ? html`${this.field('deliveryAddress.addressId', t.savedAddress, ({ id, describedBy, invalid }) => html`<select
                id=${id}
                data-path="deliveryAddress.addressId"
                aria-invalid=${invalid ? 'true' : 'false'}
                aria-describedby=${describedBy ?? nothing}
                @change=${(e: Event) => this.set('addressId', (e.target as HTMLSelectElement).value, 'deliveryAddress.addressId')}
              >
                ${options.addresses.map(
                  (a) => html`<option value=${a.id} ?selected=${a.id === form.addressId}>${a.label} – ${a.address.name}, ${a.address.street}, ${a.address.postcode} ${a.address.city}</option>`,
                )}
              </select>`)}
            ${this.savedAddress() ? this.renderAddress(this.savedAddress()!.address) : nothing}`
          : html`<div class="address">
              ${this.textField('name', 'deliveryAddress.address.name', t.addressField('name'), { autocomplete: 'organization' })}
              ${this.textField('addition', 'deliveryAddress.address.addition', t.addressField('addition'), { optional: true })}
              ${this.textField('street', 'deliveryAddress.address.street', t.addressField('street'), { autocomplete: 'street-address' })}
              <div class="row">
                ${this.textField('postcode', 'deliveryAddress.address.postcode', t.addressField('postcode'), { autocomplete: 'postal-code', maxlength: 10 })}
                ${this.textField('city', 'deliveryAddress.address.city', t.addressField('city'), { autocomplete: 'address-level2', maxlength: 60 })}
              </div>
              ${this.field('deliveryAddress.address.country', t.addressField('country'), ({ id, describedBy, invalid }) => html`<select
                id=${id}
                data-path="deliveryAddress.address.country"
                aria-invalid=${invalid ? 'true' : 'false'}
                aria-describedby=${describedBy ?? nothing}
                @change=${(e: Event) => this.set('country', (e.target as HTMLSelectElement).value, 'deliveryAddress.address.country')}
              >
                ${COUNTRIES.map((c) => html`<option value=${c} ?selected=${c === form.country}>${regions.of(c) ?? c}</option>`)}
              </select>`)}
              <label class="check"><input type="checkbox" .checked=${form.saveAddress} @change=${(e: Event) => this.set('saveAddress', (e.target as HTMLInputElement).checked)} /> ${t.saveAddress}</label>
              ${form.saveAddress ? this.textField('addressLabel', 'deliveryAddress.label', t.addressLabel, { maxlength: 60 }) : nothing}
            </div>`}
      </fieldset>
      ${this.field(
        'requestedDeliveryDate',
        t.requestedDeliveryDate,
        ({ id, describedBy, invalid }) => html`<input
          id=${id}
          type="date"
          data-path="requestedDeliveryDate"
          min=${earliest ?? nothing}
          .value=${form.date}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${describedBy ?? nothing}
          @input=${(e: Event) => this.set('date', (e.target as HTMLInputElement).value, 'requestedDeliveryDate')}
          @change=${this.onDateChange}
        />`,
        earliest ? t.earliestDeliveryHint(this.day(earliest)) : undefined,
        true,
      )}
      ${this.dateOffer && this.fieldErrors['requestedDeliveryDate']
        ? html`<p class="date-offer"><button type="button" class="link use-date" @click=${this.useOfferedDate}>${t.useDeliveryDay(this.day(this.dateOffer))}</button></p>`
        : nothing}
      <div class="row">
        ${this.textField('po', 'purchaseOrderNumber', t.purchaseOrderNumber, { maxlength: 35, optional: true })}
        ${this.textField('costCenter', 'costCenter', t.costCenter, { maxlength: 35, optional: true })}
      </div>
      ${this.field(
        'comment',
        t.comment,
        ({ id, describedBy, invalid }) => html`<textarea
          id=${id}
          data-path="comment"
          rows="3"
          maxlength="1000"
          .value=${form.comment}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${describedBy ?? nothing}
          @input=${(e: Event) => this.set('comment', (e.target as HTMLTextAreaElement).value, 'comment')}
        ></textarea>`,
        undefined,
        true,
      )}
      <div class="buttons"><button type="submit" class="primary next">${t.next}</button></div>
    </form>`;
  }

  private renderBankDetails(bank: NonNullable<CheckoutOptions['bankDetails']>, reference?: string) {
    const t = this.t;
    return html`<dl class="bank" part="bank-details">
      <div><dt>${t.accountHolder}</dt><dd>${bank.accountHolder}</dd></div>
      <div><dt>${t.iban}</dt><dd class="mono">${formatIban(bank.iban)}</dd></div>
      <div><dt>${t.bic}</dt><dd class="mono">${bank.bic}</dd></div>
      <div><dt>${t.bank}</dt><dd>${bank.bank}</dd></div>
      ${reference ? html`<div><dt>${t.transferReference}</dt><dd class="mono reference">${reference}</dd></div>` : nothing}
    </dl>`;
  }

  private renderPaymentOption(method: PaymentMethod, options: CheckoutOptions) {
    const t = this.t;
    const offer = options.payment.find((p) => p.method === method);
    if (!offer) return nothing;
    const available = this.methodAvailable(method);
    const reason = available ? null : method === 'invoice' && this.creditRefused ? 'credit_limit' : offer.reason;
    const id = `method-${method}`;
    const chosen = this.form.method === method;
    let detail: TemplateResult | typeof nothing = nothing;
    if (!available) detail = html`<p class="hint" id=${`${id}-detail`}>${t.paymentUnavailable(reason, options.credit ? this.money(options.credit.remaining) : undefined)}</p>`;
    else if (method === 'invoice' && options.credit) detail = html`<p class="hint" id=${`${id}-detail`}>${t.creditRemaining(this.money(options.credit.remaining))}</p>`;
    else if (method === 'prepayment' && chosen && options.bankDetails)
      detail = html`<div id=${`${id}-detail`}><p class="hint">${t.bankDetailsIntro}</p>${this.renderBankDetails(options.bankDetails)}<p class="hint">${t.prepaymentHint}</p></div>`;
    return html`<div class="option" part="payment-option" data-method=${method} data-available=${available ? 'true' : 'false'}>
      <label class="radio" for=${id}>
        <input
          type="radio"
          id=${id}
          name="method"
          value=${method}
          data-path=${chosen || (!this.form.method && method === METHODS.find((m) => this.methodAvailable(m))) ? 'payment.method' : nothing}
          .checked=${chosen}
          ?disabled=${!available}
          aria-describedby=${detail === nothing ? nothing : `${id}-detail`}
          @change=${() => this.set('method', method, 'payment.method')}
        />
        ${t.paymentName(method)}
      </label>
      ${detail}
      ${method === 'sepa_debit' && chosen ? this.renderSepa(options) : nothing}
    </div>`;
  }

  private renderSepa(options: CheckoutOptions) {
    const t = this.t;
    return html`<div class="sepa">
      ${this.textField('accountHolder', 'payment.accountHolder', t.accountHolder, { autocomplete: 'name', maxlength: 70 })}
      ${this.field(
        'payment.iban',
        t.iban,
        ({ id, describedBy, invalid }) => html`<input
          id=${id}
          class="mono"
          data-path="payment.iban"
          .value=${this.form.iban}
          autocomplete="off"
          spellcheck="false"
          maxlength="50"
          inputmode="text"
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${describedBy ?? nothing}
          @input=${(e: Event) => this.set('iban', (e.target as HTMLInputElement).value, 'payment.iban')}
          @blur=${this.onIbanBlur}
        />`,
      )}
      <p class="mandate" part="mandate" id="mandate-text">${options.sepaMandateText}</p>
      <div class="field" data-invalid=${this.fieldErrors['payment.mandateAccepted'] ? 'true' : nothing}>
        <label class="check">
          <input
            type="checkbox"
            data-path="payment.mandateAccepted"
            required
            .checked=${this.form.mandate}
            aria-invalid=${this.fieldErrors['payment.mandateAccepted'] ? 'true' : 'false'}
            aria-describedby=${this.fieldErrors['payment.mandateAccepted'] ? 'mandate-text mandate-error' : 'mandate-text'}
            @change=${(e: Event) => this.set('mandate', (e.target as HTMLInputElement).checked, 'payment.mandateAccepted')}
          />
          ${t.mandateAccept}
        </label>
        ${this.fieldErrors['payment.mandateAccepted'] ? html`<p class="field-error" part="field-error" id="mandate-error">${this.fieldErrors['payment.mandateAccepted']}</p>` : nothing}
      </div>
    </div>`;
  }

  private renderPayment(options: CheckoutOptions) {
    const t = this.t;
    const error = this.fieldErrors['payment.method'];
    return html`<form class="step" part="step" novalidate @submit=${this.onPaymentSubmit}>
      ${this.stepHeading(t.checkoutStep('payment'))}
      ${this.renderPlaceError()}
      <fieldset aria-describedby=${error ? 'method-error' : nothing}>
        <legend>${t.paymentMethod}</legend>
        ${METHODS.map((m) => this.renderPaymentOption(m, options))}
        ${error ? html`<p class="field-error" part="field-error" id="method-error">${error}</p>` : nothing}
      </fieldset>
      <div class="buttons">
        <button type="button" class="back" @click=${() => this.goTo('delivery')}>${t.back}</button>
        <button type="submit" class="primary next">${t.next}</button>
      </div>
    </form>`;
  }

  private renderSummary(options: CheckoutOptions) {
    const t = this.t;
    const form = this.form;
    const address = form.addressMode === 'saved' ? this.savedAddress()?.address : (({ addition, ...a }) => (addition ? { ...a, addition } : a))({ ...form });
    const method = form.method || 'invoice';
    const days = this.deliveryDays;
    // The day the confirmation, the status and the mail will say: the later of the requested day and the earliest one.
    const expected = days && expectedDelivery(form.date || null, days);
    return html`<div class="summary" part="summary">
      <section aria-labelledby="sum-delivery">
        <h3 id="sum-delivery">${t.checkoutStep('delivery')} <button type="button" class="link edit-delivery" @click=${() => this.goTo('delivery')}>${t.edit}</button></h3>
        ${address ? this.renderAddress(address as SavedAddress['address']) : nothing}
        <dl>
          ${form.date ? html`<div><dt>${t.requestedDeliveryDate}</dt><dd>${this.day(form.date)}</dd></div>` : nothing}
          ${expected ? html`<div class="expected"><dt>${t.promisedDelivery}</dt><dd>${this.day(expected)}</dd></div>` : nothing}
          ${form.po.trim() ? html`<div><dt>${t.purchaseOrderNumber}</dt><dd>${form.po}</dd></div>` : nothing}
          ${form.costCenter.trim() ? html`<div><dt>${t.costCenter}</dt><dd>${form.costCenter}</dd></div>` : nothing}
          ${form.comment.trim() ? html`<div><dt>${t.comment}</dt><dd>${form.comment}</dd></div>` : nothing}
        </dl>
      </section>
      <section aria-labelledby="sum-payment">
        <h3 id="sum-payment">${t.checkoutStep('payment')} <button type="button" class="link edit-payment" @click=${() => this.goTo('payment')}>${t.edit}</button></h3>
        <p>${t.paymentName(method)}${method === 'sepa_debit' ? html` · <span class="mono">${formatIban(form.iban)}</span>` : nothing}</p>
        ${method === 'invoice' && options.credit ? html`<p class="hint">${t.creditRemaining(this.money(options.credit.remaining))}</p>` : nothing}
        ${method === 'prepayment' ? html`<p class="hint">${t.prepaymentHint}</p>` : nothing}
      </section>
    </div>`;
  }

  private driftName(sku: string): string {
    const lang = this.currentLang;
    const line = this.drift?.after?.lines.find((l) => l.sku === sku) ?? this.drift?.before?.lines.find((l) => l.sku === sku);
    const name = line?.product?.name[lang];
    return name ? `${name} (${sku})` : sku;
  }

  /** A drift's before/after for people: a day formatted, an amount of money formatted, else as sent. */
  private driftValue(value: string | null): string {
    if (value === null || value === '') return this.t.noDate;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return this.day(value);
    const money = /^(-?\d+) ([A-Z]{3})$/.exec(value);
    if (money) return this.money({ amount: Number(money[1]), currency: money[2]! });
    try {
      const parsed = JSON.parse(value) as unknown;
      if (parsed && typeof parsed === 'object' && 'amount' in parsed && 'currency' in parsed) return this.money(parsed as Money);
    } catch {
      // not JSON
    }
    return value;
  }

  private renderDrift() {
    const drift = this.drift;
    if (!drift) return nothing;
    const t = this.t;
    return html`<div class="drift" part="drift" role="alert">
      <p tabindex="-1" data-focus="drift"><strong>${t.cartChanged}</strong></p>
      <ul>
        ${drift.changes.map(
          (c) => html`<li data-kind=${c.kind} data-sku=${c.sku}>${t.cartDrift(c.kind, this.driftName(c.sku), this.driftValue(c.before), this.driftValue(c.after))}</li>`,
        )}
      </ul>
      <button type="button" class="primary update-cart" ?disabled=${this.updating} @click=${this.updateCart}>${t.updateCart}</button>
    </div>`;
  }

  private renderPlaceError() {
    const error = this.placeError;
    if (!error) return nothing;
    return html`<div class="error" part="error" role="alert" data-kind=${error.kind}>
      <span tabindex="-1" data-focus="place-error">${error.message}</span>
      ${error.kind === 'uncertain' ? html`<button type="button" class="retry" ?disabled=${this.placing} @click=${this.place}>${this.t.retry}</button>` : nothing}
    </div>`;
  }

  private renderReview(options: CheckoutOptions, cart: Cart) {
    const t = this.t;
    const problems = cart.lines.some((l) => l.issues.length);
    const pending = this.cart.state.pending > 0;
    const blocked = this.placing || pending || problems || Boolean(this.drift) || this.updating;
    return html`<div class="step" part="step">
      ${this.stepHeading(t.checkoutStep('review'))}
      ${this.renderSummary(options)}
      <kontor-cart
        part="cart"
        exportparts="base:cart-base, line:cart-line, totals:cart-totals, availability:cart-availability"
        readonly
        destination=${this.country}
        heading-level=${Math.min(6, this.headingLevel + 1)}
      ></kontor-cart>
      ${this.renderDrift()}
      ${this.renderPlaceError()}
      ${problems ? html`<p class="error" part="error" role="alert">${t.cartNotOrderable}</p>` : nothing}
      <div class="buttons">
        <button type="button" class="back" ?disabled=${this.placing} @click=${() => this.goTo('payment')}>${t.back}</button>
        ${this.placeError?.kind === 'uncertain'
          ? nothing
          : html`<button type="button" class="primary place" part="place" ?disabled=${blocked} aria-describedby="place-total" @click=${this.place}>
              ${this.placing ? t.placing : t.placeOrder}
            </button>`}
      </div>
      <p class="hint total" id="place-total">${t.grossTotal}: ${this.money(cart.totals.gross)}</p>
    </div>`;
  }

  private renderConfirmation(order: Order) {
    const t = this.t;
    const pct = (rate: number) => new Intl.NumberFormat(t.$locale, { style: 'percent', maximumFractionDigits: 2 }).format(rate / 10_000);
    const bank = order.payment.bankDetails;
    return html`<div class="confirmation" part="confirmation">
      ${this.stepHeading(t.orderPlaced, 'confirmation-title')}
      <p class="number-label">${t.orderNumber}</p>
      <p class="number" part="order-number" tabindex="-1" data-focus="number">${order.number}</p>
      ${order.payment.method === 'prepayment' && bank
        ? html`<div class="transfer">
            <p>${t.transferRequest(this.money(order.totals.gross), order.number)}</p>
            ${this.renderBankDetails(bank, bank.reference || order.number)}
          </div>`
        : nothing}
      ${this.cart.state.cart?.lines.length
        ? html`<div class="buttons"><button type="button" class="again" @click=${this.startOver}>${t.checkoutAgain}</button></div>`
        : nothing}
      <div class="summary" part="summary">
        <section aria-labelledby="conf-delivery">
          <h3 id="conf-delivery">${t.deliveryAddress}</h3>
          ${this.renderAddress(order.deliveryAddress)}
          <dl>
            ${order.requestedDeliveryDate ? html`<div><dt>${t.requestedDeliveryDate}</dt><dd>${this.day(order.requestedDeliveryDate)}</dd></div>` : nothing}
            <div><dt>${t.promisedDelivery}</dt><dd>${order.promisedDelivery ? this.day(order.promisedDelivery) : t.noDate}</dd></div>
            ${order.purchaseOrderNumber ? html`<div><dt>${t.purchaseOrderNumber}</dt><dd>${order.purchaseOrderNumber}</dd></div>` : nothing}
            ${order.costCenter ? html`<div><dt>${t.costCenter}</dt><dd>${order.costCenter}</dd></div>` : nothing}
            ${order.comment ? html`<div class="comment"><dt>${t.comment}</dt><dd>${order.comment}</dd></div>` : nothing}
          </dl>
        </section>
        <section aria-labelledby="conf-payment">
          <h3 id="conf-payment">${t.paymentMethod}</h3>
          <p>${t.paymentName(order.payment.method)}${order.payment.ibanMasked ? html` · <span class="mono">${order.payment.ibanMasked}</span>` : nothing}</p>
          ${order.payment.mandateReference ? html`<p>${t.mandateReference}: <span class="mono">${order.payment.mandateReference}</span></p>` : nothing}
        </section>
        <section aria-labelledby="conf-totals">
          <h3 id="conf-totals">${t.orderTotals}</h3>
          <dl class="totals">
            <div><dt>${t.linesOrdered}</dt><dd>${order.lineCount.toLocaleString(t.$locale)}</dd></div>
            <div><dt>${t.netTotal}</dt><dd>${this.money(order.totals.net)}</dd></div>
            ${order.totals.taxes.map((tax) => html`<div><dt>${t.vat(pct(tax.rate))}</dt><dd>${this.money(tax.tax)}</dd></div>`)}
            <div class="gross"><dt>${t.grossTotal}</dt><dd>${this.money(order.totals.gross)}</dd></div>
          </dl>
        </section>
      </div>
      ${this.renderOrderedLines(order)}
    </div>`;
  }

  private renderOrderedLine(line: OrderLine) {
    const t = this.t;
    return html`<tr data-sku=${line.sku}>
      <td><span class="name">${line.name[this.currentLang] || line.name.de}</span><br /><span class="muted">${t.sku} <span class="mono">${line.sku}</span></span></td>
      <td class="num">${line.quantity.toLocaleString(t.$locale)} ${t.unit(line.unit, line.quantity)}</td>
      <td class="num">${this.money(line.net)}</td>
    </tr>`;
  }

  /** The confirmation's lines: name and SKU, quantity, line total (net, as the cart shows it). */
  private renderOrderedLines(order: Order) {
    const t = this.t;
    const lines = this.allLines ? order.lines : order.lines.slice(0, FIRST_LINES);
    return html`<section class="lines" part="lines" aria-labelledby="conf-lines">
      <h3 id="conf-lines">${t.linesOrdered} <span class="muted">(${t.lineCount(order.lineCount)})</span></h3>
      <table aria-labelledby="conf-lines">
        <thead>
          <tr>
            <th scope="col">${t.item}</th>
            <th scope="col" class="num">${t.quantity}</th>
            <th scope="col" class="num">${t.total}</th>
          </tr>
        </thead>
        <tbody>
          ${lines.map((line) => this.renderOrderedLine(line))}
        </tbody>
      </table>
      ${lines.length < order.lines.length
        ? html`<button type="button" class="link all-lines" @click=${() => (this.allLines = true)}>${t.showAllLines(order.lines.length)}</button>`
        : nothing}
    </section>`;
  }

  private renderSteps() {
    const t = this.t;
    const current = STEPS.indexOf(this.step);
    return html`<ol class="steps" part="steps" aria-label=${t.checkoutSteps}>
      ${STEPS.map(
        (s, i) => html`<li aria-current=${s === this.step ? 'step' : nothing} data-done=${i < current || this.step === 'confirmation' ? 'true' : nothing}>
          <span class="visually-hidden">${t.stepOf(i + 1, STEPS.length)}:</span> ${t.checkoutStep(s)}
        </li>`,
      )}
    </ol>`;
  }

  override render() {
    const t = this.t;
    const { clientError, state } = this.cart;
    const cart = state.cart;
    const loading = state.status === 'idle' || state.status === 'loading';
    const error = clientError ?? (state.status === 'error' ? state.error : null) ?? this.optionsError;
    let body: unknown;
    if (this.step === 'confirmation' && this.order) body = this.renderConfirmation(this.order);
    else if (error)
      body = html`<div class="error" part="error" role="alert">
        <span>${t.errorTitle} ${this.errorText(error)}</span>
        ${clientError
          ? nothing
          : html`<button
              type="button"
              @click=${() => {
                this.optionsKey = undefined;
                this.optionsError = undefined;
                void this.cart.store?.refresh().catch(() => undefined);
              }}
            >
              ${t.retry}
            </button>`}
      </div>`;
    else if (loading || (cart?.lines.length && !this.options)) body = html`<p class="muted loading">${t.loading}</p>`;
    else if (!cart?.lines.length) body = html`<p class="empty" part="empty">${t.nothingToOrder}</p>`;
    else if (this.step === 'delivery') body = this.renderDelivery(this.options!);
    else if (this.step === 'payment') body = this.renderPayment(this.options!);
    else body = this.renderReview(this.options!, cart);
    return html`<section class="base" part="base" aria-label=${t.checkout} aria-busy=${loading || this.placing ? 'true' : 'false'}>
      ${this.renderSteps()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${body}
    </section>`;
  }
}
