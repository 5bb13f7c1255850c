// A schedule in plain German and English: "alle 2 Monate am 1. Werktag, bis auf Weiteres" /
// "every 2 months on the 1st business day, until further notice"; and why an occurrence moved.
// No recurrence library: this runs in the browser.

import type { Lang } from '../errors/messages.js';
import { formatRule, parseSchedule, weekdayCode, type ParsedSchedule, type RecurrenceRule } from './schedule.rrule.js';
import type { Occurrence, Roll, ScheduleLike, WeekdayCode } from './standing-order.schema.js';

const WEEKDAY_NAMES: Record<Lang, Record<WeekdayCode, string>> = {
  en: { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' },
  de: { MO: 'Montag', TU: 'Dienstag', WE: 'Mittwoch', TH: 'Donnerstag', FR: 'Freitag', SA: 'Samstag', SU: 'Sonntag' },
};
const MONTH_NAMES: Record<Lang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};

const ordinalEn = (n: number) => {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th'}`;
};

const joinList = (items: string[], lang: Lang) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${lang === 'de' ? 'und' : 'and'} ${items.at(-1)}`;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** A day for people: `31 Dec 2026` / `31.12.2026`; with its weekday: `Thu, 31 Dec 2026` / `Do., 31.12.2026`. */
export function formatDay(day: string, lang: Lang, withWeekday = false): string {
  const key = `${lang}|${withWeekday}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
      timeZone: 'UTC', year: 'numeric', month: lang === 'de' ? '2-digit' : 'short', day: lang === 'de' ? '2-digit' : 'numeric', ...(withWeekday ? { weekday: 'short' } : {}),
    });
    dateFormats.set(key, f);
  }
  return f.format(new Date(`${day}T00:00:00Z`));
}

const isDayOrLast = (r: RecurrenceRule) =>
  !!r.byMonthDay && r.bySetPos?.length === 1 && r.bySetPos[0] === -1 && r.byMonthDay[0] === 28 && r.byMonthDay.length >= 2 && r.byMonthDay.every((d, i) => d === 28 + i);

/** "on the 1st business day" / "am 1. Werktag" and friends; `businessDays` when the phrase says how non-business days are handled. */
/** Words for the rule's days: `note` qualifies them ("not in shorter months"); `businessDays` when they say how non-business days go. */
interface Phrase {
  text: string;
  note?: string;
  businessDays: boolean;
}

function monthDayPhrase(s: ParsedSchedule, roll: Roll, lang: Lang): Phrase | null {
  const r = s.rule;
  const de = lang === 'de';
  if (r.byDay) {
    if (r.byDay.length !== 1 || r.byMonthDay || r.bySetPos || r.byDay[0]!.nth === null) return null;
    const { nth, weekday } = r.byDay[0]!;
    const name = WEEKDAY_NAMES[lang][weekday];
    if (nth === -1) return { text: de ? `am letzten ${name}` : `on the last ${name}`, businessDays: false };
    if (nth! < 1 || nth! > 5) return null;
    return { text: de ? `am ${nth}. ${name}` : `on the ${ordinalEn(nth!)} ${name}`, businessDays: false };
  }
  if (isDayOrLast(r)) {
    const d = r.byMonthDay!.at(-1)!;
    return { text: de ? `am ${d}.` : `on the ${ordinalEn(d)}`, note: de ? 'in kürzeren Monaten am Monatsletzten' : 'the last day in shorter months', businessDays: false };
  }
  if (r.bySetPos || (r.byMonthDay && r.byMonthDay.length !== 1)) return null;
  const d = r.byMonthDay ? r.byMonthDay[0]! : Number(s.start.slice(8));
  if (d === -1) {
    if (roll === 'previous') return { text: de ? 'am letzten Werktag' : 'on the last business day', businessDays: true };
    return { text: de ? 'am Monatsletzten' : 'on the last day', businessDays: false };
  }
  if (d < 0) return null;
  if (d === 1 && roll === 'next') return { text: de ? 'am 1. Werktag' : 'on the 1st business day', businessDays: true };
  const note = d >= 29 ? (de ? 'nicht in kürzeren Monaten' : 'not in shorter months') : undefined;
  return { text: de ? `am ${d}.` : `on the ${ordinalEn(d)}`, ...(note ? { note } : {}), businessDays: false };
}

function every(n: number, unit: 'day' | 'week' | 'month' | 'year', lang: Lang): string {
  if (lang === 'en') return n === 1 ? `every ${unit}` : `every ${n} ${unit}s`;
  const one = { day: 'täglich', week: 'jede Woche', month: 'jeden Monat', year: 'jedes Jahr' }[unit];
  const many = { day: 'Tage', week: 'Wochen', month: 'Monate', year: 'Jahre' }[unit];
  return n === 1 ? one : `alle ${n} ${many}`;
}

/** The rule's days in words, or `null` for a rule that only its text can say. */
function rulePhrase(s: ParsedSchedule, roll: Roll, lang: Lang): Phrase | null {
  const r = s.rule;
  const de = lang === 'de';
  if (r.byYearDay || r.byWeekNo || r.skip) return null;
  switch (r.freq) {
    case 'DAILY':
      if (r.byDay || r.byMonthDay || r.byMonth || r.bySetPos) return null;
      // Every day on a calendar with closed days: the closed ones move onto the next business day and run with it.
      if (r.interval === 1) return { text: de ? 'jeden Werktag' : 'every business day', businessDays: true };
      return { text: every(r.interval, 'day', lang), businessDays: false };
    case 'WEEKLY': {
      if (r.byMonthDay || r.byMonth || r.bySetPos || r.byDay?.some((d) => d.nth !== null)) return null;
      const days = r.byDay ? r.byDay.map((d) => d.weekday) : [weekdayCode(s.start)];
      const names = joinList(days.map((d) => WEEKDAY_NAMES[lang][d]), lang);
      return { text: `${every(r.interval, 'week', lang)} ${de ? 'am' : 'on'} ${names}`, businessDays: false };
    }
    case 'MONTHLY': {
      if (r.byMonth) return null;
      const on = monthDayPhrase(s, roll, lang);
      return on && { ...on, text: `${every(r.interval, 'month', lang)} ${on.text}` };
    }
    case 'YEARLY': {
      if (r.byDay || r.bySetPos && !isDayOrLast(r) || (r.byMonth && r.byMonth.length !== 1) || (r.byMonthDay && r.byMonthDay.length !== 1 && !isDayOrLast(r))) return null;
      const month = r.byMonth ? r.byMonth[0]! : Number(s.start.slice(5, 7));
      const day = r.byMonthDay ? r.byMonthDay.at(-1)! : Number(s.start.slice(8));
      if (day < 1) return null;
      const name = MONTH_NAMES[lang][month - 1]!;
      const note = month !== 2 || day !== 29 ? undefined : isDayOrLast(r) ? (de ? 'sonst am 28. Februar' : '28 February in other years') : de ? 'nur in Schaltjahren' : 'only in leap years';
      return { text: `${every(r.interval, 'year', lang)} ${de ? `am ${day}. ${name}` : `on ${day} ${name}`}`, ...(note ? { note } : {}), businessDays: false };
    }
  }
}

export interface SummaryOptions {
  /** Say the first day too ("from 5 Jan 2026"). Default `false`. */
  start?: boolean;
}

/**
 * The schedule in words. The parts the structured form knows are said in full; a rule beyond
 * them is quoted ("by the rule FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO"). Non-business days are said
 * as the schedule's `roll` handles them, the run time when it is not midnight.
 * @throws {@link ValidationError} when the RRULE text is not valid.
 * @example
 * ```ts
 * summarizeSchedule({ rrule: 'DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1' }, 'de')
 * // 'alle 2 Monate am 1. Werktag, bis auf Weiteres'
 * ```
 */
export function summarizeSchedule(schedule: ScheduleLike, lang: Lang = 'en', options: SummaryOptions = {}): string {
  const s = parseSchedule(schedule.rrule, { lang, ...(schedule.timeZone ? { timeZone: schedule.timeZone } : {}) });
  const roll = schedule.roll ?? 'next';
  const de = lang === 'de';
  const phrase = rulePhrase(s, roll, lang);
  let text = phrase ? phrase.text : `${de ? 'nach der Regel' : 'by the rule'} ${formatRule({ ...s.rule, count: null, until: null })}`;
  const rollNote = phrase?.businessDays ? null : roll === 'next' ? (de ? 'sonst am nächsten Werktag' : 'or the next business day') : de ? 'sonst am Werktag davor' : 'or the business day before';
  if (schedule.time && schedule.time !== '00:00') text += de ? ` um ${schedule.time} Uhr` : ` at ${schedule.time}`;
  const notes = [phrase?.note, rollNote].filter(Boolean);
  if (notes.length) text += ` (${notes.join('; ')})`;
  if (options.start) text += de ? ` ab ${formatDay(s.start, lang)}` : ` from ${formatDay(s.start, lang)}`;
  const r = s.rule;
  if (r.count !== null) text += de ? `, ${r.count}-mal` : `, ${r.count} ${r.count === 1 ? 'time' : 'times'}`;
  else if (r.until !== null) text += de ? `, bis ${formatDay(r.until, lang)}` : `, until ${formatDay(r.until, lang)}`;
  else text += de ? ', bis auf Weiteres' : ', until further notice';
  if (s.exdates.length) {
    const days = s.exdates.length <= 3 ? joinList(s.exdates.map((d) => formatDay(d, lang)), lang) : null;
    text += de ? (days ? `, außer am ${days}` : `, außer an ${s.exdates.length} Tagen`) : days ? `, except ${days}` : `, except on ${s.exdates.length} days`;
  }
  return text;
}

/**
 * Why an occurrence runs on another day than the rule gives, or `null` when it does not:
 * "moved from Fri, 1 May 2026 (Maifeiertag) to Mon, 4 May 2026" /
 * "verschoben vom Fr., 01.05.2026 (Maifeiertag) auf Mo., 04.05.2026". The reasons are the
 * holidays passed by name, else "weekend" / "holiday".
 */
export function describeMove(occurrence: Pick<Occurrence, 'original' | 'day' | 'moved'>, lang: Lang = 'en'): string | null {
  const m = occurrence.moved;
  if (!m) return null;
  const de = lang === 'de';
  const from = formatDay(occurrence.original, lang, true);
  const to = formatDay(occurrence.day, lang, true);
  if (m.reason === 'requested') return de ? `für diese Ausführung vom ${from} auf ${to} verschoben` : `moved from ${from} to ${to} for this run`;
  const reasons: string[] = [];
  for (const c of m.closed) {
    const why = c.holiday ?? (c.reason === 'weekend' ? (de ? 'Wochenende' : 'weekend') : de ? 'Feiertag' : 'holiday');
    if (!reasons.includes(why)) reasons.push(why);
  }
  return de ? `verschoben vom ${from} (${reasons.join(', ')}) auf ${to}` : `moved from ${from} (${reasons.join(', ')}) to ${to}`;
}
