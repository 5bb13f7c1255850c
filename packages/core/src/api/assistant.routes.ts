import {
  AssistantActionParamsSchema,
  AssistantConfirmRequestSchema,
  AssistantConversationParamsSchema,
  AssistantConversationSchema,
  AssistantMessageRequestSchema,
  AssistantReplySchema,
} from '../assistant/assistant.schema.js';
import type { RouteDef } from './routes.js';

const def = <R extends RouteDef>(r: R): R => r;

/**
 * The shop assistant's routes, `/v1/assistant…`: a table of their own (as `reorderRoutes`), so
 * only a page with the chat carries their schemas.
 */
export const assistantRoutes = {
  assistantMessage: def({
    method: 'POST', path: '/v1/assistant/messages', auth: 'buyer', body: AssistantMessageRequestSchema, status: 200, response: AssistantReplySchema,
  }),
  confirmAssistantAction: def({
    method: 'POST', path: '/v1/assistant/actions/{actionId}/confirm', auth: 'buyer',
    params: AssistantActionParamsSchema, body: AssistantConfirmRequestSchema, status: 200, response: AssistantReplySchema,
  }),
  assistantConversation: def({
    method: 'GET', path: '/v1/assistant/conversations/{conversationId}', auth: 'buyer',
    params: AssistantConversationParamsSchema, status: 200, response: AssistantConversationSchema,
  }),
} as const satisfies Record<string, RouteDef>;

export type AssistantRouteId = keyof typeof assistantRoutes;
