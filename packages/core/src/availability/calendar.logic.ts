// Business days on plain ISO dates ("2026-12-24"). Days are counted as whole days since
// 1970-01-01 (civil calendar, no time zone), so no date ever shifts by an offset or a DST switch.

/** Day of the week as `Date#getUTCDay` numbers it: 0 Sunday … 6 Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Saturday and Sunday. */
export const SATURDAY_SUNDAY: readonly Weekday[] = Object.freeze([6, 0] as Weekday[]);

/**
 * Which days a warehouse (or a carrier in a country) works: every day except the weekend days
 * and the holidays. Plain data: build it with {@link createBusinessCalendar}, or from a holiday
 * library with {@link calendarFromHolidays}. Core bundles no holiday list; holidays come in.
 */
export interface BusinessCalendar {
  /** Days of the week that are never business days. */
  readonly weekend: ReadonlySet<Weekday>;
  /** Further days that are not business days (public holidays, closing days), as `YYYY-MM-DD`. */
  readonly holidays: ReadonlySet<string>;
  /** The names of holidays where the source has them (`'2026-05-25'` → `'Pfingstmontag'`). */
  readonly names?: ReadonlyMap<string, string>;
}

/** The calendar's days as numbers, built once per calendar object. */
interface Compiled {
  weekendMask: number;
  holidays: Set<number>;
}
const compiledCalendars = new WeakMap<BusinessCalendar, Compiled>();

const DAY_FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 of an ISO day (H. Hinnant's days_from_civil).
 * @throws RangeError for anything that is not a real `YYYY-MM-DD` date.
 */
export function epochDay(day: string): number {
  const m = DAY_FORMAT.exec(day);
  if (!m) throw new RangeError(`Not a day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`Not a day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return civilToDays(y, mo, d);
}

/** @internal Days since 1970-01-01 of a valid civil date. */
export function civilToDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The ISO day of a day number (H. Hinnant's civil_from_days); inverse of {@link epochDay}. */
export function dayFromEpoch(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** Day of the week of a day number (1970-01-01 was a Thursday). */
const weekdayOfEpoch = (n: number): Weekday => ((((n + 4) % 7) + 7) % 7) as Weekday;

/** Day of the week of an ISO day: 0 Sunday … 6 Saturday. */
export function weekdayOf(day: string): Weekday {
  return weekdayOfEpoch(epochDay(day));
}

/** The day `n` calendar days after (or before, for negative `n`) `day`. */
export function addDays(day: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  return dayFromEpoch(epochDay(day) + n);
}

/**
 * A business calendar: weekends (Saturday and Sunday unless told) plus the given holidays.
 * @throws RangeError when a holiday is not a real day, or when every weekday is a weekend day
 * (no day would ever be a business day).
 * @example
 * ```ts
 * const bavaria = createBusinessCalendar({ holidays: ['2026-12-25', '2026-12-26', '2027-01-01', '2027-01-06'] });
 * addBusinessDays(bavaria, '2026-12-23', 1) // '2026-12-24'
 * ```
 */
export function createBusinessCalendar(
  options: { holidays?: Iterable<string>; weekend?: Iterable<Weekday>; names?: Iterable<readonly [day: string, name: string]> } = {},
): BusinessCalendar {
  const weekend = new Set<Weekday>(options.weekend ?? SATURDAY_SUNDAY);
  for (const w of weekend) if (!Number.isInteger(w) || w < 0 || w > 6) throw new RangeError(`Not a weekday (0–6): ${w}`);
  if (weekend.size >= 7) throw new RangeError('A calendar needs at least one working weekday');
  const holidays = new Set<string>();
  for (const h of options.holidays ?? []) {
    epochDay(h); // validates
    holidays.add(h);
  }
  const names = new Map<string, string>();
  for (const [day, name] of options.names ?? []) if (holidays.has(day) && name) names.set(day, name);
  return Object.freeze(names.size ? { weekend, holidays, names } : { weekend, holidays });
}

/** The name of the holiday on `day` when the calendar knows it (`'Pfingstmontag'`), else `null`. */
export function holidayName(calendar: BusinessCalendar, day: string): string | null {
  return calendar.names?.get(day) ?? null;
}

/** @internal The calendar as numbers, compiled once per calendar object. */
export function compileCalendar(calendar: BusinessCalendar): Compiled {
  let c = compiledCalendars.get(calendar);
  if (!c) {
    let weekendMask = 0;
    for (const w of calendar.weekend) weekendMask |= 1 << w;
    if ((weekendMask & 0x7f) === 0x7f) throw new RangeError('A calendar needs at least one working weekday');
    const holidays = new Set<number>();
    for (const h of calendar.holidays) holidays.add(epochDay(h));
    c = { weekendMask, holidays };
    compiledCalendars.set(calendar, c);
  }
  return c;
}

/** @internal */
export const isBusinessEpochDay = (c: Compiled, n: number): boolean =>
  (c.weekendMask & (1 << weekdayOfEpoch(n))) === 0 && !c.holidays.has(n);

/** @internal The first business day on or after day number `n`. */
export function nextBusinessEpochDay(c: Compiled, n: number): number {
  // A finite holiday set and at least one working weekday: this ends.
  while (!isBusinessEpochDay(c, n)) n++;
  return n;
}

/** @internal The `k`-th business day after day number `n` (`k` = 0: on or after `n`). */
export function addBusinessEpochDays(c: Compiled, n: number, k: number): number {
  if (k === 0) return nextBusinessEpochDay(c, n);
  while (k > 0) {
    n++;
    if (isBusinessEpochDay(c, n)) k--;
  }
  return n;
}

/** Whether `day` is a business day: not a weekend day, not a holiday. */
export function isBusinessDay(calendar: BusinessCalendar, day: string): boolean {
  return isBusinessEpochDay(compileCalendar(calendar), epochDay(day));
}

/** The first business day on or after `day` (`day` itself when it is one). */
export function nextBusinessDay(calendar: BusinessCalendar, day: string): string {
  return dayFromEpoch(nextBusinessEpochDay(compileCalendar(calendar), epochDay(day)));
}

/**
 * The `n`-th business day after `day`: Friday + 1 is Monday, and a Saturday + 1 is Monday too
 * (counting starts from the day itself, whatever it is). `n` = 0 gives {@link nextBusinessDay}, so
 * the answer is always a business day.
 * @throws RangeError for a negative or fractional `n`.
 */
export function addBusinessDays(calendar: BusinessCalendar, day: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Business days must be a whole number ≥ 0: ${n}`);
  return dayFromEpoch(addBusinessEpochDays(compileCalendar(calendar), epochDay(day), n));
}
