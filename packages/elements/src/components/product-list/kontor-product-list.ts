import { KontorProductList } from './product-list.component.js';
// The list renders these: registering them here keeps this entry usable alone.
import '../price/kontor-price.js';
import '../quantity/kontor-quantity.js';
import '../add-to-cart/kontor-add-to-cart.js';
import '../availability/kontor-availability.js';

export { KontorProductList };
export default KontorProductList;

customElements.define('kontor-product-list', KontorProductList);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-product-list': KontorProductList;
  }
}
