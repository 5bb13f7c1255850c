import { KontorQuickOrder } from './quick-order.component.js';

export { KontorQuickOrder };
export default KontorQuickOrder;

customElements.define('kontor-quick-order', KontorQuickOrder);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-quick-order': KontorQuickOrder;
  }
}
