import { KontorRequestOffer } from './request-offer.component.js';

export { KontorRequestOffer };
export default KontorRequestOffer;

customElements.define('kontor-request-offer', KontorRequestOffer);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-request-offer': KontorRequestOffer;
  }
}
