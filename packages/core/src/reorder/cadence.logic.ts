import type { Lang } from '../errors/messages.js';
import type { Cadence, CadenceBucket } from './reorder.schema.js';

// "Time to reorder": from the instants a company ordered a product, how often it usually does and
// whether that time has come. Pure: `now` is passed in.

const DAY_MS = 24 * 60 * 60 * 1000;

/** Orders (on distinct days) a cadence needs before it says anything: three, i.e. two intervals. */
export const MIN_CADENCE_ORDERS = 3;
/** Below this confidence a cadence is `not_predictable`. */
export const MIN_CONFIDENCE = 0.3;

const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Days after the due day before a product is overdue: a tenth of the interval, at least one. */
export const graceDays = (intervalDays: number): number => Math.max(1, Math.round(intervalDays * 0.1));
/** Days before the due day from which it is due soon: 15 % of the interval, at least three. */
export const leadDays = (intervalDays: number): number => Math.max(3, Math.round(intervalDays * 0.15));

/**
 * A product's cadence at `now` from the instants of this company's orders of it (any order, any
 * number; orders on the same UTC day count once, instants after `now` are ignored).
 *
 * - `intervalDays`: the median of the intervals between consecutive orders, in whole days.
 * - `confidence`: 0 below {@link MIN_CADENCE_ORDERS} orders; else the regularity of the intervals
 *   (1 − mean absolute deviation from the median / median, at least 0) times the weight of the sample (two
 *   intervals 0.6, three 0.8, four and more 1), rounded to two decimals.
 * - `bucket`: `not_predictable` below {@link MIN_CONFIDENCE}; `overdue` when more than
 *   {@link graceDays} past the due day; `due_soon` from {@link leadDays} before it; else `on_track`.
 *
 * @example
 * ```ts
 * purchaseCadence(['2026-01-05T10:00:00Z', '2026-02-16T10:00:00Z', '2026-03-30T10:00:00Z'], new Date('2026-05-18T10:00:00Z'));
 * // { bucket: 'overdue', orders: 3, intervalDays: 42, daysSinceLast: 49, dueOn: '2026-05-11', … }
 * ```
 */
export function purchaseCadence(orderedAt: readonly string[], now: Date | string): Cadence {
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  const byDay = new Map<number, number>();
  for (const at of orderedAt) {
    const ms = Date.parse(at);
    if (!Number.isFinite(ms) || ms > nowMs) continue;
    const day = Math.floor(ms / DAY_MS);
    byDay.set(day, Math.max(byDay.get(day) ?? ms, ms));
  }
  const days = [...byDay.keys()].sort((a, b) => a - b);
  if (!days.length) throw new RangeError('purchaseCadence needs at least one order before now');
  const lastMs = byDay.get(days[days.length - 1]!)!;
  const lastOrderedAt = new Date(lastMs).toISOString();
  const daysSinceLast = Math.floor((nowMs - lastMs) / DAY_MS);
  const intervals = days.slice(1).map((d, i) => d - days[i]!);
  const intervalDays = intervals.length ? Math.round(median(intervals)) : null;
  const base = { orders: days.length, intervalDays, lastOrderedAt, daysSinceLast };
  if (days.length < MIN_CADENCE_ORDERS || !intervalDays) return { ...base, bucket: 'not_predictable', confidence: 0, dueOn: null };

  const m = median(intervals);
  // The mean, not the median, of the deviations: one interval of 76 days between two of 2 is no rhythm.
  const spread = intervals.reduce((sum, x) => sum + Math.abs(x - m), 0) / intervals.length;
  const regularity = Math.max(0, 1 - spread / m);
  const weight = Math.min(1, 0.2 + 0.2 * intervals.length);
  const confidence = Math.round(regularity * weight * 100) / 100;
  if (confidence < MIN_CONFIDENCE) return { ...base, bucket: 'not_predictable', confidence, dueOn: null };

  const dueOn = new Date((days[days.length - 1]! + intervalDays) * DAY_MS).toISOString().slice(0, 10);
  const bucket: CadenceBucket = daysSinceLast > intervalDays + graceDays(intervalDays) ? 'overdue' : daysSinceLast >= intervalDays - leadDays(intervalDays) ? 'due_soon' : 'on_track';
  return { ...base, bucket, confidence, dueOn };
}

/** True for the buckets a buyer is told about: `overdue` and `due_soon`. */
export const isDue = (c: Pick<Cadence, 'bucket'>): boolean => c.bucket === 'overdue' || c.bucket === 'due_soon';

/** Items with a due cadence, overdue before due soon, each group the longest past its due day first. */
export function dueFirst<T extends { cadence: Cadence }>(items: readonly T[]): T[] {
  const rank = (c: Cadence) => (c.bucket === 'overdue' ? 0 : 1);
  const late = (c: Cadence) => c.daysSinceLast - (c.intervalDays ?? 0);
  return items.filter((i) => isDue(i.cadence)).sort((a, b) => rank(a.cadence) - rank(b.cadence) || late(b.cadence) - late(a.cadence));
}

/** A span of days as people say it: days below two weeks, weeks below nine, else months. */
export function spanOf(days: number): { unit: 'day' | 'week' | 'month'; count: number } {
  if (days < 14) return { unit: 'day', count: Math.max(0, days) };
  if (days < 63) return { unit: 'week', count: Math.round(days / 7) };
  return { unit: 'month', count: Math.max(2, Math.round(days / 30.44)) };
}

const UNITS = {
  de: { day: ['Tag', 'Tage', 'Tagen'], week: ['Woche', 'Wochen', 'Wochen'], month: ['Monat', 'Monate', 'Monaten'] },
  en: { day: ['day', 'days', 'days'], week: ['week', 'weeks', 'weeks'], month: ['month', 'months', 'months'] },
} as const;

/**
 * A cadence in words: "usually every 6 weeks — last ordered 7 weeks ago" / "üblicherweise alle
 * 6 Wochen — zuletzt bestellt vor 7 Wochen"; without a prediction only the last order.
 */
export function describeCadence(c: Pick<Cadence, 'intervalDays' | 'daysSinceLast' | 'bucket'>, lang: Lang): string {
  const since = spanOf(c.daysSinceLast);
  const u = UNITS[lang];
  const ago = c.daysSinceLast === 0
    ? (lang === 'de' ? 'zuletzt bestellt heute' : 'last ordered today')
    : lang === 'de'
      ? `zuletzt bestellt vor ${since.count} ${u[since.unit][since.count === 1 ? 0 : 2]}`
      : `last ordered ${since.count} ${u[since.unit][since.count === 1 ? 0 : 1]} ago`;
  const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
  if (c.bucket === 'not_predictable' || !c.intervalDays) return cap(ago);
  const every = spanOf(c.intervalDays);
  // Only days come as 1 (weeks start at 2, months at 2).
  const usually = lang === 'de'
    ? every.count === 1 ? 'üblicherweise jeden Tag' : `üblicherweise alle ${every.count} ${u[every.unit][1]}`
    : every.count === 1 ? 'usually every day' : `usually every ${every.count} ${u[every.unit][1]}`;
  return `${cap(usually)} — ${ago}`;
}
