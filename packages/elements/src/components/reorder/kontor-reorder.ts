import { KontorReorder } from './reorder.component.js';

export { KontorReorder };
export default KontorReorder;

customElements.define('kontor-reorder', KontorReorder);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-reorder': KontorReorder;
  }
}
