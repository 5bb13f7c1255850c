import { KontorPrice } from './price.component.js';

export { KontorPrice };
export default KontorPrice;

customElements.define('kontor-price', KontorPrice);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-price': KontorPrice;
  }
}
