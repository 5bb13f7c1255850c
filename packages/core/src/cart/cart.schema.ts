import * as z from 'zod/mini';
import {
  LocalizedTextSchema,
  PriceTierSchema,
  ProductPriceSchema,
  ProductStatusSchema,
  QuantityRulesSchema,
  SkuSchema,
  TaxClassSchema,
  UnitSchema,
} from '../catalogue/product.schema.js';
import { ErrorIssueSchema } from '../errors/error-body.schema.js';
import { ChannelSchema, PartnerIdSchema, UserIdSchema } from '../identity/identity.schema.js';
import { idSchema, InstantSchema, QuantitySchema, singleLineText } from '../internal/schema-helpers.js';
import { CurrencySchema, MoneySchema } from '../money/money.schema.js';
import { TotalsSchema } from '../pricing/pricing.schema.js';

/** Most lines a cart (and one change request) may hold. */
export const MAX_CART_LINES = 5000;

export const CartIdSchema = idSchema('cart');
export type CartId = z.infer<typeof CartIdSchema>;

/** A cart's optimistic-concurrency version; every accepted change increments it. */
export const CartVersionSchema = z.int().check(z.minimum(0));

/**
 * One change to a cart's lines. `add` merges into a line of the same SKU (quantities add up),
 * `set` replaces the quantity (and adds the line if missing), `remove` drops the line.
 */
export const CartChangeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), sku: SkuSchema, quantity: QuantitySchema }),
  z.object({ op: z.literal('set'), sku: SkuSchema, quantity: QuantitySchema }),
  z.object({ op: z.literal('remove'), sku: SkuSchema }),
]);
export type CartChange = z.infer<typeof CartChangeSchema>;

/**
 * Changes against the `version` the caller saw. All or nothing: one invalid change rejects the
 * request (422, an issue per change at `['changes', i, …]`); a stale version is a 409 whose
 * `details.cart` is the current cart. `version` may be left out when every change is an `add`:
 * adds commute, so the server merges them into the cart as it is (many tabs or people adding to
 * one cart at once never see a 409); `set` and `remove` need the version.
 */
export const CartChangeRequestSchema = z
  .object({
    version: z.optional(CartVersionSchema),
    changes: z.array(CartChangeSchema).check(z.minLength(1), z.maxLength(MAX_CART_LINES)),
  })
  .check(
    z.refine((r) => r.version !== undefined || r.changes.every((c) => c.op === 'add'), {
      error: 'version is required unless every change is an add',
      path: ['version'],
    }),
  );
export type CartChangeRequest = z.infer<typeof CartChangeRequestSchema>;

/** What a cart line shows of its product (as the caller sees it now). */
export const CartProductSchema = z.object({
  name: LocalizedTextSchema,
  unit: UnitSchema,
  packSize: z.int(),
  taxClass: TaxClassSchema,
  status: ProductStatusSchema,
  replacementSku: z.nullable(SkuSchema),
  quantityRules: QuantityRulesSchema,
  price: z.nullable(ProductPriceSchema),
});
export type CartProduct = z.infer<typeof CartProductSchema>;

/**
 * A cart line, priced at the caller's current prices. `issues` says why a line cannot be ordered
 * as it is (product gone, discontinued, no price, quantity off the rules); such lines count in no total.
 */
export const CartLineSchema = z.object({
  sku: SkuSchema,
  quantity: z.int(),
  addedAt: InstantSchema,
  /** `null` when the product is no longer visible to the caller. */
  product: z.nullable(CartProductSchema),
  priceUnit: z.nullable(z.int()),
  unitPrice: z.nullable(MoneySchema),
  net: z.nullable(MoneySchema),
  /** Basis points (1900 = 19 %). */
  taxRate: z.nullable(z.int()),
  nextTier: z.nullable(PriceTierSchema),
  issues: z.array(ErrorIssueSchema),
});
export type CartLine = z.infer<typeof CartLineSchema>;

/** Through which channel, and for partners which partner, something happened. */
export const ChannelRefSchema = z.object({ channel: ChannelSchema, partnerId: z.nullable(PartnerIdSchema) });
export type ChannelRef = z.infer<typeof ChannelRefSchema>;

/** Who holds a cart: a user of the company, or a partner's portal acting for the company. */
export const CartOwnerSchema = z.object({
  kind: z.enum(['user', 'partner']),
  userId: z.nullable(UserIdSchema),
  partnerId: z.nullable(PartnerIdSchema),
  name: z.string(),
});
export type CartOwner = z.infer<typeof CartOwnerSchema>;

export const CartStatusSchema = z.enum(['open', 'ordered']);
export type CartStatus = z.infer<typeof CartStatusSchema>;

const cartHead = {
  id: CartIdSchema,
  name: z.string(),
  status: CartStatusSchema,
  /** The owner's current cart; each owner has at most one. */
  active: z.boolean(),
  version: CartVersionSchema,
  currency: CurrencySchema,
  owner: CartOwnerSchema,
  /** Where the cart was started. */
  createdVia: ChannelRefSchema,
  /** Where it was last changed. */
  lastChangedVia: ChannelRefSchema,
  lineCount: z.int(),
  totals: TotalsSchema,
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
};

/** A cart with its priced lines (in the order they were added) and totals. */
export const CartSchema = z.object({ ...cartHead, lines: z.array(CartLineSchema) });
export type Cart = z.infer<typeof CartSchema>;

/** A cart without its lines, for lists of saved carts. */
export const CartSummarySchema = z.object(cartHead);
export type CartSummary = z.infer<typeof CartSummarySchema>;
export const CartListSchema = z.object({ items: z.array(CartSummarySchema) });
export type CartList = z.infer<typeof CartListSchema>;

/** A cart's name: one clean line (no control characters, no broken ones), 1–100 characters. */
export const CartNameSchema = singleLineText(100, 1);

export const CreateCartRequestSchema = z.object({
  name: z.optional(CartNameSchema),
  /** Make it the owner's active cart (default `true`). */
  active: z.optional(z.boolean()),
  /** Copy the lines of another of the caller's carts ("save as"). */
  copyFrom: z.optional(CartIdSchema),
  /**
   * The channel a company user works through (`web` by default; `sales_rep`, `chat`, `api`).
   * A partner's customer token is always `partner`.
   */
  channel: z.optional(ChannelSchema),
});
export type CreateCartRequest = z.infer<typeof CreateCartRequestSchema>;

export const UpdateCartRequestSchema = z.object({
  version: CartVersionSchema,
  name: z.optional(CartNameSchema),
  /** `true` makes this the active cart (the previous one becomes a saved cart). */
  active: z.optional(z.literal(true)),
});
export type UpdateCartRequest = z.infer<typeof UpdateCartRequestSchema>;

export const CartEventKindSchema = z.enum(['created', 'changed', 'renamed', 'activated', 'handed_off', 'claimed']);
export type CartEventKind = z.infer<typeof CartEventKindSchema>;

/** One entry of a cart's history. */
export const CartEventSchema = z.object({
  at: InstantSchema,
  kind: CartEventKindSchema,
  version: CartVersionSchema,
  via: ChannelRefSchema,
  /** The user who did it; `null` for a partner portal or an API key. */
  actor: z.nullable(z.object({ userId: UserIdSchema, name: z.string() })),
  /** What changed: `{ added, updated, removed }` counts, a new name, the hand-off target. */
  data: z.record(z.string(), z.unknown()),
});
export type CartEvent = z.infer<typeof CartEventSchema>;
export const CartHistorySchema = z.object({ items: z.array(CartEventSchema) });
export type CartHistory = z.infer<typeof CartHistorySchema>;

/** Hand a cart to a named colleague (at once) or to another channel (by a short-lived code). */
export const HandOffRequestSchema = z.discriminatedUnion('to', [
  z.object({ to: z.literal('colleague'), userId: UserIdSchema }),
  z.object({ to: z.literal('channel'), channel: ChannelSchema }),
]);
export type HandOffRequest = z.infer<typeof HandOffRequestSchema>;

/** Hand-off codes look like `KH-7F3K-92QX` (Crockford base32; case and dashes do not matter). */
export const HandOffCodeSchema = z.string().check(z.trim(), z.minLength(8), z.maxLength(24), z.regex(/^[A-Za-z0-9 -]+$/, { error: 'Expected a hand-off code like KH-7F3K-92QX' }));

export const HandOffSchema = z.object({
  to: z.enum(['colleague', 'channel']),
  /** For a channel: the code the other side claims the cart with; `null` for a colleague. */
  code: z.nullable(z.string()),
  expiresAt: z.nullable(InstantSchema),
  channel: z.nullable(ChannelSchema),
  /** For a colleague: who has the cart now. */
  owner: CartOwnerSchema,
});
export type HandOff = z.infer<typeof HandOffSchema>;

export const ClaimHandOffRequestSchema = z.object({ code: HandOffCodeSchema });
export type ClaimHandOffRequest = z.infer<typeof ClaimHandOffRequestSchema>;

/** A colleague a cart can be handed to. */
export const ColleagueSchema = z.object({ id: UserIdSchema, name: z.string(), email: z.string() });
export type Colleague = z.infer<typeof ColleagueSchema>;
export const ColleagueListSchema = z.object({ items: z.array(ColleagueSchema) });
