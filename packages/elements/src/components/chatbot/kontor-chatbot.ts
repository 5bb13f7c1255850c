import { KontorChatbot } from './chatbot.component.js';

export { KontorChatbot };
export default KontorChatbot;

customElements.define('kontor-chatbot', KontorChatbot);

declare global {
  interface HTMLElementTagNameMap {
    'kontor-chatbot': KontorChatbot;
  }
}
