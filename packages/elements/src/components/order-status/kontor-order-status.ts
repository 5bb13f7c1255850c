import { KontorOrderStatus } from './order-status.component.js';

export { KontorOrderStatus };
export default KontorOrderStatus;

customElements.define('kontor-order-status', KontorOrderStatus);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-order-status': KontorOrderStatus;
  }
}
