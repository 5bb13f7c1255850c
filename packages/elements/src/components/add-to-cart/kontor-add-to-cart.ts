import { KontorAddToCart } from './add-to-cart.component.js';

export { KontorAddToCart };
export default KontorAddToCart;

customElements.define('kontor-add-to-cart', KontorAddToCart);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-add-to-cart': KontorAddToCart;
  }
}
