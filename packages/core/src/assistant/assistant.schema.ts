import * as z from 'zod/mini';
import { SkuSchema, UnitSchema } from '../catalogue/product.schema.js';
import { idSchema, InstantSchema } from '../internal/schema-helpers.js';
import { MoneySchema } from '../money/money.schema.js';

// The shop assistant (issue 13): a message in, a reply with plain text, quick-reply chips and
// cards out. State-changing skills never act on a message: they answer an `action` card that the
// buyer confirms with a button (`POST /v1/assistant/actions/{actionId}/confirm`), once, before it
// expires. Ids, days and statuses are checked here without importing the order, cart or
// standing-order schema modules, so a page with the chat does not carry them.

const DaySchema = z.iso.date();
const OrderIdSchema = idSchema('ord');
const OrderNumberSchema = z.string().check(z.regex(/^K-\d{4}-\d{6,}$/, { error: 'Expected an order number like K-2026-000123' }));

/** The longest message the assistant reads, in characters (after trimming). */
export const ASSISTANT_MAX_MESSAGE = 2000;

export const AssistantLangSchema = z.enum(['de', 'en']);
export type AssistantLang = z.infer<typeof AssistantLangSchema>;

/** What the assistant understood a message as. */
export const AssistantIntentSchema = z.enum([
  'order_status',
  'last_orders',
  'availability',
  'find_product',
  'reorder',
  'add_to_cart',
  'standing_order_next',
  'standing_order_skip',
  'standing_order_pause',
  'request_offer',
  'handoff',
  'greeting',
  'help',
  'unknown',
]);
export type AssistantIntent = z.infer<typeof AssistantIntentSchema>;

export const AssistantConversationIdSchema = idSchema('cnv');
export const AssistantActionIdSchema = idSchema('act');

/**
 * `POST /v1/assistant/messages`. `text` is plain text (HTML in it is text, not markup), trimmed,
 * 1–2000 characters. Without `conversationId` a new conversation starts. `lang` defaults to the
 * request's Accept-Language, else the language the message is written in.
 */
export const AssistantMessageRequestSchema = z.object({
  text: z.string().check(z.trim(), z.normalize('NFC'), z.minLength(1), z.maxLength(ASSISTANT_MAX_MESSAGE)),
  conversationId: z.optional(AssistantConversationIdSchema),
  lang: z.optional(AssistantLangSchema),
});
export type AssistantMessageRequest = z.input<typeof AssistantMessageRequestSchema>;

/** An order's status, delivery day and tracking. */
export const AssistantOrderCardSchema = z.object({
  kind: z.literal('order'),
  orderId: OrderIdSchema,
  number: OrderNumberSchema,
  status: z.enum(['placed', 'confirmed', 'in_fulfilment', 'shipped', 'delivered', 'cancelled']),
  placedAt: InstantSchema,
  promisedDelivery: z.nullable(DaySchema),
  carrier: z.nullable(z.string()),
  trackingNumber: z.nullable(z.string()),
  /** The carrier's tracking page; an element links it only to hosts it allows. */
  trackingUrl: z.nullable(z.string()),
  gross: MoneySchema,
});
export type AssistantOrderCard = z.infer<typeof AssistantOrderCardSchema>;

/** When a quantity of a product comes: `day` is the delivery day if ordered now (`null`: not deliverable). */
export const AssistantAvailabilityCardSchema = z.object({
  kind: z.literal('availability'),
  sku: SkuSchema,
  /** In the reply's language; plain text. */
  name: z.string(),
  quantity: z.int(),
  unit: UnitSchema,
  promise: z.object({ day: z.nullable(DaySchema), inStock: z.boolean(), available: z.int() }),
});
export type AssistantAvailabilityCard = z.infer<typeof AssistantAvailabilityCardSchema>;

/** A product found; `price` is the caller's net unit price (`null`: none). */
export const AssistantProductCardSchema = z.object({
  kind: z.literal('product'),
  sku: SkuSchema,
  name: z.string(),
  unit: UnitSchema,
  price: z.nullable(MoneySchema),
});
export type AssistantProductCard = z.infer<typeof AssistantProductCardSchema>;

/** A standing order and its next run. */
export const AssistantStandingOrderCardSchema = z.object({
  kind: z.literal('standing_order'),
  standingOrderId: idSchema('sto'),
  name: z.string(),
  nextRun: z.nullable(DaySchema),
  status: z.enum(['active', 'paused', 'ended', 'cancelled']),
});
export type AssistantStandingOrderCard = z.infer<typeof AssistantStandingOrderCardSchema>;

/** What a proposed action does when confirmed. */
export const AssistantActionKindSchema = z.enum(['reorder', 'add_to_cart', 'standing_order_skip', 'standing_order_pause', 'request_offer']);
export type AssistantActionKind = z.infer<typeof AssistantActionKindSchema>;

/**
 * A proposed action: a confirm button (`label`) and what it will do (`summary`). Nothing happens
 * until `POST /v1/assistant/actions/{actionId}/confirm`; it works once, until `expiresAt`.
 */
export const AssistantActionCardSchema = z.object({
  kind: z.literal('action'),
  actionId: AssistantActionIdSchema,
  action: AssistantActionKindSchema,
  label: z.string(),
  summary: z.string(),
  expiresAt: InstantSchema,
});
export type AssistantActionCard = z.infer<typeof AssistantActionCardSchema>;

/** A contact request handed to the company's sales rep, with the conversation as its transcript. */
export const AssistantHandoffCardSchema = z.object({
  kind: z.literal('handoff'),
  requestId: idSchema('hnd'),
  text: z.string(),
});
export type AssistantHandoffCard = z.infer<typeof AssistantHandoffCardSchema>;

export const AssistantCardSchema = z.discriminatedUnion('kind', [
  AssistantOrderCardSchema,
  AssistantAvailabilityCardSchema,
  AssistantProductCardSchema,
  AssistantStandingOrderCardSchema,
  AssistantActionCardSchema,
  AssistantHandoffCardSchema,
]);
export type AssistantCard = z.infer<typeof AssistantCardSchema>;

/**
 * The assistant's answer. `text` is plain text, never HTML: render it as text. `chips` are quick
 * replies: send a chip's text as the next message.
 */
export const AssistantReplySchema = z.object({
  conversationId: AssistantConversationIdSchema,
  intent: AssistantIntentSchema,
  text: z.string(),
  chips: z.array(z.string()),
  cards: z.array(AssistantCardSchema),
  lang: AssistantLangSchema,
});
export type AssistantReply = z.infer<typeof AssistantReplySchema>;

/** One turn of a conversation: the buyer's message, or the assistant's reply (with its cards). */
export const AssistantTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  at: InstantSchema,
  reply: z.optional(AssistantReplySchema),
});
export type AssistantTurn = z.infer<typeof AssistantTurnSchema>;

/** `GET /v1/assistant/conversations/{conversationId}`: the caller's own conversation, oldest turn first. */
export const AssistantConversationSchema = z.object({
  conversationId: AssistantConversationIdSchema,
  messages: z.array(AssistantTurnSchema),
});
export type AssistantConversation = z.infer<typeof AssistantConversationSchema>;

export const AssistantActionParamsSchema = z.object({ actionId: AssistantActionIdSchema });
export const AssistantConversationParamsSchema = z.object({ conversationId: AssistantConversationIdSchema });
/** The confirm takes no fields: the action was fixed when it was proposed. */
export const AssistantConfirmRequestSchema = z.object({});
