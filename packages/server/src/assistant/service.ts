import {
  assistantTools,
  isKontorError,
  KontorError,
  errorMessage,
  matchProducts,
  routeMessage,
  type AssistantActionKind,
  type AssistantCard,
  type AssistantConversation,
  type AssistantIntent,
  type AssistantReply,
  type AssistantToolInput,
  type AssistantToolName,
  type AssistantTurn,
  type Lang,
  type Order,
  type OrderSummary,
  type RoutedMessage,
  type RouterProduct,
  type StandingOrderView,
} from '@kontor/core';
import type { Transaction } from 'kysely';
import type { BuyerCaller } from '../auth/caller.js';
import { listOpenCarts, newId } from '../db/cart.queries.js';
import { findPrices, listVisibleProducts, type ProductRow } from '../db/catalogue.queries.js';
import type { Database } from '../db/schema.js';
import { lastOrder } from '../db/reorder.queries.js';
import { findStandingOrder, listStandingOrders } from '../db/standing-order.queries.js';
import { checkAvailability } from '../availability/availability.service.js';
import { httpError } from '../http/errors.js';
import { companyOrder, companyOrderPage } from '../http/order.routes.js';
import type { AppDeps } from '../http/route.js';
import { createRequestIn } from '../offers/service.js';
import { cartScopeOf } from '../orders/order.service.js';
import type { OutboxDeps } from '../outbox/outbox.js';
import { newCartWith, reorderFor } from '../reorder/service.js';
import { actOnStandingOrder, viewsOf } from '../standing-orders/service.js';
import {
  appendTurns,
  claimAction,
  conversationTurns,
  destinationOf,
  findAction,
  findCompanyOrderId,
  findConversation,
  insertAction,
  insertConversation,
  insertHandoff,
  storeActionResult,
  type ActionRow,
  type UserScope,
} from './assistant.queries.js';
import { enqueueHandoffMail } from './mails.js';
import { asData, complete, parseToolCall, systemPrompt, type ChatMessage, type ModelOptions } from './model.js';
import { CHIPS, T, dayText, moneyText, quantityText } from './texts.js';

// The shop assistant's skills. Each reads through the same services as the HTTP API, with the
// caller's scope (their company, their carts); nothing is read or done that the caller could not
// read or do through the API. State-changing skills only propose: the reply carries an `action`
// card, the action is stored for this user with an expiry, and `confirmAction` carries it out once
// through the same code as the routes (the reorder service, the standing-order action, the offer
// request), claiming it in the transaction of its effect.

type Tx = Transaction<Database>;
type Deps = AppDeps & OutboxDeps;

export interface AssistantOptions {
  /** How long a proposed action can be confirmed (default 10 minutes, on `deps.now`). */
  actionTtlMs: number;
  /** Messages per user per window (default 30 a minute). */
  rateLimit: { max: number; windowMs: number };
  /** An OpenAI-compatible model that answers instead of the built-in router (which answers when it fails). */
  model?: ModelOptions | undefined;
  /** Where a model's failure is told (the app's logger). */
  log?: ((error: unknown) => void) | undefined;
}
export const DEFAULT_ASSISTANT_OPTIONS: AssistantOptions = { actionTtlMs: 10 * 60_000, rateLimit: { max: 30, windowMs: 60_000 } };

/** Whose conversation: a user, or a partner's customer (by the token's external user reference). */
export const userKeyOf = (caller: BuyerCaller): string => (caller.kind === 'user' ? caller.user.id : `ptn:${caller.partner.id}:${caller.externalUserRef ?? ''}`);
const scopeOf = (caller: BuyerCaller): UserScope => ({ companyId: caller.company.id, userKey: userKeyOf(caller) });

/**
 * A fixed window per user on the app's clock: `max` messages per `windowMs`, then 429
 * `rate_limited` with `retryAfterSeconds` until the window ends. Kept in memory per app (at most
 * `capacity` users; the least recently used go first), like the login limit's store.
 */
export function createMessageLimiter(now: () => Date, limit: AssistantOptions['rateLimit'], capacity = 10_000) {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string, lang: Lang): void => {
    const at = now().getTime();
    let w = windows.get(key);
    if (!w || w.start + limit.windowMs <= at || w.start > at) w = { start: at, count: 0 };
    windows.delete(key);
    windows.set(key, w);
    if (windows.size > capacity) windows.delete(windows.keys().next().value as string);
    if (w.count >= limit.max) {
      throw new KontorError('rate_limited', errorMessage('rate_limited', lang), { status: 429, details: { retryAfterSeconds: Math.max(1, Math.ceil((w.start + limit.windowMs - at) / 1000)) } });
    }
    w.count++;
  };
}

// ── reading helpers ─────────────────────────────────────────────────────────────────────────

/** The caller's visible active products, for the router's name matching. */
async function visibleProducts(deps: Deps, caller: BuyerCaller): Promise<{ rows: Map<string, ProductRow>; router: RouterProduct[] }> {
  const rows = await listVisibleProducts(deps.db, caller.company.id, { sort: 'sku', status: 'active', limit: 5000 });
  return {
    rows: new Map(rows.map((r) => [r.sku, r])),
    router: rows.map((r) => ({ sku: r.sku, name: { de: r.name_de, en: r.name_en }, unit: r.unit })),
  };
}

const nameOf = (row: Pick<ProductRow, 'name_de' | 'name_en'>, lang: Lang) => (lang === 'de' ? row.name_de : row.name_en || row.name_de);

function orderCard(order: OrderSummary | Order): AssistantCard {
  return {
    kind: 'order', orderId: order.id, number: order.number, status: order.status, placedAt: order.placedAt, promisedDelivery: order.promisedDelivery,
    carrier: order.tracking?.carrier ?? null, trackingNumber: order.tracking?.trackingNumber ?? null, trackingUrl: order.tracking?.url ?? null, gross: order.totals.gross,
  };
}

const standingName = (so: StandingOrderView, lang: Lang) => so.name ?? (lang === 'de' ? 'Dauerauftrag' : 'Standing order');
const standingCard = (so: StandingOrderView, lang: Lang): AssistantCard => ({
  kind: 'standing_order', standingOrderId: so.id, name: standingName(so, lang), nextRun: so.nextRun?.day ?? null, status: so.status,
});

/** The company's active standing orders, the one with the soonest next run first. */
async function activeStandingOrders(deps: Deps, caller: BuyerCaller, now: Date): Promise<StandingOrderView[]> {
  const rows = await listStandingOrders(deps.db, caller.company.id, { status: 'active', limit: 50 });
  const views = await viewsOf(deps.db, rows, now);
  return views.filter((v) => v.status === 'active').sort((a, b) => (a.nextRun?.at ?? '9999').localeCompare(b.nextRun?.at ?? '9999'));
}

// ── replies ─────────────────────────────────────────────────────────────────────────────────

interface Draft {
  intent: AssistantIntent;
  text: string;
  chips?: string[];
  cards?: AssistantCard[];
}

interface Context {
  deps: Deps;
  caller: BuyerCaller;
  scope: UserScope;
  conversationId: string;
  now: Date;
  lang: Lang;
  text: string;
  routed: RoutedMessage;
  products: Awaited<ReturnType<typeof visibleProducts>>;
  options: AssistantOptions;
}

/** Stores a proposed action for this user and answers its confirm card. */
async function propose(ctx: Context, kind: AssistantActionKind, payload: unknown, label: string, summary: string, intent: AssistantIntent, cards: AssistantCard[] = []): Promise<Draft> {
  const id = newId('act');
  const expiresAt = new Date(ctx.now.getTime() + ctx.options.actionTtlMs).toISOString();
  await insertAction(ctx.deps.db, {
    id, company_id: ctx.scope.companyId, user_key: ctx.scope.userKey, conversation_id: ctx.conversationId, kind, payload: JSON.stringify({ ...(payload as object), lang: ctx.lang }), summary,
    expires_at: expiresAt, used_at: null, result: null, created_at: ctx.now.toISOString(),
  });
  return { intent, text: `${T[ctx.lang].propose} ${summary}`, cards: [...cards, { kind: 'action', actionId: id, action: kind, label, summary, expiresAt }] };
}

/** The product a message names: its SKU if visible to the caller, else the best name match. */
function productOf(ctx: Context): { row: ProductRow | null; missing: string | null } {
  const { entities } = ctx.routed;
  if (entities.sku) {
    const row = ctx.products.rows.get(entities.sku);
    return row ? { row, missing: null } : { row: null, missing: entities.sku };
  }
  return { row: null, missing: null };
}

async function orderStatus(ctx: Context): Promise<Draft> {
  const t = T[ctx.lang];
  const { db } = ctx.deps;
  const number = ctx.routed.entities.orderNumber;
  let order: Order | null = null;
  if (number) {
    // Only the caller's company's orders: another company's number is "not found", never its data.
    const id = await findCompanyOrderId(db, ctx.caller.company.id, number);
    if (!id) return { intent: 'order_status', text: t.orderNotFound(number), chips: [CHIPS[ctx.lang].orders, CHIPS[ctx.lang].human] };
    order = await companyOrder(db, ctx.caller.company.id, id, ctx.lang);
  } else {
    const last = await lastOrder(db, ctx.caller.company.id);
    if (!last) return { intent: 'order_status', text: t.noOrders, chips: [CHIPS[ctx.lang].help] };
    order = await companyOrder(db, ctx.caller.company.id, last.id, ctx.lang);
  }
  const text = t.orderStatus(order.number, order.status, dayText(order.placedAt.slice(0, 10), ctx.lang), order.promisedDelivery ? dayText(order.promisedDelivery, ctx.lang) : null, order.tracking?.trackingNumber ?? null);
  return { intent: 'order_status', text, cards: [orderCard(order)], chips: [CHIPS[ctx.lang].orders, CHIPS[ctx.lang].reorder] };
}

async function lastOrders(ctx: Context): Promise<Draft> {
  const page = await companyOrderPage(ctx.deps.db, ctx.caller.company.id, { limit: 5 }, ctx.lang);
  if (!page.items.length) return { intent: 'last_orders', text: T[ctx.lang].noOrders, chips: [CHIPS[ctx.lang].help] };
  return { intent: 'last_orders', text: T[ctx.lang].lastOrders(page.items.length), cards: page.items.map(orderCard), chips: [CHIPS[ctx.lang].reorder, CHIPS[ctx.lang].lastOrder] };
}

function noProduct(ctx: Context, intent: AssistantIntent, missing: string | null): Draft {
  const t = T[ctx.lang];
  const q = ctx.routed.entities.productQuery;
  return { intent, text: missing ? t.unknownSku(missing) : q ? t.productNotFound(q) : t.whichProduct, chips: [CHIPS[ctx.lang].availability, CHIPS[ctx.lang].human] };
}

/** The quantity asked for, else the product's minimum. */
const quantityOf = (ctx: Context, row: ProductRow) => Math.max(ctx.routed.entities.quantity ?? Number(row.qty_min), 1);

async function availability(ctx: Context): Promise<Draft> {
  const t = T[ctx.lang];
  const { row, missing } = productOf(ctx);
  if (!row) return noProduct(ctx, 'availability', missing);
  const quantity = quantityOf(ctx, row);
  const destination = await destinationOf(ctx.deps.db, ctx.caller.company.id);
  const answer = await checkAvailability(ctx.deps.db, ctx.caller, { items: [{ sku: row.sku, quantity }], destination }, ctx.now, ctx.lang);
  const item = answer.items[0]!;
  const name = nameOf(row, ctx.lang);
  const q = quantityText(quantity, row.unit, ctx.lang);
  if ('error' in item) return { intent: 'availability', text: item.error.message, chips: [CHIPS[ctx.lang].human] };
  const day = item.earliestDelivery;
  let text = day ? t.availableOn(q, name, dayText(day, ctx.lang), item.status === 'in_stock') : t.notDeliverable(q, name);
  const wanted = ctx.routed.entities.day;
  if (day && wanted) text += t.byDay(dayText(wanted, ctx.lang), day <= wanted);
  const card: AssistantCard = { kind: 'availability', sku: row.sku, name, quantity, unit: row.unit, promise: { day, inStock: item.status === 'in_stock', available: item.availableNow } };
  const add = ctx.lang === 'de' ? `${quantity} ${row.sku} in den Warenkorb` : `Add ${quantity} ${row.sku} to cart`;
  return { intent: 'availability', text, cards: [card], chips: [add, CHIPS[ctx.lang].human] };
}

async function findProduct(ctx: Context): Promise<Draft> {
  const t = T[ctx.lang];
  const { row, missing } = productOf(ctx);
  if (missing) return noProduct(ctx, 'find_product', missing);
  const q = ctx.routed.entities.productQuery;
  const skus = row && !q ? [row.sku] : q ? matchProducts(q, ctx.products.router, ctx.routed.entities.unit).slice(0, 3).map((m) => m.product.sku) : row ? [row.sku] : [];
  if (row && !skus.includes(row.sku)) skus.unshift(row.sku);
  if (!skus.length) return noProduct(ctx, 'find_product', null);
  const rows = skus.slice(0, 3).map((s) => ctx.products.rows.get(s)!).filter(Boolean);
  const prices = await findPrices(ctx.deps.db, ctx.caller.company.priceListId, rows.map((r) => r.sku));
  const cards: AssistantCard[] = rows.map((r) => {
    const p = prices.get(r.sku);
    const tier = p?.tiers.slice().sort((a, b) => a.minQuantity - b.minQuantity)[0];
    // The price per sales unit (a cable priced per 100 m: per metre), in minor units.
    return { kind: 'product', sku: r.sku, name: nameOf(r, ctx.lang), unit: r.unit, price: tier && p ? { amount: Math.round(tier.amount / Math.max(1, Number(r.price_unit))), currency: p.currency } : null };
  });
  const first = rows[0]!;
  const when = ctx.lang === 'de' ? `Wann kommt ${first.sku}?` : `When can I get ${first.sku}?`;
  return { intent: 'find_product', text: t.products(cards.length), cards, chips: [when, CHIPS[ctx.lang].human] };
}

async function reorder(ctx: Context): Promise<Draft> {
  const t = T[ctx.lang];
  const { db } = ctx.deps;
  const number = ctx.routed.entities.orderNumber;
  const orderId = number ? await findCompanyOrderId(db, ctx.caller.company.id, number) : (await lastOrder(db, ctx.caller.company.id))?.id;
  if (!orderId) return { intent: 'reorder', text: number ? t.orderNotFound(number) : t.noOrders, chips: [CHIPS[ctx.lang].orders] };
  const order = await companyOrder(db, ctx.caller.company.id, orderId, ctx.lang);
  const summary = t.reorderWhat(order.number, order.lines.length, moneyText(order.totals.gross, ctx.lang));
  return propose(ctx, 'reorder', { orderId: order.id }, t.confirmReorder, summary, 'reorder', [orderCard(order)]);
}

async function addToCart(ctx: Context): Promise<Draft> {
  const t = T[ctx.lang];
  const { row, missing } = productOf(ctx);
  if (!row) return noProduct(ctx, 'add_to_cart', missing);
  const quantity = quantityOf(ctx, row);
  const summary = t.addWhat(quantityText(quantity, row.unit, ctx.lang), nameOf(row, ctx.lang), row.sku);
  return propose(ctx, 'add_to_cart', { sku: row.sku, quantity }, t.confirmAdd, summary, 'add_to_cart');
}

async function standingOrder(ctx: Context, intent: 'standing_order_next' | 'standing_order_skip' | 'standing_order_pause'): Promise<Draft> {
  const t = T[ctx.lang];
  const orders = await activeStandingOrders(ctx.deps, ctx.caller, ctx.now);
  if (!orders.length) return { intent, text: t.noStanding, chips: [CHIPS[ctx.lang].orders, CHIPS[ctx.lang].help] };
  const first = orders[0]!;
  const name = standingName(first, ctx.lang);
  if (intent === 'standing_order_next') {
    const text = orders.map((so) => t.standingNext(standingName(so, ctx.lang), so.nextRun ? dayText(so.nextRun.day, ctx.lang) : null)).join(' ');
    return { intent, text, cards: orders.slice(0, 5).map((so) => standingCard(so, ctx.lang)), chips: [CHIPS[ctx.lang].skip, CHIPS[ctx.lang].human] };
  }
  if (intent === 'standing_order_skip') {
    if (!first.nextRun) return { intent, text: t.standingNext(name, null), cards: [standingCard(first, ctx.lang)] };
    const summary = t.skipWhat(name, dayText(first.nextRun.day, ctx.lang));
    return propose(ctx, 'standing_order_skip', { standingOrderId: first.id, occurrence: first.nextRun.key }, t.confirmSkip, summary, intent, [standingCard(first, ctx.lang)]);
  }
  return propose(ctx, 'standing_order_pause', { standingOrderId: first.id }, t.confirmPause, t.pauseWhat(name), intent, [standingCard(first, ctx.lang)]);
}

async function requestOffer(ctx: Context): Promise<Draft> {
  const t = T[ctx.lang];
  const { row } = productOf(ctx);
  const message = ctx.text.slice(0, 2000);
  if (row) {
    const quantity = quantityOf(ctx, row);
    return propose(ctx, 'request_offer', { lines: [{ sku: row.sku, quantity }], message }, t.confirmOffer, t.offerWhat(`${quantityText(quantity, row.unit, ctx.lang)} ${nameOf(row, ctx.lang)} (${row.sku})`), 'request_offer');
  }
  const carts = await listOpenCarts(ctx.deps.db, cartScopeOf(ctx.caller));
  const active = carts.find((c) => Number(c.active) === 1);
  const lines = active ? await ctx.deps.db.selectFrom('cart_lines').select((eb) => eb.fn.countAll<number>().as('n')).where('cart_id', '=', active.id).executeTakeFirst() : undefined;
  const n = Number(lines?.n ?? 0);
  if (active && n) return propose(ctx, 'request_offer', { cartId: active.id, message }, t.confirmOffer, t.offerWhatCart(n), 'request_offer');
  return { intent: 'request_offer', text: t.offerWhich, chips: [CHIPS[ctx.lang].human] };
}

async function handoff(ctx: Context, history: AssistantTurn[]): Promise<Draft> {
  const t = T[ctx.lang];
  const requestId = newId('hnd');
  const at = ctx.now.toISOString();
  const transcript = [...history, { role: 'user' as const, text: ctx.text, at }].slice(-50).map((h) => ({ role: h.role, text: h.text, at: h.at }));
  const requester = ctx.caller.kind === 'user' ? { name: ctx.caller.user.name, email: ctx.caller.user.email } : { name: ctx.caller.partner.name, email: null };
  await ctx.deps.db.transaction().execute(async (trx) => {
    const eventId = await enqueueHandoffMail(trx, ctx.deps, { requestId, company: { id: ctx.caller.company.id, name: ctx.caller.company.name, customerNumber: ctx.caller.company.customerNumber }, requester, transcript }, ctx.now);
    await insertHandoff(trx, { id: requestId, company_id: ctx.scope.companyId, user_key: ctx.scope.userKey, conversation_id: ctx.conversationId, transcript: JSON.stringify(transcript), event_id: eventId, created_at: at });
  });
  return { intent: 'handoff', text: t.handoff, cards: [{ kind: 'handoff', requestId, text: t.handoffCard(ctx.caller.company.name) }] };
}

function fallback(ctx: Context, intent: 'greeting' | 'help' | 'unknown'): Draft {
  const c = CHIPS[ctx.lang];
  return { intent, text: T[ctx.lang][intent], chips: [c.lastOrder, c.availability, c.reorder, c.skip, c.human] };
}

// ── the routes' services ────────────────────────────────────────────────────────────────────

/**
 * Answers a message: the built-in router reads it (the caller's own products for names), the
 * skill of its intent answers with the caller's scope, and both turns are stored in the caller's
 * conversation (a new one without `conversationId`; another user's is a 404).
 */
export async function handleMessage(
  deps: Deps,
  caller: BuyerCaller,
  body: { text: string; conversationId?: string | undefined; lang?: Lang | undefined },
  requestLang: Lang,
  options: AssistantOptions,
): Promise<AssistantReply> {
  const now = deps.now();
  const at = now.toISOString();
  const scope = scopeOf(caller);
  let conversationId = body.conversationId;
  let history: AssistantTurn[] = [];
  if (conversationId) {
    if (!(await findConversation(deps.db, scope, conversationId))) throw httpError('not_found', body.lang ?? requestLang);
    history = await conversationTurns(deps.db, scope, conversationId, 50);
  } else {
    conversationId = newId('cnv');
    await insertConversation(deps.db, scope, conversationId, at);
  }
  const products = await visibleProducts(deps, caller);
  const routed = routeMessage(body.text, { now, products: products.router, lang: requestLang });
  const lang = body.lang ?? routed.lang;
  const ctx: Context = { deps, caller, scope, conversationId, now, lang, text: body.text, routed, products, options };
  let draft: Draft | undefined;
  if (options.model) {
    try {
      draft = await modelAnswer(ctx, history, options.model);
    } catch (error) {
      // Unreachable, slow or confused: the built-in router answers.
      options.log?.(error);
    }
  }
  draft ??= await answer(ctx, history);
  const reply: AssistantReply = { conversationId, intent: draft.intent, text: draft.text, chips: draft.chips ?? [], cards: draft.cards ?? [], lang };
  await appendTurns(deps.db, scope, conversationId, [{ role: 'user', text: body.text, at }, { role: 'assistant', text: reply.text, at, reply }], at);
  return reply;
}

/** The skill of the routed intent. */
async function answer(ctx: Context, history: AssistantTurn[]): Promise<Draft> {
  const { routed } = ctx;
  let draft: Draft;
  switch (routed.intent) {
    case 'order_status': draft = await orderStatus(ctx); break;
    case 'last_orders': draft = await lastOrders(ctx); break;
    case 'availability': draft = await availability(ctx); break;
    case 'find_product': draft = await findProduct(ctx); break;
    case 'reorder': draft = await reorder(ctx); break;
    case 'add_to_cart': draft = await addToCart(ctx); break;
    case 'standing_order_next':
    case 'standing_order_skip':
    case 'standing_order_pause': draft = await standingOrder(ctx, routed.intent); break;
    case 'request_offer': draft = await requestOffer(ctx); break;
    case 'handoff': draft = await handoff(ctx, history); break;
    default: draft = fallback(ctx, routed.intent);
  }
  return draft;
}

/** A conversation of the caller to continue (another user's: `undefined`), or a new one. */
export async function openConversation(deps: Deps, caller: BuyerCaller, conversationId: string | undefined): Promise<string | undefined> {
  const scope = scopeOf(caller);
  if (conversationId) return (await findConversation(deps.db, scope, conversationId)) ? conversationId : undefined;
  const id = newId('cnv');
  await insertConversation(deps.db, scope, id, deps.now().toISOString());
  return id;
}

/**
 * Runs one of core's `assistantTools` (the MCP endpoint) as the chat's skill of its intent, with
 * the tool's arguments as the entities: the same scope, the same proposals (nothing changes
 * without the buyer's confirmation in the shop). Both turns go into `conversationId`, so the
 * shop's chat shows the proposal with its confirm button.
 */
export async function handleTool<N extends AssistantToolName>(deps: Deps, caller: BuyerCaller, name: N, args: AssistantToolInput<N>, conversationId: string, lang: Lang, options: AssistantOptions): Promise<AssistantReply> {
  const now = deps.now();
  const at = now.toISOString();
  const scope = scopeOf(caller);
  const products = await visibleProducts(deps, caller);
  const base: Context = { deps, caller, scope, conversationId, now, lang, text: '', routed: { intent: 'unknown', lang, entities: {} }, products, options };
  const draft = await answer(toolContext(base, name, args), []);
  const reply: AssistantReply = { conversationId, intent: draft.intent, text: draft.text, chips: draft.chips ?? [], cards: draft.cards ?? [], lang };
  await appendTurns(deps.db, scope, conversationId, [{ role: 'user', text: `MCP ${name} ${JSON.stringify(args)}`.slice(0, 2000), at }, { role: 'assistant', text: reply.text, at, reply }], at);
  return reply;
}

/** A tool's arguments as the entities of its intent, in the context of a message. */
function toolContext(base: Context, name: AssistantToolName, args: unknown): Context {
  const { products, lang } = base;
  const a = args as { query?: string; sku?: string; product?: string; quantity?: number; date?: string; orderNumber?: string; message?: string };
  const entities: RoutedMessage['entities'] = {};
  const words = a.product ?? a.query;
  if (a.orderNumber) entities.orderNumber = a.orderNumber;
  if (a.quantity) entities.quantity = a.quantity;
  if (a.date) entities.day = a.date;
  if (words) entities.productQuery = words;
  if (a.sku) entities.sku = a.sku;
  else if (words) {
    const best = matchProducts(words, products.router, undefined)[0];
    if (best) entities.sku = best.product.sku;
  }
  const routed: RoutedMessage = { intent: assistantTools[name].intent, lang, entities };
  // The message an offer request carries: the tool's, never the call itself.
  return { ...base, routed, text: a.message ?? '' };
}

/**
 * The model's answer: it may call core's tools (the chat's skills with its arguments as
 * entities, so the same scope and the same proposals) for a few rounds, each result handed back
 * as delimited data; its last text is the reply's, the tools' cards are the reply's cards.
 * @throws when the model fails, answers nothing or keeps calling tools.
 */
async function modelAnswer(ctx: Context, history: AssistantTurn[], model: ModelOptions): Promise<Draft> {
  const messages: ChatMessage[] = [
    { role: 'system', content: systemPrompt(ctx.lang, ctx.caller.company.name) },
    ...history.slice(-12).map((h) => ({ role: h.role, content: h.text })),
    { role: 'user', content: ctx.text },
  ];
  const cards: AssistantCard[] = [];
  let intent: AssistantIntent | undefined;
  for (let round = 0; round < (model.maxRounds ?? 3); round++) {
    const out = await complete(model, messages);
    if (!out.toolCalls.length) {
      const text = (out.content ?? '').trim();
      if (!text) throw new Error('the model answered no text');
      return { intent: intent ?? ctx.routed.intent, text: text.slice(0, 4000), cards };
    }
    messages.push({ role: 'assistant', content: out.content, tool_calls: out.toolCalls });
    for (const call of out.toolCalls.slice(0, 4)) {
      const parsed = parseToolCall(call);
      let content: string;
      if ('error' in parsed) content = asData({ error: parsed.error });
      else {
        try {
          const draft = await answer(toolContext({ ...ctx, text: '' }, parsed.name, parsed.args), []);
          cards.push(...(draft.cards ?? []));
          intent = draft.intent;
          content = asData({ text: draft.text, cards: draft.cards ?? [] });
        } catch (error) {
          if (!isKontorError(error) || error.status >= 500) throw error;
          content = asData({ error: error.message });
        }
      }
      messages.push({ role: 'tool', tool_call_id: call.id, content });
    }
  }
  throw new Error('the model kept calling tools');
}

const refusal = (row: ActionRow, at: string, lang: Lang) => httpError(row.used_at ? 'action_used' : row.expires_at <= at ? 'action_expired' : 'action_used', lang);

/**
 * Carries out a proposed action once: 404 for another user's (or company's) action, 409
 * `action_used` when confirmed before, 409 `action_expired` past its expiry. The action is
 * claimed in the transaction of its effect, so two confirmations at once do it once.
 */
export async function confirmAction(deps: Deps, caller: BuyerCaller, actionId: string, requestLang: Lang): Promise<AssistantReply> {
  const now = deps.now();
  const at = now.toISOString();
  const scope = scopeOf(caller);
  const row = await findAction(deps.db, scope, actionId);
  if (!row) throw httpError('not_found', requestLang);
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  // The confirmation answers in the language of the conversation that proposed it.
  const lang: Lang = payload.lang === 'de' || payload.lang === 'en' ? payload.lang : requestLang;
  if (row.used_at || row.expires_at <= at) throw refusal(row, at, lang);
  const t = T[lang];
  let claimed = false;
  const claim = async (trx: Tx) => {
    if (!(await claimAction(trx, row, at))) throw refusal((await findAction(trx, scope, actionId)) ?? row, at, lang);
    claimed = true;
  };
  let draft: Draft;

  if (row.kind === 'reorder' || row.kind === 'add_to_cart') {
    let body: Parameters<typeof reorderFor>[2];
    if (row.kind === 'reorder') body = { source: { kind: 'order', orderId: String(payload.orderId) }, target: { kind: 'order' } };
    else {
      const carts = await listOpenCarts(deps.db, cartScopeOf(caller));
      let active: { id: string; version: number } | undefined = carts.find((c) => Number(c.active) === 1);
      // No current cart: the buyer gets one, as the shop makes one on the first add.
      active ??= await deps.db.transaction().execute((trx) => newCartWith(trx, caller, [], { name: lang === 'de' ? 'Warenkorb' : 'Cart', active: true, now, lang, from: null }));
      const lines = [{ sku: String(payload.sku), quantity: Number(payload.quantity) }];
      body = { source: { kind: 'lines', lines }, target: { kind: 'cart', cartId: active.id, version: Number(active.version) } };
    }
    const result = await reorderFor(deps, caller, body, now, lang, async (trx) => claim(trx));
    if (row.kind === 'reorder') {
      if (result.order) {
        const order = await companyOrder(deps.db, caller.company.id, result.order.id, lang);
        const later = result.lines.filter((l) => l.outcome === 'later' || l.outcome === 'refused').length;
        draft = { intent: 'reorder', text: t.reordered(order.number, moneyText(order.totals.gross, lang), order.promisedDelivery ? dayText(order.promisedDelivery, lang) : null, later), cards: [orderCard(order)] };
      } else draft = { intent: 'reorder', text: t.reorderNothing, chips: [CHIPS[lang].human] };
    } else {
      const line = result.lines[0];
      if (result.cart && line && line.quantity > 0) {
        const product = (await visibleProducts(deps, caller)).rows.get(line.replacedBy ?? line.sku);
        const name = product ? nameOf(product, lang) : line.sku;
        let text = t.added(quantityText(line.quantity, product?.unit ?? 'piece', lang), name, result.cart.lineCount);
        if (line.outcome === 'later' && line.availableOn) text += t.addedLater(dayText(line.availableOn, lang));
        draft = { intent: 'add_to_cart', text };
      } else draft = { intent: 'add_to_cart', text: line?.reason?.message ?? t.notAdded };
    }
    // Nothing could go in, so nothing was written: the action is used up all the same.
    if (!claimed) await deps.db.transaction().execute(claim);
    await storeActionResult(deps.db, row, result);
  } else if (row.kind === 'standing_order_skip' || row.kind === 'standing_order_pause') {
    const id = String(payload.standingOrderId);
    const done = await deps.db.transaction().execute(async (trx) => {
      await claim(trx);
      // The version as it is now: the buyer confirmed the run (or the pause), not a version number.
      const current = await findStandingOrder(trx, caller.company.id, id);
      if (!current) throw httpError('not_found', lang);
      const version = Number(current.version);
      const action = row.kind === 'standing_order_skip' ? { action: 'skip' as const, version, occurrence: String(payload.occurrence) } : { action: 'pause' as const, version };
      return actOnStandingOrder(trx, deps, caller, id, action, now, lang);
    });
    const so = done.standingOrder;
    const name = standingName(so, lang);
    draft = row.kind === 'standing_order_skip'
      ? { intent: 'standing_order_skip', text: t.skipped(name, dayText(String(payload.occurrence), lang), so.nextRun ? dayText(so.nextRun.day, lang) : null), cards: [standingCard(so, lang)] }
      : { intent: 'standing_order_pause', text: t.paused(name), cards: [standingCard(so, lang)] };
    await storeActionResult(deps.db, row, { standingOrderId: so.id, version: so.version });
  } else {
    const request = await deps.db.transaction().execute(async (trx) => {
      await claim(trx);
      const message = typeof payload.message === 'string' ? payload.message : undefined;
      const body = payload.cartId ? { from: { kind: 'cart' as const, cartId: String(payload.cartId) }, ...(message ? { message } : {}) } : { lines: payload.lines as { sku: string; quantity: number }[], ...(message ? { message } : {}) };
      return createRequestIn(trx, caller, body, now, lang);
    });
    draft = { intent: 'request_offer', text: t.offerRequested };
    await storeActionResult(deps.db, row, { requestId: request.id });
  }

  const reply: AssistantReply = { conversationId: row.conversation_id, intent: draft.intent, text: draft.text, chips: draft.chips ?? [], cards: draft.cards ?? [], lang };
  await appendTurns(deps.db, scope, row.conversation_id, [{ role: 'assistant', text: reply.text, at, reply }], at);
  return reply;
}

/** The caller's own conversation; another user's is a 404. */
export async function conversationOf(deps: Deps, caller: BuyerCaller, conversationId: string, lang: Lang): Promise<AssistantConversation> {
  const scope = scopeOf(caller);
  if (!(await findConversation(deps.db, scope, conversationId))) throw httpError('not_found', lang);
  return { conversationId, messages: await conversationTurns(deps.db, scope, conversationId) };
}
