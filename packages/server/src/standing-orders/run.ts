import {
  earliestOrderDelivery,
  formatMoney,
  isKontorError,
  issueMessage,
  messageIn,
  planShortage,
  priceCartLines,
  runContent,
  runIssue,
  runPurchaseOrderNumber,
  standingOrdersIssues,
  ValidationError,
  type Address,
  type BusinessCalendar,
  type ErrorIssue,
  type Lang,
  type LineSupply,
  type Money,
  type Occurrence,
  type Order,
  type Product,
  type StandingOrder,
  type Totals,
} from '@kontor/core';
import { sql, type Transaction } from 'kysely';
import { availabilityPlan, type LineAvailability } from '../availability/availability.service.js';
import type { BuyerCaller } from '../auth/caller.js';
import { newId, priceListCurrency, type CartLineRow } from '../db/cart.queries.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { findRunner, type StandingOrderRow, type StandingOrderRunRow } from '../db/standing-order.queries.js';
import { cartProducts } from '../http/cart-view.js';
import { loadLineProducts } from '../http/line-check.js';
import type { AppDeps } from '../http/route.js';
import { creditOf, placeLines, type PlaceOrderBody } from '../orders/order.service.js';
import { ibansOf } from './context.js';
import { serverIssue } from './messages.js';

type Tx = Transaction<Database>;

/**
 * The caller a standing order's runs are placed as: the user who set it up (the confirmation goes
 * to them), or the partner's portal for the company when a customer token did. `null` when that
 * user or partner is no longer there.
 */
export async function runnerOf(db: Db | Tx, row: Pick<StandingOrderRow, 'company_id' | 'created_by_user_id' | 'created_by_partner_id'>): Promise<BuyerCaller | null> {
  const r = await findRunner(db, row);
  if (!r) return null;
  const company = { id: r.company.id, name: r.company.name, customerNumber: r.company.customer_number, priceListId: r.company.price_list_id };
  if (r.user) return { kind: 'user', company, user: { id: r.user.id, email: r.user.email, name: r.user.name, role: r.user.role, locale: r.user.locale }, tokenHash: '', expiresAt: '' };
  return { kind: 'customer', company, partner: r.partner!, expiresAt: '' };
}

/** The language of a standing order's mails and run reasons: its user's, else German. */
export const runnerLang = (caller: BuyerCaller | null): Lang => (caller?.kind === 'user' ? caller.user.locale : 'de');

/** The products as a run prices them: with `fixed` prices, each SKU's fixed price is its only tier. */
export function withPriceMode(products: ReadonlyMap<string, Product>, priceMode: StandingOrder['priceMode']): Map<string, Product> {
  const out = new Map(products);
  if (priceMode.kind !== 'fixed') return out;
  for (const { sku, unitPrice } of priceMode.prices) {
    const product = out.get(sku);
    if (!product) continue;
    out.set(sku, {
      ...product,
      price: { currency: unitPrice.currency, priceUnit: product.price?.priceUnit ?? 1, source: product.price?.source ?? 'company', tiers: [{ minQuantity: 1, price: unitPrice }] },
    });
  }
  return out;
}

/** What a run would order now: the lines it keeps, priced and planned, and what it tells the buyer. */
export interface RunPlan {
  caller: BuyerCaller | null;
  lang: Lang;
  currency: string;
  address: Address;
  /** The kept lines, priced (none with issues) and planned. */
  stored: CartLineRow[];
  products: Map<string, Product>;
  priced: { lines: ReturnType<typeof priceCartLines>['lines']; totals: Totals };
  plans: Map<string, LineAvailability>;
  /** Lines back-ordered or left out. */
  notices: ErrorIssue[];
  /** What the lines are short of (for the reminder): SKU, ordered, available now. */
  short: { sku: string; quantity: number; available: number }[];
  /** `place`, or why the run does not: `held` (the shortage policy) or `failed`. */
  outcome: { action: 'place' } | { action: 'held' | 'failed'; reason: ErrorIssue };
}

const failed = (reason: ErrorIssue) => ({ action: 'failed' as const, reason });

/**
 * Plans the run of `occurrence` at `now`: its content (one-run changes applied), the prices of
 * its price mode, the availability to its address's country, the shortage policy. Reads only.
 * `at` is when the run happens (a reminder plans a run days ahead), for the delivery dates.
 */
export async function planRun(db: Db | Tx, row: StandingOrderRow, order: StandingOrder, occurrence: Occurrence, options: { now: Date; at?: Date; lang?: Lang }): Promise<RunPlan> {
  const d = db as Db;
  const caller = await runnerOf(d, row);
  const lang = options.lang ?? runnerLang(caller);
  const content = runContent(order, occurrence.key);
  const address = content.deliveryAddress.address;
  const empty = { lines: [], totals: { net: { amount: 0, currency: 'EUR' }, taxes: [], tax: { amount: 0, currency: 'EUR' }, gross: { amount: 0, currency: 'EUR' } } };
  const base = { caller, lang, address, stored: [], products: new Map(), priced: empty, plans: new Map(), notices: [], short: [], currency: 'EUR' };
  if (!caller) return { ...base, outcome: failed(serverIssue([], 'owner_gone', {}, lang)) };
  const expired = runIssue(order, occurrence, lang);
  const currency = (await priceListCurrency(d, caller.company.priceListId)) ?? 'EUR';
  if (expired) return { ...base, currency, outcome: failed(expired) };

  const lines = content.lines;
  const products = withPriceMode(await loadLineProducts(d, caller, lines.map((l) => l.sku)), content.priceMode);
  let planned: LineAvailability[];
  try {
    planned = await availabilityPlan(d, caller, lines, { now: options.at ?? options.now, destination: address.country, lang });
  } catch (error) {
    if (error instanceof ValidationError) return { ...base, currency, products, outcome: failed({ ...error.issues[0]!, path: ['deliveryAddress'] }) };
    throw error;
  }
  const plans = new Map(planned.map((p) => [p.sku, p]));
  const priced = priceCartLines(lines.map((l) => ({ ...l, addedAt: '' })), cartProducts(lines, products), currency, lang);
  // A line that cannot be ordered at all (gone, discontinued, no price, off its rules, never
  // deliverable) is short of everything; the rest is short of what does not ship now.
  const supply: (LineSupply & { orderable: boolean })[] = lines.map((l, i) => {
    const plan = plans.get(l.sku);
    const orderable = !priced.lines[i]!.issues.length && !!plan && 'item' in plan && plan.item.earliestDelivery !== null;
    return { sku: l.sku, quantity: l.quantity, available: orderable && plan && 'item' in plan ? plan.item.availableNow : 0, orderable };
  });
  const short = supply.filter((s) => s.available < s.quantity).map(({ sku, quantity, available }) => ({ sku, quantity, available: Math.max(0, available) }));
  const blocked = supply.filter((s) => !s.orderable);
  const outcomeOf = (reason: ErrorIssue, notices: ErrorIssue[]) => ({ ...base, currency, products, plans, short, notices, outcome: reason.code === 'run_held' ? { action: 'held' as const, reason } : failed(reason) });
  if (blocked.length && order.shortage === 'hold_run') {
    const held = planShortage(supply, 'hold_run', lang);
    return outcomeOf(held.notices[0]!, []);
  }
  const notices: ErrorIssue[] = [];
  supply.forEach((s, i) => {
    if (!s.orderable) notices.push({ path: ['lines', i], code: 'line_omitted', message: messageIn([standingOrdersIssues], 'line_omitted', { sku: s.sku, quantity: s.quantity, available: 0 }, lang), params: { sku: s.sku, quantity: s.quantity, available: 0 } });
  });
  const orderable = supply.filter((s) => s.orderable);
  if (!orderable.length) return outcomeOf(serverIssue([], 'nothing_available', {}, lang, standingOrdersIssues), notices);
  const shortage = planShortage(orderable, order.shortage, lang);
  // Paths of the plan's notices are among the orderable lines: point them at the standing order's.
  const lineIndex = orderable.map((s) => supply.indexOf(s));
  const remap = (n: ErrorIssue): ErrorIssue => (n.path[0] === 'lines' && typeof n.path[1] === 'number' ? { ...n, path: ['lines', lineIndex[n.path[1]]!] } : n);
  notices.push(...shortage.notices.filter((n) => n.path.length).map(remap));
  if (shortage.action === 'hold') return outcomeOf(shortage.notices.find((n) => !n.path.length) ?? serverIssue([], 'nothing_available', {}, lang, standingOrdersIssues), notices);

  const kept = new Set(shortage.lines.map((l) => l.sku));
  const stored: CartLineRow[] = lines.filter((l) => kept.has(l.sku)).map((l, position) => ({ cart_id: row.id, sku: l.sku, quantity: l.quantity, position, addedAt: '' }));
  const keptPriced = priceCartLines(stored, cartProducts(stored, products), currency, lang);
  return { caller, lang, currency, address, stored, products, priced: keptPriced, plans, notices, short, outcome: { action: 'place' } };
}

/** The payment of a run as placement takes it: a direct debit with its full IBAN (kept by the server). */
function paymentOf(row: StandingOrderRow, order: StandingOrder, occurrenceKey: string): PlaceOrderBody['payment'] {
  const payment = runContent(order, occurrenceKey).payment;
  if (payment.method !== 'sepa_debit') return { method: payment.method };
  const ibans = ibansOf(row);
  const iban = ibans[occurrenceKey] ?? ibans['*'];
  if (!iban) throw new Error(`standing order ${row.id} pays by direct debit but has no IBAN`);
  return { method: 'sepa_debit', accountHolder: payment.accountHolder ?? '', iban, mandateAccepted: true };
}

/** What running one occurrence did, ready to record. */
export interface RunResult {
  run: StandingOrderRunRow;
  /** The order it placed. */
  order: Order | null;
  plan: RunPlan;
}

/**
 * Runs one occurrence inside `trx`: plans it (see {@link planRun}) and, when there is something to
 * order, places it through the checkout's placement (`placeLines`: prices, credit, stock
 * reservation, the order number, the outbox's `order.placed` and so the confirmation mail).
 * A refusal of placement (credit limit, no invoice) is rolled back to a savepoint and makes the
 * run `failed` with the refusal's issue; errors that are no refusal propagate (the caller's
 * transaction rolls back and nothing of the run is recorded). The run row is returned, not written.
 */
export async function runOccurrence(
  trx: Tx,
  deps: AppDeps,
  row: StandingOrderRow,
  order: StandingOrder,
  occurrence: Occurrence,
  options: { kind: StandingOrderRunRow['kind']; now: Date; lang?: Lang; issue?: ErrorIssue | null },
): Promise<RunResult> {
  const now = options.now;
  const iso = now.toISOString();
  const record = (status: StandingOrderRunRow['status'], extra: Partial<StandingOrderRunRow>, plan: RunPlan): StandingOrderRunRow => ({
    id: newId('sor'), company_id: row.company_id, standing_order_id: row.id, occurrence: occurrence.key, day: occurrence.day, kind: options.kind, status, at: iso,
    n: null, order_id: null, order_number: null, po_number: null, reason: null, notices: JSON.stringify(plan.notices), created_at: iso, ...extra,
  });
  const plan = await planRun(trx, row, order, occurrence, { now, ...(options.lang ? { lang: options.lang } : {}) });
  if (options.issue) return { run: record('failed', { reason: JSON.stringify(options.issue) }, plan), order: null, plan };
  if (plan.outcome.action !== 'place') return { run: record(plan.outcome.action, { reason: JSON.stringify(plan.outcome.reason) }, plan), order: null, plan };

  const n = order.runCount + 1;
  const po = runPurchaseOrderNumber(order, occurrence.day, n);
  await sql`savepoint standing_order_run`.execute(trx);
  try {
    const placed = await placeLines(trx, deps, plan.caller!, {
      state: { stored: plan.stored, products: plan.products, priced: plan.priced },
      plans: plan.plans,
      body: { payment: paymentOf(row, order, occurrence.key), purchaseOrderNumber: po ?? undefined, requestedDeliveryDate: undefined, costCenter: undefined, comment: undefined },
      row: { id: row.id, currency: plan.currency, last_channel: order.via.channel },
      address: plan.address,
      saveAddress: null,
    }, now, plan.lang);
    await sql`release savepoint standing_order_run`.execute(trx);
    return { run: record('placed', { n, order_id: placed.id, order_number: placed.number, po_number: po }, plan), order: placed, plan };
  } catch (error) {
    if (!isKontorError(error) || error.status >= 500 || !error.issues.length) throw error;
    // Refused (credit, payment): nothing of the placement stays; the run failed with the reason.
    await sql`rollback to savepoint standing_order_run`.execute(trx);
    return { run: record('failed', { reason: JSON.stringify(error.issues[0]) }, plan), order: null, plan };
  }
}

/** What a reminder tells about a coming run: the dry run at `now` for the run at its instant. */
export interface DryRun {
  plan: RunPlan;
  /** The day the order would arrive (all kept lines), or `null`. */
  arrives: string | null;
  /** Why the run would not go through as it stands: credit, a held or failed plan. */
  warnings: ErrorIssue[];
  gross: Money;
}

/** A reminder's dry run: re-priced, availability and credit checked again, nothing written. */
export async function dryRun(db: Db | Tx, row: StandingOrderRow, order: StandingOrder, occurrence: Occurrence, options: { now: Date; deliveryCalendar: (country: string) => Promise<BusinessCalendar> }): Promise<DryRun> {
  const at = new Date(Math.max(options.now.getTime(), Date.parse(occurrence.at)));
  const plan = await planRun(db, row, order, occurrence, { now: options.now, at });
  const warnings: ErrorIssue[] = [];
  if (plan.outcome.action !== 'place') warnings.push(plan.outcome.reason);
  const gross = plan.priced.totals.gross;
  const payment = runContent(order, occurrence.key).payment;
  if (plan.caller && plan.outcome.action === 'place' && payment.method === 'invoice') {
    const credit = await creditOf(db as Db, plan.caller.company.id, plan.currency);
    if (!credit) warnings.push({ path: ['payment', 'method'], code: 'payment_unavailable', message: issueMessage('payment_unavailable', { method: 'invoice' }, plan.lang), params: { method: 'invoice' } });
    else if (credit.remaining.amount < gross.amount) {
      const params = { remaining: credit.remaining, remainingText: formatMoney(credit.remaining, plan.lang) };
      warnings.push({ path: ['payment', 'method'], code: 'credit_limit', message: issueMessage('credit_limit', params, plan.lang), params });
    }
  }
  let arrives: string | null = null;
  if (plan.outcome.action === 'place') {
    const promises = plan.stored.map((l) => {
      const p = plan.plans.get(l.sku);
      return p && 'item' in p ? p.item.earliestDelivery : null;
    });
    arrives = earliestOrderDelivery(promises, await options.deliveryCalendar(plan.address.country));
  }
  return { plan, arrives, warnings, gross };
}
