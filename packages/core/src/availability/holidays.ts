import { createBusinessCalendar, type BusinessCalendar, type Weekday } from './calendar.logic.js';

/**
 * What core reads of a holiday library: the shape of a `date-holidays` instance
 * (`new Holidays('DE', 'BY')`), typed structurally so that core imports no holiday data and the
 * browser SDK stays small. The server (or any Node caller) brings the library.
 */
export interface HolidaySource {
  getHolidays(year: number): ReadonlyArray<{ date: string; type: string; name?: string }>;
}

/** Kinds of holiday in `date-holidays`: `public` are the legal ones; `bank` includes 24 and 31 December in Germany. */
export type HolidayType = 'public' | 'bank' | 'school' | 'optional' | 'observance';

export interface HolidayCalendarOptions {
  /** The years to take holidays for: at least the year of "now" and the next (deliveries cross New Year). */
  years: Iterable<number>;
  /** Which kinds count as closed. Default: `['public']`. */
  types?: readonly HolidayType[];
  /** Further closing days of the warehouse (e.g. 24 and 31 December, inventory days), as `YYYY-MM-DD`. */
  closedDays?: Iterable<string>;
  /** Default: Saturday and Sunday. */
  weekend?: Iterable<Weekday>;
}

/**
 * The holiday days (`YYYY-MM-DD`, sorted, unique) of `source` in `years` of the given types.
 * A holiday's day is the local date it starts on, as `date-holidays` reports it.
 */
export function holidayDays(source: HolidaySource, years: Iterable<number>, types: readonly HolidayType[] = ['public']): string[] {
  const wanted = new Set<string>(types);
  const days = new Set<string>();
  for (const year of years) {
    for (const h of source.getHolidays(year)) if (wanted.has(h.type)) days.add(h.date.slice(0, 10));
  }
  return [...days].sort();
}

/**
 * A business calendar from a holiday library: weekends, the public holidays of the source's
 * country and region, and the warehouse's own closing days. A closed day keeps the name the source
 * gives it, of whatever type (`Pfingstmontag`, and `Heiliger Abend` for a closing 24 December).
 * @example
 * ```ts
 * import Holidays from 'date-holidays';
 * const munich = calendarFromHolidays(new Holidays('DE', 'BY'), { years: [2026, 2027] });
 * isBusinessDay(munich, '2027-01-06') // false: Heilige Drei Könige
 * ```
 */
export function calendarFromHolidays(source: HolidaySource, options: HolidayCalendarOptions): BusinessCalendar {
  const years = [...options.years];
  const days = holidayDays(source, years, options.types);
  // A day's name: of a holiday of the wanted types where there is one, else of any other.
  const wanted = new Set<string>(options.types ?? ['public']);
  const names = new Map<string, string>();
  for (const year of years) {
    for (const h of source.getHolidays(year)) {
      const day = h.date.slice(0, 10);
      if (h.name && (!names.has(day) || wanted.has(h.type))) names.set(day, h.name);
    }
  }
  return createBusinessCalendar({
    holidays: [...days, ...(options.closedDays ?? [])],
    names,
    ...(options.weekend ? { weekend: options.weekend } : {}),
  });
}

/**
 * Splits an ISO 3166-2 subdivision (`DE-BY`) into what `date-holidays` takes
 * (`new Holidays({ country: 'DE', state: 'BY' })`); a bare country code gives `{ country }`.
 */
export function holidayRegion(region: string): { country: string; state?: string } {
  const i = region.indexOf('-');
  return i < 0 ? { country: region } : { country: region.slice(0, i), state: region.slice(i + 1) };
}
