import { KontorAvailability } from './availability.component.js';

export { KontorAvailability };
export default KontorAvailability;

customElements.define('kontor-availability', KontorAvailability);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-availability': KontorAvailability;
  }
}
