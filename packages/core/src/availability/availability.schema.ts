import * as z from 'zod/mini';
import { ErrorIssueSchema } from '../errors/error-body.schema.js';
import { ProductStatusSchema, SkuSchema } from '../catalogue/product.schema.js';
import { idSchema, InstantSchema, QuantitySchema } from '../internal/schema-helpers.js';

/** A calendar day, ISO `YYYY-MM-DD` (a real date: no 2026-02-30). Delivery dates are days, not instants. */
export const DaySchema = z.iso.date();
export type Day = z.infer<typeof DaySchema>;

/** ISO 3166-1 alpha-2 country code, upper case: `DE`, `AT`. */
export const CountrySchema = z.string().check(z.regex(/^[A-Z]{2}$/, { error: 'Expected a country code like DE (ISO 3166-1, upper case)' }));
export type Country = z.infer<typeof CountrySchema>;

/** ISO 3166-2 subdivision: `DE-BY` (Bavaria), `AT-9` (Vienna); or a bare country where it has none. */
export const RegionSchema = z.string().check(
  z.regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, { error: 'Expected a region like DE-BY (ISO 3166-2)' }),
);

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
/** An IANA time zone the runtime knows: `Europe/Berlin`. */
export const TimeZoneSchema = z.string().check(z.refine(isTimeZone, { error: 'Expected an IANA time zone like Europe/Berlin' }));

/** A local time of day, `HH:MM` (24 h). */
export const TimeOfDaySchema = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Expected a time like 14:00' }));

export const WarehouseIdSchema = idSchema('wh');

/** Business days of transit, per destination country. */
export const TransitDaysSchema = z.int().check(z.minimum(0), z.maximum(60));

/**
 * A warehouse: where it is (its region's holidays make its business calendar), until when an
 * order ships the same day (`cutoff`, local time), and how many business days a parcel travels to
 * each destination country. A country missing from `transitDays` is not served from here.
 */
export const WarehouseSchema = z.object({
  id: WarehouseIdSchema,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  country: CountrySchema,
  region: RegionSchema,
  timeZone: TimeZoneSchema,
  /** Orders placed before this local time on a business day ship that day; at or after it, the next business day. */
  cutoff: TimeOfDaySchema,
  transitDays: z.record(CountrySchema, TransitDaysSchema),
});
export type Warehouse = z.infer<typeof WarehouseSchema>;

/** Stock that arrives at a warehouse on a day (a purchase order, a transfer). */
export const ReceiptSchema = z.object({
  date: DaySchema,
  quantity: z.int().check(z.minimum(1)),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

/**
 * Stock of one SKU in one warehouse. `reserved` is promised to placed orders: only
 * `onHand − reserved` is available, and a reservation beyond `onHand` waits for the next receipts.
 */
export const StockPositionSchema = z.object({
  warehouseId: WarehouseIdSchema,
  sku: SkuSchema,
  onHand: z.int().check(z.minimum(0)),
  reserved: z.int().check(z.minimum(0)),
  receipts: z.array(ReceiptSchema).check(z.maxLength(1000)),
});
export type StockPosition = z.infer<typeof StockPositionSchema>;

/**
 * What the promise needs to know of a product besides its stock. `leadTimeDays` is how many
 * business days procuring it takes when nothing is in stock or incoming; `null`: it cannot be
 * procured (no supplier), so only stock and receipts are promised. A discontinued product is never
 * procured.
 */
export const ProductSupplySchema = z.object({
  sku: SkuSchema,
  status: ProductStatusSchema,
  replacementSku: z.nullable(SkuSchema),
  leadTimeDays: z.nullable(z.int().check(z.minimum(0), z.maximum(365))),
});
export type ProductSupply = z.infer<typeof ProductSupplySchema>;

/** One question: can `quantity` of `sku` be delivered, and when? */
export const AvailabilityRequestItemSchema = z.object({
  sku: SkuSchema,
  quantity: QuantitySchema,
});
export type AvailabilityRequestItem = z.infer<typeof AvailabilityRequestItemSchema>;

/** Many questions to one destination country, answered in one go. */
export const AvailabilityRequestSchema = z.object({
  items: z.array(AvailabilityRequestItemSchema).check(z.minLength(1), z.maxLength(10_000)),
  destination: CountrySchema,
});
export type AvailabilityRequest = z.infer<typeof AvailabilityRequestSchema>;

export const AvailabilityStatusSchema = z.enum(['in_stock', 'partial', 'on_order', 'discontinued']);
export type AvailabilityStatus = z.infer<typeof AvailabilityStatusSchema>;

/** Part of the quantity arriving on one day. */
export const DeliveryPartSchema = z.object({
  quantity: z.int().check(z.minimum(1)),
  delivery: DaySchema,
});
export type DeliveryPart = z.infer<typeof DeliveryPartSchema>;

/**
 * The promise for one (sku, quantity). `split` has one part per delivery day, earliest first;
 * its quantities add up to `quantity − shortfall`. `shortfall` is what cannot be promised at all
 * (a discontinued product beyond its stock, a product that cannot be procured); then
 * `earliestDelivery` is `null`, else it is the day the last part arrives.
 */
export const AvailabilityItemSchema = z.object({
  sku: SkuSchema,
  quantity: z.int(),
  status: AvailabilityStatusSchema,
  /** Units that ship now: on hand minus reserved, over the warehouses serving the destination. */
  availableNow: z.int(),
  /** The day the whole quantity has arrived; `null` when it never will. */
  earliestDelivery: z.nullable(DaySchema),
  split: z.array(DeliveryPartSchema),
  shortfall: z.int(),
  /** Only for discontinued products: what to order instead (`null`: nothing). */
  replacementSku: z.optional(z.nullable(SkuSchema)),
});
export type AvailabilityItem = z.infer<typeof AvailabilityItemSchema>;

/** An item that has no answer, e.g. an unknown SKU (`code: 'unknown_sku'`). The rest of the batch is answered. */
export const AvailabilityItemErrorSchema = z.object({
  sku: z.string(),
  quantity: z.int(),
  error: ErrorIssueSchema,
});
export type AvailabilityItemError = z.infer<typeof AvailabilityItemErrorSchema>;

export const AvailabilityAnswerSchema = z.union([AvailabilityItemSchema, AvailabilityItemErrorSchema]);
export type AvailabilityAnswer = z.infer<typeof AvailabilityAnswerSchema>;

/** Answers in the order of the request's items. `asOf` is the "now" they were computed for. */
export const AvailabilityResponseSchema = z.object({
  destination: CountrySchema,
  asOf: InstantSchema,
  items: z.array(AvailabilityAnswerSchema),
});
export type AvailabilityResponse = z.infer<typeof AvailabilityResponseSchema>;

/**
 * One stock position as the seller's ERP reports it: absolute numbers (not deltas), so sending
 * the same update twice changes nothing. `receipts`, when given, replace the incoming receipts of
 * that SKU in that warehouse; `reserved` defaults to what it was.
 */
export const StockUpdatePositionSchema = z.object({
  warehouseId: WarehouseIdSchema,
  sku: SkuSchema,
  onHand: z.int().check(z.minimum(0), z.maximum(1_000_000_000)),
  reserved: z.optional(z.int().check(z.minimum(0), z.maximum(1_000_000_000))),
  receipts: z.optional(z.array(ReceiptSchema).check(z.maxLength(1000))),
});
export type StockUpdatePosition = z.infer<typeof StockUpdatePositionSchema>;

/** A bulk stock update from the ERP: all positions or none (one bad position rejects the batch). */
export const StockUpdateRequestSchema = z.object({
  positions: z.array(StockUpdatePositionSchema).check(z.minLength(1), z.maxLength(10_000)),
});
export type StockUpdateRequest = z.infer<typeof StockUpdateRequestSchema>;

export const StockUpdateResultSchema = z.object({
  /** Positions written (every position of the request). */
  updated: z.int(),
  asOf: InstantSchema,
});
export type StockUpdateResult = z.infer<typeof StockUpdateResultSchema>;
