import type { ErrorIssue } from '../errors/kontor-error.js';
import { availabilityIssues } from '../errors/issues/availability.js';
import { quantityIssueMessage, messageIn, type Lang } from '../errors/messages.js';
import { ValidationError } from '../errors/validation-error.js';
import type {
  AvailabilityAnswer,
  AvailabilityItem,
  AvailabilityItemError,
  AvailabilityRequest,
  AvailabilityResponse,
  AvailabilityStatus,
  Country,
  Day,
  DeliveryPart,
  ProductSupply,
  StockPosition,
  Warehouse,
} from './availability.schema.js';
import {
  addBusinessEpochDays,
  civilToDays,
  compileCalendar,
  createBusinessCalendar,
  dayFromEpoch,
  epochDay,
  isBusinessEpochDay,
  nextBusinessEpochDay,
  type BusinessCalendar,
} from './calendar.logic.js';

/** Where units come from, in the order a tie on the delivery day is broken. */
export type SupplySource = 'stock' | 'receipt' | 'procurement';

/** Units from one source of one warehouse. */
export interface SourcedPart {
  warehouseId: string;
  source: SupplySource;
  quantity: number;
  /** The business day it leaves the warehouse. */
  shipDay: Day;
  delivery: Day;
}

/** Which units come from where, earliest delivery first: the detail behind an {@link AvailabilityItem}. */
export interface DeliveryPlan {
  availableNow: number;
  parts: SourcedPart[];
  /** Units no source can supply (discontinued beyond stock and receipts, or not procurable). */
  shortfall: number;
}

/** What every promise of one moment needs: the time and the warehouses with their calendars. */
export interface AvailabilityContext {
  /** The moment of the question: a `Date`, epoch milliseconds or an ISO instant. */
  now: Date | number | string;
  warehouses: readonly Warehouse[];
  /** Business calendar of each warehouse, by warehouse id (ship days and transit are counted on it). */
  calendars: Readonly<Record<string, BusinessCalendar>>;
  /**
   * Optional calendar of a destination country: a delivery that would fall on one of its
   * non-business days moves to its next business day. Without one, the warehouse's calendar counts.
   */
  destinationCalendars?: Readonly<Record<string, BusinessCalendar>>;
}

export interface DeliveryPromiseInput extends AvailabilityContext {
  sku: string;
  quantity: number;
  destination: Country;
  product: ProductSupply;
  /** Stock positions of the SKU (positions of other SKUs and of unknown warehouses are ignored). */
  stock: readonly StockPosition[];
}

export interface AnswerAvailabilityOptions extends AvailabilityContext {
  /** The products the caller may see, by SKU; a requested SKU not in it is answered with `unknown_sku`. */
  products: ReadonlyMap<string, ProductSupply>;
  /** Stock positions by SKU. */
  stock: ReadonlyMap<string, readonly StockPosition[]>;
  /** Suggestions for an unknown SKU (e.g. `closestSkus` over the catalogue). */
  suggest?: (sku: string) => readonly string[];
  lang?: Lang;
}

// ── local time ────────────────────────────────────────────────────────────────────────────────

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalTime { day: number; minute: number }
/** The last answer per time zone: a batch, or a cart's lines one by one, ask for the same moment again and again. */
const lastLocalTime = new Map<string, { ms: number; local: LocalTime }>();

/** The local day (as a day number) and minute of the day of an instant in a time zone; DST-correct via Intl. */
function localDayAndMinute(ms: number, timeZone: string): LocalTime {
  const last = lastLocalTime.get(timeZone);
  if (last?.ms === ms) return last.local;
  let y = 0, mo = 0, d = 0, h = 0, mi = 0;
  for (const p of formatterFor(timeZone).formatToParts(ms)) {
    switch (p.type) {
      case 'year': y = Number(p.value); break;
      case 'month': mo = Number(p.value); break;
      case 'day': d = Number(p.value); break;
      case 'hour': h = Number(p.value) % 24; break;
      case 'minute': mi = Number(p.value); break;
    }
  }
  const local = { day: civilToDays(y, mo, d), minute: h * 60 + mi };
  lastLocalTime.set(timeZone, { ms, local });
  return local;
}

function toMillis(now: Date | number | string): number {
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new RangeError(`Not a moment: ${String(now)}`);
  return ms;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

// ── lanes: one warehouse shipping to one destination at one moment ─────────────────────────────

interface Lane {
  warehouse: Warehouse;
  order: number;
  cal: ReturnType<typeof compileCalendar>;
  dest: ReturnType<typeof compileCalendar>;
  transit: number;
  /** The day stock on hand leaves: today before the cut-off on a business day, else the next business day. */
  shipNow: number;
  deliveries: Map<number, number>;
  procurement: Map<number, number>;
}

interface Prepared {
  lanes: Map<string, Lane>;
  ms: number;
}

function calendarOf(calendars: Readonly<Record<string, BusinessCalendar>>, id: string): BusinessCalendar {
  const c = Object.hasOwn(calendars, id) ? calendars[id] : undefined;
  if (!c) throw new Error(`No business calendar for warehouse ${id}`);
  return c;
}

/** The day a warehouse ships an order placed at `now` from stock on hand. */
function shipDayNumber(warehouse: Warehouse, cal: ReturnType<typeof compileCalendar>, ms: number): number {
  const { day, minute } = localDayAndMinute(ms, warehouse.timeZone);
  return isBusinessEpochDay(cal, day) && minute < minutesOf(warehouse.cutoff) ? day : nextBusinessEpochDay(cal, day + 1);
}

/**
 * The business day a warehouse ships an order placed at `now` from stock: the local day in the
 * warehouse's time zone when that is a business day and the local time is before the cut-off
 * (14:00 cut-off: 13:59 ships today, 14:00 does not); else the next business day.
 */
export function shipDay(warehouse: Warehouse, calendar: BusinessCalendar, now: Date | number | string): Day {
  return dayFromEpoch(shipDayNumber(warehouse, compileCalendar(calendar), toMillis(now)));
}

/**
 * The calendar deliveries to `destination` arrive on: the destination's own when the context has
 * one (a promise that would fall on one of its non-business days moves to its next business day),
 * else the days every warehouse serving it works. A requested delivery day is checked against it.
 */
export function deliveryCalendar(ctx: Pick<AvailabilityContext, 'warehouses' | 'calendars' | 'destinationCalendars'>, destination: Country): BusinessCalendar {
  const own = ctx.destinationCalendars && Object.hasOwn(ctx.destinationCalendars, destination) ? ctx.destinationCalendars[destination] : undefined;
  if (own) return own;
  const serving = ctx.warehouses.filter((w) => Object.hasOwn(w.transitDays, destination)).map((w) => calendarOf(ctx.calendars, w.id));
  if (serving.length === 1) return serving[0]!;
  if (!serving.length) return createBusinessCalendar();
  return createBusinessCalendar({ weekend: serving.flatMap((c) => [...c.weekend]), holidays: serving.flatMap((c) => [...c.holidays]) });
}

/** Destination countries some warehouse ships to, sorted. */
export function supportedDestinations(warehouses: readonly Warehouse[]): Country[] {
  const all = new Set<string>();
  for (const w of warehouses) for (const c of Object.keys(w.transitDays)) all.add(c);
  return [...all].sort();
}

/** The validation issue for a destination no warehouse serves, naming the ones served; `null` when served. */
export function destinationIssue(destination: string, warehouses: readonly Warehouse[], lang: Lang = 'en'): ErrorIssue | null {
  if (warehouses.some((w) => Object.hasOwn(w.transitDays, destination))) return null;
  const supported = supportedDestinations(warehouses);
  const params = { country: destination, supported };
  return {
    path: ['destination'], code: 'unsupported_destination', message: messageIn([availabilityIssues], 'unsupported_destination', params, lang), params,
    ...(supported.length ? { suggestions: supported } : {}),
  };
}

function prepare(ctx: AvailabilityContext, destination: string, lang: Lang): Prepared {
  const issue = destinationIssue(destination, ctx.warehouses, lang);
  if (issue) throw new ValidationError(issue.message, [issue]);
  const ms = toMillis(ctx.now);
  const destCalendar = ctx.destinationCalendars && Object.hasOwn(ctx.destinationCalendars, destination) ? ctx.destinationCalendars[destination] : undefined;
  const dest = destCalendar ? compileCalendar(destCalendar) : undefined;
  // Sorted by id, so the answer does not depend on the order warehouses come in.
  const serving = ctx.warehouses.filter((w) => Object.hasOwn(w.transitDays, destination)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lanes = new Map<string, Lane>();
  serving.forEach((warehouse, order) => {
    if (lanes.has(warehouse.id)) return;
    const cal = compileCalendar(calendarOf(ctx.calendars, warehouse.id));
    lanes.set(warehouse.id, {
      warehouse, order, cal, dest: dest ?? cal, transit: warehouse.transitDays[destination]!,
      shipNow: shipDayNumber(warehouse, cal, ms), deliveries: new Map(), procurement: new Map(),
    });
  });
  return { lanes, ms };
}

function deliveryFrom(lane: Lane, ship: number): number {
  let d = lane.deliveries.get(ship);
  if (d === undefined) {
    d = addBusinessEpochDays(lane.cal, ship, lane.transit);
    if (lane.dest !== lane.cal) d = nextBusinessEpochDay(lane.dest, d);
    lane.deliveries.set(ship, d);
  }
  return d;
}

function procurementShip(lane: Lane, leadTime: number): number {
  let s = lane.procurement.get(leadTime);
  if (s === undefined) {
    s = addBusinessEpochDays(lane.cal, lane.shipNow, leadTime);
    lane.procurement.set(leadTime, s);
  }
  return s;
}

// ── the plan ─────────────────────────────────────────────────────────────────────────────────

const RANK: Record<SupplySource, number> = { stock: 0, receipt: 1, procurement: 2 };

interface Source {
  lane: Lane;
  source: SupplySource;
  quantity: number;
  ship: number;
  delivery: number;
}

function checkQuantityArg(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError(`Quantity must be a whole number ≥ 1: ${quantity}`);
}

function plan(prepared: Prepared, sku: string, quantity: number, product: ProductSupply, stock: readonly StockPosition[]): DeliveryPlan {
  const sources: Source[] = [];
  let availableNow = 0;
  for (const position of stock) {
    if (position.sku !== sku) continue;
    const lane = prepared.lanes.get(position.warehouseId);
    if (!lane) continue;
    const available = Math.max(0, position.onHand - position.reserved);
    // Reservations beyond what is on hand are back orders: the next receipts fill them first.
    let backOrdered = Math.max(0, position.reserved - position.onHand);
    if (available > 0) {
      availableNow += available;
      sources.push({ lane, source: 'stock', quantity: available, ship: lane.shipNow, delivery: deliveryFrom(lane, lane.shipNow) });
    }
    if (position.receipts.length) {
      const receipts = position.receipts.map((r) => ({ day: epochDay(r.date), quantity: r.quantity })).sort((a, b) => a.day - b.day);
      for (const r of receipts) {
        const taken = Math.min(backOrdered, r.quantity);
        backOrdered -= taken;
        const free = r.quantity - taken;
        if (free <= 0) continue;
        // A receipt ships on its day if that is a business day (else the next), never before stock on hand would.
        const ship = Math.max(lane.shipNow, nextBusinessEpochDay(lane.cal, r.day));
        sources.push({ lane, source: 'receipt', quantity: free, ship, delivery: deliveryFrom(lane, ship) });
      }
    }
  }
  if (product.status !== 'discontinued' && product.leadTimeDays !== null) {
    for (const lane of prepared.lanes.values()) {
      const ship = procurementShip(lane, product.leadTimeDays);
      sources.push({ lane, source: 'procurement', quantity: Number.POSITIVE_INFINITY, ship, delivery: deliveryFrom(lane, ship) });
    }
  }
  // Each unit from the earliest source; ties: stock before receipts before procurement, then by warehouse id.
  sources.sort((a, b) => a.delivery - b.delivery || RANK[a.source] - RANK[b.source] || a.lane.order - b.lane.order || a.ship - b.ship);
  const parts: SourcedPart[] = [];
  let missing = quantity;
  for (const s of sources) {
    if (missing === 0) break;
    const take = Math.min(missing, s.quantity);
    missing -= take;
    parts.push({ warehouseId: s.lane.warehouse.id, source: s.source, quantity: take, shipDay: dayFromEpoch(s.ship), delivery: dayFromEpoch(s.delivery) });
  }
  return { availableNow, parts, shortfall: missing };
}

function statusOf(product: ProductSupply, quantity: number, availableNow: number): AvailabilityStatus {
  if (product.status === 'discontinued') return 'discontinued';
  if (availableNow >= quantity) return 'in_stock';
  return availableNow > 0 ? 'partial' : 'on_order';
}

function toItem(sku: string, quantity: number, product: ProductSupply, p: DeliveryPlan): AvailabilityItem {
  const split: DeliveryPart[] = [];
  for (const part of p.parts) {
    const last = split[split.length - 1];
    if (last && last.delivery === part.delivery) last.quantity += part.quantity;
    else split.push({ quantity: part.quantity, delivery: part.delivery });
  }
  const item: AvailabilityItem = {
    sku, quantity, status: statusOf(product, quantity, p.availableNow), availableNow: p.availableNow,
    earliestDelivery: p.shortfall === 0 ? (split[split.length - 1]?.delivery ?? null) : null,
    split, shortfall: p.shortfall,
  };
  if (product.status === 'discontinued') item.replacementSku = product.replacementSku;
  return item;
}

/**
 * Which units of `quantity` come from which warehouse and source, each unit from the source that
 * delivers it earliest: stock on hand (ships on the {@link shipDay}), incoming receipts (ship on
 * their day, or the next business day), then procurement (the ship day plus the product's lead
 * time). Delivery is the ship day plus the lane's transit days, in business days.
 * @throws ValidationError when no warehouse serves the destination.
 */
export function planDelivery(input: DeliveryPromiseInput): DeliveryPlan {
  checkQuantityArg(input.quantity);
  return plan(prepare(input, input.destination, 'en'), input.sku, input.quantity, input.product, input.stock);
}

/**
 * The promise for one SKU and quantity to a destination at `now`: status, what ships now, the
 * day the whole quantity arrives and the split by delivery day.
 *
 * Status: `discontinued` for discontinued products (never procured: beyond stock and receipts
 * there is a `shortfall` and no `earliestDelivery`), else `in_stock` when the quantity is available
 * now, `partial` when some is, `on_order` when none is.
 * @throws ValidationError when no warehouse serves the destination; RangeError for a quantity
 * that is not a whole number ≥ 1 or a `now` that is no moment.
 * @example
 * ```ts
 * deliveryPromise({ sku: 'KL-1010', quantity: 10, destination: 'DE', now: new Date(), product, stock, warehouses, calendars })
 * // { status: 'partial', availableNow: 3, earliestDelivery: '2026-12-04',
 * //   split: [{ quantity: 3, delivery: '2026-11-26' }, { quantity: 7, delivery: '2026-12-04' }], shortfall: 0, … }
 * ```
 */
export function deliveryPromise(input: DeliveryPromiseInput): AvailabilityItem {
  const p = planDelivery(input);
  return toItem(input.sku, input.quantity, input.product, p);
}

/** Whether an answer is a per-item error rather than a promise. */
export function isAvailabilityError(answer: AvailabilityAnswer): answer is AvailabilityItemError {
  return 'error' in answer;
}

/**
 * Answers a batch: one promise per item, in request order, all for the same `now`. An unknown
 * SKU is answered with a per-item `unknown_sku` error; the rest is answered. The request is
 * expected to be valid (`AvailabilityRequestSchema`); duplicate SKUs are answered independently
 * (each sees all stock).
 * @throws ValidationError (`unsupported_destination`, naming the served countries) when no warehouse serves the destination.
 */
export function answerAvailability(request: AvailabilityRequest, options: AnswerAvailabilityOptions): AvailabilityResponse {
  const lang = options.lang ?? 'en';
  const prepared = prepare(options, request.destination, lang);
  const items: AvailabilityAnswer[] = request.items.map(({ sku, quantity }, i) => {
    const product = options.products.get(sku);
    if (!product) {
      const suggestions = options.suggest?.(sku) ?? [];
      const error: ErrorIssue = {
        path: ['items', i, 'sku'], code: 'unknown_sku', message: quantityIssueMessage('unknown_sku', { sku }, lang), params: { sku },
        ...(suggestions.length ? { suggestions: [...suggestions] } : {}),
      };
      return { sku, quantity, error };
    }
    checkQuantityArg(quantity);
    return toItem(sku, quantity, product, plan(prepared, sku, quantity, product, options.stock.get(sku) ?? []));
  });
  return { destination: request.destination, asOf: new Date(prepared.ms).toISOString(), items };
}
