import * as z from 'zod/mini';
import { DaySchema, TimeOfDaySchema, TimeZoneSchema, WarehouseIdSchema } from '../availability/availability.schema.js';
import { ChannelRefSchema } from '../cart/cart.schema.js';
import { SkuSchema } from '../catalogue/product.schema.js';
import { ErrorIssueSchema } from '../errors/error-body.schema.js';
import { ChannelSchema } from '../identity/identity.schema.js';
import { idSchema, InstantSchema, pageOf, QuantitySchema } from '../internal/schema-helpers.js';
import { MoneySchema } from '../money/money.schema.js';
import { AddressIdSchema, AddressSchema, DeliveryAddressInputSchema, OrderIdSchema, OrderNumberSchema, PaymentInputSchema, PaymentMethodSchema } from '../orders/order.schema.js';
import { purchaseOrderPatternIssues } from './po-number.logic.js';
import { scheduleIssues } from './schedule.rrule.js';

// A standing order ("Dauerauftrag"): the same lines, again and again, on the days of a schedule.
// The schedule is RRULE text (RFC 5545) over days; each day is rolled onto a business day of the
// delivering warehouse and runs at the schedule's local time.

export const StandingOrderIdSchema = idSchema('sto');
export type StandingOrderId = z.infer<typeof StandingOrderIdSchema>;
export const StandingOrderRunIdSchema = idSchema('sor');

/** Optimistic-concurrency version; every accepted change increments it. */
export const StandingOrderVersionSchema = z.int().check(z.minimum(0));

/** Most lines one standing order holds. */
export const MAX_STANDING_ORDER_LINES = 500;

export const StandingOrderLineSchema = z.object({ sku: SkuSchema, quantity: QuantitySchema });
export type StandingOrderLine = z.infer<typeof StandingOrderLineSchema>;

/** Lines with every SKU once (`duplicate_sku` at the repeated line's `sku`). */
export const StandingOrderLinesSchema = z.array(StandingOrderLineSchema).check(
  z.minLength(1),
  z.maxLength(MAX_STANDING_ORDER_LINES),
  z.superRefine((lines, ctx) => {
    const first = new Map<string, number>();
    lines.forEach((line, i) => {
      const seen = first.get(line.sku);
      if (seen === undefined) first.set(line.sku, i);
      else ctx.addIssue({ code: 'custom', message: 'Duplicate SKU', path: [i, 'sku'], params: { code: 'duplicate_sku', sku: line.sku, first: seen } });
    });
  }),
);

/** RFC 5545 weekday codes. */
export const WeekdayCodeSchema = z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']);
export type WeekdayCode = z.infer<typeof WeekdayCodeSchema>;

/**
 * Where an occurrence on a non-business day of the warehouse goes: to the `next` business day
 * (default) or the `previous` one.
 */
export const RollSchema = z.enum(['next', 'previous']);
export type Roll = z.infer<typeof RollSchema>;

/** The warehouse's time zone when nothing else is said. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

/**
 * RRULE text: a `DTSTART` line (the first date; `DTSTART;VALUE=DATE:20260105`, or a local
 * date-time — only its date counts), an `RRULE` line, and optionally `EXDATE` lines (days left out).
 * Checked part by part: every issue at this field has its own code (`rrule_unknown_part`,
 * `rrule_value`, `end_before_start`, `rrule_never` …) and says which part.
 */
export const RruleTextSchema = z.string().check(
  z.maxLength(4000),
  z.superRefine((text, ctx) => {
    for (const issue of scheduleIssues(text)) ctx.addIssue({ code: 'custom', message: issue.message, params: { code: issue.code, ...issue.params } });
  }),
);

const scheduleTiming = {
  /** Non-business days of the warehouse: run on the next (default) or previous business day. */
  roll: z.optional(RollSchema),
  /** The local time on a run's day at which it is due (default `00:00`). */
  time: z.optional(TimeOfDaySchema),
  /** The delivering warehouse's time zone (default Europe/Berlin). */
  timeZone: z.optional(TimeZoneSchema),
};

/** A standing order's schedule as stored and answered: RRULE text and when in the day it runs. */
export const ScheduleSchema = z.object({
  rrule: RruleTextSchema,
  roll: RollSchema,
  time: TimeOfDaySchema,
  timeZone: TimeZoneSchema,
});
export type Schedule = z.infer<typeof ScheduleSchema>;
/** A schedule with defaults left out (`roll`, `time`, `timeZone`). */
export type ScheduleLike = { rrule: string; roll?: Roll | undefined; time?: string | undefined; timeZone?: string | undefined };

const Interval = z.int().check(z.minimum(1), z.maximum(1000));

/** How a schedule ends: never (until further notice), after a number of runs, or on a day (inclusive). */
export const ScheduleEndSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('count'), count: z.int().check(z.minimum(1), z.maximum(10_000)) }),
  z.object({ kind: z.literal('until'), until: DaySchema }),
]);
export type ScheduleEnd = z.infer<typeof ScheduleEndSchema>;

/**
 * On which day of the month: a day (1–31; `missing` says what happens in months without it:
 * `last_day` runs on the month's last day, `skip` leaves the month out, as RFC 5545 does), the last
 * day, or the nth weekday (`nth` 1–4, or -1 for the last: "2nd Monday", "last Friday").
 */
export const MonthDaySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('day'), day: z.int().check(z.minimum(1), z.maximum(31)), missing: z.optional(z.enum(['last_day', 'skip'])) }),
  z.object({ kind: z.literal('last_day') }),
  z.object({ kind: z.literal('nth_weekday'), nth: z.union([z.literal(-1), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), weekday: WeekdayCodeSchema }),
]);
export type MonthDay = z.infer<typeof MonthDaySchema>;

const formCommon = {
  interval: Interval,
  /** The first day the schedule may fall on (DTSTART). */
  start: DaySchema,
  end: ScheduleEndSchema,
  /** Days left out (EXDATE). */
  except: z.optional(z.array(DaySchema).check(z.maxLength(500))),
};

/**
 * The structured form of the common schedules, which converts to and from RRULE text
 * (`formToRrule`, `rruleToForm`): every N days, every N weeks on some weekdays, every N months on
 * a day / the last day / the nth weekday; from a first day; ending never, after N runs or on a day.
 * A schedule it cannot show stays RRULE text.
 */
export const ScheduleFormSchema = z
  .discriminatedUnion('every', [
    z.object({ every: z.literal('day'), ...formCommon }),
    z.object({ every: z.literal('week'), ...formCommon, weekdays: z.array(WeekdayCodeSchema).check(z.minLength(1), z.maxLength(7)) }),
    z.object({ every: z.literal('month'), ...formCommon, on: MonthDaySchema }),
  ])
  .check(
    z.superRefine((form, ctx) => {
      if (form.end.kind === 'until' && form.end.until < form.start) {
        ctx.addIssue({ code: 'custom', message: 'End before start', path: ['end', 'until'], params: { code: 'end_before_start', start: form.start, end: form.end.until } });
      }
    }),
  );
export type ScheduleForm = z.infer<typeof ScheduleFormSchema>;

/** A schedule as a request gives it: RRULE text or the structured form, and its timing. */
export const ScheduleInputSchema = z.union([
  z.object({ rrule: RruleTextSchema, ...scheduleTiming }),
  z.object({ form: ScheduleFormSchema, ...scheduleTiming }),
]);
export type ScheduleInput = z.input<typeof ScheduleInputSchema>;

/**
 * Prices of the runs: `current` prices at each run, or `fixed` prices (from an accepted offer)
 * valid until a day; a run after it fails with `fixed_price_expired`.
 */
export const PriceModeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('current') }),
  z.object({
    kind: z.literal('fixed'),
    validUntil: DaySchema,
    prices: z.array(z.object({ sku: SkuSchema, unitPrice: MoneySchema })).check(z.minLength(1), z.maxLength(MAX_STANDING_ORDER_LINES)),
    /** The accepted offer the prices come from. */
    offerId: z.nullable(z.string().check(z.maxLength(100))),
  }),
]);
export type PriceMode = z.infer<typeof PriceModeSchema>;

/**
 * When a line is short at a run: `backorder` ships what is there and the rest later, `omit_line`
 * leaves the line out with a notice, `hold_run` holds the whole run.
 */
export const ShortagePolicySchema = z.enum(['backorder', 'omit_line', 'hold_run']);
export type ShortagePolicy = z.infer<typeof ShortagePolicySchema>;

/** After downtime: `run` the missed occurrences late, or `skip` them (recorded as missed). */
export const CatchUpPolicySchema = z.enum(['run', 'skip']);
export type CatchUpPolicy = z.infer<typeof CatchUpPolicySchema>;

export const StandingOrderStatusSchema = z.enum(['active', 'paused', 'ended', 'cancelled']);
export type StandingOrderStatus = z.infer<typeof StandingOrderStatusSchema>;

/** The delivery address as a standing order keeps it: the saved address it came from, if any. */
export const StandingOrderAddressSchema = z.object({ addressId: z.nullable(AddressIdSchema), address: AddressSchema });
export type StandingOrderAddress = z.infer<typeof StandingOrderAddressSchema>;

/** How the runs are paid; the IBAN of a direct debit is shown masked (the server keeps it). */
export const StandingOrderPaymentSchema = z.object({
  method: PaymentMethodSchema,
  accountHolder: z.nullable(z.string()),
  ibanMasked: z.nullable(z.string()),
});
export type StandingOrderPayment = z.infer<typeof StandingOrderPaymentSchema>;

/** What one run does differently ("only this run"): its lines, address, payment or day. */
export const RunOverrideSchema = z.object({
  /** The occurrence (its day in the schedule, before any move). */
  occurrence: DaySchema,
  lines: z.optional(StandingOrderLinesSchema),
  deliveryAddress: z.optional(StandingOrderAddressSchema),
  payment: z.optional(StandingOrderPaymentSchema),
  /** Run on this business day instead (at most 31 days away). */
  day: z.optional(DaySchema),
});
export type RunOverride = z.infer<typeof RunOverrideSchema>;

/** A closed day an occurrence was moved past, and why it was closed. */
export const ClosedDaySchema = z.object({
  day: DaySchema,
  reason: z.enum(['weekend', 'holiday']),
  /** The holiday's name where the calendar has it ("Pfingstmontag"). */
  holiday: z.nullable(z.string()),
});
export type ClosedDay = z.infer<typeof ClosedDaySchema>;

/** One day of a schedule: when the rule gives it, when it runs, and why those differ. */
export const OccurrenceSchema = z.object({
  /** Stable identity of the occurrence: its day in the schedule (= `original`). Skips, overrides and runs refer to it. */
  key: DaySchema,
  /** The day the rule gives. */
  original: DaySchema,
  /** The business day it runs on. */
  day: DaySchema,
  /** When it is due: `day` at the schedule's time in its time zone, as UTC. */
  at: InstantSchema,
  /**
   * Why `day` is not `original`: `closed` (a weekend day or holiday, with every closed day passed)
   * or `requested` (moved for this run only). `null` when it runs on its own day.
   */
  moved: z.nullable(
    z.object({
      reason: z.enum(['closed', 'requested']),
      direction: RollSchema,
      closed: z.array(ClosedDaySchema),
    }),
  ),
  /** The buyer skipped it. */
  skipped: z.boolean(),
  /** Another occurrence runs on `day` (Saturday's and Sunday's moved onto Monday run with Monday's): this one runs with it, not on its own. */
  sameDayAs: z.nullable(DaySchema),
});
export type Occurrence = z.infer<typeof OccurrenceSchema>;

/** What happened to one occurrence. */
export const RunStatusSchema = z.enum(['placed', 'held', 'failed', 'missed', 'skipped']);
export type RunStatus = z.infer<typeof RunStatusSchema>;

/** One run in a standing order's history: the order it created, or why it did not. */
export const StandingOrderRunSchema = z.object({
  id: StandingOrderRunIdSchema,
  /** The occurrence's key: one run per occurrence, ever. */
  occurrence: DaySchema,
  day: DaySchema,
  /** `scheduled` on time, `catch_up` late after downtime, `order_now` ahead of its day. */
  kind: z.enum(['scheduled', 'catch_up', 'order_now']),
  status: RunStatusSchema,
  at: InstantSchema,
  /** The run counter of an order the run placed (`{n}` of the PO-number pattern). */
  n: z.nullable(z.int().check(z.minimum(1))),
  orderId: z.nullable(OrderIdSchema),
  orderNumber: z.nullable(OrderNumberSchema),
  purchaseOrderNumber: z.nullable(z.string()),
  /** Why it failed, was held, missed or skipped (e.g. `fixed_price_expired`). */
  reason: z.nullable(ErrorIssueSchema),
  /** Lines left out or back-ordered. */
  notices: z.array(ErrorIssueSchema),
});
export type StandingOrderRun = z.infer<typeof StandingOrderRunSchema>;
export const StandingOrderRunPageSchema = pageOf(StandingOrderRunSchema);

/** A purchase-order number pattern: text with `{yyyy}`, `{yy}`, `{mm}`, `{dd}` and `{n}` / `{n:4}`. */
export const PurchaseOrderPatternSchema = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(60),
  z.superRefine((pattern, ctx) => {
    for (const issue of purchaseOrderPatternIssues(pattern)) ctx.addIssue({ code: 'custom', message: issue.message, params: { code: issue.code, ...issue.params } });
  }),
);

const NameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));

/** A standing order as the API answers it. */
export const StandingOrderSchema = z.object({
  id: StandingOrderIdSchema,
  version: StandingOrderVersionSchema,
  name: z.nullable(z.string()),
  status: StandingOrderStatusSchema,
  /** Paused: the day it runs again; `null` while paused until further notice. */
  pausedUntil: z.nullable(DaySchema),
  lines: z.array(StandingOrderLineSchema),
  deliveryAddress: StandingOrderAddressSchema,
  payment: StandingOrderPaymentSchema,
  purchaseOrderPattern: z.nullable(z.string()),
  schedule: ScheduleSchema,
  /** The delivering warehouse: its calendar moves the runs, its time zone times them. */
  warehouseId: z.nullable(WarehouseIdSchema),
  priceMode: PriceModeSchema,
  shortage: ShortagePolicySchema,
  catchUp: CatchUpPolicySchema,
  /** Where it was set up. */
  via: ChannelRefSchema,
  /** Occurrences the buyer skipped (their keys). */
  skipped: z.array(DaySchema),
  /** Changes for one run only. */
  overrides: z.array(RunOverrideSchema),
  /** Orders its runs placed so far. */
  runCount: z.int().check(z.minimum(0)),
  /** Occurrences due at or before this instant are not run (set on creation, a new schedule and resuming). */
  runsFrom: InstantSchema,
  /** The next run, as the server computed it at answering. */
  nextRun: z.nullable(OccurrenceSchema),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type StandingOrder = z.infer<typeof StandingOrderSchema>;
export const StandingOrderPageSchema = pageOf(StandingOrderSchema);

/** Set up a standing order. Send an `Idempotency-Key`. */
export const CreateStandingOrderRequestSchema = z.object({
  name: z.optional(NameSchema),
  lines: StandingOrderLinesSchema,
  deliveryAddress: DeliveryAddressInputSchema,
  payment: PaymentInputSchema,
  purchaseOrderPattern: z.optional(PurchaseOrderPatternSchema),
  schedule: ScheduleInputSchema,
  warehouseId: z.optional(WarehouseIdSchema),
  /** Default `current`. */
  priceMode: z.optional(PriceModeSchema),
  /** Default `backorder`. */
  shortage: z.optional(ShortagePolicySchema),
  /** Default `skip`. */
  catchUp: z.optional(CatchUpPolicySchema),
  /** The channel of a company user (`web` by default); a partner's customer token is always `partner`. */
  channel: z.optional(ChannelSchema),
});
export type CreateStandingOrderRequest = z.input<typeof CreateStandingOrderRequestSchema>;

/**
 * Change a standing order against the `version` the caller saw (stale: 409 with the current state
 * in `details.standingOrder`). `from_next_run` changes every run not yet run; `one_run` changes
 * only the run of `occurrence`.
 */
export const UpdateStandingOrderRequestSchema = z.discriminatedUnion('scope', [
  z.object({
    version: StandingOrderVersionSchema,
    scope: z.literal('from_next_run'),
    set: z.object({
      name: z.optional(z.nullable(NameSchema)),
      lines: z.optional(StandingOrderLinesSchema),
      deliveryAddress: z.optional(DeliveryAddressInputSchema),
      payment: z.optional(PaymentInputSchema),
      purchaseOrderPattern: z.optional(z.nullable(PurchaseOrderPatternSchema)),
      schedule: z.optional(ScheduleInputSchema),
      priceMode: z.optional(PriceModeSchema),
      shortage: z.optional(ShortagePolicySchema),
      catchUp: z.optional(CatchUpPolicySchema),
    }),
  }),
  z.object({
    version: StandingOrderVersionSchema,
    scope: z.literal('one_run'),
    occurrence: DaySchema,
    set: z.object({
      lines: z.optional(StandingOrderLinesSchema),
      deliveryAddress: z.optional(DeliveryAddressInputSchema),
      payment: z.optional(PaymentInputSchema),
      day: z.optional(DaySchema),
    }),
  }),
]);
export type UpdateStandingOrderRequest = z.input<typeof UpdateStandingOrderRequestSchema>;

/** Lifecycle actions, each against the `version` the caller saw. */
export const StandingOrderActionRequestSchema = z.discriminatedUnion('action', [
  /** Pause until a day (it runs again from that day) or, without `until`, until resumed. */
  z.object({ version: StandingOrderVersionSchema, action: z.literal('pause'), until: z.optional(DaySchema) }),
  z.object({ version: StandingOrderVersionSchema, action: z.literal('resume') }),
  z.object({ version: StandingOrderVersionSchema, action: z.literal('cancel') }),
  z.object({ version: StandingOrderVersionSchema, action: z.literal('skip'), occurrence: DaySchema }),
  z.object({ version: StandingOrderVersionSchema, action: z.literal('unskip'), occurrence: DaySchema }),
  /** Run now; this uses up the next occurrence. */
  z.object({ version: StandingOrderVersionSchema, action: z.literal('order_now') }),
]);
export type StandingOrderActionRequest = z.infer<typeof StandingOrderActionRequestSchema>;

/** Ask for a schedule's summary and occurrences without saving anything. */
export const SchedulePreviewRequestSchema = z.object({
  schedule: ScheduleInputSchema,
  warehouseId: z.optional(WarehouseIdSchema),
  /** First and last run day to show (default: today and a year on). */
  from: z.optional(DaySchema),
  to: z.optional(DaySchema),
});
export type SchedulePreviewRequest = z.input<typeof SchedulePreviewRequestSchema>;

export const SchedulePreviewSchema = z.object({
  schedule: ScheduleSchema,
  /** The schedule in words, in the request's language. */
  summary: z.string(),
  /** The structured form, or `null` when the schedule is one only RRULE text can say. */
  form: z.nullable(ScheduleFormSchema),
  occurrences: z.array(OccurrenceSchema),
});
export type SchedulePreview = z.infer<typeof SchedulePreviewSchema>;
