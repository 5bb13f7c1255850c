import { KontorOffers } from './offers.component.js';

export { KontorOffers };
export default KontorOffers;

customElements.define('kontor-offers', KontorOffers);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-offers': KontorOffers;
  }
}
