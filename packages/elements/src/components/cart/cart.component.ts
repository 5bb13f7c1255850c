import type { Cart, CartChange, CartEvent, CartLine, CartSummary, Colleague, HandOff } from '@kontor/core/cart';
import { cartChangeRules } from '@kontor/core/cart/cart.logic.js';
import type { Channel } from '@kontor/core/identity';
import { supportsAdoptingStyleSheets } from 'lit';
import type { KontorError, Lang } from '@kontor/core/errors';
import { isKontorError } from '@kontor/core/errors/kontor-error.js';
import { formatMoney } from '@kontor/core/money/money.logic.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { CartController } from '../../internal/cart-controller.js';
import type { PromisesController } from '../availability/availability.controller.js';
import type * as AvailabilityModule from './cart.availability.js';
import { componentStyles } from '../../internal/component-styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import type * as ManageModule from './cart.manage.js';
import { styles } from './cart.styles.js';
import { availability } from '../../translations/slices/availability.js';
import { cart } from '../../translations/slices/cart.js';
import { common } from '../../translations/slices/common.js';
import { totals } from '../../translations/slices/totals.js';
import { strings, type StringsOf } from '../../translations/strings.js';

/** Rows rendered in the first frame; the rest follow in chunks, so a 1,000-line cart paints at once. */
const FIRST_CHUNK = 40;
const CHUNK = 120;
/** Rows that re-render together (see renderRows). */
const GROUP = 40;
const promiseSpan = (part: string, className: string, tone: string | typeof nothing, text: string) =>
  html`<span class=${className} part=${part} data-tone=${tone}>${text}</span>`;
type Manage = typeof ManageModule;
type Availability = typeof AvailabilityModule;
/** The lines' delivery promises (cart.availability.ts), loaded on demand when a cart that shows them connects. */
let availabilityLoading: Promise<Availability> | undefined;
const loadAvailability = (): Promise<Availability> =>
  (availabilityLoading ??= import('./cart.availability.js').catch((error: unknown) => {
    availabilityLoading = undefined; // a failed fetch is tried again with "retry"
    throw error;
  }));
/** The dialogs and the history (cart.manage.ts), loaded on demand: on the first pointer or focus in the actions, or when opened. */
let manageLoading: Promise<Manage> | undefined;
const loadManage = (): Promise<Manage> =>
  (manageLoading ??= import('./cart.manage.js').catch((error: unknown) => {
    manageLoading = undefined; // a failed fetch is tried again on the next use
    throw error;
  }));

const cartStrings = strings(common, totals, cart, availability);

/**
 * @summary The buyer's cart: lines with quantity rules and tier prices, totals with VAT per rate, saved carts, hand-off to a colleague or another channel.
 * @tag kontor-cart
 * @event kontor-cart-change - The server accepted a change made here. detail: `{ cart, effects }`.
 * @event kontor-cart-handoff - The cart was handed to a colleague or a hand-off code was created. detail: `{ handOff }`.
 * @event kontor-cart-claim - A handed-off cart was claimed here (`handoff-code` or the claim form); it is the current cart now. detail: `{ cart, code }`.
 * @event kontor-standing-order-request - With `standing-orders`: the buyer pressed "Regelmäßig bestellen" (the page opens `<kontor-standing-order from-cart>`). detail: `{ cartId }`.
 * @event kontor-error - Loading or changing the cart failed. detail: `{ error }`.
 * @csspart base - The wrapper.
 * @csspart header - Title, saved-cart switcher and actions.
 * @csspart title - The cart's name.
 * @csspart actions - The action buttons.
 * @csspart switcher - The saved-cart select.
 * @csspart table - The table of lines.
 * @csspart line - One line (row).
 * @csspart name - A line's product name.
 * @csspart meta - SKU and unit of a line.
 * @csspart quantity - A line's `<kontor-quantity>`.
 * @csspart unit-price - A line's unit price at its quantity.
 * @csspart line-total - A line's net total.
 * @csspart remove - A line's remove button.
 * @csspart availability - A line's delivery promise (text; also named by its tone: `available`, `partial`, `later`, `unavailable`, `error`).
 * @csspart availability-error - Why no delivery promises could be shown, with a retry button.
 * @csspart issue - A line's problem (discontinued, quantity off the rules, …).
 * @csspart totals - Net, VAT per rate and gross; a named group that takes the focus from the skip button.
 * @csspart skip - The skip buttons, shown on focus: "skip to totals" above the lines, "back to the top" below the totals.
 * @csspart empty - The empty state.
 * @csspart error - The error banner.
 * @csspart claim - The form to continue a handed-off cart.
 * @csspart dialog - The name (save as, rename) and hand-off dialogs.
 * @csspart history - The history disclosure.
 * @cssproperty --cart-border-color - Row separators.
 * @cssproperty --cart-row-padding - Vertical padding of a line.
 * @cssproperty --cart-issue-color - Colour of a line's problem text.
 * @cssproperty --cart-total-font-size - Size of the gross total.
 * @cssproperty --cart-availability-available-color - Icon colour of a line whose quantity ships from stock.
 * @cssproperty --cart-availability-later-color - Icon colour of a line that ships (partly) later.
 * @cssproperty --cart-availability-unavailable-color - Icon colour of a line that cannot (all) be delivered.
 *
 * @example
 * ```html
 * <kontor-shop endpoint="https://shop.example.com" token="…">
 *   <kontor-cart handoff-url="https://portal.example.com/cart?code={code}"></kontor-cart>
 * </kontor-shop>
 * ```
 */
export class KontorCart extends KontorElement<StringsOf<typeof cartStrings>> {
  static override strings = cartStrings;
  static override styles = [componentStyles, styles];

  private readonly cart = new CartController(this, () => (this.preview ? null : this.resolveClient()), cartChangeRules);

  /**
   * The promise of every line from one batched answer, rendered as text in the row: a
   * `<kontor-availability>` per line would cost a custom element, a shadow root and a controller
   * each, 1,000 of them in a big cart.
   */
  private promises?: PromisesController;
  /** The promises' code, once loaded (rows re-render with it). */
  @state() private availability?: Availability;
  /** Why the promises' code did not load, if it did not. */
  @state() private availabilityLoadError?: KontorError;
  private pendingAvailability?: Promise<unknown>;

  private readonly promiseSource = () => {
    const cart = this.cart.state.cart;
    const client = this.cart.store ? this.resolveClient() : null;
    if (this.preview || this.noAvailability || !cart || !client || isKontorError(client)) return null;
    // Rows first: a big cart asks once its rows are all rendered, so the answer does not compete with the chunks.
    const defer = cart.lines.length > this.renderLimit;
    return { client, destination: this.destination || 'DE', items: cart.lines, refreshSeconds: this.availabilityRefreshSeconds, defer };
  };

  /** Loads the promises' code (once per page) and starts asking; the rows show "checking" until then. */
  private ensureAvailability(): void {
    if (this.availability || this.pendingAvailability) return;
    this.availabilityLoadError = undefined;
    const load = loadAvailability().then(
      (module) => {
        this.promises ??= new module.PromisesController(this, this.promiseSource);
        this.availability = module;
      },
      (error: unknown) => {
        this.availabilityLoadError = this.reportError(error);
      },
    );
    this.pendingAvailability = load;
    void load.finally(() => {
      if (this.pendingAvailability === load) this.pendingAvailability = undefined;
    });
  }

  /**
   * Presentational mode: shows exactly this cart, read-only, and fetches nothing. For previews,
   * stories and pages that hold a cart themselves. Leave unset to show the buyer's cart.
   */
  @property({ attribute: false }) preview?: Cart;

  /** Shows the cart without any way to change it (e.g. in a checkout summary). */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The same flag as `readonly`, by the name Angular binds `[readonly]` to (as on `<input>`). */
  get readOnly(): boolean {
    return this.readonly;
  }
  set readOnly(value: boolean) {
    this.readonly = value;
  }

  /**
   * Where the other channel continues a handed-off cart; `{code}` is replaced by the code,
   * e.g. `https://portal.example.com/cart?code={code}`. Without it only the code is shown.
   */
  @property({ attribute: 'handoff-url' }) handoffUrl?: string;

  /** A hand-off code to claim as soon as the cart loads (e.g. from the page's URL). */
  @property({ attribute: 'handoff-code' }) handoffCode?: string;

  /** Destination country of the lines' delivery promises (ISO 3166-1, e.g. `DE`). */
  @property() destination = 'DE';

  /** Hides the lines' delivery promises. */
  @property({ type: Boolean, attribute: 'no-availability', reflect: true }) noAvailability = false;

  /** How often (seconds) the lines' delivery promises are asked again; 0: never. */
  @property({ type: Number, attribute: 'availability-refresh-seconds' }) availabilityRefreshSeconds = 60;

  /** Level of the cart's title for the page's outline (1–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Offers "Regelmäßig bestellen", which fires `kontor-standing-order-request` (for pages that embed `<kontor-standing-order>`). */
  @property({ type: Boolean, attribute: 'standing-orders', reflect: true }) standingOrders = false;

  @state() private renderLimit = FIRST_CHUNK;
  @state() private announcement = '';
  @state() private carts: CartSummary[] = [];
  @state() private colleagues: Colleague[] = [];
  @state() private handOffResult?: HandOff;
  @state() private dialogError?: KontorError;
  /** What the name dialog does: save a copy under a name, or rename the current cart. */
  @state() private nameMode: 'save-as' | 'rename' = 'save-as';
  @state() private history?: CartEvent[];
  @state() private claimError?: KontorError;
  @state() private busy = false;

  /** The dialogs and the history, once loaded. */
  @state() private manage?: Manage;
  private pendingManage?: Promise<unknown>;

  @query('dialog.save-as') private saveAsDialog?: HTMLDialogElement;
  @query('dialog.hand-off') private handOffDialog?: HTMLDialogElement;

  private chunkFrame = 0;
  private claimedCode?: string;
  private listedFor?: string;
  private focusAfterRemove: number | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.chunkFrame);
    this.chunkFrame = 0;
  }

  /** The cart shown now (server state plus changes on their way). */
  get value(): Cart | null {
    return this.preview ?? this.cart.state.cart;
  }

  private get shown() {
    return this.preview ? { ...this.cart.state, status: 'ready' as const, cart: this.preview, error: null, pending: 0 } : this.cart.state;
  }

  private get locked(): boolean {
    return this.readonly || Boolean(this.preview) || this.value?.status === 'ordered';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.preview && !this.noAvailability && !this.availabilityLoadError) this.ensureAvailability();
    const { store, state } = this.cart;
    if (store && this.handoffCode && this.handoffCode !== this.claimedCode && state.status !== 'idle' && state.status !== 'loading') {
      this.claimedCode = this.handoffCode;
      void this.claim(this.handoffCode);
    }
    const cart = state.cart;
    // The saved-cart switcher follows the current cart.
    const listKey = cart ? `${cart.id}:${cart.active}:${cart.name}` : 'none';
    if (store && !this.readonly && state.status === 'ready' && this.listedFor !== listKey) {
      this.listedFor = listKey;
      void store.list().then((carts) => (this.carts = carts), () => undefined);
    }
  }

  override updated(): void {
    const lines = this.value?.lines.length ?? 0;
    if (lines > this.renderLimit && !this.chunkFrame) {
      this.chunkFrame = requestAnimationFrame(() => {
        this.chunkFrame = 0;
        this.renderLimit += CHUNK;
      });
    }
    // The switcher shows the current cart: a select keeps the index the buyer chose, which after the
    // switch is another cart's option.
    const switcher = this.renderRoot.querySelector<HTMLSelectElement>('select[part=switcher]');
    if (switcher && this.value && switcher.value !== this.value.id) switcher.value = this.value.id;
    if (this.focusAfterRemove !== null) {
      const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('button.remove');
      const target = buttons[Math.min(this.focusAfterRemove, buttons.length - 1)];
      this.focusAfterRemove = null;
      (target ?? this.renderRoot.querySelector<HTMLElement>('.title'))?.focus();
    }
  }

  /** Applies changes through the page's cart store and announces the result. */
  private async apply(changes: CartChange[], announce: string): Promise<void> {
    const store = this.cart.store;
    if (!store) return;
    // Cleared while the change is on its way: the region never says the previous result again, and the
    // same text twice (the same line removed again) is still heard.
    this.announcement = '';
    try {
      const cart = await store.change(changes);
      this.announcement = announce;
      this.emit('kontor-cart-change', { cart, effects: store.$state.get().lastEffects });
    } catch (error) {
      // The store rolled back and holds the error; the banner shows it.
      this.reportError(error);
    }
  }

  private lineName(line: CartLine): string {
    return line.product?.name[this.lang_.lang] ?? line.sku;
  }

  private onQuantity(line: CartLine, event: CustomEvent<{ quantity: number; valid: boolean }>): void {
    event.stopPropagation();
    const { quantity, valid } = event.detail;
    if (!valid || quantity === line.quantity) return;
    const fmt = this.numbers.format(quantity);
    void this.apply([{ op: 'set', sku: line.sku, quantity }], this.t.quantityChanged(this.lineName(line), fmt));
  }

  private onRemove(line: CartLine, index: number): void {
    this.focusAfterRemove = index;
    void this.apply([{ op: 'remove', sku: line.sku }], this.t.lineRemoved(this.lineName(line)));
  }

  private async claim(code: string): Promise<void> {
    const store = this.cart.store;
    if (!store) return;
    this.claimError = undefined;
    try {
      const cart = await store.claim(code);
      this.announcement = this.t.claimed(cart.name);
      this.emit('kontor-cart-claim', { cart, code });
    } catch (error) {
      this.claimError = this.reportError(error);
      // Said once, at the code field, in words about the code: not also as the cart's error.
      if (this.claimError.code === 'not_found' || this.claimError.code === 'validation') store.dismissError();
    }
  }

  private claimErrorText(error: KontorError): string {
    if (error.code === 'not_found') return this.t.claimNotFound;
    if (error.code === 'validation') return this.t.claimInvalid;
    return this.errorText(error);
  }

  private onClaimSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const code = String(new FormData(form).get('code') ?? '').trim();
    if (code) void this.claim(code).then(() => !this.claimError && form.reset());
  }

  private async onSwitch(event: Event): Promise<void> {
    const id = (event.target as HTMLSelectElement).value;
    if (!this.cart.store || id === this.value?.id) return;
    try {
      this.announcement = this.t.nowCurrent((await this.cart.store.switchTo(id)).name);
    } catch (error) {
      this.reportError(error);
    }
  }

  /** Loads the dialogs and the history (once per page), adopts their styles, renders them. */
  private ensureManage(): Promise<Manage | undefined> {
    if (this.manage) return Promise.resolve(this.manage);
    const load = loadManage().then(
      (manage) => {
        if (!this.manage) {
          this.manage = manage;
          const root = this.renderRoot as ShadowRoot;
          if (supportsAdoptingStyleSheets && manage.manageStyles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, manage.manageStyles.styleSheet];
          else root.appendChild(Object.assign(document.createElement('style'), { textContent: manage.manageStyles.cssText }));
        }
        return manage;
      },
      (error: unknown) => {
        this.reportError(error);
        return undefined;
      },
    );
    this.pendingManage = load;
    void load.finally(() => {
      if (this.pendingManage === load) this.pendingManage = undefined;
    });
    return load;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.pendingManage || this.pendingAvailability) {
      await (this.pendingManage ?? this.pendingAvailability);
      result = await super.getUpdateComplete();
    }
    return result;
  }

  private prefetchManage = (): void => void loadManage().catch(() => undefined);

  private async openNameDialog(mode: 'save-as' | 'rename'): Promise<void> {
    this.nameMode = mode;
    this.dialogError = undefined;
    if (!(await this.ensureManage())) return;
    await this.updateComplete;
    this.saveAsDialog?.showModal();
  }

  private async onSaveAs(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    const store = this.cart.store;
    if (!name || !store) return;
    this.busy = true;
    try {
      const rename = this.nameMode === 'rename';
      const saved = rename ? await store.rename(name) : await store.saveAs(name);
      this.saveAsDialog?.close();
      form.reset();
      this.announcement = rename ? this.t.renamed(saved.name) : this.t.savedAs(saved.name);
      this.listedFor = undefined;
      this.requestUpdate();
    } catch (error) {
      this.dialogError = this.reportError(error);
    } finally {
      this.busy = false;
    }
  }

  private async openHandOff(): Promise<void> {
    this.dialogError = undefined;
    this.handOffResult = undefined;
    if (!(await this.ensureManage())) return;
    await this.updateComplete;
    this.handOffDialog?.showModal();
    const client = this.resolveClient();
    if (isKontorError(client)) return;
    try {
      const me = this.value?.owner.userId;
      this.colleagues = (await client.cart.colleagues()).filter((c) => c.id !== me);
    } catch (error) {
      this.dialogError = this.reportError(error);
    }
  }

  private async onHandOff(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const store = this.cart.store;
    if (!store) return;
    this.busy = true;
    this.dialogError = undefined;
    try {
      const handOff =
        data.get('to') === 'colleague'
          ? await store.handOff({ to: 'colleague', userId: String(data.get('userId')) })
          : await store.handOff({ to: 'channel', channel: String(data.get('channel')) as Channel });
      this.handOffResult = handOff;
      this.emit('kontor-cart-handoff', { handOff });
      if (handOff.to === 'colleague') this.announcement = this.t.handedTo(handOff.owner.name);
    } catch (error) {
      this.dialogError = this.reportError(error);
    } finally {
      this.busy = false;
    }
  }

  private async onHistoryToggle(event: Event): Promise<void> {
    const details = event.target as HTMLDetailsElement;
    const client = this.resolveClient();
    const cart = this.value;
    if (!details.open || isKontorError(client) || !cart) return;
    void this.ensureManage();
    try {
      this.history = await client.cart.history(cart.id);
    } catch (error) {
      this.reportError(error);
    }
  }

  /**
   * The cart as CSV (Excel-ready, re-imports to the same lines with `<kontor-quick-order>`).
   * The writer loads on first use.
   */
  async toCsv(): Promise<string> {
    const cart = this.value;
    if (!cart) return '';
    const { cartToCsv } = await import('@kontor/core/cart/export.logic.js');
    return cartToCsv(cart, { lang: this.currentLang });
  }

  private async exportCsv(): Promise<void> {
    const cart = this.value;
    if (!cart) return;
    let csv: string;
    try {
      csv = await this.toCsv();
    } catch (error) {
      this.reportError(error);
      return;
    }
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${cart.name.replace(/[^\p{L}\p{N} ._-]+/gu, '_').trim() || 'cart'}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  private numberFormat?: { locale: string; format: Intl.NumberFormat };

  /** One number format per language: building one per row costs more than rendering the row. */
  private get numbers(): Intl.NumberFormat {
    const locale = this.t.$locale;
    if (this.numberFormat?.locale !== locale) this.numberFormat = { locale, format: new Intl.NumberFormat(locale) };
    return this.numberFormat.format;
  }

  private money(value: { amount: number; currency: string }, extraDigits = 0): string {
    return formatMoney(value, this.lang_.t.$locale, extraDigits);
  }

  private renderIssues(line: CartLine) {
    if (!line.issues.length) return nothing;
    const { t } = this.lang_;
    const fmt = this.numbers;
    return line.issues.map(
      (issue) => html`<div class="issue" part="issue">
        <span>${issue.message}</span>
        ${this.locked
          ? nothing
          : (issue.suggestions ?? []).map((s) =>
              typeof s === 'number'
                ? html`<button type="button" class="suggestion" @click=${() => this.apply([{ op: 'set', sku: line.sku, quantity: s }], t.quantityChanged(this.lineName(line), fmt.format(s)))}>
                    ${t.useQuantity(fmt.format(s))}
                  </button>`
                : html`<button
                    type="button"
                    class="suggestion"
                    @click=${() => this.apply([{ op: 'remove', sku: line.sku }, { op: 'add', sku: s, quantity: line.quantity }], t.useReplacement(s))}
                  >
                    ${t.useReplacement(s)}
                  </button>`,
            )}
      </div>`,
    );
  }

  /**
   * A line's promise, as text in the row. It follows its answer by itself (a directive), so
   * answers arriving for 1,000 lines do not re-render the row groups.
   */
  private renderPromise(line: CartLine, numbers: Intl.NumberFormat) {
    if (this.preview || this.noAvailability) return nothing;
    const { t } = this.lang_;
    const availability = this.availability;
    if (!availability || !this.promises) {
      return this.availabilityLoadError ? nothing : promiseSpan('availability', 'availability muted', nothing, t.availabilityChecking);
    }
    const { promiseOf, promiseText } = availability;
    return promiseOf(this.promises, line.sku, (answer, error) => {
      if (!answer || answer.quantity !== line.quantity) {
        return error ? nothing : promiseSpan('availability', 'availability muted', nothing, t.availabilityChecking);
      }
      const { text, tone } = promiseText(answer, t, numbers);
      // One template for "checking" and the answer: the answer only sets attributes and text.
      return promiseSpan(`availability ${tone}`, 'availability', tone, text);
    });
  }

  private renderLine(line: CartLine, index: number) {
    const { t, lang } = this.lang_;
    const product = line.product;
    const name = this.lineName(line);
    const unit = product ? t.unit(product.unit, line.quantity) : '';
    const pending = !product && !line.issues.length;
    const fmt = this.numbers;
    return html`<div class="line" role="row" part="line" data-sku=${line.sku} data-invalid=${line.issues.length ? 'true' : nothing}>
      <div role="cell" class="item">
        <span class="name" part="name">${name}</span>
        <span class="meta" part="meta">${t.sku} ${line.sku}${unit ? html` · ${unit}` : nothing}</span>
        ${this.renderPromise(line, fmt)}
        ${this.renderIssues(line)}
      </div>
      <div role="cell" class="qty">
        ${this.locked || !product
          ? html`<span>${fmt.format(line.quantity)} ${unit}</span>`
          : html`<kontor-quantity
              part="quantity"
              .rules=${product.quantityRules}
              .quantity=${line.quantity}
              unit=${product.unit}
              item-name=${name}
              lang=${lang}
              @kontor-quantity-change=${(e: CustomEvent<{ quantity: number; valid: boolean }>) => this.onQuantity(line, e)}
            ></kontor-quantity>`}
      </div>
      <div role="cell" class="num" part="unit-price">
        ${line.unitPrice && product
          ? html`${this.money(line.unitPrice, line.priceUnit && line.priceUnit > 1 ? 0 : 2)}${line.priceUnit && line.priceUnit > 1
              ? html`<span class="per"> / ${line.priceUnit} ${t.unit(product.unit, line.priceUnit)}</span>`
              : nothing}`
          : pending
            ? html`<span class="muted">${t.calculating}</span>`
            : product && !product.price
              ? html`<span class="muted">${t.priceOnRequest}</span>`
              : nothing}
      </div>
      <div role="cell" class="num total" part="line-total">${line.net ? this.money(line.net) : nothing}</div>
      ${this.locked
        ? nothing
        : html`<div role="cell" class="remove-cell">
            <button type="button" class="remove" part="remove" aria-label=${t.removeItem(name)} title=${t.remove} @click=${() => this.onRemove(line, index)}>
              <span aria-hidden="true">✕</span>
            </button>
          </div>`}
    </div>`;
  }

  /**
   * The rows rendered so far, in groups of {@link GROUP} that re-render only when one of their
   * lines (or the language, or read-only) changed: appending a chunk or changing one line leaves
   * every other group alone.
   */
  private renderRows(lines: readonly CartLine[]) {
    const shown = Math.min(lines.length, this.renderLimit);
    const groups: number[] = [];
    for (let start = 0; start < shown; start += GROUP) groups.push(start);
    const { lang } = this.lang_;
    const locked = this.locked;
    return repeat(
      groups,
      (start) => start,
      (start) => {
        const group = lines.slice(start, Math.min(start + GROUP, shown));
        return guard([lang, locked, this.availability, ...group], () => repeat(group, (l) => l.sku, (l, i) => this.renderLine(l, start + i)));
      },
    );
  }

  /** Why the lines show no delivery promises (the request failed, or its code did not load), with a retry. */
  private renderAvailabilityError(hasLines: boolean) {
    if (!hasLines || this.preview || this.noAvailability) return nothing;
    const t = this.t;
    const failed = this.promises?.error;
    const loadError = this.availabilityLoadError;
    if (!failed && !loadError) return nothing;
    const reason = failed && this.availability ? this.availability.requestErrorText(failed, t, this.errorText(failed)) : this.errorText((failed ?? loadError)!);
    const retry = () => (failed ? this.promises?.retry() : this.ensureAvailability());
    return html`<p class="availability-error" part="availability-error" role="alert">
      <span>${t.availabilityFailed} ${reason}</span>
      <button type="button" @click=${retry}>${t.retry}</button>
    </p>`;
  }

  private renderTotals(cart: Cart) {
    const t = this.t;
    const pct = (rate: number) => new Intl.NumberFormat(t.$locale, { style: 'percent', maximumFractionDigits: 2 }).format(rate / 10_000);
    const problems = cart.lines.filter((l) => l.issues.length).length;
    // A named group that takes the focus: the skip button above the lines lands here.
    return html`<div class="totals" part="totals" role="group" aria-label=${t.orderTotals} tabindex="-1" aria-live="polite">
      <dl>
        <div><dt>${t.netTotal}</dt><dd>${this.money(cart.totals.net)}</dd></div>
        ${cart.totals.taxes.map((tax) => html`<div><dt>${t.vat(pct(tax.rate))}</dt><dd>${this.money(tax.tax)}</dd></div>`)}
        <div class="gross"><dt>${t.grossTotal}</dt><dd>${this.money(cart.totals.gross)}</dd></div>
      </dl>
      ${problems ? html`<p class="issue" part="issue">${t.cartProblems(problems)}</p>` : nothing}
    </div>`;
  }

  /** A button, visible only while focused, that moves the focus to `to`: past the lines to the totals, or back to the title. */
  private renderSkip(label: string, to: string) {
    return this.locked
      ? nothing
      : html`<button type="button" class="skip" part="skip" @click=${() => this.renderRoot.querySelector<HTMLElement>(to)?.focus()}>${label}</button>`;
  }

  private renderHeader(cart: Cart | null) {
    const t = this.t;
    const others = this.carts.filter((c) => c.id !== cart?.id);
    return html`<div class="header" part="header">
      <div
        class="title"
        part="title"
        role="heading"
        aria-level=${this.headingLevel}
        tabindex="-1"
        aria-label="${cart ? `${cart.name}, ${t.lineCount(cart.lineCount)}` : t.cart}${this.locked ? `, ${t.readOnly}` : ''}"
      >
        ${cart ? cart.name : t.cart}
        ${cart ? html`<span class="count">${t.lineCount(cart.lineCount)}</span>` : nothing}
        ${this.locked ? html`<span class="badge">${t.readOnly}</span>` : nothing}
      </div>
      ${this.locked || !cart
        ? nothing
        : html`<div class="actions" part="actions" role="group" aria-label=${t.cartActions} @pointerenter=${this.prefetchManage} @focusin=${this.prefetchManage}>
            ${others.length
              ? html`<label class="switch">
                  <span class="visually-hidden">${t.savedCarts}</span>
                  <select part="switcher" @change=${this.onSwitch}>
                    <option value=${cart.id} selected>${cart.name} (${t.activeCart})</option>
                    <optgroup label=${t.savedCarts}>
                      ${others.map((c) => html`<option value=${c.id}>${c.name} · ${t.lineCount(c.lineCount)}</option>`)}
                    </optgroup>
                  </select>
                </label>`
              : nothing}
            <button type="button" class="save-as" @click=${() => this.openNameDialog('save-as')}>${t.saveAs}</button>
            <button type="button" class="rename" @click=${() => this.openNameDialog('rename')}>${t.rename}</button>
            <button type="button" class="hand-off" @click=${this.openHandOff}>${t.handOff}</button>
            <button type="button" class="export" ?disabled=${!cart.lines.length} @click=${this.exportCsv}>${t.exportCsv}</button>
            ${this.standingOrders && cart.lines.length
              ? html`<button type="button" class="order-regularly" @click=${() => this.emit('kontor-standing-order-request', { cartId: cart.id })}>${t.orderRegularly}</button>`
              : nothing}
          </div>`}
    </div>`;
  }

  private renderDialogs(cart: Cart) {
    const manage = this.manage;
    if (!manage) return nothing;
    const result = this.handOffResult;
    return manage.renderDialogs({
      lang: this.currentLang,
      t: this.t,
      cart,
      nameMode: this.nameMode,
      busy: this.busy,
      error: this.dialogError ? (this.dialogError.issues[0]?.message ?? this.errorText(this.dialogError)) : undefined,
      handOffResult: result,
      link: result?.code && this.handoffUrl ? this.handoffUrl.replace('{code}', encodeURIComponent(result.code)) : null,
      colleagues: this.colleagues,
      onSaveAs: this.onSaveAs,
      onHandOff: this.onHandOff,
      closeName: () => this.saveAsDialog?.close(),
      closeHandOff: () => this.handOffDialog?.close(),
    });
  }

  private renderHistory() {
    const t = this.t;
    return html`<details class="history" part="history" @toggle=${this.onHistoryToggle}>
      <summary>${t.history}</summary>
      ${this.history && this.manage ? this.manage.renderHistory(this.history, this.currentLang, t.$locale) : html`<p class="muted">${t.loading}</p>`}
    </details>`;
  }

  private renderClaim() {
    const t = this.t;
    return html`<form class="claim" part="claim" @submit=${this.onClaimSubmit}>
      <label>${t.claimTitle} <input name="code" autocomplete="off" spellcheck="false" placeholder="KH-XXXX-XXXX" maxlength="20" /></label>
      <button type="submit">${t.claim}</button>
      ${this.claimError ? html`<span class="issue" role="alert">${this.claimErrorText(this.claimError)}</span>` : nothing}
    </form>`;
  }

  /**
   * Language and strings of the current render. Resolving them walks the ancestors, so rows read
   * them from here instead of once each.
   */
  private lang_: { lang: Lang; t: StringsOf<typeof cartStrings> } = { lang: 'en', t: cartStrings.en };

  override render() {
    const t = this.t;
    this.lang_ = { lang: this.currentLang, t };
    const { clientError } = this.cart;
    const state = this.shown;
    const cart = state.cart;
    const error = clientError ?? state.error;
    const loading = state.status === 'idle' || state.status === 'loading';
    const lines = cart?.lines ?? [];
    // The live region is outside the section: its aria-busy goes back to false after every change, and a
    // screen reader then reads a region inside it again, still with the previous text.
    return html`<section class="base" part="base" aria-busy=${loading || state.pending > 0 ? 'true' : 'false'} aria-label=${cart?.name ?? t.cart}>
      ${this.renderHeader(cart)}
      ${error
        ? html`<div class="error" part="error" role="alert">
            <span>${t.errorTitle} ${error.issues[0]?.message ?? this.errorText(error)}</span>
            ${clientError
              ? nothing
              : state.status === 'error'
                ? html`<button type="button" @click=${() => this.cart.store?.refresh().catch(() => undefined)}>${t.retry}</button>`
                : html`<button type="button" @click=${() => this.cart.store?.dismissError()}>${t.close}</button>`}
          </div>`
        : nothing}
      ${this.renderAvailabilityError(lines.length > 0)}
      ${loading && !clientError
        ? html`<div class="skeleton" aria-hidden="true"><div></div><div></div><div></div></div>`
        : lines.length
          ? html`<div class="lines">
              ${this.renderSkip(t.skipToTotals, '.totals')}
              <div class="table" role="table" part="table" aria-label=${cart!.name} aria-rowcount=${lines.length + 1}>
                <div role="rowgroup">
                  <div class="line head" role="row">
                    <span role="columnheader">${t.item}</span>
                    <span role="columnheader">${t.quantity}</span>
                    <span role="columnheader" class="num">${t.unitPrice}</span>
                    <span role="columnheader" class="num">${t.total}</span>
                    ${this.locked ? nothing : html`<span role="columnheader"><span class="visually-hidden">${t.remove}</span></span>`}
                  </div>
                </div>
                <div role="rowgroup">${this.renderRows(lines)}</div>
              </div>
              ${this.renderTotals(cart!)} ${this.renderSkip(t.backToTop, '.title')}
            </div>`
          : state.status === 'error' || clientError
            ? nothing
            : html`<p class="empty" part="empty">${t.cartEmpty}</p>`}
      ${!this.locked && cart ? this.renderHistory() : nothing}
      ${!this.readonly && !this.preview && !clientError && state.status !== 'error' && !loading ? this.renderClaim() : nothing}
      ${!this.locked && cart ? this.renderDialogs(cart) : nothing}
    </section>
    <div class="visually-hidden" aria-live="polite">${this.announcement}</div>`;
  }
}
