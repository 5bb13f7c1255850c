import { KontorCheckout } from './checkout.component.js';
// The review shows the cart read-only: the element loads and registers <kontor-cart> itself, on
// demand (see loadCart in checkout.component.ts), so this entry stays usable alone.

export { KontorCheckout };
export default KontorCheckout;

customElements.define('kontor-checkout', KontorCheckout);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-checkout': KontorCheckout;
  }
}
