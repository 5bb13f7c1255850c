import { KontorQuantity } from './quantity.component.js';

export { KontorQuantity };
export default KontorQuantity;

customElements.define('kontor-quantity', KontorQuantity);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-quantity': KontorQuantity;
  }
}
