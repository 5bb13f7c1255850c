import type { AssistantReply } from '@kontor/core/assistant';

export interface KontorChatMessageDetail {
  /** What the buyer sent (trimmed), or the quick reply they chose. */
  text: string;
  /** The assistant's reply: plain text, quick replies and cards. */
  reply: AssistantReply;
}

/** The assistant answered a message sent in `<kontor-chatbot>`. */
export type KontorChatMessageEvent = CustomEvent<KontorChatMessageDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-chat-message': KontorChatMessageEvent;
  }
}
