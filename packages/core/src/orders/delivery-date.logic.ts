import type { Day } from '../availability/availability.schema.js';
import { isBusinessDay, nextBusinessDay, type BusinessCalendar, type Weekday } from '../availability/calendar.logic.js';
import type { ErrorIssue } from '../errors/kontor-error.js';
import { messageIn, type Lang } from '../errors/messages.js';
import { ordersIssues } from '../errors/issues/orders.js';
import type { DeliveryCalendar } from './order.schema.js';

// One set of delivery dates per order, computed here for the checkout, the server's placement,
// the confirmation, the order status and the mails alike.
//
// An order travels as one consignment (it has one status, one tracking number, one shipping
// mail), so it arrives on one day:
// - its earliest day is the latest promise of its lines, on a delivery day of the destination
//   (the checkout's "Frühestens …");
// - a requested day must be a delivery day of that calendar (no weekend, no holiday) and not
//   before the earliest one;
// - it is expected on the later of the requested day and the earliest one, on a delivery day —
//   and so is every line: no line says it comes before what the checkout promised.

/** What decides an order's delivery days: its earliest day and the calendar of where it goes. */
export interface DeliveryDays {
  /** The earliest day the whole order can arrive ({@link earliestOrderDelivery}); `null` when a line has no promise. */
  earliest: Day | null;
  /** The delivery calendar of the destination (see `deliveryCalendar` in availability). */
  calendar: BusinessCalendar;
  /** The latest day that may be requested (the server: a year after its clock); none when absent. */
  latest?: Day;
}

/**
 * The earliest day a whole order can arrive: the latest of its lines' promises, moved to the next
 * delivery day of `calendar` if it is none; `null` when there are no lines or one has no promise.
 */
export function earliestOrderDelivery(promises: readonly (Day | null)[], calendar: BusinessCalendar): Day | null {
  let latest: Day | null = null;
  for (const day of promises) {
    if (day === null) return null;
    if (latest === null || day > latest) latest = day;
  }
  return latest === null ? null : nextBusinessDay(calendar, latest);
}

/** The first delivery day on or after `day` that is not before the earliest one. */
export function nextDeliveryDay(day: Day, { earliest, calendar }: DeliveryDays): Day {
  return nextBusinessDay(calendar, earliest !== null && earliest > day ? earliest : day);
}

/**
 * Why `requested` cannot be the requested delivery day, or `null` when it can. The issue is at
 * `['requestedDeliveryDate']`: `delivery_date_too_early` (params `earliest`, `next`) before the
 * earliest day, `delivery_date_too_late` (params `latest`) after `days.latest`, else
 * `delivery_date_closed` (params `day`, `next`) on a weekend day or holiday.
 * `next` is the day to offer instead: {@link nextDeliveryDay}. Days in params are `YYYY-MM-DD`.
 */
export function requestedDeliveryIssue(requested: Day, days: DeliveryDays, lang: Lang = 'en'): ErrorIssue | null {
  const issue = (code: string, params: Record<string, unknown>): ErrorIssue => ({ path: ['requestedDeliveryDate'], code, message: messageIn([ordersIssues], code, params, lang), params });
  const next = nextDeliveryDay(requested, days);
  if (days.earliest !== null && requested < days.earliest) return issue('delivery_date_too_early', { earliest: days.earliest, next });
  if (days.latest !== undefined && requested > days.latest) return issue('delivery_date_too_late', { latest: days.latest });
  if (!isBusinessDay(days.calendar, requested)) return issue('delivery_date_closed', { day: requested, next });
  return null;
}

/**
 * The day an order (and each of its lines) is expected: the later of the requested day and the
 * earliest one, on a delivery day; `null` when there is no earliest day (a line has no promise).
 * @example
 * ```ts
 * expectedDelivery('2026-12-18', { earliest: '2026-12-15', calendar }) // '2026-12-18'
 * expectedDelivery(null, { earliest: '2026-12-15', calendar })         // '2026-12-15'
 * ```
 */
export function expectedDelivery(requested: Day | null | undefined, days: DeliveryDays): Day | null {
  if (days.earliest === null) return null;
  return nextDeliveryDay(requested ?? days.earliest, days);
}

/** A calendar as the checkout options carry it: its weekend days and its holidays from `from` on. */
export function deliveryCalendarData(calendar: BusinessCalendar, from: Day): DeliveryCalendar {
  return { weekend: [...calendar.weekend].sort(), holidays: [...calendar.holidays].filter((d) => d >= from).sort() };
}

/**
 * The calendar of {@link deliveryCalendarData}'s answer (e.g. the checkout options' `deliveryCalendar`,
 * which `DeliveryCalendarSchema` checked: real days, weekdays 0–6, never all seven). Plain sets, not
 * `createBusinessCalendar()`: the checkout does not carry its checks twice.
 */
export function deliveryCalendarOf(data: DeliveryCalendar): BusinessCalendar {
  return { weekend: new Set(data.weekend as Weekday[]), holidays: new Set(data.holidays) };
}
