import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { CartController } from '../../internal/cart-controller.js';
import { componentStyles } from '../../internal/component-styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import { styles } from './cart-count.styles.js';
import { cartCount } from '../../translations/slices/cartCount.js';
import { common } from '../../translations/slices/common.js';
import { strings, type StringsOf } from '../../translations/strings.js';

const cartCountStrings = strings(common, cartCount);

/**
 * @summary The number of lines in the page's cart, for a header; a link when `href` is set.
 * @tag kontor-cart-count
 * @csspart base - The link or wrapper.
 * @csspart label - The visible label.
 * @csspart badge - The number.
 * @cssproperty --cart-count-background - Badge background.
 * @cssproperty --cart-count-color - Badge text colour.
 * @cssproperty --cart-count-focus-ring-color - Focus ring of the link; default the text colour, which it inherits from where it sits (e.g. the header).
 *
 * @example
 * ```html
 * <kontor-cart-count href="/warenkorb"></kontor-cart-count>
 * ```
 */
export class KontorCartCount extends KontorElement<StringsOf<typeof cartCountStrings>> {
  static override strings = cartCountStrings;
  static override styles = [componentStyles, styles];

  private readonly cart = new CartController(this, () => this.resolveClient());

  /** Where the count links to (the cart page). */
  @property() href?: string;

  /** Visible text before the badge; default none (the accessible name is always "Warenkorb: n Positionen"). */
  @property() label?: string;

  /** The number of lines now. */
  get count(): number {
    return this.cart.state.cart?.lineCount ?? 0;
  }

  override render() {
    const count = this.count;
    const accessible = this.t.cartCountLabel(count);
    const inner = html`${this.label ? html`<span part="label">${this.label}</span>` : nothing}<span
        class="badge"
        part="badge"
        aria-hidden="true"
        data-count=${count}
        >${new Intl.NumberFormat(this.t.$locale).format(count)}</span
      ><span class="visually-hidden">${accessible}</span>`;
    // The live region is the element itself: a change of count is announced once, politely.
    return this.href
      ? html`<a class="base" part="base" href=${this.href} aria-live="polite">${inner}</a>`
      : html`<span class="base" part="base" role="status">${inner}</span>`;
  }
}
