import { KontorStandingOrder } from './standing-order.component.js';

export { KontorStandingOrder };
export default KontorStandingOrder;

customElements.define('kontor-standing-order', KontorStandingOrder);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-standing-order': KontorStandingOrder;
  }
}
