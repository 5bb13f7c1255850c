import * as z from 'zod/mini';
import { CountrySchema, DaySchema } from '../availability/availability.schema.js';
import { CartIdSchema, CartVersionSchema, ChannelRefSchema } from '../cart/cart.schema.js';
import { LocalizedTextSchema, SkuSchema, TaxClassSchema, UnitSchema } from '../catalogue/product.schema.js';
import { UserIdSchema } from '../identity/identity.schema.js';
import { idSchema, InstantSchema, multiLineText, pageOf, singleLineText } from '../internal/schema-helpers.js';
import { CurrencySchema, MoneySchema } from '../money/money.schema.js';
import { TotalsSchema } from '../pricing/pricing.schema.js';
import { isValidIban, normalizeIban } from './iban.logic.js';

export const OrderIdSchema = idSchema('ord');
export const AddressIdSchema = idSchema('adr');

/** The human order number: `K-2026-000123` (year of placement, six digits, unique). */
export const OrderNumberSchema = z.string().check(z.regex(/^K-\d{4}-\d{6,}$/, { error: 'Expected an order number like K-2026-000123' }));

// Free text goes on to the ERP, mails and documents: clean, on one line (internal/schema-helpers.ts).
const text = (max: number) => singleLineText(max);
const required = (max: number) => singleLineText(max, 1);

/** Postcodes of the countries Kontor delivers to; others need at least one character. */
const POSTCODE: Record<string, RegExp> = {
  DE: /^\d{5}$/,
  AT: /^\d{4}$/,
  CH: /^\d{4}$/,
  NL: /^\d{4} ?[A-Z]{2}$/i,
};

/**
 * A delivery address. The postcode is required and checked by country (DE five digits,
 * AT/CH four, NL `1234 AB`).
 */
export const AddressSchema = z
  .object({
    /** Company or recipient. */
    name: required(100),
    /** Department, person, floor (optional). */
    addition: z.optional(text(100)),
    street: required(100),
    postcode: required(10),
    city: required(60),
    country: CountrySchema,
  })
  .check(
    // An empty postcode is the `required` issue of the field already.
    z.refine((a) => !a.postcode || (POSTCODE[a.country] ?? /./).test(a.postcode), {
      error: 'Not a valid postcode for this country',
      path: ['postcode'],
      params: { code: 'postcode' },
    }),
  );
export type Address = z.infer<typeof AddressSchema>;

/** An address the company saved. */
export const SavedAddressSchema = z.object({
  id: AddressIdSchema,
  label: z.string(),
  address: AddressSchema,
  isDefault: z.boolean(),
});
export type SavedAddress = z.infer<typeof SavedAddressSchema>;
export const SavedAddressListSchema = z.object({ items: z.array(SavedAddressSchema) });

export const PaymentMethodSchema = z.enum(['invoice', 'prepayment', 'sepa_debit']);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

/** An IBAN in any spacing or case; checked (country, length, checksum) by ibantools. */
export const IbanSchema = z.pipe(
  z.string().check(z.maxLength(50)),
  z.transform((value) => normalizeIban(value)),
).check(z.refine((iban) => isValidIban(iban), { error: 'Not a valid IBAN', params: { code: 'iban' } }));

/**
 * How the buyer pays: on account (`invoice`, within the company's credit limit), `prepayment`
 * (the seller's bank details are shown and mailed), or `sepa_debit` with the account holder's IBAN
 * and consent to the mandate.
 */
export const PaymentInputSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('invoice') }),
  z.object({ method: z.literal('prepayment') }),
  z.object({
    method: z.literal('sepa_debit'),
    accountHolder: required(70),
    iban: IbanSchema,
    /** The buyer accepts the SEPA direct debit mandate text shown at checkout. */
    mandateAccepted: z.literal(true),
  }),
]);
export type PaymentInput = z.input<typeof PaymentInputSchema>;

/** Where to deliver: a saved address, or a new one (optionally saved for next time). */
export const DeliveryAddressInputSchema = z.union([
  z.object({ addressId: AddressIdSchema }),
  z.object({ address: AddressSchema, save: z.optional(z.boolean()), label: z.optional(required(60)) }),
]);
export type DeliveryAddressInput = z.input<typeof DeliveryAddressInputSchema>;

/**
 * Place the cart as an order. `cartVersion` and `expectedGross` are what the buyer saw: when the
 * cart, a price or the availability changed since, the answer is a 409 with what changed and
 * nothing is placed. Send an `Idempotency-Key`: a retry returns the same order.
 */
export const PlaceOrderRequestSchema = z.object({
  cartId: CartIdSchema,
  cartVersion: CartVersionSchema,
  expectedGross: MoneySchema,
  /**
   * The lines as the buyer saw them: unit price and promised delivery day. A line whose price or
   * promise differs now is reported in the 409's `details.changes` (kind `price` / `availability`);
   * with `quantity`, a changed quantity is `quantity`, and lines gone or new since are `removed` / `added`.
   */
  expectedLines: z.optional(
    z
      .array(z.object({ sku: SkuSchema, quantity: z.optional(z.int().check(z.minimum(1))), unitPrice: MoneySchema, promisedDelivery: z.nullable(DaySchema) }))
      .check(z.maxLength(5000)),
  ),
  deliveryAddress: DeliveryAddressInputSchema,
  /**
   * A delivery day of the destination (no weekend day, no holiday) not before the earliest
   * possible one and at most a year ahead (the server's horizon); else a 422
   * `delivery_date_too_early` / `delivery_date_too_late` / `delivery_date_closed` at this path.
   */
  requestedDeliveryDate: z.optional(DaySchema),
  purchaseOrderNumber: z.optional(text(35)),
  costCenter: z.optional(text(35)),
  comment: z.optional(multiLineText(1000)),
  payment: PaymentInputSchema,
});
export type PlaceOrderRequest = z.input<typeof PlaceOrderRequestSchema>;

export const OrderStatusSchema = z.enum(['placed', 'confirmed', 'in_fulfilment', 'shipped', 'delivered', 'cancelled']);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

/** One line as it was ordered: prices, tax and the promise are a snapshot of the moment of placement. */
export const OrderLineSchema = z.object({
  sku: SkuSchema,
  name: LocalizedTextSchema,
  unit: UnitSchema,
  quantity: z.int(),
  priceUnit: z.int(),
  unitPrice: MoneySchema,
  net: MoneySchema,
  taxClass: TaxClassSchema,
  taxRate: z.int(),
  /**
   * The day this line arrives: the order's `promisedDelivery` (an order is one consignment), never
   * before what the checkout promised.
   */
  promisedDelivery: z.nullable(DaySchema),
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

/** One step of an order's life. */
export const OrderEventSchema = z.object({
  status: OrderStatusSchema,
  at: InstantSchema,
  note: z.nullable(z.string()),
  carrier: z.nullable(z.string()),
  trackingNumber: z.nullable(z.string()),
});
export type OrderEvent = z.infer<typeof OrderEventSchema>;

export const TrackingSchema = z.object({
  carrier: z.string(),
  trackingNumber: z.string(),
  /** The carrier's tracking page, when Kontor knows its pattern. */
  url: z.nullable(z.string()),
});
export type Tracking = z.infer<typeof TrackingSchema>;

/** The seller's bank account for prepayment; the order number is the transfer reference. */
export const BankDetailsSchema = z.object({
  accountHolder: z.string(),
  iban: z.string(),
  bic: z.string(),
  bank: z.string(),
  reference: z.string(),
});
export type BankDetails = z.infer<typeof BankDetailsSchema>;

export const OrderPaymentSchema = z.object({
  method: PaymentMethodSchema,
  /** SEPA: the IBAN with all but the last four digits hidden. */
  ibanMasked: z.nullable(z.string()),
  accountHolder: z.nullable(z.string()),
  /** SEPA: the mandate reference (Mandatsreferenz). */
  mandateReference: z.nullable(z.string()),
  /** Prepayment: where to transfer the gross total to. */
  bankDetails: z.nullable(BankDetailsSchema),
});
export type OrderPayment = z.infer<typeof OrderPaymentSchema>;

const orderHead = {
  id: OrderIdSchema,
  number: OrderNumberSchema,
  status: OrderStatusSchema,
  placedAt: InstantSchema,
  /** `externalUserRef`: for an order through a partner's portal, the partner's own id of the person (from the customer token), else absent or `null`. */
  placedBy: z.object({ userId: z.nullable(UserIdSchema), name: z.string(), externalUserRef: z.optional(z.nullable(z.string())) }),
  via: ChannelRefSchema,
  currency: CurrencySchema,
  totals: TotalsSchema,
  lineCount: z.int(),
  purchaseOrderNumber: z.nullable(z.string()),
  costCenter: z.nullable(z.string()),
  requestedDeliveryDate: z.nullable(DaySchema),
  /**
   * The day the order is expected: the later of the requested day and the latest promise of its
   * lines at placement, on a delivery day (`expectedDelivery`). Every line says the same day.
   */
  promisedDelivery: z.nullable(DaySchema),
  tracking: z.nullable(TrackingSchema),
  updatedAt: InstantSchema,
};

/** An order with its lines, addresses, payment and timeline. */
export const OrderSchema = z.object({
  ...orderHead,
  lines: z.array(OrderLineSchema),
  deliveryAddress: AddressSchema,
  comment: z.nullable(z.string()),
  payment: OrderPaymentSchema,
  timeline: z.array(OrderEventSchema),
});
export type Order = z.infer<typeof OrderSchema>;

export const OrderSummarySchema = z.object(orderHead);
export type OrderSummary = z.infer<typeof OrderSummarySchema>;
export const OrderPageSchema = pageOf(OrderSummarySchema);
export type OrderPage = z.infer<typeof OrderPageSchema>;

/** Filters of the order history. Dates are days of placement (inclusive). */
export const OrderListQuerySchema = z.object({
  status: z.optional(OrderStatusSchema),
  from: z.optional(DaySchema),
  to: z.optional(DaySchema),
  /** Purchase-order number (exact, case-insensitive). */
  po: z.optional(z.string().check(z.maxLength(35))),
  /** Order number, PO number, cost center or SKU contained. */
  q: z.optional(z.string().check(z.maxLength(100))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
});
export type OrderListQuery = z.infer<typeof OrderListQuerySchema>;

/**
 * The days deliveries to a country arrive on, as data: the weekdays never delivered on (0 Sunday …
 * 6 Saturday) and the further non-delivery days (holidays) from today on, as far as they are known.
 * `deliveryCalendarOf()` makes the business calendar of it.
 */
export const DeliveryCalendarSchema = z.object({
  weekend: z.array(z.int().check(z.minimum(0), z.maximum(6))).check(z.maxLength(6)),
  holidays: z.array(DaySchema).check(z.maxLength(2000)),
});
export type DeliveryCalendar = z.infer<typeof DeliveryCalendarSchema>;

/** What the checkout offers the caller for a cart. */
export const CheckoutOptionsSchema = z.object({
  addresses: z.array(SavedAddressSchema),
  payment: z.array(
    z.object({
      method: PaymentMethodSchema,
      available: z.boolean(),
      /** Why not, e.g. `credit_limit`. */
      reason: z.nullable(z.string()),
    }),
  ),
  /** On account: the company's limit and what is left after open orders; `null` when it has none. */
  credit: z.nullable(z.object({ limit: MoneySchema, used: MoneySchema, remaining: MoneySchema })),
  /** The earliest day the whole cart can be delivered to the default (or given) country. */
  earliestDelivery: z.nullable(DaySchema),
  /** The delivery days of that country: a requested delivery day must be one of them. */
  deliveryCalendar: DeliveryCalendarSchema,
  /** The seller's account for prepayment. */
  bankDetails: z.nullable(BankDetailsSchema),
  /** Text of the SEPA direct debit mandate the buyer accepts (in the request's language). */
  sepaMandateText: z.string(),
});
export type CheckoutOptions = z.infer<typeof CheckoutOptionsSchema>;

export const CheckoutOptionsQuerySchema = z.object({
  cartId: CartIdSchema,
  /** Destination country for the earliest delivery date; default the default address's. */
  country: z.optional(CountrySchema),
});

/** What changed in a cart between display and placement (the `details.changes` of a 409). */
export const CartDriftSchema = z.object({
  sku: z.string(),
  kind: z.enum(['price', 'availability', 'removed', 'added', 'quantity', 'not_orderable']),
  before: z.nullable(z.string()),
  after: z.nullable(z.string()),
});
export type CartDrift = z.infer<typeof CartDriftSchema>;

/** One status change from the seller's ERP. */
export const OrderStatusUpdateSchema = z.object({
  number: OrderNumberSchema,
  status: OrderStatusSchema,
  /** When it happened; default now. */
  at: z.optional(InstantSchema),
  note: z.optional(multiLineText(500)),
  /** Required for `shipped`. */
  carrier: z.optional(required(60)),
  trackingNumber: z.optional(required(60)),
});
export type OrderStatusUpdate = z.infer<typeof OrderStatusUpdateSchema>;

/** Status and tracking of many orders at once, all or nothing (ERP key). */
export const OrderStatusUpdateRequestSchema = z.object({
  updates: z.array(OrderStatusUpdateSchema).check(z.minLength(1), z.maxLength(1000)),
});
export type OrderStatusUpdateRequest = z.infer<typeof OrderStatusUpdateRequestSchema>;
export const OrderStatusUpdateResultSchema = z.object({ updated: z.int() });

/**
 * The events the outbox delivers to webhooks, signed with HMAC-SHA256. An order's events are
 * numbered (`sequence` 1 = `order.placed`, then 2, 3 …) and reach each webhook in that order; a
 * replayed dead letter can still come late, so keep the highest `sequence` seen per order.
 */
export const OrderWebhookEventSchema = z.object({
  id: z.string(),
  type: z.enum(['order.placed', 'order.status_changed']),
  /** The event's number among its order's events, from 1. */
  sequence: z.int().check(z.positive()),
  occurredAt: InstantSchema,
  data: z.object({ order: OrderSchema, previousStatus: z.nullable(OrderStatusSchema) }),
});
export type OrderWebhookEvent = z.infer<typeof OrderWebhookEventSchema>;
