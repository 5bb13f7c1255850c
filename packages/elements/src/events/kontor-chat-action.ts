import type { AssistantActionKind, AssistantReply } from '@kontor/core/assistant';

export interface KontorChatActionDetail {
  /** The confirmed action (`act_…`). */
  actionId: string;
  /** What it was: `reorder`, `add_to_cart`, `standing_order_skip` … */
  action: AssistantActionKind;
  /** The server's answer: what the action did (e.g. an order card). */
  reply: AssistantReply;
}

/** The buyer confirmed a proposed action in `<kontor-chatbot>` and the server carried it out. */
export type KontorChatActionEvent = CustomEvent<KontorChatActionDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-chat-action': KontorChatActionEvent;
  }
}
