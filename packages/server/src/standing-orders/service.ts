import {
  addDays,
  deliveryCalendar,
  earliestOrderDelivery,
  afterRun,
  applyAction,
  assertChangeable,
  createStandingOrder,
  dayAt,
  destinationIssue,
  effectiveStatus,
  endIfOver,
  errorMessage,
  expandSchedule,
  isKontorError,
  isValidIbanStrict,
  issueMessage,
  maskIban,
  occurrencesOf,
  orderNow,
  parseStandingOrderRequest,
  resolveSchedule,
  standingOrdersIssues,
  rruleToForm,
  scheduleOf,
  StandingOrderLinesSchema,
  summarizeSchedule,
  updateStandingOrder,
  ValidationError,
  type Channel,
  type CreateStandingOrderBody,
  type ErrorIssue,
  type IssuePath,
  type KontorError,
  type Lang,
  type SchedulePreview,
  type SchedulePreviewBody,
  type ScheduleInput,
  type StandingOrder,
  type StandingOrderActionRequest,
  type StandingOrderAddress,
  type StandingOrderChange,
  type StandingOrderLine,
  type StandingOrderPatch,
  type StandingOrderPayment,
  type StandingOrderRun,
  type StandingOrderView,
  type UpcomingRun,
  type UpdateStandingOrderBody,
  type Warehouse,
} from '@kontor/core';
import type { CreateStandingOrderBodySchema, SchedulePreviewBodySchema, UpdateStandingOrderBodySchema } from '@kontor/core';
import type { Transaction } from 'kysely';
import type * as z from 'zod/mini';
import type { BuyerCaller } from '../auth/caller.js';
import { cartLines, findCart, newId, priceListCurrency } from '../db/cart.queries.js';
import type { Db } from '../db/database.js';
import { companyAddresses, creditLimit, findCompanyAddress, findOrder, insertCompanyAddress, orderLines } from '../db/order.queries.js';
import type { Database } from '../db/schema.js';
import {
  findStandingOrder,
  insertRun,
  insertStandingOrder,
  lockStandingOrder,
  reminderKeys,
  runKeys,
  updateStandingOrderRow,
  type StandingOrderRow,
  type StandingOrderRunRow,
} from '../db/standing-order.queries.js';
import { httpError } from '../http/errors.js';
import { lineIssues, loadLineProducts, suggestSkus } from '../http/line-check.js';
import type { AppDeps } from '../http/route.js';
import { cartScopeOf } from '../orders/order.service.js';
import { addressOf } from '../orders/order.view.js';
import { issueText } from '../mail/standing-order.templates.js';
import { dataOf, ibansOf, loadWarehouses, lookBackKey, nextDue, reminderAt, standingOrderOf, viewOf, type Warehouses } from './context.js';
import { serverIssue } from './messages.js';
import { availabilityContext } from '../availability/availability.service.js';
import { planRun, runOccurrence, withPriceMode } from './run.js';

type Tx = Transaction<Database>;
type CreateBody = z.output<typeof CreateStandingOrderBodySchema>;
type UpdateBody = z.output<typeof UpdateStandingOrderBodySchema>;
type AddressInput = NonNullable<CreateBody['deliveryAddress']>;
type PaymentInput = NonNullable<CreateBody['payment']>;

/** Channels a company user may set a standing order up through (a partner's customer token is always `partner`). */
const USER_CHANNELS: readonly Channel[] = ['web', 'sales_rep', 'chat', 'api'];

const invalid = (issues: ErrorIssue[], lang: Lang, status = 422) => new ValidationError(`${errorMessage('validation', lang)} ${issues[0]!.message}`, issues, { status });
const issue = (path: IssuePath, code: string, params: Record<string, unknown>, lang: Lang): ErrorIssue => ({ path, code, message: issueMessage(code, params, lang), ...(Object.keys(params).length ? { params } : {}) });

// ── views ────────────────────────────────────────────────────────────────────────────────────

/** Views of rows at `now`: one query for their runs ahead of now (order now uses occurrences up). */
export async function viewsOf(db: Db | Tx, rows: readonly StandingOrderRow[], now: Date, warehouses?: Warehouses): Promise<StandingOrderView[]> {
  if (!rows.length) return [];
  const w = warehouses ?? (await loadWarehouses(db as Db));
  const orders = rows.map(standingOrderOf);
  const from = orders.map((o) => lookBackKey(o, now)).sort()[0]!;
  const done = await runKeys(db, rows[0]!.company_id, rows.map((r) => r.id), from);
  return rows.map((row, i) => viewOf(row, orders[i]!, { now, calendar: w.calendarOf(orders[i]!.warehouseId, now), done: done.get(row.id)! }));
}

/** A run as the API answers it, its reason and notices worded in `lang`. */
export function runOf(row: StandingOrderRunRow, lang: Lang): StandingOrderRun {
  const reword = (i: ErrorIssue) => ({ ...i, message: issueText(i, lang) });
  return {
    id: row.id, occurrence: row.occurrence, day: row.day, kind: row.kind, status: row.status, at: row.at, n: row.n === null ? null : Number(row.n),
    orderId: row.order_id, orderNumber: row.order_number, purchaseOrderNumber: row.po_number,
    reason: row.reason ? reword(JSON.parse(row.reason) as ErrorIssue) : null,
    notices: (JSON.parse(row.notices) as ErrorIssue[]).map(reword),
  };
}

/** A 409 of core's rules with the standing order as the API answers it in `details.standingOrder`. */
async function withView<T>(db: Tx, row: StandingOrderRow, now: Date, warehouses: Warehouses, fn: () => T): Promise<T> {
  try {
    return fn();
  } catch (error) {
    if (isKontorError(error) && error.code === 'conflict' && error.details?.standingOrder) {
      const [view] = await viewsOf(db, [row], now, warehouses);
      (error as KontorError & { details: Record<string, unknown> }).details.standingOrder = view;
    }
    throw error;
  }
}

// ── resolving what a request says ────────────────────────────────────────────────────────────

/** The delivery address as a standing order keeps it: a saved one of the company (else 404), or the one given (saved when asked). */
async function resolveAddress(db: Tx, caller: BuyerCaller, input: AddressInput, iso: string, lang: Lang): Promise<StandingOrderAddress> {
  const d = db as unknown as Db;
  if ('addressId' in input) {
    const saved = await findCompanyAddress(d, caller.company.id, input.addressId);
    if (!saved) throw httpError('not_found', lang);
    return { addressId: saved.id, address: addressOf(saved) };
  }
  const address = input.address;
  if (!input.save) return { addressId: null, address };
  const existing = await companyAddresses(d, caller.company.id);
  const same = existing.find((a) => {
    const b = addressOf(a);
    return b.name === address.name && (b.addition ?? '') === (address.addition ?? '') && b.street === address.street && b.postcode === address.postcode && b.city === address.city && b.country === address.country;
  });
  if (same) return { addressId: same.id, address };
  const id = newId('adr');
  await insertCompanyAddress(d, {
    id, company_id: caller.company.id, label: input.label ?? `${address.street}, ${address.city}`, name: address.name, addition: address.addition ?? null,
    street: address.street, postcode: address.postcode, city: address.city, country: address.country, is_default: existing.length ? 0 : 1, created_at: iso,
  });
  return { addressId: id, address };
}

/** The payment as a standing order keeps it (a direct debit's IBAN masked) and the full IBAN, checked strictly. */
function resolvePayment(input: PaymentInput, path: IssuePath, lang: Lang): { payment: StandingOrderPayment; iban: string | null } {
  if (input.method !== 'sepa_debit') return { payment: { method: input.method, accountHolder: null, ibanMasked: null }, iban: null };
  if (!isValidIbanStrict(input.iban)) throw invalid([issue([...path, 'iban'], 'iban', {}, lang)], lang, 400);
  return { payment: { method: 'sepa_debit', accountHolder: input.accountHolder, ibanMasked: maskIban(input.iban) }, iban: input.iban };
}

/** On account needs a credit limit (422 `payment_unavailable`); the amount is checked at each run. */
async function checkPaymentAllowed(db: Tx, caller: BuyerCaller, payment: StandingOrderPayment, path: IssuePath, lang: Lang): Promise<void> {
  if (payment.method === 'invoice' && (await creditLimit(db as unknown as Db, caller.company.id)) === null) {
    throw invalid([issue([...path, 'method'], 'payment_unavailable', { method: 'invoice' }, lang)], lang);
  }
}

/** The warehouse runs move on: the one asked for (it must serve the country), else the one serving the country with the shortest transit. */
function resolveWarehouse(warehouses: Warehouses, asked: string | undefined, country: string, lang: Lang, countryPath: IssuePath): Warehouse {
  const all = [...warehouses.byId.values()];
  const destination = destinationIssue(country, all, lang);
  if (destination) throw invalid([{ ...destination, path: countryPath }], lang);
  if (asked !== undefined) {
    const w = warehouses.byId.get(asked);
    if (!w) throw invalid([serverIssue(['warehouseId'], 'unknown_warehouse', { warehouseId: asked }, lang)], lang);
    if (!Object.hasOwn(w.transitDays, country)) throw invalid([serverIssue(['warehouseId'], 'warehouse_not_serving', { warehouseId: asked, country }, lang)], lang);
    return w;
  }
  return all.filter((w) => Object.hasOwn(w.transitDays, country)).sort((a, b) => a.transitDays[country]! - b.transitDays[country]! || (a.id < b.id ? -1 : 1))[0]!;
}

/** Lines the caller may order at the price mode: unknown SKUs (another company's too), discontinued, no price, off the rules are a 422 with suggestions. */
async function checkLines(db: Tx, caller: BuyerCaller, lines: readonly StandingOrderLine[], priceMode: StandingOrder['priceMode'], path: IssuePath, lang: Lang): Promise<void> {
  const d = db as unknown as Db;
  const currency = (await priceListCurrency(d, caller.company.priceListId)) ?? 'EUR';
  const products = withPriceMode(await loadLineProducts(d, caller, lines.map((l) => l.sku)), priceMode);
  const issues = lineIssues(lines.map((l, i) => ({ ...l, path: [...path, i] })), products, currency, lang);
  if (!issues.length) return;
  await suggestSkus(d, caller, issues);
  throw invalid(issues, lang);
}

/** Where a new standing order takes what the request leaves out. */
async function fromSource(db: Tx, caller: BuyerCaller, from: CreateBody['from'], lang: Lang) {
  const d = db as unknown as Db;
  if (!from) return {};
  if (from.kind === 'cart') {
    const cart = await findCart(d, cartScopeOf(caller), from.cartId);
    if (!cart) throw httpError('not_found', lang);
    const lines = (await cartLines(d, [cart.id])).map((l) => ({ sku: l.sku, quantity: l.quantity }));
    if (!lines.length) throw invalid([issue(['from', 'cartId'], 'cart_empty', {}, lang)], lang);
    return { lines };
  }
  const order = await findOrder(d, caller.company.id, from.orderId);
  if (!order) throw httpError('not_found', lang);
  const lines = (await orderLines(d, caller.company.id, order.id)).map((l) => ({ sku: l.sku, quantity: Number(l.quantity) }));
  const address: StandingOrderAddress = { addressId: null, address: JSON.parse(order.delivery_address) as StandingOrderAddress['address'] };
  let payment: { payment: StandingOrderPayment; iban: string | null } = { payment: { method: order.payment_method, accountHolder: null, ibanMasked: null }, iban: null };
  if (order.payment_method === 'sepa_debit') {
    // The mandate keeps the only full IBAN; the standing order keeps its own copy, never answered.
    const mandate = await db.selectFrom('sepa_mandates').select(['account_holder', 'iban']).where('company_id', '=', caller.company.id).where('order_id', '=', order.id).executeTakeFirst();
    payment = mandate
      ? { payment: { method: 'sepa_debit', accountHolder: mandate.account_holder, ibanMasked: maskIban(mandate.iban) }, iban: mandate.iban }
      : { payment: { method: 'invoice', accountHolder: null, ibanMasked: null }, iban: null };
    if (!mandate) return { lines, address, paymentMissing: serverIssue(['payment'], 'mandate_missing', { orderId: order.id }, lang) };
  }
  return { lines, address, payment };
}

/** When the scheduler should next look at a standing order (see context.ts `nextDue`). */
async function nextAtOf(db: Tx, row: Pick<StandingOrderRow, 'id' | 'company_id' | 'reminder_days'>, order: StandingOrder, now: Date, warehouses: Warehouses, done: ReadonlySet<string>): Promise<string | null> {
  const reminded = await reminderKeys(db, row.company_id, row.id, lookBackKey(order, now));
  return nextDue(order, { now, calendar: warehouses.calendarOf(order.warehouseId, now), done, reminded, reminderDays: Number(row.reminder_days) });
}

// ── create, update, act ──────────────────────────────────────────────────────────────────────

/** Sets up a standing order for the caller's company in `trx`. */
export async function createStandingOrderIn(trx: Tx, deps: AppDeps, caller: BuyerCaller, body: CreateBody, now: Date, lang: Lang): Promise<StandingOrderView> {
  const iso = now.toISOString();
  if (body.channel !== undefined) {
    const allowed = caller.kind === 'customer' ? (['partner'] as Channel[]) : USER_CHANNELS;
    if (!allowed.includes(body.channel)) throw invalid([issue(['channel'], 'invalid_value', { values: allowed }, lang)], lang);
  }
  const source = await fromSource(trx, caller, body.from, lang);
  const required = (path: string, code: string) => invalid([serverIssue([path], code, {}, lang)], lang, 400);

  const linesInput = body.lines ?? source.lines;
  if (!linesInput) throw required('lines', 'lines_required');
  const lines = body.lines ?? parseStandingOrderRequest(StandingOrderLinesSchema, linesInput, 'The lines of the source', { lang, status: 422, prefix: ['lines'] });

  let deliveryAddress: StandingOrderAddress | undefined;
  if (body.deliveryAddress) deliveryAddress = await resolveAddress(trx, caller, body.deliveryAddress, iso, lang);
  else if (source.address) deliveryAddress = source.address;
  else if (body.from?.kind === 'cart') {
    const saved = await companyAddresses(trx as unknown as Db, caller.company.id);
    const main = saved.find((a) => Number(a.is_default) === 1) ?? saved[0];
    if (main) deliveryAddress = { addressId: main.id, address: addressOf(main) };
  }
  if (!deliveryAddress) throw required('deliveryAddress', 'address_required');

  let payment: { payment: StandingOrderPayment; iban: string | null };
  if (body.payment) payment = resolvePayment(body.payment, ['payment'], lang);
  else if ('paymentMissing' in source && source.paymentMissing) throw invalid([source.paymentMissing], lang);
  else if ('payment' in source && source.payment) payment = source.payment;
  else throw required('payment', 'payment_required');
  await checkPaymentAllowed(trx, caller, payment.payment, ['payment'], lang);

  const warehouses = await loadWarehouses(trx as unknown as Db);
  const countryPath: IssuePath = body.deliveryAddress && 'address' in body.deliveryAddress ? ['deliveryAddress', 'address', 'country'] : ['deliveryAddress'];
  const warehouse = resolveWarehouse(warehouses, body.warehouseId, deliveryAddress.address.country, lang, countryPath);
  const schedule = scheduleOf(body.schedule as ScheduleInput, { timeZone: warehouse.timeZone });
  const priceMode = body.priceMode ?? { kind: 'current' as const };
  await checkLines(trx, caller, lines, priceMode, ['lines'], lang);

  const via = caller.kind === 'customer' ? { channel: 'partner' as const, partnerId: caller.partner.id } : { channel: body.channel ?? 'web', partnerId: null };
  const calendar = warehouses.calendarOf(warehouse.id, now);
  const order = createStandingOrder(
    {
      id: newId('sto'), name: body.name ?? null, lines, deliveryAddress, payment: payment.payment, purchaseOrderPattern: body.purchaseOrderPattern ?? null,
      schedule, warehouseId: warehouse.id, priceMode, shortage: body.shortage ?? 'backorder', catchUp: body.catchUp ?? 'skip', via,
    },
    { now: iso, ...(calendar ? { calendar } : {}), lang },
  );
  const reminderDays = body.reminderDays ?? 3;
  const row: StandingOrderRow = {
    id: order.id, company_id: caller.company.id, created_by_user_id: caller.kind === 'user' ? caller.user.id : null, created_by_partner_id: caller.kind === 'customer' ? caller.partner.id : null,
    status: order.status, version: order.version, data: dataOf(order), sepa_ibans: payment.iban ? JSON.stringify({ '*': payment.iban }) : null, reminder_days: reminderDays,
    next_at: nextDue(order, { now, calendar, done: new Set(), reminded: new Set(), reminderDays }), checked_at: iso, created_at: iso, updated_at: iso,
  };
  await insertStandingOrder(trx, row);
  return viewOf(row, order, { now, calendar, done: [] });
}

/** The company's standing order locked for a change, with what the rules need. */
async function forChange(trx: Tx, caller: BuyerCaller, id: string, now: Date, lang: Lang) {
  const row = await lockStandingOrder(trx, caller.company.id, id);
  if (!row) throw httpError('not_found', lang);
  const order = standingOrderOf(row);
  const warehouses = await loadWarehouses(trx as unknown as Db);
  const calendar = warehouses.calendarOf(order.warehouseId, now);
  const done = (await runKeys(trx, caller.company.id, [row.id], lookBackKey(order, now))).get(row.id)!;
  return { row, order, warehouses, calendar, done, ctx: { now: now.toISOString(), ...(calendar ? { calendar } : {}), done, lang } };
}

/** Writes a changed standing order (with its new `next_at`) and answers its view. */
async function save(trx: Tx, c: Awaited<ReturnType<typeof forChange>>, next: StandingOrder, now: Date, extra: Partial<StandingOrderRow> = {}): Promise<StandingOrderView> {
  const row = { ...c.row, ...extra };
  const next_at = await nextAtOf(trx, row, next, now, c.warehouses, c.done);
  const written = await updateStandingOrderRow(trx, { companyId: c.row.company_id, id: c.row.id, version: Number(c.row.version) }, {
    ...extra, data: dataOf(next), status: next.status, version: next.version, next_at, updated_at: now.toISOString(),
  });
  if (!written) throw new Error(`standing order ${c.row.id} changed under its lock`);
  return viewOf(row, next, { now, calendar: c.calendar, done: c.done });
}

/** Applies an update (`from_next_run` or `one_run`) in `trx`. */
export async function updateStandingOrderIn(trx: Tx, caller: BuyerCaller, id: string, body: UpdateBody, now: Date, lang: Lang): Promise<StandingOrderView> {
  const c = await forChange(trx, caller, id, now, lang);
  // A cancelled or ended one, or a stale version, is a 409 before anything else is looked at.
  await withView(trx, c.row, now, c.warehouses, () => assertChangeable(c.order, body.version, lang));
  const iso = now.toISOString();
  const ibans = ibansOf(c.row);
  let change: StandingOrderChange;
  let reminderDays: number | undefined;
  if (body.scope === 'from_next_run') {
    const { deliveryAddress, payment, schedule, reminderDays: days, ...rest } = body.set;
    reminderDays = days;
    const set: StandingOrderPatch = { ...rest } as StandingOrderPatch;
    if (deliveryAddress) set.deliveryAddress = await resolveAddress(trx, caller, deliveryAddress, iso, lang);
    if (payment) {
      const p = resolvePayment(payment, ['set', 'payment'], lang);
      await checkPaymentAllowed(trx, caller, p.payment, ['set', 'payment'], lang);
      set.payment = p.payment;
      // A full IBAN is kept only while it is paid by direct debit.
      if (p.iban) ibans['*'] = p.iban;
      else delete ibans['*'];
    }
    if (schedule) set.schedule = scheduleOf(schedule as ScheduleInput, { timeZone: c.order.schedule.timeZone });
    if (set.lines || set.priceMode) await checkLines(trx, caller, set.lines ?? c.order.lines, set.priceMode ?? c.order.priceMode, set.lines ? ['set', 'lines'] : ['lines'], lang);
    change = { version: body.version, scope: 'from_next_run', set };
  } else {
    const { deliveryAddress, payment, ...rest } = body.set;
    const set: Extract<StandingOrderChange, { scope: 'one_run' }>['set'] = { ...rest };
    if (deliveryAddress) set.deliveryAddress = await resolveAddress(trx, caller, deliveryAddress, iso, lang);
    if (payment) {
      const p = resolvePayment(payment, ['set', 'payment'], lang);
      await checkPaymentAllowed(trx, caller, p.payment, ['set', 'payment'], lang);
      set.payment = p.payment;
      if (p.iban) ibans[body.occurrence] = p.iban;
      else delete ibans[body.occurrence];
    }
    if (set.lines) await checkLines(trx, caller, set.lines, c.order.priceMode, ['set', 'lines'], lang);
    change = { version: body.version, scope: 'one_run', occurrence: body.occurrence, set };
  }
  const next = await withView(trx, c.row, now, c.warehouses, () => updateStandingOrder(c.order, change, c.ctx));
  return save(trx, c, next, now, {
    sepa_ibans: Object.keys(ibans).length ? JSON.stringify(ibans) : null,
    ...(reminderDays !== undefined ? { reminder_days: reminderDays } : {}),
  });
}

/** Applies an action in `trx`; `order_now` places the next run at once (a refusal is a 422 and changes nothing). */
export async function actOnStandingOrder(
  trx: Tx,
  deps: AppDeps,
  caller: BuyerCaller,
  id: string,
  body: StandingOrderActionRequest,
  now: Date,
  lang: Lang,
): Promise<{ standingOrder: StandingOrderView; run: StandingOrderRun | null }> {
  const c = await forChange(trx, caller, id, now, lang);
  const iso = now.toISOString();
  if (body.action !== 'order_now') {
    const next = await withView(trx, c.row, now, c.warehouses, () => applyAction(c.order, body, c.ctx));
    return { standingOrder: await save(trx, c, next, now), run: null };
  }
  const { standingOrder, occurrence } = await withView(trx, c.row, now, c.warehouses, () => orderNow(c.order, body.version, c.ctx));
  const result = await runOccurrence(trx, deps, c.row, standingOrder, occurrence, { kind: 'order_now', now, lang });
  if (result.run.status !== 'placed') {
    const reason = JSON.parse(result.run.reason!) as ErrorIssue;
    throw invalid([reason, ...(JSON.parse(result.run.notices) as ErrorIssue[])], lang);
  }
  if (!(await insertRun(trx, result.run))) throw httpError('conflict', lang, { status: 409 });
  c.done.add(occurrence.key);
  let next = afterRun(standingOrder, { occurrence: occurrence.key, placed: true }, iso);
  next = endIfOver(next, c.ctx);
  return { standingOrder: await save(trx, c, next, now), run: runOf(result.run, lang) };
}

/** Uses one of a reminder's links in `trx` (see links.routes): the same rules as the API's action, at the current version. */
export async function actByLink(
  trx: Tx,
  row: StandingOrderRow,
  action: { action: 'skip'; occurrence: string } | { action: 'pause' },
  now: Date,
  lang: Lang,
): Promise<StandingOrder> {
  const order = standingOrderOf(row);
  const warehouses = await loadWarehouses(trx as unknown as Db);
  const calendar = warehouses.calendarOf(order.warehouseId, now);
  const done = (await runKeys(trx, row.company_id, [row.id], lookBackKey(order, now))).get(row.id)!;
  const ctx = { now: now.toISOString(), ...(calendar ? { calendar } : {}), done, lang };
  const next = applyAction(order, { version: order.version, ...action }, ctx);
  const next_at = await nextAtOf(trx, row, next, now, warehouses, done);
  await updateStandingOrderRow(trx, { companyId: row.company_id, id: row.id, version: Number(row.version) }, { data: dataOf(next), status: next.status, version: next.version, next_at, updated_at: now.toISOString() });
  return next;
}

// ── reading ──────────────────────────────────────────────────────────────────────────────────

export async function getStandingOrder(db: Db, caller: BuyerCaller, id: string, now: Date, lang: Lang): Promise<StandingOrderView> {
  const row = await findStandingOrder(db, caller.company.id, id);
  if (!row) throw httpError('not_found', lang);
  return (await viewsOf(db, [row], now))[0]!;
}

/** The coming occurrences of a standing order: scheduled, skipped or paused, up to `limit`. */
export async function upcomingRuns(db: Db, caller: BuyerCaller, id: string, limit: number, now: Date, lang: Lang): Promise<UpcomingRun[]> {
  const row = await findStandingOrder(db, caller.company.id, id);
  if (!row) throw httpError('not_found', lang);
  const order = standingOrderOf(row);
  const status = effectiveStatus(order, now.toISOString());
  if (status === 'cancelled' || status === 'ended') return [];
  const warehouses = await loadWarehouses(db);
  const calendar = warehouses.calendarOf(order.warehouseId, now);
  const done = (await runKeys(db, row.company_id, [row.id], lookBackKey(order, now))).get(row.id)!;
  const days = Number(row.reminder_days);
  const after = Math.max(now.getTime(), Date.parse(order.runsFrom));
  const out: UpcomingRun[] = [];
  let from = dayAt(now.toISOString(), order.schedule.timeZone);
  for (let span = 0; out.length < limit && span < 10; span++) {
    const to = addDays(from, 366);
    for (const o of occurrencesOf(order, { from, to, ...(calendar ? { calendar } : {}) })) {
      if (Date.parse(o.at) <= after || done.has(o.key) || o.sameDayAs !== null) continue;
      const paused = status === 'paused' && (order.pausedUntil === null || o.day < order.pausedUntil);
      out.push({
        occurrence: o,
        status: o.skipped ? 'skipped' : paused ? 'paused' : 'scheduled',
        override: order.overrides.find((x) => x.occurrence === o.key) ?? null,
        reminderAt: days > 0 && !o.skipped && !paused ? reminderAt(o, days, order.schedule) : null,
      });
      if (out.length >= limit) break;
    }
    from = addDays(to, 1);
  }
  // When each scheduled run would arrive: planned at its instant with today's stock and inbound,
  // as its reminder's dry run is (one plan per run; a page holds at most `limit` of them).
  const context = await availabilityContext(db, now);
  for (const run of out) {
    run.arrives = null;
    if (run.status !== 'scheduled') continue;
    const at = new Date(Math.max(now.getTime(), Date.parse(run.occurrence.at)));
    const plan = await planRun(db, row, order, run.occurrence, { now, at, lang });
    if (plan.outcome.action !== 'place') continue;
    const promises = plan.stored.map((l) => {
      const p = plan.plans.get(l.sku);
      return p && 'item' in p ? p.item.earliestDelivery : null;
    });
    run.arrives = earliestOrderDelivery(promises, deliveryCalendar(context, plan.address.country));
  }
  return out;
}

/**
 * A schedule's preview: its occurrences from `from` (default today) to `to` (default a year on)
 * on the warehouse's calendar (default: the one serving the company's default address), at most
 * `limit` (default 12), with the summary in `lang` and the structured form (or `null`).
 */
export async function previewSchedule(db: Db, caller: BuyerCaller, body: z.output<typeof SchedulePreviewBodySchema>, now: Date, lang: Lang): Promise<SchedulePreview> {
  const warehouses = await loadWarehouses(db);
  let warehouse: Warehouse | undefined;
  if (body.warehouseId !== undefined) {
    warehouse = warehouses.byId.get(body.warehouseId);
    if (!warehouse) throw invalid([serverIssue(['warehouseId'], 'unknown_warehouse', { warehouseId: body.warehouseId }, lang)], lang);
  } else {
    const saved = await companyAddresses(db, caller.company.id);
    const country = (saved.find((a) => Number(a.is_default) === 1) ?? saved[0])?.country ?? 'DE';
    warehouse = [...warehouses.byId.values()].filter((w) => Object.hasOwn(w.transitDays, country)).sort((a, b) => a.transitDays[country]! - b.transitDays[country]! || (a.id < b.id ? -1 : 1))[0];
  }
  const schedule = scheduleOf(body.schedule as ScheduleInput, { timeZone: warehouse?.timeZone ?? 'Europe/Berlin' });
  const resolved = resolveSchedule(schedule, { lang, path: ['schedule', 'rrule'] });
  const from = body.from ?? dayAt(now.toISOString(), schedule.timeZone);
  const to = body.to ?? addDays(from, 366);
  if (to < from) throw invalid([serverIssue(['to'], 'end_before_start', { start: from, end: to }, lang, standingOrdersIssues)], lang);
  const calendar = warehouse ? warehouses.calendarOf(warehouse.id, now) : undefined;
  return {
    schedule,
    summary: summarizeSchedule(schedule, lang),
    form: rruleToForm(schedule.rrule, { timeZone: schedule.timeZone, lang }),
    occurrences: expandSchedule(resolved, { from, to, ...(calendar ? { calendar } : {}), limit: body.limit ?? 12 }),
  };
}

export type { CreateBody as CreateStandingOrderInput, UpdateBody as UpdateStandingOrderInput, CreateStandingOrderBody, UpdateStandingOrderBody, SchedulePreviewBody };
