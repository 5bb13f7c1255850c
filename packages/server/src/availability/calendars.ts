import { calendarFromHolidays, holidayRegion, type BusinessCalendar, type Warehouse } from '@kontor/core';
import Holidays from 'date-holidays';

/**
 * Business calendars from `date-holidays`, built once per region and year and kept.
 *
 * A warehouse's calendar: weekends, the public holidays of its country and region (ISO 3166-2:
 * `DE-BY` has Heilige Drei Könige and Fronleichnam, `DE-HH` does not), and in Germany also
 * 24 and 31 December. These two are no legal holidays (`date-holidays` lists them as `bank`), but
 * German warehouses and carriers do not work them, and a promise that counts them would be
 * broken every year — so they are closing days here. Other kinds of `bank` holiday are not taken.
 *
 * A calendar covers the year of "now" and the two after it: a lead time or a receipt may reach
 * past next New Year. Beyond that only weekends count.
 */
const YEARS_AHEAD = 2;

/** Closing days beyond the public holidays, per country. */
const CLOSED_DAYS: Readonly<Record<string, readonly string[]>> = {
  DE: ['12-24', '12-31'],
};

const warehouseCalendars = new Map<string, BusinessCalendar>();
const destinationCalendars = new Map<string, BusinessCalendar>();

const yearsFrom = (year: number) => Array.from({ length: YEARS_AHEAD + 1 }, (_, i) => year + i);

function build(region: string, country: string, year: number): BusinessCalendar {
  const years = yearsFrom(year);
  const closedDays = years.flatMap((y) => (CLOSED_DAYS[country] ?? []).map((md) => `${y}-${md}`));
  return calendarFromHolidays(new Holidays(holidayRegion(region)), { years, closedDays });
}

/** The business calendar of a warehouse from `year` on (the year of "now"). */
export function warehouseCalendar(warehouse: Pick<Warehouse, 'region' | 'country'>, year: number): BusinessCalendar {
  const key = `${warehouse.country}|${warehouse.region}|${year}`;
  let calendar = warehouseCalendars.get(key);
  if (!calendar) {
    calendar = build(warehouse.region, warehouse.country, year);
    warehouseCalendars.set(key, calendar);
  }
  return calendar;
}

/**
 * The calendar of a destination country: weekends, its nationwide public holidays (a parcel
 * is not delivered on Swiss National Day) and its closing days (carriers in Germany do not deliver
 * on 24 and 31 December either, so no one may ask for delivery then). Regional holidays of the
 * destination are not known, since the request names only the country.
 */
export function destinationCalendar(country: string, year: number): BusinessCalendar {
  const key = `${country}|${year}`;
  let calendar = destinationCalendars.get(key);
  if (!calendar) {
    calendar = build(country, country, year);
    destinationCalendars.set(key, calendar);
  }
  return calendar;
}
