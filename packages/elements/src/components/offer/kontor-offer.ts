import { KontorOffer } from './offer.component.js';

export { KontorOffer };
export default KontorOffer;

customElements.define('kontor-offer', KontorOffer);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-offer': KontorOffer;
  }
}
