import * as z from 'zod/mini';
import { LocalizedTextSchema, SkuSchema, UnitSchema } from '../catalogue/product.schema.js';
import { ErrorIssueSchema } from '../errors/error-body.schema.js';
import { idSchema, InstantSchema, QuantitySchema, singleLineText } from '../internal/schema-helpers.js';
import { MoneySchema } from '../money/money.schema.js';

// The ids, days and names below are the same checks as the cart's and the order's schemas, written
// here so that a page that reorders does not carry those modules (the full cart and order bodies
// with their address, IBAN and availability schemas: ~3 KiB gz under esbuild).
const DaySchema = z.iso.date();
const OrderIdSchema = idSchema('ord');
const OrderNumberSchema = z.string().check(z.regex(/^K-\d{4}-\d{6,}$/, { error: 'Expected an order number like K-2026-000123' }));
const CartIdSchema = idSchema('cart');
const CartVersionSchema = z.int().check(z.minimum(0));
const CartNameSchema = singleLineText(100, 1);

// Reordering: what a company ordered before, at today's prices and promises, and putting it back
// into a cart or an order in one action, with a report of what happened to every line.

/** How regularly a company orders a product: the buckets of "time to reorder". */
export const CadenceBucketSchema = z.enum(['overdue', 'due_soon', 'on_track', 'not_predictable']);
export type CadenceBucket = z.infer<typeof CadenceBucketSchema>;

/**
 * A product's purchase cadence: the median interval between this company's orders of it and how
 * far the last one lies back. `confidence` (0–1) is 0 below three orders (two intervals), and then
 * grows with the number of orders and the regularity of the intervals; below
 * `MIN_CONFIDENCE` the bucket is `not_predictable`.
 */
export const CadenceSchema = z.object({
  bucket: CadenceBucketSchema,
  /** Orders of the product (orders on the same day count once). */
  orders: z.int(),
  /** Median days between two orders; `null` below two orders. */
  intervalDays: z.nullable(z.int()),
  confidence: z.number(),
  lastOrderedAt: InstantSchema,
  /** Whole days since the last order, on the given `now`. */
  daysSinceLast: z.int(),
  /** The day the next order is expected (last order + median interval, UTC); `null` when not predictable. */
  dueOn: z.nullable(DaySchema),
});
export type Cadence = z.infer<typeof CadenceSchema>;

/** What ordering a product again would be like today. */
export const ReorderTodaySchema = z.object({
  /**
   * `orderable` now in the whole quantity; `later`: not all of it in stock, it comes on
   * `promisedDelivery`; `discontinued` (see `replacementSku`); `not_orderable`: no price, not
   * visible any more, never deliverable (`reason` says which).
   */
  status: z.enum(['orderable', 'later', 'discontinued', 'not_orderable']),
  /** Today's unit price at the last quantity, `null` without one. */
  unitPrice: z.nullable(MoneySchema),
  priceUnit: z.nullable(z.int()),
  /** Today's price less the last price paid (minor units, same currency), `null` when not comparable. */
  priceChange: z.nullable(z.object({ amount: MoneySchema, basisPoints: z.int() })),
  /** The day the last quantity would arrive if ordered now (to the company's default address). */
  promisedDelivery: z.nullable(DaySchema),
  /** What to order instead of a discontinued product. */
  replacementSku: z.nullable(SkuSchema),
  reason: z.nullable(ErrorIssueSchema),
});
export type ReorderToday = z.infer<typeof ReorderTodaySchema>;

/** A line of a past order, as a reorder candidate. */
export const ReorderCandidateLineSchema = z.object({
  /** The line's position in its order: what a reorder of picked lines names. */
  position: z.int(),
  sku: SkuSchema,
  name: LocalizedTextSchema,
  unit: UnitSchema,
  quantity: z.int(),
  /** The unit price paid then. */
  unitPrice: MoneySchema,
  today: ReorderTodaySchema,
});
export type ReorderCandidateLine = z.infer<typeof ReorderCandidateLineSchema>;

/** A recent order of the company, to reorder whole or in part. */
export const ReorderCandidateOrderSchema = z.object({
  orderId: OrderIdSchema,
  number: OrderNumberSchema,
  placedAt: InstantSchema,
  gross: MoneySchema,
  lines: z.array(ReorderCandidateLineSchema),
});
export type ReorderCandidateOrder = z.infer<typeof ReorderCandidateOrderSchema>;

/** A product the company orders most, with its last order and its cadence. */
export const ReorderProductSchema = z.object({
  sku: SkuSchema,
  name: LocalizedTextSchema,
  unit: UnitSchema,
  /** Orders of it (not cancelled). */
  orderCount: z.int(),
  lastQuantity: z.int(),
  lastOrderedAt: InstantSchema,
  lastOrderId: OrderIdSchema,
  lastUnitPrice: MoneySchema,
  today: ReorderTodaySchema,
  cadence: CadenceSchema,
});
export type ReorderProduct = z.infer<typeof ReorderProductSchema>;

/** `GET /v1/reorder/candidates`: the company's recent orders and most-ordered products, at `asOf`. */
export const ReorderCandidatesSchema = z.object({
  asOf: InstantSchema,
  recentOrders: z.array(ReorderCandidateOrderSchema),
  /** Most orders first. */
  products: z.array(ReorderProductSchema),
  /** SKUs of `products` that are due (overdue first, then due soon). */
  due: z.array(SkuSchema),
});
export type ReorderCandidates = z.infer<typeof ReorderCandidatesSchema>;

export const ReorderCandidatesQuerySchema = z.object({
  orders: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(20))),
  products: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50))),
});
export type ReorderCandidatesQuery = z.infer<typeof ReorderCandidatesQuerySchema>;

/** What to reorder: a past order (whole, or the lines at `positions`), or products with quantities. */
export const ReorderSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('order'),
    orderId: OrderIdSchema,
    /** Positions of the lines picked; all lines when left out. */
    positions: z.optional(z.array(z.int().check(z.minimum(0))).check(z.minLength(1), z.maxLength(1000))),
  }),
  z.object({
    kind: z.literal('lines'),
    lines: z.array(z.object({ sku: SkuSchema, quantity: QuantitySchema })).check(z.minLength(1), z.maxLength(1000)),
  }),
]);
export type ReorderSource = z.infer<typeof ReorderSourceSchema>;

/**
 * Where to: the buyer's current cart at the `version` they saw (lines merge into it; a stale
 * version is a 409), a new saved cart, or straight to an order with the delivery address and
 * payment of the order reordered (of `lines`: of the company's last order).
 */
export const ReorderTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cart'), cartId: CartIdSchema, version: CartVersionSchema }),
  z.object({ kind: z.literal('new_cart'), name: z.optional(CartNameSchema) }),
  z.object({ kind: z.literal('order') }),
]);
export type ReorderTarget = z.infer<typeof ReorderTargetSchema>;

/** `POST /v1/reorder` (takes an `Idempotency-Key`). */
export const ReorderRequestSchema = z.object({ source: ReorderSourceSchema, target: ReorderTargetSchema });
export type ReorderRequest = z.input<typeof ReorderRequestSchema>;

/**
 * What happened to one line, nothing left out: `added` as a new line, `merged` into a line the
 * cart had (`cartQuantity` is the line's quantity after), `later` (not in stock in the whole
 * quantity: it comes on `availableOn`; added to a cart, left out of an order), `refused` with
 * `reason` (quantity 0). Beside that: `replacedBy` when a discontinued product was replaced by its
 * successor, `repriced` when today's unit price differs from the one paid.
 */
export const ReorderLineResultSchema = z.object({
  sku: SkuSchema,
  name: z.nullable(LocalizedTextSchema),
  outcome: z.enum(['added', 'merged', 'later', 'refused']),
  /** The quantity asked for. */
  requested: z.int(),
  /** The quantity added to the cart or ordered (0 when refused, or later in an order). */
  quantity: z.int(),
  /** The SKU that went in instead (the successor of a discontinued product). */
  replacedBy: z.nullable(SkuSchema),
  /** Merged: the cart line's quantity after. */
  cartQuantity: z.nullable(z.int()),
  repriced: z.nullable(z.object({ before: MoneySchema, after: MoneySchema })),
  availableOn: z.nullable(DaySchema),
  reason: z.nullable(ErrorIssueSchema),
});
export type ReorderLineResult = z.infer<typeof ReorderLineResultSchema>;

/** The cart a reorder went to, as it is after it (`GET /v1/carts/{id}` has its lines). */
export const ReorderCartRefSchema = z.object({
  id: CartIdSchema,
  name: z.string(),
  version: CartVersionSchema,
  active: z.boolean(),
  lineCount: z.int(),
  gross: MoneySchema,
});
export type ReorderCartRef = z.infer<typeof ReorderCartRefSchema>;

/** The order a reorder placed (`GET /v1/orders/{id}` has all of it). */
export const ReorderOrderRefSchema = z.object({
  id: OrderIdSchema,
  number: OrderNumberSchema,
  gross: MoneySchema,
  promisedDelivery: z.nullable(DaySchema),
  paymentMethod: z.enum(['invoice', 'prepayment', 'sepa_debit']),
});
export type ReorderOrderRef = z.infer<typeof ReorderOrderRefSchema>;

/** The answer of a reorder: per line what happened, and the cart or the order it went to. */
export const ReorderResultSchema = z.object({
  target: z.enum(['cart', 'new_cart', 'order']),
  lines: z.array(ReorderLineResultSchema),
  cart: z.nullable(ReorderCartRefSchema),
  order: z.nullable(ReorderOrderRefSchema),
});
export type ReorderResult = z.infer<typeof ReorderResultSchema>;

/** A company's reorder reminders: a mail when products become due (opt-in; company admins change it). */
export const ReorderSettingsSchema = z.object({ reminders: z.boolean(), version: z.int() });
export type ReorderSettings = z.infer<typeof ReorderSettingsSchema>;
export const UpdateReorderSettingsSchema = z.object({ reminders: z.boolean(), version: z.int().check(z.minimum(0)) });
export type UpdateReorderSettings = z.infer<typeof UpdateReorderSettingsSchema>;

export const ReorderLinkParamsSchema = z.object({ token: z.string().check(z.minLength(1), z.maxLength(100)) });
export const ReorderLangQuerySchema = z.object({ lang: z.optional(z.enum(['de', 'en'])) });
