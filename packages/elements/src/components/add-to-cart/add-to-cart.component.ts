import { cartChangeRules } from '@kontor/core/cart/cart.logic.js';
import type { ErrorIssue, KontorError } from '@kontor/core/errors';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CartController } from '../../internal/cart-controller.js';
import { componentStyles } from '../../internal/component-styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import type { KontorQuantityChangeEvent } from '../../events/kontor-quantity-change.js';
import { styles } from './add-to-cart.styles.js';
import { addToCart } from '../../translations/slices/addToCart.js';
import { common } from '../../translations/slices/common.js';
import { strings, type StringsOf } from '../../translations/strings.js';

const addToCartStrings = strings(common, addToCart);

/** What `for` may point to: a `<kontor-quantity>` (typed loosely, so this element does not pull the quantity element in). */
interface QuantityLike extends Element {
  value?: unknown;
  valid?: unknown;
}

/**
 * @summary A button that puts an article into the page's cart, for any product page.
 * @tag kontor-add-to-cart
 * @event kontor-cart-change - The server accepted the line. detail: `{ cart, effects }` (a merge shows `from > 0`).
 * @event kontor-error - Adding failed (the cart is unchanged). detail: `{ error }`.
 * @csspart base - The wrapper.
 * @csspart button - The add button.
 * @csspart status - The "added" confirmation.
 * @csspart error - The reason it was not added (also: the linked quantity breaks the rules).
 * @csspart suggestion - A button that adds a suggested quantity or the replacement article instead.
 * @cssproperty --add-to-cart-background - Button background.
 * @cssproperty --add-to-cart-color - Button text colour.
 *
 * @example
 * ```html
 * <kontor-add-to-cart sku="NYM-J-3x1.5" quantity="100"></kontor-add-to-cart>
 * <kontor-quantity id="qty-nym" min="50" step="50"></kontor-quantity>
 * <kontor-add-to-cart sku="NYM-J-3x1.5" for="qty-nym"></kontor-add-to-cart>
 * ```
 */
export class KontorAddToCart extends KontorElement<StringsOf<typeof addToCartStrings>> {
  static override strings = addToCartStrings;
  static override styles = [componentStyles, styles];

  private readonly cart = new CartController(this, () => this.resolveClient(), cartChangeRules);
  private linkRoot?: Node;

  /** Article number to add. */
  @property({ reflect: true }) sku = '';

  /** How many to add, unless `for` links a quantity input; the product's rules are checked by the server. */
  @property({ type: Number }) quantity = 1;

  /**
   * Id of a `<kontor-quantity>` in the same document or shadow root: adds the quantity committed
   * there, and nothing while that quantity breaks the rules (the button says so).
   */
  @property({ attribute: 'for' }) htmlFor?: string;

  /** Button text; default "In den Warenkorb" / "Add to cart". */
  @property() label?: string;

  /** What is added, for screen readers (e.g. the product name); default the SKU. */
  @property({ attribute: 'item-name' }) itemName?: string;

  @state() private busy = false;
  @state() private message = '';
  @state() private error?: KontorError;
  /** The buyer pressed the button while the linked quantity broke the rules: the reason is said aloud. */
  @state() private refused = false;
  /** What the shown message or error is about: once `sku` or the quantity differ, it is stale and goes. */
  private shownFor = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.linkRoot = this.getRootNode();
    this.linkRoot.addEventListener('kontor-quantity-change', this.onQuantityChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.linkRoot?.removeEventListener('kontor-quantity-change', this.onQuantityChange);
    this.linkRoot = undefined;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('sku') || changed.has('quantity') || changed.has('htmlFor')) this.dropStale();
  }

  /** The quantity added: the linked input's, else `quantity`. */
  get effectiveQuantity(): number {
    const linked = this.linked();
    return linked && typeof linked.value === 'number' ? linked.value : this.quantity;
  }

  /** False while the linked `<kontor-quantity>` holds a quantity that breaks the rules: then nothing is added. */
  get quantityValid(): boolean {
    return this.linked()?.valid !== false;
  }

  private linked(): QuantityLike | null {
    const root = this.getRootNode() as Document | ShadowRoot;
    return this.htmlFor && typeof root.getElementById === 'function' ? root.getElementById(this.htmlFor) : null;
  }

  /** Drops the confirmation or error once it is about another article or quantity. */
  private dropStale(): void {
    if (this.shownFor && this.shownFor !== `${this.sku}|${this.effectiveQuantity}`) {
      this.message = '';
      this.error = undefined;
      this.shownFor = '';
    }
  }

  private readonly onQuantityChange = (event: Event): void => {
    if (!this.htmlFor || (event.target as Element | null)?.id !== this.htmlFor) return;
    this.dropStale();
    if ((event as KontorQuantityChangeEvent).detail.valid) this.refused = false;
    this.requestUpdate();
  };

  /**
   * Adds `quantity` of `sku` to the cart; without `quantity`, the linked input's (else the `quantity`
   * property). Resolves `false` when nothing was added: the linked quantity breaks the rules, or the
   * server refused (see the error state).
   */
  async add(sku = this.sku, quantity?: number): Promise<boolean> {
    const store = this.cart.store;
    if (!store) {
      this.error = this.reportError(this.cart.clientError ?? new Error('No cart store'));
      return false;
    }
    if (this.busy) return false;
    if (quantity === undefined) {
      if (!this.quantityValid) {
        // The input shows what is wrong with its quantity; the button says why it added nothing.
        this.message = '';
        this.error = undefined;
        this.refused = true;
        return false;
      }
      quantity = this.effectiveQuantity;
    }
    this.refused = false;
    this.busy = true;
    this.error = undefined;
    this.message = '';
    this.shownFor = `${sku}|${quantity}`;
    try {
      const cart = await store.change([{ op: 'add', sku, quantity }]);
      const effects = store.$state.get().lastEffects;
      const effect = effects.find((e) => e.sku === sku);
      const fmt = new Intl.NumberFormat(this.t.$locale);
      this.message = effect && effect.from > 0 ? this.t.addedMerged(fmt.format(quantity), fmt.format(effect.to)) : this.t.added(fmt.format(quantity));
      this.emit('kontor-cart-change', { cart, effects });
      return true;
    } catch (error) {
      this.error = this.reportError(error);
      // The store keeps a refused change as its error too; this element shows it, so the cart need not.
      store.dismissError();
      return false;
    } finally {
      this.busy = false;
    }
  }

  private renderError(error: KontorError) {
    const issue: ErrorIssue | undefined = error.issues[0];
    const t = this.t;
    const fmt = new Intl.NumberFormat(t.$locale);
    return html`<div class="error-text" part="error" role="alert">
      <span>${issue?.message ?? this.errorText(error)}</span>
      ${(issue?.suggestions ?? []).slice(0, 3).map((s) =>
        typeof s === 'number'
          ? html`<button type="button" part="suggestion" @click=${() => this.add(this.sku, s).then((ok) => ok && (this.quantity = s))}>
              ${t.useQuantity(fmt.format(s))}
            </button>`
          : html`<button type="button" part="suggestion" @click=${() => this.add(s, this.effectiveQuantity)}>${t.useReplacement(s)}</button>`,
      )}
    </div>`;
  }

  override render() {
    const t = this.t;
    const label = this.busy ? t.adding : (this.label ?? t.addToCart);
    const invalid = !this.quantityValid;
    // The item in the name by aria-label: a visually hidden span is positioned, so Chrome put a space before its colon.
    // Not disabled while busy or while the linked quantity is invalid: a disabled button drops the focus to the
    // page and cannot say why; this one is marked disabled, described by the reason, and says it when pressed.
    return html`<div class="base" part="base">
      <button
        type="button"
        part="button"
        class="add"
        aria-label="${label}: ${this.itemName ?? this.sku}"
        aria-busy=${this.busy ? 'true' : 'false'}
        aria-disabled=${this.busy || invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'why' : nothing}
        ?disabled=${!this.sku}
        @click=${() => void this.add()}
      >
        ${label}
      </button>
      <span class="status" part="status" role="status">${this.message}</span>
      ${invalid
        ? this.refused
          ? html`<div class="error-text" part="error" role="alert" id="why">${t.invalidQuantityFirst}</div>`
          : html`<span class="visually-hidden" id="why">${t.invalidQuantityFirst}</span>`
        : this.error
          ? this.renderError(this.error)
          : nothing}
    </div>`;
  }
}
