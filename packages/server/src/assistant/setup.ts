import { assistantRoutes as routes } from '@kontor/core/api';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/route.js';
import { addRoute } from '../http/route.js';
import type { OutboxDeps } from '../outbox/outbox.js';
import { mcpRoutes } from './mcp.js';
import type { ModelOptions } from './model.js';
import { confirmAction, conversationOf, createMessageLimiter, DEFAULT_ASSISTANT_OPTIONS, handleMessage, userKeyOf, type AssistantOptions } from './service.js';

/** How the app runs the shop assistant. */
export interface AssistantAppOptions {
  /** How long a proposed action can be confirmed; default 10 minutes. */
  actionTtlMs?: number;
  /** Messages per user per window; default 30 a minute. */
  rateLimit?: { max: number; windowMs: number };
  /** An OpenAI-compatible chat-completions server that answers with the assistant's tools; the built-in router answers when it fails. */
  model?: ModelOptions | undefined;
}

/**
 * `/v1/assistant…` (buyers: a company user or a partner's customer token): messages, the
 * confirmation of proposed actions and the caller's conversations.
 */
export function setupAssistant(app: FastifyInstance, deps: AppDeps & OutboxDeps, options: { assistant?: AssistantAppOptions | undefined }): void {
  const settings: AssistantOptions = {
    actionTtlMs: options.assistant?.actionTtlMs ?? DEFAULT_ASSISTANT_OPTIONS.actionTtlMs,
    rateLimit: options.assistant?.rateLimit ?? DEFAULT_ASSISTANT_OPTIONS.rateLimit,
    model: options.assistant?.model,
    log: (error) => app.log.warn({ err: error }, 'assistant: the model failed; the built-in router answered'),
  };
  const limit = createMessageLimiter(deps.now, settings.rateLimit);

  addRoute(app, deps, routes.assistantMessage, async ({ body, caller, lang, reply }) => {
    try {
      limit(`${caller.company.id}|${userKeyOf(caller)}`, body.lang ?? lang);
    } catch (e) {
      const retry = (e as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds;
      if (retry) void reply.header('retry-after', String(retry));
      throw e;
    }
    return handleMessage(deps, caller, body, lang, settings);
  });

  addRoute(app, deps, routes.confirmAssistantAction, async ({ params, caller, lang }) => confirmAction(deps, caller, params.actionId, lang));

  addRoute(app, deps, routes.assistantConversation, async ({ params, caller, lang }) => conversationOf(deps, caller, params.conversationId, lang));

  // The same tools for a buyer's own AI client (MCP, streamable HTTP).
  mcpRoutes(app, deps, settings, limit);
}
