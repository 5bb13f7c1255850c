import { KontorShop } from './shop.component.js';

export { KontorShop };
export default KontorShop;

customElements.define('kontor-shop', KontorShop);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-shop': KontorShop;
  }
}
