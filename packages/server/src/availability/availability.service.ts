import {
  ValidationError,
  answerAvailability,
  deliveryPromise,
  destinationIssue,
  errorMessage,
  issueMessage,
  planDelivery,
  type AvailabilityContext,
  type AvailabilityItem,
  type AvailabilityRequest,
  type AvailabilityResponse,
  type BusinessCalendar,
  type DeliveryPlan,
  type ErrorIssue,
  type Lang,
  type ProductSupply,
  type StockPosition,
  type Warehouse,
} from '@kontor/core';
import type { BuyerCaller } from '../auth/caller.js';
import { chunked, findStock, listWarehouses, SKU_CHUNK } from '../db/availability.queries.js';
import { findVisibleSupply } from '../db/catalogue.queries.js';
import type { Db } from '../db/database.js';
import { suggestSkus } from '../http/line-check.js';
import { destinationCalendar, warehouseCalendar } from './calendars.js';

/** The warehouses with their calendars at `now`: what every promise of one request shares. */
export async function availabilityContext(db: Db, now: Date): Promise<AvailabilityContext> {
  const warehouses = await listWarehouses(db);
  return contextFor(warehouses, now);
}

function contextFor(warehouses: Warehouse[], now: Date): AvailabilityContext {
  // The UTC year: a calendar covers it and the two after, so the local year (never earlier) is in it.
  const year = now.getUTCFullYear();
  const calendars: Record<string, BusinessCalendar> = {};
  const destinationCalendars: Record<string, BusinessCalendar> = {};
  for (const w of warehouses) {
    calendars[w.id] = warehouseCalendar(w, year);
    for (const country of Object.keys(w.transitDays)) destinationCalendars[country] ??= destinationCalendar(country, year);
  }
  return { now, warehouses, calendars, destinationCalendars };
}

/** 422 naming the served countries when no warehouse delivers to `destination`. */
function checkDestination(destination: string, warehouses: readonly Warehouse[], lang: Lang): void {
  const issue = destinationIssue(destination, warehouses, lang);
  if (issue) throw new ValidationError(`${errorMessage('validation', lang)} ${issue.message}`, [issue], { status: 422 });
}

/** What the promise needs of the products among `skus` the caller sees, and their stock. */
export async function loadSupply(db: Db, caller: BuyerCaller, skus: Iterable<string>) {
  const unique = [...new Set(skus)];
  const products = new Map<string, ProductSupply>();
  for (const chunk of chunked(unique, SKU_CHUNK)) {
    for (const row of await findVisibleSupply(db, caller.company.id, chunk)) {
      products.set(row.sku, {
        sku: row.sku, status: row.status, replacementSku: row.replacement_sku,
        leadTimeDays: row.lead_time_days === null ? null : Number(row.lead_time_days),
      });
    }
  }
  // Stock only of what the caller sees: nothing is read for SKUs they may not know of.
  const stock: Map<string, StockPosition[]> = products.size ? await findStock(db, [...products.keys()]) : new Map();
  return { products, stock };
}

/** Closest visible SKUs for each unknown one, as the cart's line check suggests them. */
async function suggestionsFor(db: Db, caller: BuyerCaller, unknown: readonly string[], lang: Lang): Promise<Map<string, string[]>> {
  const issues: ErrorIssue[] = [...new Set(unknown)].map((sku) => ({ path: [], code: 'unknown_sku', message: issueMessage('unknown_sku', { sku }, lang), params: { sku } }));
  await suggestSkus(db, caller, issues);
  return new Map(issues.map((i) => [i.params!.sku as string, i.suggestions?.map(String) ?? []]));
}

/**
 * Answers `POST /v1/availability` for a buyer at `now`: products the caller does not see are
 * per-item `unknown_sku` errors with suggestions; the rest is promised from the stored stock.
 * A destination no warehouse serves is a 422 naming the served countries.
 */
export async function checkAvailability(db: Db, caller: BuyerCaller, request: AvailabilityRequest, now: Date, lang: Lang): Promise<AvailabilityResponse> {
  const warehouses = await listWarehouses(db);
  checkDestination(request.destination, warehouses, lang);
  const { products, stock } = await loadSupply(db, caller, request.items.map((i) => i.sku));
  const unknown = request.items.filter((i) => !products.has(i.sku)).map((i) => i.sku);
  const suggestions = unknown.length ? await suggestionsFor(db, caller, unknown, lang) : new Map<string, string[]>();
  return answerAvailability(request, { ...contextFor(warehouses, now), products, stock, suggest: (sku) => suggestions.get(sku) ?? [], lang });
}

/** A line's availability as an order sees it: the promise and which units come from where. */
export type LineAvailability =
  | { sku: string; quantity: number; item: AvailabilityItem; plan: DeliveryPlan }
  | { sku: string; quantity: number; error: ErrorIssue };

/**
 * The current availability of order lines, for placing an order (availability is checked again
 * then, with reserved stock honoured): for each line, in order, the promise
 * ({@link AvailabilityItem}: status, available now, delivery date, split) and the plan behind it
 * (`planDelivery`: units per warehouse and source, with ship days), or an `unknown_sku` issue at
 * `['lines', i, 'sku']` for a product the caller does not see. Quantities must be whole numbers ≥ 1.
 * @throws ValidationError (422) when no warehouse serves `destination`.
 */
export async function availabilityPlan(
  db: Db,
  caller: BuyerCaller,
  lines: readonly { sku: string; quantity: number }[],
  options: { now: Date; destination: string; lang?: Lang },
): Promise<LineAvailability[]> {
  const lang = options.lang ?? 'en';
  const warehouses = await listWarehouses(db);
  checkDestination(options.destination, warehouses, lang);
  const ctx = contextFor(warehouses, options.now);
  const { products, stock } = await loadSupply(db, caller, lines.map((l) => l.sku));
  return lines.map(({ sku, quantity }, i) => {
    const product = products.get(sku);
    if (!product) return { sku, quantity, error: { path: ['lines', i, 'sku'], code: 'unknown_sku', message: issueMessage('unknown_sku', { sku }, lang), params: { sku } } };
    const input = { ...ctx, sku, quantity, destination: options.destination, product, stock: stock.get(sku) ?? [] };
    return { sku, quantity, item: deliveryPromise(input), plan: planDelivery(input) };
  });
}

