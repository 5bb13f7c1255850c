import { KontorCartCount } from './cart-count.component.js';

export { KontorCartCount };
export default KontorCartCount;

customElements.define('kontor-cart-count', KontorCartCount);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-cart-count': KontorCartCount;
  }
}
