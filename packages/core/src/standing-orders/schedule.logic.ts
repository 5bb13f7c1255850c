// Expanding a standing order's schedule into occurrences: rrule-temporal gives the days of the
// rule (RFC 5545 with BYSETPOS, ordinals, WKST, COUNT and invalid dates done right), each day is
// rolled onto a business day of the delivering warehouse, and temporal-polyfill times it in the
// warehouse's zone.
//
// The rule is expanded over DATE values, not local date-times: an RFC 5545 expansion at 02:30
// Europe/Berlin omits the last Sunday of March (02:30 does not exist that night), and a standing
// order must not lose a run to a clock change. So the days come first, and the instant of each run
// is its day at the schedule's time, resolved the `compatible` way: a time in the spring gap runs
// an hour later (03:30 CEST), a time in the autumn fold runs once, at its first (CEST) instant.

import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';
import { addDays, holidayName, isBusinessDay, type BusinessCalendar } from '../availability/calendar.logic.js';
import { messageIn } from '../errors/messages.js';
import { standingOrdersIssues } from '../errors/issues/standing-orders.js';
import { ValidationError } from '../errors/validation-error.js';
import { formatRule, localDay, parseSchedule, RRULE_PATH, type ParsedSchedule, type ScheduleReadOptions } from './schedule.rrule.js';
import { DEFAULT_TIME_ZONE, type ClosedDay, type Occurrence, type Roll, type ScheduleLike } from './standing-order.schema.js';

/** How far a day may move from its occurrence (a roll past a long closure, a one-run move). */
export const MAX_MOVE_DAYS = 31;
/** Occurrences are looked for this much beyond a window, so that moves into it are seen. */
const MARGIN_DAYS = MAX_MOVE_DAYS + 14;

export interface ExpandOptions {
  /** First run day to return (inclusive). */
  from: string;
  /** Last run day to return (inclusive). */
  to: string;
  /** The delivering warehouse's business days; without one no day moves. */
  calendar?: BusinessCalendar;
  /** Keys of occurrences the buyer skipped: returned with `skipped: true`. */
  skipped?: Iterable<string>;
  /** One-run moves: occurrence key → the day it runs instead. */
  moves?: Iterable<readonly [key: string, day: string]>;
  /** At most this many occurrences (default 5000). */
  limit?: number;
}

/** A schedule with its defaults filled in, read once. */
export interface ResolvedSchedule {
  parsed: ParsedSchedule;
  roll: Roll;
  time: string;
  timeZone: string;
}

/** Reads a schedule's RRULE text and fills in `roll` (next), `time` (00:00) and `timeZone` (Europe/Berlin). */
export function resolveSchedule(schedule: ScheduleLike, options: Omit<ScheduleReadOptions, 'timeZone'> = {}): ResolvedSchedule {
  const timeZone = schedule.timeZone ?? DEFAULT_TIME_ZONE;
  return { parsed: parseSchedule(schedule.rrule, { ...options, timeZone }), roll: schedule.roll ?? 'next', time: schedule.time ?? '00:00', timeZone };
}

const rules = new Map<string, RRuleTemporal>();
/** The library's rule over DATE values, kept per rule text (a scheduler asks about the same few often). */
function libraryRule(parsed: ParsedSchedule): RRuleTemporal {
  const text = `DTSTART;VALUE=DATE:${parsed.start.replaceAll('-', '')}\nRRULE:${formatRule(parsed.rule)}`;
  let rule = rules.get(text);
  if (!rule) {
    rule = new RRuleTemporal({ rruleString: text });
    if (rules.size >= 500) rules.delete(rules.keys().next().value!);
    rules.set(text, rule);
  }
  return rule;
}

const utcMidnight = (day: string) => new Date(`${day}T00:00:00Z`);

function never(): ValidationError {
  const issue = { path: RRULE_PATH, code: 'rrule_never', message: messageIn([standingOrdersIssues], 'rrule_never') };
  return new ValidationError(`The schedule is not valid: ${issue.message}`, [issue]);
}

/** The rule's days from `from` to `to` (inclusive), EXDATEs left out. */
function ruleDays(parsed: ParsedSchedule, from: string, to: string): string[] {
  const first = from < parsed.start ? parsed.start : from;
  const last = parsed.rule.until !== null && parsed.rule.until < to ? parsed.rule.until : to;
  if (first > last) return [];
  let found: { toPlainDate(): { toString(): string } }[];
  try {
    found = libraryRule(parsed).between(utcMidnight(first), utcMidnight(last), true);
  } catch (e) {
    // The library gives up on a rule that matches nothing (its iteration cap).
    if (e instanceof Error && /maximum/i.test(e.message)) throw never();
    throw e;
  }
  const excluded = new Set(parsed.exdates);
  return found.map((d) => d.toPlainDate().toString()).filter((d) => !excluded.has(d));
}

/**
 * The instant (ISO UTC) of a local day and time in a zone. A time that does not exist that day
 * (the spring gap) is taken an hour later, one that exists twice (the autumn fold) at its first.
 * @example
 * ```ts
 * zonedInstant('2026-03-29', '02:30', 'Europe/Berlin') // '2026-03-29T01:30:00.000Z' (03:30 CEST)
 * ```
 */
export function zonedInstant(day: string, time: string, timeZone: string): string {
  const zoned = Temporal.PlainDate.from(day).toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(time) });
  return new Date(zoned.epochMilliseconds).toISOString();
}

/** The local day in `timeZone` at an instant (ISO). */
export function dayAt(instant: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  return localDay(Date.parse(instant), timeZone);
}

/**
 * Where a day of the rule runs: itself on a business day of `calendar`, else the next (or
 * previous) business day, with every closed day passed and why it was closed.
 */
export function rollToBusinessDay(calendar: BusinessCalendar, day: string, roll: Roll = 'next'): { day: string; closed: ClosedDay[] } {
  const closed: ClosedDay[] = [];
  let d = day;
  const step = roll === 'next' ? 1 : -1;
  while (!isBusinessDay(calendar, d)) {
    closed.push({ day: d, reason: calendar.holidays.has(d) ? 'holiday' : 'weekend', holiday: holidayName(calendar, d) });
    d = addDays(d, step);
  }
  return { day: d, closed };
}

/**
 * The occurrences of a schedule whose run day lies in a window, in run order.
 *
 * Each keeps the day the rule gives (`original`, also its `key`) and says where and why it moved:
 * onto the next (or previous, `roll`) business day of the warehouse's calendar past weekends and
 * holidays, with the holidays' names, or to a day asked for this run only (`moves`). Those that
 * land on one day run once: the day's own occurrence (else the earliest) runs, the others say
 * `sameDayAs` (and do not run when it is skipped). `at` is the run day at the schedule's
 * time in its zone, DST-safe.
 * @throws {@link ValidationError} when the schedule is not valid or never falls on a day.
 * @example
 * ```ts
 * expandSchedule({ rrule: 'DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=MONTHLY;INTERVAL=2' }, { from: '2026-01-01', to: '2027-12-31', calendar })
 * ```
 */
export function expandSchedule(schedule: ScheduleLike | ResolvedSchedule, options: ExpandOptions): Occurrence[] {
  const s = 'parsed' in schedule ? schedule : resolveSchedule(schedule);
  const skipped = new Set(options.skipped ?? []);
  const moves = new Map(options.moves ?? []);
  const limit = options.limit ?? 5000;
  const days = ruleDays(s.parsed, addDays(options.from, -MARGIN_DAYS), addDays(options.to, MARGIN_DAYS));
  const all: Occurrence[] = days.map((original) => {
    const requested = moves.get(original);
    let day = original;
    let moved: Occurrence['moved'] = null;
    if (requested !== undefined && requested !== original) {
      day = requested;
      moved = { reason: 'requested', direction: requested > original ? 'next' : 'previous', closed: [] };
    } else if (options.calendar) {
      const rolled = rollToBusinessDay(options.calendar, original, s.roll);
      day = rolled.day;
      if (rolled.closed.length) moved = { reason: 'closed', direction: s.roll, closed: rolled.closed };
    }
    return { key: original, original, day, at: '', moved, skipped: skipped.has(original), sameDayAs: null };
  });
  all.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.original < b.original ? -1 : 1));
  // One run per day: the day's own occurrence where it has one, else the earliest moved onto it.
  // The others run with it (and not at all when it is skipped).
  const runsOn = new Map<string, string>();
  for (const o of all) if (!runsOn.has(o.day) || o.original === o.day) runsOn.set(o.day, o.key);
  const out: Occurrence[] = [];
  for (const o of all) {
    const primary = runsOn.get(o.day)!;
    if (primary !== o.key) o.sameDayAs = primary;
    if (o.day < options.from || o.day > options.to) continue;
    o.at = zonedInstant(o.day, s.time, s.timeZone);
    out.push(o);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * The last day the rule gives (COUNT or UNTIL, EXDATEs aside), or `null` when it goes on until
 * further notice.
 */
export function lastRuleDay(schedule: ScheduleLike | ResolvedSchedule): string | null {
  const s = 'parsed' in schedule ? schedule : resolveSchedule(schedule);
  const { rule } = s.parsed;
  if (rule.until !== null) return rule.until;
  if (rule.count === null) return null;
  let last: string | null = null;
  try {
    libraryRule(s.parsed).all((d, i) => {
      if (i >= rule.count!) return false;
      last = d.toPlainDate().toString();
      return true;
    });
  } catch (e) {
    if (e instanceof Error && /maximum/i.test(e.message)) throw never();
    throw e;
  }
  return last;
}

/**
 * The first occurrence due after an instant that `accept` takes (default: any that runs, i.e.
 * neither skipped nor `sameDayAs`), looking ahead as far as the schedule goes; `null` when none is left.
 */
export function nextOccurrence(
  schedule: ScheduleLike | ResolvedSchedule,
  after: string,
  options: Omit<ExpandOptions, 'from' | 'to' | 'limit'> & { accept?: (o: Occurrence) => boolean } = {},
): Occurrence | null {
  const s = 'parsed' in schedule ? schedule : resolveSchedule(schedule);
  const accept = options.accept ?? ((o: Occurrence) => !o.skipped && o.sameDayAs === null);
  const end = lastRuleDay(s);
  const stop = end === null ? addDays(dayAt(after, s.timeZone), 366 * 10) : addDays(end, MARGIN_DAYS);
  const afterMs = Date.parse(after);
  let from = addDays(dayAt(after, s.timeZone), -1);
  for (let span = 92; from <= stop; span = Math.min(span * 2, 366 * 2)) {
    const to = addDays(from, span);
    const found = expandSchedule(s, { ...options, from, to }).find((o) => Date.parse(o.at) > afterMs && accept(o));
    if (found) return found;
    from = addDays(to, 1);
  }
  return null;
}

/** The occurrence with this key (its day in the schedule), or `null` when the schedule has none that day. */
export function occurrenceByKey(schedule: ScheduleLike | ResolvedSchedule, key: string, options: Omit<ExpandOptions, 'from' | 'to' | 'limit'> = {}): Occurrence | null {
  const s = 'parsed' in schedule ? schedule : resolveSchedule(schedule);
  return expandSchedule(s, { ...options, from: addDays(key, -MARGIN_DAYS), to: addDays(key, MARGIN_DAYS) }).find((o) => o.key === key) ?? null;
}
