import {
  addDays,
  dayAt,
  effectiveStatus,
  nextRun,
  type BusinessCalendar,
  type Occurrence,
  type StandingOrder,
  type StandingOrderView,
  type Warehouse,
  zonedInstant,
} from '@kontor/core';
import { warehouseCalendar } from '../availability/calendars.js';
import { listWarehouses } from '../db/availability.queries.js';
import type { Db } from '../db/database.js';
import type { StandingOrderRow } from '../db/standing-order.queries.js';

// What every part of the standing orders shares: the stored shape, the calendars runs move on,
// the answer's view and when the scheduler has something to do next.

/** How far back the scheduler looks for occurrences still to decide, and runs to know of (a move is at most 31 days). */
export const LOOK_BACK_DAYS = 60;

/** The standing order a row holds (core's shape; `nextRun` is computed when answering). */
export const standingOrderOf = (row: Pick<StandingOrderRow, 'data'>): StandingOrder => JSON.parse(row.data) as StandingOrder;

/** The `data` column of a standing order: everything but the computed `nextRun`. */
export const dataOf = (order: StandingOrder): string => JSON.stringify({ ...order, nextRun: null });

/** The full IBANs of a row: `*` for the standing order, an occurrence key for a one-run change. */
export const ibansOf = (row: Pick<StandingOrderRow, 'sepa_ibans'>): Record<string, string> => (row.sepa_ibans ? (JSON.parse(row.sepa_ibans) as Record<string, string>) : {});

const merged = new Map<string, BusinessCalendar>();

/**
 * The business calendar a warehouse's standing-order runs move on at `now`: the availability
 * code's calendar (date-holidays for its region, with the holiday names, and 24/31 December in
 * Germany) from the year before `now` to three years after — late runs look back, previews and
 * the feed look a year or two ahead. Built once per warehouse region and year.
 */
export function runCalendar(warehouse: Pick<Warehouse, 'region' | 'country'>, now: Date): BusinessCalendar {
  const year = now.getUTCFullYear();
  const key = `${warehouse.country}|${warehouse.region}|${year}`;
  let calendar = merged.get(key);
  if (!calendar) {
    const before = warehouseCalendar(warehouse, year - 1);
    const after = warehouseCalendar(warehouse, year + 1);
    calendar = {
      weekend: before.weekend,
      holidays: new Set([...before.holidays, ...after.holidays]),
      names: new Map([...(before.names ?? []), ...(after.names ?? [])]),
    };
    merged.set(key, calendar);
  }
  return calendar;
}

/** The warehouses of one request or scheduler pass, and the calendar of a standing order's warehouse. */
export interface Warehouses {
  byId: ReadonlyMap<string, Warehouse>;
  /** The calendar runs of a standing order with this warehouse move on; none without one. */
  calendarOf(warehouseId: string | null, now: Date): BusinessCalendar | undefined;
}

export async function loadWarehouses(db: Db): Promise<Warehouses> {
  const list = await listWarehouses(db);
  const byId = new Map(list.map((w) => [w.id, w]));
  return {
    byId,
    calendarOf: (warehouseId, now) => {
      const w = warehouseId ? byId.get(warehouseId) : undefined;
      return w ? runCalendar(w, now) : undefined;
    },
  };
}

/** The day from which runs of the standing order are looked up ("done" keys): a little before `now`. */
export const lookBackKey = (order: Pick<StandingOrder, 'schedule'>, now: Date): string => addDays(dayAt(now.toISOString(), order.schedule.timeZone), -LOOK_BACK_DAYS);

/** When the buyer is mailed about an occurrence: `days` days before its run day, at the run's local time (DST-safe, as runs are). */
export const reminderAt = (occurrence: Pick<Occurrence, 'day'>, days: number, schedule: Pick<StandingOrder['schedule'], 'time' | 'timeZone'>): string =>
  zonedInstant(addDays(occurrence.day, -days), schedule.time, schedule.timeZone);

/** The standing order as the API answers it at `now`: its effective status (a pause with an end is over from that day) and its next run. */
export function viewOf(row: Pick<StandingOrderRow, 'reminder_days'>, order: StandingOrder, ctx: { now: Date; calendar: BusinessCalendar | undefined; done: Iterable<string> }): StandingOrderView {
  const now = ctx.now.toISOString();
  const status = effectiveStatus(order, now);
  return {
    ...order,
    status,
    pausedUntil: status === 'paused' ? order.pausedUntil : null,
    nextRun: nextRun(order, { now, ...(ctx.calendar ? { calendar: ctx.calendar } : {}), done: ctx.done }),
    reminderDays: Number(row.reminder_days),
  };
}

/**
 * When the scheduler has something to do for a standing order after `now`: its next run, or the
 * reminder of a coming run if that is earlier (a reminder already due is `now`). `null` when
 * nothing is left (cancelled, ended, paused until further notice).
 */
export function nextDue(order: StandingOrder, ctx: { now: Date; calendar: BusinessCalendar | undefined; done: ReadonlySet<string>; reminded: ReadonlySet<string>; reminderDays: number }): string | null {
  const now = ctx.now.toISOString();
  const calendar = ctx.calendar ? { calendar: ctx.calendar } : {};
  const next = nextRun(order, { now, ...calendar, done: ctx.done });
  if (!next) return null;
  const due = next.at;
  if (ctx.reminderDays > 0) {
    // The first coming run not reminded yet: its reminder, if it comes before the next run.
    const passed = new Set(ctx.done);
    for (let o: Occurrence | null = next, i = 0; o && i < 20; i++, o = nextRun(order, { now, ...calendar, done: passed })) {
      if (Date.parse(reminderAt(o, ctx.reminderDays, order.schedule)) > Date.parse(due)) break;
      if (!ctx.reminded.has(o.key)) {
        const at = reminderAt(o, ctx.reminderDays, order.schedule);
        return Date.parse(at) < Date.parse(now) ? now : at;
      }
      passed.add(o.key);
    }
  }
  return due;
}
