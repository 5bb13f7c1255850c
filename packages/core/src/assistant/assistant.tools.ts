import * as z from 'zod/mini';
import { SkuSchema } from '../catalogue/product.schema.js';
import { multiLineText, QuantitySchema, singleLineText } from '../internal/schema-helpers.js';
import type { AssistantIntent } from './assistant.schema.js';

// The assistant's skills as typed tools (issue 13: "one typed tool layer"): what the server's
// MCP endpoint offers a buyer's own AI client. They run with the caller's scope, as the chat's
// skills; the `propose_…` tools change nothing: they answer an action the buyer confirms in the shop.

const OrderNumberSchema = z.string().check(z.regex(/^K-\d{4}-\d{6,}$/, { error: 'Expected an order number like K-2026-000123' }));
const ProductWordsSchema = singleLineText(200, 1);
const product = {
  /** An article number. */
  sku: z.optional(SkuSchema),
  /** Words naming the product when the SKU is not known ("NYM-J 3x1,5"). */
  product: z.optional(ProductWordsSchema),
  /** In the product's sales unit; default its minimum. */
  quantity: z.optional(QuantitySchema),
};

export const assistantTools = {
  find_product: {
    intent: 'find_product',
    description: "Find products in the buyer's range by article number or name (typos allowed), with the buyer's net price per unit.",
    input: z.object({ query: ProductWordsSchema }),
  },
  check_availability: {
    intent: 'availability',
    description: 'When a quantity of a product would be delivered if ordered now (to the company\'s default address), whether it is in stock; with `date`, whether that day is met.',
    input: z.object({ ...product, date: z.optional(z.iso.date()) }),
  },
  order_status: {
    intent: 'order_status',
    description: "The status, expected delivery day and tracking of one of the company's orders (by number; without: the latest). Another company's number is not found.",
    input: z.object({ orderNumber: z.optional(OrderNumberSchema) }),
  },
  last_orders: {
    intent: 'last_orders',
    description: "The company's last five orders, newest first.",
    input: z.object({}),
  },
  standing_orders: {
    intent: 'standing_order_next',
    description: "The company's active standing orders and their next runs.",
    input: z.object({}),
  },
  propose_reorder: {
    intent: 'reorder',
    description: 'Proposes placing an order again (by number; without: the last order). Changes nothing: the buyer confirms the proposed action in the shop.',
    input: z.object({ orderNumber: z.optional(OrderNumberSchema) }),
  },
  propose_add_to_cart: {
    intent: 'add_to_cart',
    description: "Proposes adding a product to the buyer's cart. Changes nothing: the buyer confirms the proposed action in the shop.",
    input: z.object(product),
  },
  propose_skip_next_standing_order_run: {
    intent: 'standing_order_skip',
    description: 'Proposes skipping the next run of the standing order that runs next. Changes nothing: the buyer confirms in the shop.',
    input: z.object({}),
  },
  propose_pause_standing_order: {
    intent: 'standing_order_pause',
    description: 'Proposes pausing the standing order that runs next. Changes nothing: the buyer confirms in the shop.',
    input: z.object({}),
  },
  propose_offer_request: {
    intent: 'request_offer',
    description: "Proposes asking the seller for an offer for a product and quantity (without a product: for the buyer's cart). Changes nothing: the buyer confirms in the shop.",
    input: z.object({ ...product, message: z.optional(multiLineText(2000)) }),
  },
} as const satisfies Record<string, { intent: AssistantIntent; description: string; input: z.core.$ZodType }>;

export type AssistantToolName = keyof typeof assistantTools;
export type AssistantToolInput<N extends AssistantToolName> = z.output<(typeof assistantTools)[N]['input']>;
