import type { ErrorIssue, KontorError } from '@kontor/core/errors';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CartController } from '../../internal/cart-controller.js';
import { componentStyles } from '../../internal/component-styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import { styles } from './add-to-cart.styles.js';
import { addToCart, common } from '../../translations/slices.js';
import { strings, type StringsOf } from '../../translations/strings.js';

const addToCartStrings = strings(common, addToCart);

/**
 * @summary A button that puts an article into the page's cart, for any product page.
 * @tag kontor-add-to-cart
 * @event kontor-cart-change - The server accepted the line. detail: `{ cart, effects }` (a merge shows `from > 0`).
 * @event kontor-error - Adding failed (the cart is unchanged). detail: `{ error }`.
 * @csspart base - The wrapper.
 * @csspart button - The add button.
 * @csspart status - The "added" confirmation.
 * @csspart error - The reason it was not added.
 * @csspart suggestion - A button that adds a suggested quantity or the replacement article instead.
 * @cssproperty --add-to-cart-background - Button background.
 * @cssproperty --add-to-cart-color - Button text colour.
 *
 * @example
 * ```html
 * <kontor-add-to-cart sku="NYM-J-3x1.5" quantity="100"></kontor-add-to-cart>
 * ```
 */
export class KontorAddToCart extends KontorElement<StringsOf<typeof addToCartStrings>> {
  static override strings = addToCartStrings;
  static override styles = [componentStyles, styles];

  private readonly cart = new CartController(this, () => this.resolveClient());

  /** Article number to add. */
  @property({ reflect: true }) sku = '';

  /** How many to add; the product's rules are checked by the server. */
  @property({ type: Number }) quantity = 1;

  /** Button text; default "In den Warenkorb" / "Add to cart". */
  @property() label?: string;

  /** What is added, for screen readers (e.g. the product name); default the SKU. */
  @property({ attribute: 'item-name' }) itemName?: string;

  @state() private busy = false;
  @state() private message = '';
  @state() private error?: KontorError;
  /** What the shown message or error is about: once `sku` or `quantity` differ, it is stale and goes. */
  private shownFor = '';

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if ((changed.has('sku') || changed.has('quantity')) && this.shownFor && this.shownFor !== `${this.sku}|${this.quantity}`) {
      this.message = '';
      this.error = undefined;
      this.shownFor = '';
    }
  }

  /** Adds `quantity` of `sku` to the cart. Resolves `false` when the server refused (see the error state). */
  async add(sku = this.sku, quantity = this.quantity): Promise<boolean> {
    const store = this.cart.store;
    if (!store) {
      this.error = this.reportError(this.cart.clientError ?? new Error('No cart store'));
      return false;
    }
    if (this.busy) return false;
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
          : html`<button type="button" part="suggestion" @click=${() => this.add(s, this.quantity)}>${t.useReplacement(s)}</button>`,
      )}
    </div>`;
  }

  override render() {
    const t = this.t;
    const label = this.busy ? t.adding : (this.label ?? t.addToCart);
    // The item in the name by aria-label: a visually hidden span is positioned, so Chrome put a space before its colon.
    // Not disabled while busy: a disabled button drops the focus to the page.
    return html`<div class="base" part="base">
      <button
        type="button"
        part="button"
        class="add"
        aria-label="${label}: ${this.itemName ?? this.sku}"
        aria-busy=${this.busy ? 'true' : 'false'}
        aria-disabled=${this.busy ? 'true' : 'false'}
        ?disabled=${!this.sku}
        @click=${() => void this.add()}
      >
        ${label}
      </button>
      <span class="status" part="status" role="status">${this.message}</span>
      ${this.error ? this.renderError(this.error) : nothing}
    </div>`;
  }
}
