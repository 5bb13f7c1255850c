import { assistantTools, errorMessage, isKontorError, validationErrorFromZod, type AssistantReply, type AssistantToolName, type Lang } from '@kontor/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import * as z from 'zod/mini';
import type { BuyerCaller } from '../auth/caller.js';
import { httpError, langOf } from '../http/errors.js';
import { authenticate, type AppDeps } from '../http/route.js';
import type { OutboxDeps } from '../outbox/outbox.js';
import { handleTool, openConversation, userKeyOf, type AssistantOptions } from './service.js';

// The assistant's tools as an MCP endpoint (Model Context Protocol, streamable HTTP transport,
// protocol 2025-06-18), so a buyer's own AI client can use them: `POST /v1/mcp` with one JSON-RPC
// message, answered as `application/json` (this server opens no SSE streams; `GET` is 405).
// The bearer is the buyer's session or customer token, checked as on every buyer route (a
// customer token only from its partner's origins). `initialize` opens a session: a conversation
// of the caller (`Mcp-Session-Id`), where the tools' proposals land for the shop's chat to confirm.

export const MCP_PATH = '/v1/mcp';
const PROTOCOL_VERSIONS = ['2025-06-18', '2025-03-26', '2024-11-05'];
const SESSION_HEADER = 'mcp-session-id';

type Id = string | number | null;
const rpcError = (id: Id, code: number, message: string, data?: unknown) => ({ jsonrpc: '2.0' as const, id, error: { code, message, ...(data === undefined ? {} : { data }) } });
const rpcResult = (id: Id, result: unknown) => ({ jsonrpc: '2.0' as const, id, result });

const RequestSchema = z.object({
  jsonrpc: z.literal('2.0'),
  id: z.optional(z.union([z.string(), z.number()])),
  method: z.string(),
  params: z.optional(z.record(z.string(), z.unknown())),
});

/** The tools as MCP lists them: name, description, the JSON Schema of their input. */
const toolList = Object.entries(assistantTools).map(([name, tool]) => ({
  name,
  description: tool.description,
  inputSchema: z.toJSONSchema(tool.input, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }),
}));

/** What a tool answers: the reply's text (with how a proposal is confirmed) and the reply itself. */
function toolResult(reply: AssistantReply) {
  const action = reply.cards.find((c) => c.kind === 'action');
  const note = action && action.kind === 'action'
    ? reply.lang === 'de'
      ? `\n\nVorgeschlagene Aktion ${action.actionId}: Der Käufer bestätigt sie selbst im Shop (Assistent), bis ${action.expiresAt}. Dieses Werkzeug führt sie nicht aus.`
      : `\n\nProposed action ${action.actionId}: the buyer confirms it in the shop (assistant) themselves, until ${action.expiresAt}. This tool does not carry it out.`
    : '';
  return { content: [{ type: 'text', text: reply.text + note }], structuredContent: reply, isError: false };
}

export function mcpRoutes(app: FastifyInstance, deps: AppDeps & OutboxDeps, settings: AssistantOptions, limit: (key: string, lang: Lang) => void): void {
  app.get(MCP_PATH, async (_req, reply) => reply.status(405).header('allow', 'POST').send());

  app.post(MCP_PATH, async (req, reply: FastifyReply) => {
    const lang = langOf(req);
    const caller = (await authenticate({ auth: 'buyer' }, req, deps, lang)) as BuyerCaller;
    const parsed = z.safeParse(RequestSchema, req.body);
    if (!parsed.success) return reply.status(400).send(rpcError(null, -32600, 'Invalid Request'));
    const message = parsed.data;
    // A notification (no id) or a response from the client: accepted, nothing to answer.
    if (message.id === undefined) return reply.status(202).send();
    const id = message.id;
    const params = message.params ?? {};

    if (message.method === 'initialize') {
      const asked = typeof params.protocolVersion === 'string' ? params.protocolVersion : PROTOCOL_VERSIONS[0]!;
      const conversationId = (await openConversation(deps, caller, undefined))!;
      void reply.header(SESSION_HEADER, conversationId);
      return rpcResult(id, {
        protocolVersion: PROTOCOL_VERSIONS.includes(asked) ? asked : PROTOCOL_VERSIONS[0],
        capabilities: { tools: { listChanged: false } },
        serverInfo: { name: 'kontor-assistant', version: '0.1.0' },
        instructions: 'The tools read and propose for the signed-in buyer only. Tools named propose_… change nothing: the buyer confirms the proposed action in the shop.',
      });
    }
    if (message.method === 'ping') return rpcResult(id, {});
    if (message.method === 'tools/list') return rpcResult(id, { tools: toolList });
    if (message.method !== 'tools/call') return rpcError(id, -32601, `Method not found: ${message.method}`);

    const name = params.name;
    if (typeof name !== 'string' || !Object.hasOwn(assistantTools, name)) return rpcError(id, -32602, `Unknown tool: ${String(name)}`);
    const tool = assistantTools[name as AssistantToolName];
    const args = z.safeParse(tool.input, params.arguments ?? {}, { reportInput: true });
    if (!args.success) {
      const { issues } = validationErrorFromZod(args.error, `${name} arguments`, { lang });
      return rpcError(id, -32602, errorMessage('validation', lang), { issues });
    }
    // A session is a conversation of this caller; another's (or an unknown one) is a 404, as the transport says.
    const session = req.headers[SESSION_HEADER];
    const conversationId = await openConversation(deps, caller, typeof session === 'string' ? session : undefined);
    if (!conversationId) throw httpError('not_found', lang);
    limit(`${caller.company.id}|${userKeyOf(caller)}`, lang);
    try {
      return rpcResult(id, toolResult(await handleTool(deps, caller, name as AssistantToolName, args.data as never, conversationId, lang, settings)));
    } catch (error) {
      // A refusal of the skill (a 422 of a service) is the tool's error, for the model to read.
      if (isKontorError(error) && error.status < 500 && error.status !== 429) return rpcResult(id, { content: [{ type: 'text', text: error.message }], isError: true });
      throw error;
    }
  });
}
