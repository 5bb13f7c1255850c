import * as z from 'zod/mini';
import { DaySchema } from '../availability/availability.schema.js';
import { CartIdSchema } from '../cart/cart.schema.js';
import { LocalizedTextSchema, SkuSchema, TaxClassSchema, UnitSchema } from '../catalogue/product.schema.js';
import { CompanyIdSchema } from '../identity/identity.schema.js';
import { idSchema, InstantSchema, multiLineText, pageOf, QuantitySchema, singleLineText } from '../internal/schema-helpers.js';
import { CurrencySchema, MoneySchema } from '../money/money.schema.js';
import { DeliveryAddressInputSchema, OrderIdSchema, OrderNumberSchema, OrderSchema, PaymentInputSchema } from '../orders/order.schema.js';

// Offers ("Angebote"): the buyer asks for prices (a request, from a cart or from scratch), the
// seller's sales rep answers with an offer — lines at list price, at an offered unit price or a
// line discount, a discount on the whole offer, extra lines (freight, setup), a validity date,
// payment and delivery terms — and they go back and forth: every version sent is kept, any two
// compare line by line. An accepted offer becomes an order, or a standing order at its prices.

export const OfferIdSchema = idSchema('ofr');
export const OfferRequestIdSchema = idSchema('orq');
export const SellerUserIdSchema = idSchema('rep');

/**
 * An offer's optimistic-concurrency `version`: every accepted change increments it; send it back
 * with each change (stale: 409 `conflict`). Not to be confused with the versions of its content
 * (`versions[].number`, `versionNumber`), which only sending makes.
 */
export const OfferStateVersionSchema = z.int().check(z.minimum(0));
/** The number of a version of an offer's content: 1, 2, 3 … (the buyer sees "version 2"). */
export const OfferVersionNumberSchema = z.int().check(z.minimum(1), z.maximum(1000));

/** Most lines one request or offer holds. */
export const MAX_OFFER_LINES = 500;
/** Most extra lines (freight, setup …) of an offer. */
export const MAX_OFFER_EXTRAS = 20;

/**
 * A discount in basis points: 1250 = 12.5 %. Outside 0–10,000 (0–100 %) is the issue
 * `discount_range` (params `value`).
 */
export const DiscountBpSchema = z.int().check(
  z.refine((v) => v >= 0 && v <= 10_000, { error: 'Discount out of range', params: { code: 'discount_range' }, abort: true }),
);

/** An amount of money that is not negative (`price_negative`). */
export const NonNegativeMoneySchema = z.object({
  amount: z.int().check(
    z.refine((v) => v >= 0, { error: 'Negative price', params: { code: 'price_negative' }, abort: true }),
    z.maximum(Number.MAX_SAFE_INTEGER),
  ),
  currency: CurrencySchema,
});

/** Every SKU once (`offer_duplicate_sku` at the repeated line's `sku`, params `sku`, `first`). */
const uniqueSkus = <T extends { sku: string }>() =>
  z.superRefine<T[]>((lines, ctx) => {
    const first = new Map<string, number>();
    lines.forEach((line, i) => {
      const seen = first.get(line.sku);
      if (seen === undefined) first.set(line.sku, i);
      else ctx.addIssue({ code: 'custom', message: 'Duplicate SKU', path: [i, 'sku'], params: { code: 'offer_duplicate_sku', sku: line.sku, first: seen } });
    });
  });

// ── the request ──────────────────────────────────────────────────────────────────────────────

export const OfferRequestLineSchema = z.object({
  sku: SkuSchema,
  quantity: QuantitySchema,
  /** What the buyer says about this line ("as an alternative also …"). */
  note: z.optional(singleLineText(200)),
});
export type OfferRequestLine = z.infer<typeof OfferRequestLineSchema>;

/**
 * Ask for an offer (send an `Idempotency-Key`: a double submit makes one request). From a cart of
 * the caller (`from`; its lines unless `lines` are given) or from scratch (`lines`), with a message
 * and the day the buyer would like the goods (`desiredDate`).
 */
export const CreateOfferRequestBodySchema = z.object({
  from: z.optional(z.object({ kind: z.literal('cart'), cartId: CartIdSchema })),
  lines: z.optional(z.array(OfferRequestLineSchema).check(z.minLength(1), z.maxLength(MAX_OFFER_LINES), uniqueSkus())),
  message: z.optional(multiLineText(2000)),
  desiredDate: z.optional(DaySchema),
});
export type CreateOfferRequestBody = z.input<typeof CreateOfferRequestBodySchema>;

/** `open`: no offer yet; `offered`: a rep drafted or sent an offer for it (`offerId`). */
export const OfferRequestStatusSchema = z.enum(['open', 'offered']);
export type OfferRequestStatus = z.infer<typeof OfferRequestStatusSchema>;

export const CompanyRefSchema = z.object({ id: CompanyIdSchema, name: z.string(), customerNumber: z.string() });
export type CompanyRef = z.infer<typeof CompanyRefSchema>;

export const OfferRequestSchema = z.object({
  id: OfferRequestIdSchema,
  status: OfferRequestStatusSchema,
  company: CompanyRefSchema,
  lines: z.array(OfferRequestLineSchema),
  message: z.nullable(z.string()),
  desiredDate: z.nullable(DaySchema),
  /** Who asked: a user of the company, or the partner portal's name. */
  requestedBy: z.object({ name: z.string() }),
  /** The cart it came from, if any (the cart stays as it is). */
  cartId: z.nullable(CartIdSchema),
  offerId: z.nullable(OfferIdSchema),
  createdAt: InstantSchema,
});
export type OfferRequest = z.infer<typeof OfferRequestSchema>;
export const OfferRequestPageSchema = pageOf(OfferRequestSchema);
export type OfferRequestPage = z.infer<typeof OfferRequestPageSchema>;

// ── an offer's content, as the rep writes it ─────────────────────────────────────────────────

/**
 * How a line is priced: at the buyer's `list` price (the price list at the quantity), at an
 * offered `unit_price` (per the product's price unit, not negative), or with a `discount` off the
 * list price (basis points, 0–100 %).
 */
export const OfferLinePricingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('list') }),
  z.object({ kind: z.literal('unit_price'), unitPrice: NonNegativeMoneySchema }),
  z.object({ kind: z.literal('discount'), discountBp: DiscountBpSchema }),
]);
export type OfferLinePricing = z.infer<typeof OfferLinePricingSchema>;

export const OfferLineInputSchema = z.object({ sku: SkuSchema, quantity: QuantitySchema, pricing: OfferLinePricingSchema });
export type OfferLineInput = z.infer<typeof OfferLineInputSchema>;

/** A line that is no product: freight, setup, other (a label, a net amount not negative, its tax class). */
export const OfferExtraSchema = z.object({
  kind: z.enum(['freight', 'setup', 'other']),
  label: singleLineText(200, 1),
  amount: NonNegativeMoneySchema,
  taxClass: TaxClassSchema,
});
export type OfferExtra = z.infer<typeof OfferExtraSchema>;

/**
 * What a version of an offer says. `validUntil`: the last day (seller's time zone) it can be
 * accepted; `priceValidUntil`: the last day its prices hold in a standing order made from it
 * (default `validUntil`, never before it: `price_valid_before_validity`).
 */
export const OfferContentInputSchema = z
  .object({
    lines: z.array(OfferLineInputSchema).check(z.minLength(1), z.maxLength(MAX_OFFER_LINES), uniqueSkus()),
    extras: z.optional(z.array(OfferExtraSchema).check(z.maxLength(MAX_OFFER_EXTRAS))),
    /** A discount on the whole offer's product lines (not on extras), after the line prices. */
    discountBp: z.optional(DiscountBpSchema),
    validUntil: DaySchema,
    priceValidUntil: z.optional(DaySchema),
    paymentTerms: z.optional(singleLineText(500)),
    deliveryTerms: z.optional(singleLineText(500)),
    /** The rep's comment to the buyer. */
    comment: z.optional(multiLineText(4000)),
  })
  .check(
    z.superRefine((c, ctx) => {
      if (c.priceValidUntil !== undefined && c.priceValidUntil < c.validUntil) {
        ctx.addIssue({ code: 'custom', message: 'Prices end before the offer', path: ['priceValidUntil'], params: { code: 'price_valid_before_validity', validUntil: c.validUntil } });
      }
    }),
  );
export type OfferContentInput = z.input<typeof OfferContentInputSchema>;

// ── an offer's versions, priced ──────────────────────────────────────────────────────────────

/** A product line of a version, priced. Unit prices are per `priceUnit` units. */
export const OfferLineSchema = z.object({
  sku: SkuSchema,
  name: LocalizedTextSchema,
  unit: UnitSchema,
  priceUnit: z.int().check(z.minimum(1)),
  quantity: QuantitySchema,
  taxClass: TaxClassSchema,
  /** Basis points (1900 = 19 %). */
  taxRate: z.int(),
  /** The buyer's list price at this quantity when the version was drafted. */
  listUnitPrice: MoneySchema,
  pricing: OfferLinePricingSchema,
  /** The line's price before the whole-offer discount. */
  offeredUnitPrice: MoneySchema,
  /** What the buyer pays per price unit: the offered price less the whole-offer discount. The price of an order or standing order made from it. */
  unitPrice: MoneySchema,
  /** `unitPrice` below `listUnitPrice`, in basis points (0 at list price, negative above it). */
  discountBp: z.int(),
  listNet: MoneySchema,
  net: MoneySchema,
});
export type OfferLine = z.infer<typeof OfferLineSchema>;

export const OfferExtraLineSchema = z.extend(OfferExtraSchema, { taxRate: z.int() });
export type OfferExtraLine = z.infer<typeof OfferExtraLineSchema>;

export const OfferTotalsSchema = z.object({
  /** The product lines at list prices. */
  listNet: MoneySchema,
  /** The product lines at the offer's prices (line prices and the whole-offer discount). */
  linesNet: MoneySchema,
  /** `listNet − linesNet`: what the offer saves on the products. */
  savings: MoneySchema,
  /** The savings in basis points of `listNet` (the figure an approval threshold is checked against). */
  discountBp: z.int(),
  extrasNet: MoneySchema,
  net: MoneySchema,
  taxes: z.array(z.object({ rate: z.int(), net: MoneySchema, tax: MoneySchema })),
  tax: MoneySchema,
  gross: MoneySchema,
});
export type OfferTotals = z.infer<typeof OfferTotalsSchema>;

export const PersonRefSchema = z.object({ id: z.string(), name: z.string() });

/** One version of an offer: what the rep sent (or drafts), priced. */
export const OfferVersionSchema = z.object({
  number: OfferVersionNumberSchema,
  currency: CurrencySchema,
  lines: z.array(OfferLineSchema),
  extras: z.array(OfferExtraLineSchema),
  discountBp: z.int(),
  totals: OfferTotalsSchema,
  validUntil: DaySchema,
  priceValidUntil: DaySchema,
  paymentTerms: z.nullable(z.string()),
  deliveryTerms: z.nullable(z.string()),
  comment: z.nullable(z.string()),
  createdAt: InstantSchema,
  /** `null` while it is a draft. */
  sentAt: z.nullable(InstantSchema),
  sentBy: z.nullable(PersonRefSchema),
});
export type OfferVersion = z.infer<typeof OfferVersionSchema>;

/**
 * Where an offer is: `draft` (nothing sent yet), `sent` (the latest version waits for the buyer),
 * `changes_requested` (the buyer asked for changes; the rep drafts the next version), and the
 * ends `accepted`, `rejected`, `expired` (past its validity), `withdrawn` (by the rep).
 */
export const OfferStatusSchema = z.enum(['draft', 'sent', 'changes_requested', 'accepted', 'rejected', 'expired', 'withdrawn']);
export type OfferStatus = z.infer<typeof OfferStatusSchema>;

/** What happened to an offer, oldest first: who did what to which version, with their words. */
export const OfferEventSchema = z.object({
  at: InstantSchema,
  kind: z.enum(['created', 'sent', 'changes_requested', 'accepted', 'rejected', 'expired', 'withdrawn', 'approved']),
  versionNumber: z.nullable(OfferVersionNumberSchema),
  by: z.nullable(z.object({ side: z.enum(['buyer', 'seller', 'system']), name: z.string() })),
  /** The buyer's comment (changes), reason (rejection) or the rep's reason (withdrawal). */
  text: z.nullable(z.string()),
  /** Lines the buyer would like instead (with a request for changes). */
  lines: z.nullable(z.array(OfferRequestLineSchema)),
});
export type OfferEvent = z.infer<typeof OfferEventSchema>;

/** What an accepted offer became. */
export const OfferResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('order'), orderId: OrderIdSchema, orderNumber: OrderNumberSchema }),
  z.object({ kind: z.literal('standing_order'), standingOrderId: z.string() }),
]);
export type OfferResult = z.infer<typeof OfferResultSchema>;

const offerShape = {
  id: OfferIdSchema,
  /** Human number, e.g. `ANG-2026-000012`. */
  number: z.string(),
  /** Send it back with every change (stale: 409 `conflict` with the current offer in `details.offer`). */
  version: OfferStateVersionSchema,
  status: OfferStatusSchema,
  company: CompanyRefSchema,
  requestId: z.nullable(OfferRequestIdSchema),
  /** The sales rep who answers it. */
  rep: z.object({ name: z.string(), email: z.string() }),
  /** Every version sent, oldest first (a draft is not among them). */
  versions: z.array(OfferVersionSchema),
  /** The latest sent version's number: the one the buyer can accept. `null` before the first is sent. */
  currentVersion: z.nullable(OfferVersionNumberSchema),
  /** The current version's validity, for lists and countdowns. */
  validUntil: z.nullable(DaySchema),
  history: z.array(OfferEventSchema),
  acceptedVersion: z.nullable(OfferVersionNumberSchema),
  result: z.nullable(OfferResultSchema),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
};

/** An offer as the buyer sees it: only sent versions. */
export const OfferSchema = z.object(offerShape);
export type Offer = z.infer<typeof OfferSchema>;
export const OfferPageSchema = pageOf(OfferSchema);
export type OfferPage = z.infer<typeof OfferPageSchema>;

/**
 * Whether the draft may be sent: `needed` when its savings (`discountBp`) are above the rep's
 * limit (`limitBp`); then a second rep approves it (`approvedBy`). Any change to the draft
 * drops an approval.
 */
export const OfferApprovalSchema = z.object({
  needed: z.boolean(),
  discountBp: z.int(),
  limitBp: z.int(),
  approvedBy: z.nullable(PersonRefSchema),
  approvedAt: z.nullable(InstantSchema),
});
export type OfferApproval = z.infer<typeof OfferApprovalSchema>;

/** An offer as the seller's reps see it: with the draft of the next version and its approval. */
export const SellerOfferSchema = z.object({
  ...offerShape,
  rep: z.object({ id: SellerUserIdSchema, name: z.string(), email: z.string() }),
  draft: z.nullable(OfferVersionSchema),
  approval: z.nullable(OfferApprovalSchema),
});
export type SellerOffer = z.infer<typeof SellerOfferSchema>;
export const SellerOfferPageSchema = pageOf(SellerOfferSchema);
export type SellerOfferPage = z.infer<typeof SellerOfferPageSchema>;

// ── comparing ────────────────────────────────────────────────────────────────────────────────

/** A line as a comparison reads it: a request's line has no price. */
export const ComparedLineSchema = z.object({ quantity: z.int(), unitPrice: z.nullable(MoneySchema), net: z.nullable(MoneySchema) });

/** How one SKU differs between two versions (or a request and a version). */
export const OfferLineDiffSchema = z.object({
  sku: SkuSchema,
  kind: z.enum(['added', 'removed', 'changed', 'unchanged']),
  before: z.nullable(ComparedLineSchema),
  after: z.nullable(ComparedLineSchema),
  quantityChanged: z.boolean(),
  priceChanged: z.boolean(),
});
export type OfferLineDiff = z.infer<typeof OfferLineDiffSchema>;

export const OfferComparisonSchema = z.object({
  /** `0` stands for the request the offer answers. */
  from: z.int().check(z.minimum(0)),
  to: OfferVersionNumberSchema,
  lines: z.array(OfferLineDiffSchema),
  /** Extra lines by kind and label. */
  extras: z.array(z.object({ kind: z.string(), label: z.string(), before: z.nullable(MoneySchema), after: z.nullable(MoneySchema) })),
  gross: z.object({ before: z.nullable(MoneySchema), after: MoneySchema }),
  validUntil: z.object({ before: z.nullable(DaySchema), after: DaySchema }),
});
export type OfferComparison = z.infer<typeof OfferComparisonSchema>;

// ── the buyer's answers ──────────────────────────────────────────────────────────────────────

const answerShape = {
  version: OfferStateVersionSchema,
  /** The version the buyer answers: it must be the current one (`offer_not_acceptable`, issue `offer_version_superseded`). */
  versionNumber: OfferVersionNumberSchema,
};

/**
 * Accept the current version, exactly once per `Idempotency-Key`: `into` an `order` (placed at
 * once at the offer's prices through the checkout's placement) or a `standing_order` (the offer's
 * lines at its prices, fixed until `priceValidUntil`). The schedule is the standing orders'
 * (`ScheduleInput`: RRULE text or the structured form), checked by the server.
 */
export const AcceptOfferBodySchema = z.object({
  ...answerShape,
  into: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('order'),
      deliveryAddress: DeliveryAddressInputSchema,
      payment: PaymentInputSchema,
      requestedDeliveryDate: z.optional(DaySchema),
      purchaseOrderNumber: z.optional(singleLineText(35)),
      costCenter: z.optional(singleLineText(35)),
      comment: z.optional(multiLineText(1000)),
    }),
    z.object({
      kind: z.literal('standing_order'),
      name: z.optional(singleLineText(100, 1)),
      deliveryAddress: DeliveryAddressInputSchema,
      payment: PaymentInputSchema,
      /** A standing order's `schedule` (see `CreateStandingOrderRequestSchema`); validated by the server with the standing orders' rules. */
      schedule: z.record(z.string(), z.unknown()),
      purchaseOrderPattern: z.optional(z.string().check(z.maxLength(60))),
      shortage: z.optional(z.enum(['backorder', 'omit_line', 'hold_run'])),
      reminderDays: z.optional(z.int().check(z.minimum(0), z.maximum(30))),
    }),
  ]),
});
export type AcceptOfferBody = z.input<typeof AcceptOfferBodySchema>;

export const AcceptOfferResultSchema = z.object({
  offer: OfferSchema,
  /** The order placed (`into: order`). */
  order: z.nullable(OrderSchema),
  /** The standing order set up (`into: standing_order`): its id; read it with the standing-orders client. */
  standingOrderId: z.nullable(z.string()),
});
export type AcceptOfferResult = z.infer<typeof AcceptOfferResultSchema>;

export const RejectOfferBodySchema = z.object({ ...answerShape, reason: multiLineText(1000).check(z.minLength(1)) });
export type RejectOfferBody = z.input<typeof RejectOfferBodySchema>;

export const RequestOfferChangesBodySchema = z.object({
  ...answerShape,
  comment: multiLineText(2000).check(z.minLength(1)),
  /** The lines the buyer would like instead, if they say so. */
  lines: z.optional(z.array(OfferRequestLineSchema).check(z.minLength(1), z.maxLength(MAX_OFFER_LINES), uniqueSkus())),
});
export type RequestOfferChangesBody = z.input<typeof RequestOfferChangesBodySchema>;

const cursor = z.optional(z.string().check(z.maxLength(200)));
const limit = z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)));

export const OfferListQuerySchema = z.object({ status: z.optional(OfferStatusSchema), cursor, limit });
export type OfferListQuery = z.infer<typeof OfferListQuerySchema>;
export const OfferRequestListQuerySchema = z.object({ status: z.optional(OfferRequestStatusSchema), cursor, limit });
export type OfferRequestListQuery = z.infer<typeof OfferRequestListQuerySchema>;
export const OfferCompareQuerySchema = z.object({
  /** A version number, or `0` for the request (default: the version before `to`). */
  from: z.optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(1000))),
  /** Default: the current version. */
  to: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000))),
});
export type OfferCompareQuery = z.infer<typeof OfferCompareQuerySchema>;
export const OfferDocumentQuerySchema = z.object({
  lang: z.optional(z.enum(['de', 'en'])),
  /** Default: the current version (for reps: the draft when nothing is sent yet). */
  version: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000))),
});

// ── the seller's side ────────────────────────────────────────────────────────────────────────

export const SellerLoginRequestSchema = z.object({
  email: z.email().check(z.maxLength(254)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type SellerLoginRequest = z.infer<typeof SellerLoginRequestSchema>;

/** A member of the seller's staff (a sales rep). */
export const SellerUserSchema = z.object({
  id: SellerUserIdSchema,
  email: z.string(),
  name: z.string(),
  locale: z.enum(['de', 'en']),
  /** Offers saving more than this (basis points of list) need a second rep's approval. */
  approvalLimitBp: z.int(),
});
export type SellerUser = z.infer<typeof SellerUserSchema>;

export const SellerSessionSchema = z.object({ token: z.string(), expiresAt: InstantSchema, user: SellerUserSchema });
export type SellerSession = z.infer<typeof SellerSessionSchema>;

export const SellerCompanyListSchema = z.object({ items: z.array(CompanyRefSchema) });

export const SellerOfferListQuerySchema = z.object({ status: z.optional(OfferStatusSchema), companyId: z.optional(CompanyIdSchema), cursor, limit });
export type SellerOfferListQuery = z.infer<typeof SellerOfferListQuerySchema>;

/**
 * Draft an offer (send an `Idempotency-Key`): `from` a request (its lines at list price unless
 * `content` says otherwise; validity 30 days unless given) or from scratch for a `companyId` with
 * `content`.
 */
export const CreateOfferBodySchema = z.union([
  z.object({ from: z.object({ kind: z.literal('request'), requestId: OfferRequestIdSchema }), content: z.optional(OfferContentInputSchema) }),
  z.object({ companyId: CompanyIdSchema, content: OfferContentInputSchema }),
]);
export type CreateOfferBody = z.input<typeof CreateOfferBodySchema>;

/** Write the draft of the next version (after changes were requested, or to revise a sent offer) against `version`. */
export const UpdateOfferDraftBodySchema = z.object({ version: OfferStateVersionSchema, content: OfferContentInputSchema });
export type UpdateOfferDraftBody = z.input<typeof UpdateOfferDraftBodySchema>;

export const OfferVersionBodySchema = z.object({ version: OfferStateVersionSchema });
export type OfferVersionBody = z.infer<typeof OfferVersionBodySchema>;

export const WithdrawOfferBodySchema = z.object({ version: OfferStateVersionSchema, reason: z.optional(multiLineText(1000)) });
export type WithdrawOfferBody = z.input<typeof WithdrawOfferBodySchema>;

/** The offer's `details` on a stale version (409 `conflict`). */
export type OfferConflictDetails = { offer: Offer | SellerOffer };
