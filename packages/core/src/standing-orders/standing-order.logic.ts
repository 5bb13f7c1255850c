// The rules of a standing order's life, pure: every function takes the time (`now`, an ISO
// instant) and the delivering warehouse's calendar as inputs and returns a new standing order or
// a decision; the server stores, places and records.
//
// Exactly once: an occurrence is known by its key (its day in the schedule, before any move). A
// run is recorded per (standing order, key) — `runKey()` — and everything here that decides what
// to run leaves out the keys that have a run (`done`). "Order now" runs the next occurrence's key
// ahead of its day, so the scheduler never runs it again.

import { addDays, isBusinessDay, nextBusinessDay, type BusinessCalendar } from '../availability/calendar.logic.js';
import { KontorError, type ErrorIssue, type IssuePath } from '../errors/kontor-error.js';
import { messageIn, type Lang } from '../errors/messages.js';
import { standingOrdersIssues } from '../errors/issues/standing-orders.js';
import { ValidationError } from '../errors/validation-error.js';
import { formatPurchaseOrderNumber } from './po-number.logic.js';
import { dayAt, expandSchedule, MAX_MOVE_DAYS, nextOccurrence, occurrenceByKey, resolveSchedule, type ResolvedSchedule } from './schedule.logic.js';
import type {
  Occurrence,
  PriceMode,
  RunOverride,
  Schedule,
  ShortagePolicy,
  StandingOrder,
  StandingOrderActionRequest,
  StandingOrderAddress,
  StandingOrderLine,
  StandingOrderPayment,
  StandingOrderStatus,
} from './standing-order.schema.js';

/** What the rules are told: the time, the warehouse's calendar, the runs there are. */
export interface StandingOrderContext {
  /** Now, as an ISO instant. */
  now: string;
  /** The delivering warehouse's business days; without one no run moves. */
  calendar?: BusinessCalendar;
  /** Keys of occurrences that have a run already (of any status). */
  done?: Iterable<string>;
  lang?: Lang;
}

const issueOf = (path: IssuePath, code: string, params: Record<string, unknown>, lang: Lang = 'en'): ErrorIssue => ({
  path, code, message: messageIn([standingOrdersIssues], code, params, lang), ...(Object.keys(params).length ? { params } : {}),
});

const invalid = (issues: ErrorIssue[]) => new ValidationError(`The standing order change is not valid: ${issues[0]!.message}`, issues);

/** Why a change is refused as a conflict: `details.reason`, with the current state in `details.standingOrder`. */
export type StandingOrderConflict = 'cancelled' | 'ended' | 'stale' | 'not_paused' | 'paused';

function conflict(order: StandingOrder, reason: StandingOrderConflict, lang: Lang = 'en'): KontorError {
  return new KontorError('conflict', messageIn([standingOrdersIssues], `standing_order_${reason}`, {}, lang), {
    status: 409,
    details: { reason, standingOrder: order },
  });
}

/**
 * Refuses a change of a cancelled or ended standing order, and one made against another version
 * than the current one: a `conflict` (409) with `details.reason` and `details.standingOrder`.
 */
export function assertChangeable(order: StandingOrder, version: number, lang: Lang = 'en'): void {
  if (order.status === 'cancelled') throw conflict(order, 'cancelled', lang);
  if (order.status === 'ended') throw conflict(order, 'ended', lang);
  if (version !== order.version) throw conflict(order, 'stale', lang);
}

const bump = (order: StandingOrder, now: string, changes: Partial<StandingOrder>): StandingOrder => ({ ...order, ...changes, version: order.version + 1, updatedAt: now });

/** The standing order's day at an instant, in its schedule's zone. */
export const todayOf = (order: Pick<StandingOrder, 'schedule'>, now: string): string => dayAt(now, order.schedule.timeZone);

/**
 * The status as it is at `now`: a pause with an end is over from its `pausedUntil` day on, and
 * the standing order is active again (without anyone writing it).
 */
export function effectiveStatus(order: StandingOrder, now: string): StandingOrderStatus {
  if (order.status === 'paused' && order.pausedUntil !== null && todayOf(order, now) >= order.pausedUntil) return 'active';
  return order.status;
}

const movesOf = (order: StandingOrder) => order.overrides.filter((o) => o.day !== undefined).map((o) => [o.occurrence, o.day!] as const);

/** The standing order's occurrences with run days in a window: its skips and one-run moves applied. */
export function occurrencesOf(order: StandingOrder, window: { from: string; to: string; calendar?: BusinessCalendar }): Occurrence[] {
  return expandSchedule(order.schedule, { ...window, skipped: order.skipped, moves: movesOf(order) });
}

/** Whether the standing order's rules let an occurrence run (its own day, pause and start aside from skips and runs). */
function runnable(order: StandingOrder, o: Occurrence, done: ReadonlySet<string>): boolean {
  if (o.skipped || o.sameDayAs !== null || done.has(o.key)) return false;
  if (Date.parse(o.at) <= Date.parse(order.runsFrom)) return false;
  if (order.status === 'paused') return order.pausedUntil !== null && o.day >= order.pausedUntil;
  return order.status === 'active';
}

/**
 * The next run after `now`: the first occurrence that is neither skipped, nor run (`done`), nor
 * before `runsFrom`, nor in a pause; `null` when the standing order is over or paused until
 * further notice.
 */
export function nextRun(order: StandingOrder, ctx: StandingOrderContext): Occurrence | null {
  if (order.status === 'cancelled' || order.status === 'ended' || (order.status === 'paused' && order.pausedUntil === null)) return null;
  const done = new Set(ctx.done ?? []);
  const after = Date.parse(order.runsFrom) > Date.parse(ctx.now) ? order.runsFrom : ctx.now;
  return nextOccurrence(order.schedule, after, { ...(ctx.calendar ? { calendar: ctx.calendar } : {}), skipped: order.skipped, moves: movesOf(order), accept: (o) => runnable(order, o, done) });
}

/** One occurrence to run now. */
export interface DueRun {
  /** The occurrence's key: record the run under `runKey(order.id, key)`. */
  key: string;
  occurrence: Occurrence;
  /** `scheduled` on its day, `catch_up` after its day is over (downtime, with catch-up `run`). */
  kind: 'scheduled' | 'catch_up';
  /** Why this run cannot place an order (`fixed_price_expired`): record it as failed. */
  issue: ErrorIssue | null;
}

/** What the scheduler does for one standing order at `now`. */
export interface DueDecision {
  /** Run these, in this order. */
  due: DueRun[];
  /** Record these as `missed`: their day is over and the catch-up policy is `skip`. */
  missed: Occurrence[];
  /** Record these as `skipped`: the buyer skipped them and their time has come. */
  skipped: Occurrence[];
}

/**
 * Which occurrences are due at `now`, and which were missed. An occurrence is due from its `at`
 * until its run day is over (in the schedule's zone); one whose day passed without a run (the
 * scheduler was down) is run late under catch-up `run` and recorded as missed under `skip`.
 * Occurrences with a run (`done`), before `runsFrom`, `sameDayAs` another or in a pause are left
 * out; skipped ones whose time has come are listed to be recorded.
 * @param ctx.since - Only occurrences due after this instant are looked at (default `runsFrom`):
 *   the scheduler may pass its last complete pass to look at fewer days.
 */
export function dueRuns(order: StandingOrder, ctx: StandingOrderContext & { since?: string }): DueDecision {
  const result: DueDecision = { due: [], missed: [], skipped: [] };
  if (order.status === 'cancelled' || order.status === 'ended' || (order.status === 'paused' && order.pausedUntil === null)) return result;
  const done = new Set(ctx.done ?? []);
  const nowMs = Date.parse(ctx.now);
  const sinceMs = Math.max(Date.parse(order.runsFrom), ctx.since === undefined ? -Infinity : Date.parse(ctx.since));
  const today = todayOf(order, ctx.now);
  const from = addDays(dayAt(new Date(sinceMs).toISOString(), order.schedule.timeZone), -1);
  for (const o of occurrencesOf(order, { from, to: today, ...(ctx.calendar ? { calendar: ctx.calendar } : {}) })) {
    const at = Date.parse(o.at);
    if (at > nowMs || at <= sinceMs || done.has(o.key)) continue;
    if (o.skipped) {
      result.skipped.push(o);
      continue;
    }
    if (!runnable(order, o, done)) continue;
    const late = o.day < today;
    if (late && order.catchUp === 'skip') result.missed.push(o);
    else result.due.push({ key: o.key, occurrence: o, kind: late ? 'catch_up' : 'scheduled', issue: runIssue(order, o, ctx.lang) });
  }
  return result;
}

/** The key a run is recorded (and its order placed) under: one per standing order and occurrence. */
export const runKey = (standingOrderId: string, occurrenceKey: string): string => `${standingOrderId}/${occurrenceKey}`;

/**
 * Why the run of an occurrence cannot place an order, or `null`: fixed prices that are no longer
 * valid on its day (`fixed_price_expired` at `['priceMode', 'validUntil']`).
 */
export function runIssue(order: Pick<StandingOrder, 'priceMode'>, occurrence: Pick<Occurrence, 'day'>, lang: Lang = 'en'): ErrorIssue | null {
  const p = order.priceMode;
  if (p.kind === 'fixed' && occurrence.day > p.validUntil) return issueOf(['priceMode', 'validUntil'], 'fixed_price_expired', { validUntil: p.validUntil, day: occurrence.day }, lang);
  return null;
}

/** What one run orders: the lines, address and payment, with that run's own changes applied. */
export function runContent(order: StandingOrder, occurrenceKey: string): { lines: StandingOrderLine[]; deliveryAddress: StandingOrderAddress; payment: StandingOrderPayment; priceMode: PriceMode } {
  const o = order.overrides.find((x) => x.occurrence === occurrenceKey);
  return {
    lines: o?.lines ?? order.lines,
    deliveryAddress: o?.deliveryAddress ?? order.deliveryAddress,
    payment: o?.payment ?? order.payment,
    priceMode: order.priceMode,
  };
}

/** The purchase-order number of a run on `day` with run counter `n`; `null` without a pattern. */
export function runPurchaseOrderNumber(order: Pick<StandingOrder, 'purchaseOrderPattern'>, day: string, n: number): string | null {
  return order.purchaseOrderPattern === null ? null : formatPurchaseOrderNumber(order.purchaseOrderPattern, { day, n });
}

/**
 * After a run was recorded: the run counter counts a placed order, and the run's own changes are
 * dropped. No new `version`: a run is not an edit, and must not make the buyer's edit stale.
 */
export function afterRun(order: StandingOrder, run: { occurrence: string; placed: boolean }, now: string): StandingOrder {
  return {
    ...order,
    runCount: order.runCount + (run.placed ? 1 : 0),
    overrides: order.overrides.filter((o) => o.occurrence !== run.occurrence),
    updatedAt: now,
  };
}

/** `ended` when no run is left (the schedule's COUNT or UNTIL is reached), else the order unchanged. */
export function endIfOver(order: StandingOrder, ctx: StandingOrderContext): StandingOrder {
  if (order.status !== 'active' && order.status !== 'paused') return order;
  const probe: StandingOrder = { ...order, status: 'active' };
  if (nextRun(probe, ctx) !== null || dueRuns(probe, ctx).due.length) return order;
  return { ...order, status: 'ended', updatedAt: ctx.now };
}

/** Fixed prices that have expired by `today` (unless `null`), or that leave lines without a price. */
function priceIssues(priceMode: PriceMode, lines: readonly StandingOrderLine[], today: string | null, path: IssuePath, linesPath: IssuePath, lang: Lang): ErrorIssue[] {
  if (priceMode.kind !== 'fixed') return [];
  const issues: ErrorIssue[] = [];
  if (today !== null && priceMode.validUntil < today) issues.push(issueOf([...path, 'validUntil'], 'fixed_price_expired', { validUntil: priceMode.validUntil, today }, lang));
  const priced = new Set(priceMode.prices.map((p) => p.sku));
  const skus = lines.filter((l) => !priced.has(l.sku)).map((l) => l.sku);
  if (skus.length) issues.push(issueOf(linesPath, 'fixed_price_missing', { skus }, lang));
  return issues;
}

/** What a new standing order is made of; the server resolves the address and payment first. */
export type NewStandingOrder = Pick<
  StandingOrder,
  'id' | 'name' | 'lines' | 'deliveryAddress' | 'payment' | 'purchaseOrderPattern' | 'schedule' | 'warehouseId' | 'priceMode' | 'shortage' | 'catchUp' | 'via'
>;

/**
 * A new standing order at `now`: active, version 0, running from now on.
 * @throws {@link ValidationError}: fixed prices already expired or missing for a line
 * (`fixed_price_expired`, `fixed_price_missing`), a schedule without a run after now
 * (`no_next_run` at `['schedule']`), or a schedule that is not valid.
 */
export function createStandingOrder(input: NewStandingOrder, ctx: StandingOrderContext): StandingOrder {
  const lang = ctx.lang ?? 'en';
  const order: StandingOrder = {
    ...input, version: 0, status: 'active', pausedUntil: null, skipped: [], overrides: [], runCount: 0, runsFrom: ctx.now, nextRun: null, createdAt: ctx.now, updatedAt: ctx.now,
  };
  resolveSchedule(order.schedule, { lang, path: ['schedule', 'rrule'] });
  const issues = priceIssues(order.priceMode, order.lines, todayOf(order, ctx.now), ['priceMode'], ['priceMode', 'prices'], lang);
  if (issues.length) throw invalid(issues);
  const next = nextRun(order, { ...ctx, done: [] });
  if (!next) throw invalid([issueOf(['schedule'], 'no_next_run', {}, lang)]);
  return { ...order, nextRun: next };
}

/** A change for every run not yet run. */
export interface StandingOrderPatch {
  name?: string | null;
  lines?: StandingOrderLine[];
  deliveryAddress?: StandingOrderAddress;
  payment?: StandingOrderPayment;
  purchaseOrderPattern?: string | null;
  schedule?: Schedule;
  priceMode?: PriceMode;
  shortage?: ShortagePolicy;
  catchUp?: StandingOrder['catchUp'];
}

/** A change for one run only. */
export type RunPatch = Omit<RunOverride, 'occurrence'>;

/** A change as the update request says it, with the server's resolved address and payment. */
export type StandingOrderChange =
  | { version: number; scope: 'from_next_run'; set: StandingOrderPatch }
  | { version: number; scope: 'one_run'; occurrence: string; set: RunPatch };

/** The occurrence `key` if it is still to run, else a validation error at `path`. */
function futureOccurrence(order: StandingOrder, key: string, ctx: StandingOrderContext, path: IssuePath, s?: ResolvedSchedule): Occurrence {
  const lang = ctx.lang ?? 'en';
  const o = occurrenceByKey(s ?? order.schedule, key, { ...(ctx.calendar ? { calendar: ctx.calendar } : {}), skipped: order.skipped, moves: movesOf(order) });
  if (!o) throw invalid([issueOf(path, 'not_an_occurrence', { day: key }, lang)]);
  if (new Set(ctx.done ?? []).has(key) || Date.parse(o.at) <= Date.parse(ctx.now)) throw invalid([issueOf(path, 'occurrence_past', { day: key }, lang)]);
  return o;
}

/**
 * Applies a change. `from_next_run` changes the standing order itself, so every run not yet run
 * takes it; a new schedule runs from `now` on (nothing of it before now is caught up).
 * `one_run` keeps the change for that occurrence only (merged with earlier ones for it); a new
 * `day` must be a business day of the warehouse, not in the past, at most 31 days away.
 * @throws `conflict` (cancelled, ended, stale version); {@link ValidationError} for the rules:
 * `fixed_price_expired`, `fixed_price_missing`, `no_next_run`, `not_an_occurrence`,
 * `occurrence_past`, `run_day_closed`, `run_day_too_far` — at their path in the request.
 */
export function updateStandingOrder(order: StandingOrder, change: StandingOrderChange, ctx: StandingOrderContext): StandingOrder {
  const lang = ctx.lang ?? 'en';
  assertChangeable(order, change.version, lang);
  const today = todayOf(order, ctx.now);
  if (change.scope === 'from_next_run') {
    const set = change.set;
    const next: StandingOrder = { ...order };
    for (const [k, v] of Object.entries(set)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
    if (set.schedule) {
      resolveSchedule(set.schedule, { lang, path: ['set', 'schedule', 'rrule'] });
      next.runsFrom = ctx.now;
    }
    const issues = priceIssues(next.priceMode, next.lines, today, ['set', 'priceMode'], set.lines && !set.priceMode ? ['set', 'lines'] : ['set', 'priceMode', 'prices'], lang);
    if (issues.length) throw invalid(issues);
    if (set.schedule && nextRun(next, ctx) === null) throw invalid([issueOf(['set', 'schedule'], 'no_next_run', {}, lang)]);
    return bump(order, ctx.now, next);
  }
  const o = futureOccurrence(order, change.occurrence, ctx, ['occurrence']);
  const set = change.set;
  if (set.day !== undefined) {
    const far = Math.abs(Date.parse(set.day) - Date.parse(o.original)) / 86_400_000;
    if (far > MAX_MOVE_DAYS) throw invalid([issueOf(['set', 'day'], 'run_day_too_far', { max: MAX_MOVE_DAYS, occurrence: o.original, day: set.day }, lang)]);
    if (set.day < today) throw invalid([issueOf(['set', 'day'], 'occurrence_past', { day: set.day }, lang)]);
    if (ctx.calendar && !isBusinessDay(ctx.calendar, set.day)) {
      throw invalid([issueOf(['set', 'day'], 'run_day_closed', { day: set.day, next: nextBusinessDay(ctx.calendar, set.day) }, lang)]);
    }
  }
  if (set.lines) {
    const issues = priceIssues(order.priceMode, set.lines, null, ['priceMode'], ['set', 'lines'], lang);
    if (issues.length) throw invalid(issues);
  }
  const before = order.overrides.find((x) => x.occurrence === o.key);
  const merged: RunOverride = { ...before, ...Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)), occurrence: o.key };
  const overrides = [...order.overrides.filter((x) => x.occurrence !== o.key), merged].sort((a, b) => (a.occurrence < b.occurrence ? -1 : 1));
  return bump(order, ctx.now, { overrides });
}

/**
 * Applies a lifecycle action:
 * - `pause`: until a day (it runs again from that day on) or until resumed; its runs are not caught up.
 * - `resume`: a paused one runs again from now on (what fell into the pause is not caught up).
 * - `cancel`: for good.
 * - `skip` / `unskip`: one occurrence still to run.
 * - `order_now`: see {@link orderNow}; here the standing order only gets its new version.
 * @throws `conflict` (cancelled, ended, stale, `not_paused` on resume, `paused` on order now);
 * {@link ValidationError} (`pause_until_past`, `not_an_occurrence`, `occurrence_past`,
 * `already_skipped`, `not_skipped`, `no_next_run`) at the request's path.
 */
export function applyAction(order: StandingOrder, request: StandingOrderActionRequest, ctx: StandingOrderContext): StandingOrder {
  return request.action === 'order_now' ? orderNow(order, request.version, ctx).standingOrder : act(order, request, ctx);
}

function act(order: StandingOrder, request: Exclude<StandingOrderActionRequest, { action: 'order_now' }>, ctx: StandingOrderContext): StandingOrder {
  const lang = ctx.lang ?? 'en';
  assertChangeable(order, request.version, lang);
  const today = todayOf(order, ctx.now);
  switch (request.action) {
    case 'pause':
      if (request.until !== undefined && request.until <= today) throw invalid([issueOf(['until'], 'pause_until_past', { today, until: request.until }, lang)]);
      return bump(order, ctx.now, { status: 'paused', pausedUntil: request.until ?? null });
    case 'resume':
      if (effectiveStatus(order, ctx.now) !== 'paused') throw conflict(order, 'not_paused', lang);
      return bump(order, ctx.now, { status: 'active', pausedUntil: null, runsFrom: ctx.now });
    case 'cancel':
      return bump(order, ctx.now, { status: 'cancelled', pausedUntil: null });
    case 'skip': {
      if (order.skipped.includes(request.occurrence)) throw invalid([issueOf(['occurrence'], 'already_skipped', { day: request.occurrence }, lang)]);
      futureOccurrence(order, request.occurrence, ctx, ['occurrence']);
      return bump(order, ctx.now, { skipped: [...order.skipped, request.occurrence].sort() });
    }
    case 'unskip': {
      if (!order.skipped.includes(request.occurrence)) throw invalid([issueOf(['occurrence'], 'not_skipped', { day: request.occurrence }, lang)]);
      futureOccurrence(order, request.occurrence, ctx, ['occurrence']);
      return bump(order, ctx.now, { skipped: order.skipped.filter((d) => d !== request.occurrence) });
    }
  }
}

/**
 * "Order now": the next run is placed at once and uses up that occurrence — record the run under
 * its key (kind `order_now`) with the order, and the scheduler will not run it on its day.
 * @returns the standing order with its new version, and the occurrence used up.
 * @throws `conflict` (cancelled, ended, stale, paused); {@link ValidationError} `no_next_run`.
 */
export function orderNow(order: StandingOrder, version: number, ctx: StandingOrderContext): { standingOrder: StandingOrder; occurrence: Occurrence } {
  const lang = ctx.lang ?? 'en';
  assertChangeable(order, version, lang);
  if (effectiveStatus(order, ctx.now) === 'paused') throw conflict(order, 'paused', lang);
  const occurrence = nextRun(order, ctx);
  if (!occurrence) throw invalid([issueOf([], 'no_next_run', {}, lang)]);
  return { standingOrder: bump(order, ctx.now, {}), occurrence };
}

/** A line at a run, with what is there to ship. */
export interface LineSupply {
  sku: string;
  quantity: number;
  /** What can ship now (stock not reserved elsewhere). */
  available: number;
}

/** What a run orders when stock is short, by the standing order's shortage policy. */
export interface ShortagePlan {
  /** `place` the order with `lines`, or `hold` the run (nothing is ordered). */
  action: 'place' | 'hold';
  /** The lines to order: `backordered` is what ships later. */
  lines: { sku: string; quantity: number; backordered: number }[];
  /** What the buyer is told: `line_backordered`, `line_omitted`, `run_held`, `nothing_available`. */
  notices: ErrorIssue[];
}

/**
 * A run's lines under its shortage policy: `backorder` orders every line in full and notes what
 * ships later; `omit_line` leaves short lines out with a notice; `hold_run` holds the whole run
 * when any line is short. A run with nothing left to order is held.
 */
export function planShortage(lines: readonly LineSupply[], policy: ShortagePolicy, lang: Lang = 'en'): ShortagePlan {
  const short = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.available < l.quantity);
  const notice = (i: number, code: string, l: LineSupply) => issueOf(['lines', i], code, { sku: l.sku, quantity: l.quantity, available: Math.max(0, l.available) }, lang);
  const full = lines.map((l) => ({ sku: l.sku, quantity: l.quantity, backordered: 0 }));
  if (!short.length) return { action: 'place', lines: full, notices: [] };
  if (policy === 'hold_run') return { action: 'hold', lines: [], notices: [issueOf([], 'run_held', { skus: short.map(({ l }) => l.sku) }, lang)] };
  if (policy === 'backorder') {
    return {
      action: 'place',
      lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity, backordered: Math.max(0, l.quantity - Math.max(0, l.available)) })),
      notices: short.map(({ l, i }) => notice(i, 'line_backordered', l)),
    };
  }
  const kept = full.filter((_, i) => lines[i]!.available >= lines[i]!.quantity);
  const notices = short.map(({ l, i }) => notice(i, 'line_omitted', l));
  if (!kept.length) return { action: 'hold', lines: [], notices: [...notices, issueOf([], 'nothing_available', {}, lang)] };
  return { action: 'place', lines: kept, notices };
}
