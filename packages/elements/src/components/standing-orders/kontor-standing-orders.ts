import { KontorStandingOrders } from './standing-orders.component.js';

export { KontorStandingOrders };
export default KontorStandingOrders;

customElements.define('kontor-standing-orders', KontorStandingOrders);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-standing-orders': KontorStandingOrders;
  }
}
