import { KontorCart } from './cart.component.js';
// Each line uses a quantity input: registering it here keeps this entry usable alone.
import '../quantity/kontor-quantity.js';

export { KontorCart };
export default KontorCart;

customElements.define('kontor-cart', KontorCart);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-cart': KontorCart;
  }
}
