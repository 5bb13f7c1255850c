import { KontorOrderHistory } from './order-history.component.js';
// A row expands the order's status: registering it here keeps this entry usable alone.
import '../order-status/kontor-order-status.js';

export { KontorOrderHistory };
export default KontorOrderHistory;

customElements.define('kontor-order-history', KontorOrderHistory);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-order-history': KontorOrderHistory;
  }
}
