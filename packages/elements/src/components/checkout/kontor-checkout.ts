import { KontorCheckout } from './checkout.component.js';
// The review shows the cart read-only: registering it here keeps this entry usable alone.
import '../cart/kontor-cart.js';

export { KontorCheckout };
export default KontorCheckout;

customElements.define('kontor-checkout', KontorCheckout);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-checkout': KontorCheckout;
  }
}
