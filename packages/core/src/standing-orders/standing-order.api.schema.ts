import * as z from 'zod/mini';
import { DaySchema, WarehouseIdSchema } from '../availability/availability.schema.js';
import { CartIdSchema } from '../cart/cart.schema.js';
import { CompanyIdSchema } from '../identity/identity.schema.js';
import { InstantSchema, pageOf } from '../internal/schema-helpers.js';
import { AddressSchema, OrderIdSchema } from '../orders/order.schema.js';
import {
  CreateStandingOrderRequestSchema,
  OccurrenceSchema,
  RunOverrideSchema,
  SchedulePreviewRequestSchema,
  ShortagePolicySchema,
  StandingOrderIdSchema,
  StandingOrderLineSchema,
  StandingOrderRunSchema,
  StandingOrderSchema,
  StandingOrderStatusSchema,
  UpdateStandingOrderRequestSchema,
} from './standing-order.schema.js';

// What the HTTP API of standing orders adds to the model in standing-order.schema.ts: the
// reminder lead time, creating from a cart or a past order, list queries, the upcoming runs of a
// stored standing order, the action answer, the calendar feed and the ERP's view of due runs.

/** Days before a run that the buyer is mailed what it will order (0: no reminder). Default 3. */
export const ReminderDaysSchema = z.int().check(z.minimum(0), z.maximum(30));
export const DEFAULT_REMINDER_DAYS = 3;

/**
 * A standing order as the API answers it: the model plus its reminder lead time; in lists also
 * its newest run (`null`: none yet), so a list needs no request per row for its last result.
 */
export const StandingOrderViewSchema = z.extend(StandingOrderSchema, { reminderDays: ReminderDaysSchema, lastRun: z.optional(z.nullable(StandingOrderRunSchema)) });
export type StandingOrderView = z.infer<typeof StandingOrderViewSchema>;
export const StandingOrderViewPageSchema = pageOf(StandingOrderViewSchema);
export type StandingOrderViewPage = z.infer<typeof StandingOrderViewPageSchema>;

/** Where a new standing order takes what the request leaves out: a cart of the caller, or a past order of the company. */
export const StandingOrderSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cart'), cartId: CartIdSchema }),
  z.object({ kind: z.literal('order'), orderId: OrderIdSchema }),
]);
export type StandingOrderSource = z.infer<typeof StandingOrderSourceSchema>;

/**
 * Set up a standing order (send an `Idempotency-Key`). With `from`, the lines, the delivery address
 * and the payment the request leaves out come from that cart (its lines; the company's default
 * address) or past order (its lines, address and payment — a direct debit with its mandate's
 * account, which the server keeps); without `from` they are required.
 */
export const CreateStandingOrderBodySchema = z.extend(z.partial(CreateStandingOrderRequestSchema, { lines: true, deliveryAddress: true, payment: true }), {
  from: z.optional(StandingOrderSourceSchema),
  reminderDays: z.optional(ReminderDaysSchema),
});
export type CreateStandingOrderBody = z.input<typeof CreateStandingOrderBodySchema>;

const [fromNextRun, oneRun] = UpdateStandingOrderRequestSchema._zod.def.options;

/** {@link UpdateStandingOrderRequestSchema}, whose `from_next_run` may also set `reminderDays`. */
export const UpdateStandingOrderBodySchema = z.discriminatedUnion('scope', [
  z.extend(fromNextRun, { set: z.extend(fromNextRun.shape.set, { reminderDays: z.optional(ReminderDaysSchema) }) }),
  oneRun,
]);
export type UpdateStandingOrderBody = z.input<typeof UpdateStandingOrderBodySchema>;

const cursor = z.optional(z.string().check(z.maxLength(200)));
const limit = (max: number) => z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(max)));

/** The company's standing orders, newest first. */
export const StandingOrderListQuerySchema = z.object({ status: z.optional(StandingOrderStatusSchema), cursor, limit: limit(100) });
export type StandingOrderListQuery = z.infer<typeof StandingOrderListQuerySchema>;

/** A standing order's runs, newest occurrence first. */
export const StandingOrderRunListQuerySchema = z.object({ cursor, limit: limit(100) });
export type StandingOrderRunListQuery = z.infer<typeof StandingOrderRunListQuerySchema>;

/** The preview request with how many occurrences to show at most (default 12). */
export const SchedulePreviewBodySchema = z.extend(SchedulePreviewRequestSchema, { limit: z.optional(z.int().check(z.minimum(1), z.maximum(200))) });
export type SchedulePreviewBody = z.input<typeof SchedulePreviewBodySchema>;

/** One coming run of a stored standing order, as the buyer plans around it. */
export const UpcomingRunSchema = z.object({
  occurrence: OccurrenceSchema,
  /** `scheduled` runs; `skipped` by the buyer (unskip to run it); `paused` falls into a pause. */
  status: z.enum(['scheduled', 'skipped', 'paused']),
  /** This run's own changes (`one_run`), if any. */
  override: z.nullable(RunOverrideSchema),
  /** When the buyer is mailed what this run will order; `null` without reminders. */
  reminderAt: z.nullable(InstantSchema),
  /**
   * When a scheduled run's order would arrive (every kept line), planned at the run's instant
   * with today's stock and inbound, as its reminder's dry run is; `null` when it is skipped,
   * paused or would not be placed as it stands. Older servers leave it out.
   */
  arrives: z.optional(z.nullable(DaySchema)),
});
export type UpcomingRun = z.infer<typeof UpcomingRunSchema>;
export const UpcomingRunListSchema = z.object({ items: z.array(UpcomingRunSchema) });
export type UpcomingRunList = z.infer<typeof UpcomingRunListSchema>;
export const UpcomingRunQuerySchema = z.object({ limit: limit(100) });

/** What an action answers: the standing order after it, and for `order_now` the run it made. */
export const StandingOrderActionResultSchema = z.object({
  standingOrder: StandingOrderViewSchema,
  run: z.nullable(StandingOrderRunSchema),
});
export type StandingOrderActionResult = z.infer<typeof StandingOrderActionResultSchema>;

/** The company's calendar feed of coming standing-order deliveries: a secret URL (ICS). */
export const StandingOrderFeedSchema = z.object({
  /** Subscribe to it in a calendar app; whoever has it sees the company's coming deliveries. */
  url: z.string(),
  /** When the secret was made; rotating it makes the old URL stop working. */
  rotatedAt: InstantSchema,
});
export type StandingOrderFeed = z.infer<typeof StandingOrderFeedSchema>;

/** The seller's ERP: runs due up to a day (default 14 days on), to plan stock and staff. */
export const ErpDueRunQuerySchema = z.object({ until: z.optional(DaySchema), cursor, limit: limit(500) });
export type ErpDueRunQuery = z.infer<typeof ErpDueRunQuerySchema>;

/** A run to come, across companies (ERP key). */
export const ErpDueRunSchema = z.object({
  standingOrderId: StandingOrderIdSchema,
  company: z.object({ id: CompanyIdSchema, name: z.string(), customerNumber: z.string() }),
  occurrence: OccurrenceSchema,
  /** What it orders (its own one-run changes applied). */
  lines: z.array(StandingOrderLineSchema),
  warehouseId: z.nullable(WarehouseIdSchema),
  deliveryAddress: AddressSchema,
  /** `current` or `fixed` prices (see the standing order). */
  priceMode: z.enum(['current', 'fixed']),
  shortage: ShortagePolicySchema,
});
export type ErpDueRun = z.infer<typeof ErpDueRunSchema>;
export const ErpDueRunPageSchema = pageOf(ErpDueRunSchema);
export type ErpDueRunPage = z.infer<typeof ErpDueRunPageSchema>;

/** The one-click links' pages: a token of 1–100 URL-safe characters (anything else is answered by the page as not valid). */
export const StandingOrderLinkParamsSchema = z.object({ token: z.string().check(z.maxLength(100)) });
/** The calendar feed's secret. */
export const StandingOrderFeedParamsSchema = z.object({ secret: z.string().check(z.maxLength(100)) });
/** `?lang=de|en` for the pages and the feed (links and calendar apps send no Accept-Language worth reading). */
export const LangQuerySchema = z.object({ lang: z.optional(z.enum(['de', 'en'])) });
