import { assistantRoutes as routes } from '../api/assistant.routes.js';
import type { CallOptions, HttpClient } from '../http/http-client.js';
import type { AssistantConversation, AssistantMessageRequest, AssistantReply } from './assistant.schema.js';

export interface AssistantClient {
  /**
   * Sends a message; the reply has text, quick-reply chips and cards. Pass the `conversationId`
   * of the previous reply to continue a conversation.
   * @throws {@link HttpError} `validation` (path `['text']`) for an empty or over-long message, `rate_limited` (429) for too many.
   * @example
   * ```ts
   * const reply = await assistant.send({ text: 'Wo ist meine Bestellung K-2026-000123?' });
   * const next = await assistant.send({ text: reply.chips[0]!, conversationId: reply.conversationId });
   * ```
   */
  send(body: AssistantMessageRequest, options?: CallOptions): Promise<AssistantReply>;
  /**
   * Confirms a proposed action (an `action` card): the reply says what it did.
   * @throws {@link HttpError} `action_expired` (409) after its expiry, `action_used` (409) when confirmed before, `not_found` for another user's.
   */
  confirm(actionId: string, options?: CallOptions): Promise<AssistantReply>;
  /** The caller's own conversation, oldest turn first. @throws {@link HttpError} `not_found` for another user's. */
  conversation(conversationId: string, options?: CallOptions): Promise<AssistantConversation>;
}

/** Assistant calls over `/v1/assistant…` (core's `assistantRoutes`). */
export function createAssistantClient(http: HttpClient): AssistantClient {
  return {
    send: (body, options) => http.call(routes.assistantMessage, { body }, options),
    confirm: (actionId, options) => http.call(routes.confirmAssistantAction, { params: { actionId }, body: {} }, options),
    conversation: (conversationId, options) => http.call(routes.assistantConversation, { params: { conversationId } }, options),
  };
}
