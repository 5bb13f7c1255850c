// RRULE text (RFC 5545) for standing orders, read and written without a recurrence library, so
// that forms, summaries and validation stay small in a browser. Expanding a rule into days is
// schedule.logic.ts (rrule-temporal).
//
// A standing order runs on days: only DTSTART's date counts, UNTIL and EXDATE are days too (a
// date-time is read as its local date, in its TZID or the schedule's zone). Frequencies below a
// day and the BYHOUR/BYMINUTE/BYSECOND parts are refused: the time of a run is the schedule's.

import { epochDay } from '../availability/calendar.logic.js';
import type { ErrorIssue, IssuePath } from '../errors/kontor-error.js';
import { messageIn, type Lang } from '../errors/messages.js';
import { standingOrdersIssues } from '../errors/issues/standing-orders.js';
import { validationIssues } from '../errors/issues/validation.js';
import { ValidationError } from '../errors/validation-error.js';
import type { MonthDay, Roll, Schedule, ScheduleEnd, ScheduleForm, WeekdayCode } from './standing-order.schema.js';

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

/** A weekday of BYDAY, with its ordinal for monthly and yearly rules (`2MO`: `{ nth: 2, weekday: 'MO' }`). */
export interface ByDay {
  nth: number | null;
  weekday: WeekdayCode;
}

/** The parts of an RRULE, checked and normalized. */
export interface RecurrenceRule {
  freq: Frequency;
  interval: number;
  count: number | null;
  /** The last day that may have an occurrence. */
  until: string | null;
  byDay: ByDay[] | null;
  byMonthDay: number[] | null;
  byMonth: number[] | null;
  bySetPos: number[] | null;
  byYearDay: number[] | null;
  byWeekNo: number[] | null;
  wkst: WeekdayCode | null;
  rscale: 'GREGORIAN' | null;
  skip: 'OMIT' | 'BACKWARD' | 'FORWARD' | null;
}

/** RRULE text read: the first day, the rule and the days left out. */
export interface ParsedSchedule {
  start: string;
  rule: RecurrenceRule;
  /** EXDATE days, sorted, unique. */
  exdates: string[];
  /** DTSTART's TZID, if it had one. */
  tzid: string | null;
}

const WEEKDAYS: readonly WeekdayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const FREQUENCIES: readonly Frequency[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const SUB_DAILY = new Set(['HOURLY', 'MINUTELY', 'SECONDLY']);
const TIME_PARTS = new Set(['BYHOUR', 'BYMINUTE', 'BYSECOND']);
const RULE_PARTS = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'BYYEARDAY', 'BYWEEKNO', 'WKST', 'RSCALE', 'SKIP']);
const DAYS_IN_MONTH_MAX = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Where schedule issues are reported unless told: the `rrule` of a request's `schedule`. */
export const RRULE_PATH: IssuePath = ['schedule', 'rrule'];

export interface ScheduleReadOptions {
  /** The zone of date-times without TZID and of UTC ones (default Europe/Berlin). */
  timeZone?: string;
  lang?: Lang;
  path?: IssuePath;
}

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const localDateFormats = new Map<string, Intl.DateTimeFormat>();
/** The local day in `timeZone` of an instant (Intl knows every zone's offsets). */
export function localDay(epochMs: number, timeZone: string): string {
  let f = localDateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    localDateFormats.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(epochMs).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** `20260105` → `2026-01-05`; `null` unless it is a real day. */
function basicDay(value: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  try {
    epochDay(day);
    return day;
  } catch {
    return null;
  }
}

/**
 * The local day of an RFC 5545 DATE (`20260105`) or DATE-TIME (`20260105T060000`, floating or
 * with `Z`), or `null` when it is neither. A `Z` time is converted into `zone`.
 */
function readDay(value: string, zone: string): string | null {
  const m = /^(\d{8})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value);
  if (!m) return null;
  const day = basicDay(m[1]!);
  if (!day || (m[2] !== undefined && (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4]) > 60))) return null;
  if (!m[5]) return day;
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  return localDay(Date.UTC(y, mo - 1, d, Number(m[2]), Number(m[3]), Number(m[4])), zone);
}

const compact = (day: string) => day.replaceAll('-', '');

interface Line {
  name: string;
  params: Map<string, string>;
  value: string;
}

function splitLine(raw: string): Line | null {
  // A bare rule ("FREQ=…") is the RRULE line.
  if (/^FREQ=/i.test(raw)) return { name: 'RRULE', params: new Map(), value: raw };
  const colon = raw.indexOf(':');
  if (colon < 0) return null;
  const [name, ...params] = raw.slice(0, colon).split(';');
  const map = new Map<string, string>();
  for (const p of params) {
    const eq = p.indexOf('=');
    if (eq < 0) return null;
    map.set(p.slice(0, eq).toUpperCase(), p.slice(eq + 1));
  }
  return { name: name!.trim().toUpperCase(), params: map, value: raw.slice(colon + 1).trim() };
}

type Read = { schedule: ParsedSchedule; issues: [] } | { schedule: null; issues: ErrorIssue[] };

/** Reads RRULE text; every problem is one issue. */
function read(text: string, options: ScheduleReadOptions): Read {
  const lang = options.lang ?? 'en';
  const path = options.path ?? RRULE_PATH;
  const issues: ErrorIssue[] = [];
  const issue = (code: string, params: Record<string, unknown> = {}) =>
    issues.push({ path, code, message: messageIn([standingOrdersIssues, validationIssues], code, params, lang), ...(Object.keys(params).length ? { params } : {}) });
  const zoneOption = options.timeZone ?? 'Europe/Berlin';

  // Unfold continuation lines (RFC 5545 3.1), then one property per line.
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  let start: string | null = null;
  let tzid: string | null = null;
  let ruleText: string | null = null;
  const exdateValues: { value: string; tzid: string | null }[] = [];
  let seenStart = false;
  for (const raw of lines) {
    const line = splitLine(raw);
    if (!line) {
      issue('rrule_syntax', { value: raw.slice(0, 80) });
      continue;
    }
    if (line.name === 'DTSTART') {
      if (seenStart) issue('rrule_duplicate_part', { part: 'DTSTART' });
      seenStart = true;
      const tz = line.params.get('TZID') ?? null;
      if (tz !== null && !isTimeZone(tz)) issue('rrule_value', { part: 'TZID', value: tz });
      const valueType = line.params.get('VALUE')?.toUpperCase();
      if (valueType !== undefined && valueType !== 'DATE' && valueType !== 'DATE-TIME') issue('rrule_value', { part: 'VALUE', value: valueType });
      const day = readDay(line.value, tz !== null && isTimeZone(tz) ? tz : zoneOption);
      if (!day || (valueType === 'DATE' && line.value.length !== 8)) issue('rrule_value', { part: 'DTSTART', value: line.value });
      else start = day;
      tzid = tz;
    } else if (line.name === 'RRULE') {
      if (ruleText !== null) issue('rrule_duplicate_part', { part: 'RRULE' });
      ruleText = line.value;
    } else if (line.name === 'EXDATE') {
      const tz = line.params.get('TZID') ?? null;
      if (tz !== null && !isTimeZone(tz)) issue('rrule_value', { part: 'TZID', value: tz });
      for (const value of line.value.split(',')) exdateValues.push({ value: value.trim(), tzid: tz !== null && isTimeZone(tz) ? tz : null });
    } else {
      issue('rrule_unknown_part', { part: line.name });
    }
  }
  if (!seenStart) issue('rrule_missing_start');
  if (ruleText === null) issue('rrule_missing_rule');

  const zone = tzid !== null && isTimeZone(tzid) ? tzid : zoneOption;
  const exdates = new Set<string>();
  for (const { value, tzid: tz } of exdateValues) {
    const day = readDay(value, tz ?? zone);
    if (day) exdates.add(day);
    else issue('rrule_value', { part: 'EXDATE', value });
  }
  const rule = ruleText === null ? null : readRule(ruleText, zone, issue);
  if (rule && start) {
    if (rule.until !== null && rule.until < start) issue('end_before_start', { start, end: rule.until });
    else if (never(rule)) issue('rrule_never');
  }
  if (issues.length || !rule || !start) return { schedule: null, issues: issues.length ? issues : [{ path, code: 'invalid', message: messageIn([validationIssues], 'invalid', {}, lang) }] };
  return { schedule: { start, rule, exdates: [...exdates].sort(), tzid }, issues: [] };
}

function readRule(text: string, zone: string, issue: (code: string, params?: Record<string, unknown>) => void): RecurrenceRule | null {
  const parts = new Map<string, string>();
  for (const part of text.split(';')) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    if (eq <= 0) {
      issue('rrule_syntax', { value: part.slice(0, 80) });
      return null;
    }
    const name = part.slice(0, eq).trim().toUpperCase();
    const value = part.slice(eq + 1).trim().toUpperCase();
    if (parts.has(name)) issue('rrule_duplicate_part', { part: name });
    else if (TIME_PARTS.has(name)) issue('rrule_time_part', { part: name });
    else if (!RULE_PARTS.has(name)) issue('rrule_unknown_part', { part: name });
    parts.set(name, value);
  }
  let ok = true;
  const bad = (part: string, value: string) => {
    issue('rrule_value', { part, value });
    ok = false;
  };
  const int = (part: string, min: number, max: number): number | null => {
    const v = parts.get(part);
    if (v === undefined) return null;
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    if (!(n >= min && n <= max)) {
      bad(part, v);
      return null;
    }
    return n;
  };
  const ints = (part: string, max: number, negative = true): number[] | null => {
    const v = parts.get(part);
    if (v === undefined) return null;
    const out: number[] = [];
    for (const item of v.split(',')) {
      const n = /^[+-]?\d+$/.test(item) ? Number(item) : NaN;
      if (!Number.isInteger(n) || n === 0 || Math.abs(n) > max || (!negative && n < 0)) {
        bad(part, v);
        return null;
      }
      out.push(n);
    }
    return out;
  };

  const freqText = parts.get('FREQ');
  let freq: Frequency | null = null;
  if (freqText === undefined) {
    issue('rrule_missing_part', { part: 'FREQ' });
    ok = false;
  } else if (SUB_DAILY.has(freqText)) {
    issue('rrule_frequency', { value: freqText });
    ok = false;
  } else if ((FREQUENCIES as readonly string[]).includes(freqText)) freq = freqText as Frequency;
  else bad('FREQ', freqText);

  const interval = int('INTERVAL', 1, 1000) ?? 1;
  const count = int('COUNT', 1, 10_000);
  let until: string | null = null;
  const untilText = parts.get('UNTIL');
  if (untilText !== undefined) {
    until = readDay(untilText, zone);
    if (!until) bad('UNTIL', untilText);
  }
  if (count !== null && untilText !== undefined) {
    issue('rrule_count_and_until');
    ok = false;
  }

  let byDay: ByDay[] | null = null;
  const byDayText = parts.get('BYDAY');
  if (byDayText !== undefined) {
    byDay = [];
    for (const item of byDayText.split(',')) {
      const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
      const nth = m?.[1] === undefined ? null : Number(m[1]);
      const ordinalOk = nth === null || (nth !== 0 && Math.abs(nth) <= (freq === 'MONTHLY' ? 5 : 53) && (freq === 'MONTHLY' || freq === 'YEARLY'));
      if (!m || !ordinalOk) {
        bad('BYDAY', byDayText);
        byDay = null;
        break;
      }
      byDay.push({ nth, weekday: m[2] as WeekdayCode });
    }
  }
  const byMonthDay = ints('BYMONTHDAY', 31);
  const byMonth = ints('BYMONTH', 12, false);
  const bySetPos = ints('BYSETPOS', 366);
  const byYearDay = ints('BYYEARDAY', 366);
  const byWeekNo = ints('BYWEEKNO', 53);
  if (byWeekNo && freq !== 'YEARLY') bad('BYWEEKNO', parts.get('BYWEEKNO')!);
  if (byYearDay && (freq === 'DAILY' || freq === 'WEEKLY' || freq === 'MONTHLY')) bad('BYYEARDAY', parts.get('BYYEARDAY')!);
  if (byMonthDay && freq === 'WEEKLY') bad('BYMONTHDAY', parts.get('BYMONTHDAY')!);
  if (bySetPos && !byDay && !byMonthDay && !byMonth && !byYearDay && !byWeekNo) bad('BYSETPOS', parts.get('BYSETPOS')!);
  const wkstText = parts.get('WKST');
  if (wkstText !== undefined && !(WEEKDAYS as readonly string[]).includes(wkstText)) bad('WKST', wkstText);
  const rscaleText = parts.get('RSCALE');
  if (rscaleText !== undefined && rscaleText !== 'GREGORIAN') bad('RSCALE', rscaleText);
  const skipText = parts.get('SKIP');
  if (skipText !== undefined && (rscaleText === undefined || !['OMIT', 'BACKWARD', 'FORWARD'].includes(skipText))) bad('SKIP', skipText);

  if (!ok || freq === null) return null;
  return {
    freq,
    interval,
    count,
    until,
    byDay,
    byMonthDay,
    byMonth,
    bySetPos,
    byYearDay,
    byWeekNo,
    wkst: (wkstText as WeekdayCode | undefined) ?? null,
    rscale: rscaleText === undefined ? null : 'GREGORIAN',
    skip: (skipText as RecurrenceRule['skip'] | undefined) ?? null,
  };
}

/** Whether the month days can never fall in the months: the 30th of February. */
function never(rule: RecurrenceRule): boolean {
  if (!rule.byMonthDay) return false;
  const months = rule.byMonth ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  return !months.some((m) => rule.byMonthDay!.some((d) => Math.abs(d) <= DAYS_IN_MONTH_MAX[m - 1]!));
}

/**
 * The issues of RRULE text, none when it is a valid schedule: at `options.path` (default
 * `['schedule', 'rrule']`), each with a code of its own and the part it is about.
 */
export function scheduleIssues(text: string, options: ScheduleReadOptions = {}): ErrorIssue[] {
  return read(text, options).issues;
}

/**
 * Reads and checks RRULE text.
 * @throws {@link ValidationError} with an issue per problem (`rrule_unknown_part`, `rrule_value`
 * with the part, `end_before_start`, `rrule_never`, …); nothing is guessed.
 * @example
 * ```ts
 * parseSchedule('DTSTART;VALUE=DATE:20260105\nRRULE:FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1').rule.interval // 2
 * ```
 */
export function parseSchedule(text: string, options: ScheduleReadOptions = {}): ParsedSchedule {
  const { schedule, issues } = read(text, options);
  if (schedule) return schedule;
  throw new ValidationError(`The schedule is not valid: ${issues[0]!.message}`, issues);
}

/** The RRULE value (without `RRULE:`) of a rule, parts in a fixed order; UNTIL as a DATE. */
export function formatRule(rule: RecurrenceRule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.rscale) parts.push(`RSCALE=${rule.rscale}`);
  if (rule.skip) parts.push(`SKIP=${rule.skip}`);
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byMonth) parts.push(`BYMONTH=${rule.byMonth.join(',')}`);
  if (rule.byWeekNo) parts.push(`BYWEEKNO=${rule.byWeekNo.join(',')}`);
  if (rule.byYearDay) parts.push(`BYYEARDAY=${rule.byYearDay.join(',')}`);
  if (rule.byMonthDay) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.byDay) parts.push(`BYDAY=${rule.byDay.map((d) => `${d.nth ?? ''}${d.weekday}`).join(',')}`);
  if (rule.bySetPos) parts.push(`BYSETPOS=${rule.bySetPos.join(',')}`);
  if (rule.wkst) parts.push(`WKST=${rule.wkst}`);
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== null) parts.push(`UNTIL=${compact(rule.until)}`);
  return parts.join(';');
}

/** RRULE text of a parsed schedule, normalized: date DTSTART, the rule, one EXDATE line. */
export function formatSchedule(schedule: ParsedSchedule): string {
  const lines = [`DTSTART;VALUE=DATE:${compact(schedule.start)}`, `RRULE:${formatRule(schedule.rule)}`];
  if (schedule.exdates.length) lines.push(`EXDATE;VALUE=DATE:${schedule.exdates.map(compact).join(',')}`);
  return lines.join('\n');
}

const emptyRule = (freq: Frequency, interval: number): RecurrenceRule => ({
  freq, interval, count: null, until: null, byDay: null, byMonthDay: null, byMonth: null, bySetPos: null, byYearDay: null, byWeekNo: null, wkst: null, rscale: null, skip: null,
});

/** Month days 28…`day` with the last that exists: the `day`th, or the month's last day where it is shorter. */
const dayOrLast = (day: number) => Array.from({ length: day - 27 }, (_, i) => 28 + i);

/**
 * RRULE text of the structured form: `DTSTART;VALUE=DATE:…`, `RRULE:…` and `EXDATE;VALUE=DATE:…`.
 * A day of the month from 29 on with `missing: 'last_day'` (the default) becomes
 * `BYMONTHDAY=28,…,31;BYSETPOS=-1`: plain RFC 5545, so calendar apps read it the same way.
 * @example
 * ```ts
 * formToRrule({ every: 'month', interval: 2, on: { kind: 'day', day: 1 }, start: '2026-01-01', end: { kind: 'none' } })
 * // 'DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1'
 * ```
 */
export function formToRrule(form: ScheduleForm): string {
  const freq: Frequency = form.every === 'day' ? 'DAILY' : form.every === 'week' ? 'WEEKLY' : 'MONTHLY';
  const rule = emptyRule(freq, form.interval);
  if (form.every === 'week') rule.byDay = WEEKDAYS.filter((w) => form.weekdays.includes(w)).map((weekday) => ({ nth: null, weekday }));
  if (form.every === 'month') {
    const on = form.on;
    if (on.kind === 'last_day') rule.byMonthDay = [-1];
    else if (on.kind === 'nth_weekday') rule.byDay = [{ nth: on.nth, weekday: on.weekday }];
    else if (on.day >= 29 && (on.missing ?? 'last_day') === 'last_day') {
      rule.byMonthDay = dayOrLast(on.day);
      rule.bySetPos = [-1];
    } else rule.byMonthDay = [on.day];
  }
  if (form.end.kind === 'count') rule.count = form.end.count;
  if (form.end.kind === 'until') rule.until = form.end.until;
  return formatSchedule({ start: form.start, rule, exdates: [...new Set(form.except ?? [])].sort(), tzid: null });
}

const isRun = (xs: number[]) => xs.every((x, i) => i === 0 || x === xs[i - 1]! + 1);

/**
 * The structured form of RRULE text, or `null` when the form cannot show it (a yearly rule,
 * several month days, BYSETPOS of its own, …): such a schedule is kept and shown as text.
 * @throws {@link ValidationError} when the text is not a valid schedule.
 */
export function rruleToForm(text: string, options: ScheduleReadOptions = {}): ScheduleForm | null {
  const s = parseSchedule(text, options);
  const r = s.rule;
  if (r.byMonth || r.byYearDay || r.byWeekNo || r.rscale || r.freq === 'YEARLY') return null;
  const end: ScheduleEnd = r.count !== null ? { kind: 'count', count: r.count } : r.until !== null ? { kind: 'until', until: r.until } : { kind: 'none' };
  const common = { interval: r.interval, start: s.start, end, ...(s.exdates.length ? { except: s.exdates } : {}) };
  if (r.freq === 'DAILY') return r.byDay || r.byMonthDay || r.bySetPos ? null : { every: 'day', ...common };
  if (r.freq === 'WEEKLY') {
    if (r.byMonthDay || r.bySetPos || r.byDay?.some((d) => d.nth !== null)) return null;
    // WKST only matters with several weekdays every other week or more.
    if (r.wkst && r.wkst !== 'MO' && r.interval > 1 && (r.byDay?.length ?? 1) > 1) return null;
    const weekdays = r.byDay ? WEEKDAYS.filter((w) => r.byDay!.some((d) => d.weekday === w)) : [weekdayCode(s.start)];
    return { every: 'week', ...common, weekdays };
  }
  // MONTHLY
  let on: MonthDay | null = null;
  if (!r.byDay && !r.byMonthDay && !r.bySetPos) {
    const day = Number(s.start.slice(8));
    on = { kind: 'day', day, ...(day >= 29 ? { missing: 'skip' as const } : {}) };
  }
  else if (!r.byDay && r.byMonthDay && !r.bySetPos && r.byMonthDay.length === 1) {
    const d = r.byMonthDay[0]!;
    on = d === -1 ? { kind: 'last_day' } : d > 0 ? { kind: 'day', day: d, ...(d >= 29 ? { missing: 'skip' as const } : {}) } : null;
  } else if (!r.byDay && r.byMonthDay && r.bySetPos?.length === 1 && r.bySetPos[0] === -1 && r.byMonthDay[0] === 28 && r.byMonthDay.length >= 2 && isRun(r.byMonthDay)) {
    on = { kind: 'day', day: r.byMonthDay.at(-1)!, missing: 'last_day' };
  } else if (r.byDay?.length === 1 && !r.byMonthDay && !r.bySetPos && r.byDay[0]!.nth !== null && [-1, 1, 2, 3, 4].includes(r.byDay[0]!.nth)) {
    on = { kind: 'nth_weekday', nth: r.byDay[0]!.nth as -1 | 1 | 2 | 3 | 4, weekday: r.byDay[0]!.weekday };
  }
  return on ? { every: 'month', ...common, on } : null;
}

/** The RFC 5545 weekday code of a day. */
export function weekdayCode(day: string): WeekdayCode {
  // 1970-01-01 was a Thursday (index 3 from Monday).
  return WEEKDAYS[(((epochDay(day) + 3) % 7) + 7) % 7]!;
}

/**
 * The schedule a request's schedule input stands for: its RRULE text (the form's, written with
 * {@link formToRrule}) with `roll`, `time` and `timeZone` filled in (next business day, 00:00,
 * the warehouse's zone or Europe/Berlin).
 */
export function scheduleOf(
  input: { rrule: string; roll?: Roll | undefined; time?: string | undefined; timeZone?: string | undefined } | { form: ScheduleForm; roll?: Roll | undefined; time?: string | undefined; timeZone?: string | undefined },
  defaults: { timeZone?: string } = {},
): Schedule {
  return {
    rrule: 'form' in input ? formToRrule(input.form) : input.rrule,
    roll: input.roll ?? 'next',
    time: input.time ?? '00:00',
    timeZone: input.timeZone ?? defaults.timeZone ?? 'Europe/Berlin',
  };
}
