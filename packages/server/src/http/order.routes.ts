import { ValidationError, errorMessage, isValidIbanStrict, issueMessage, routes, type Lang, type Order, type OrderListQuery, type OrderPage } from '@kontor/core';
import type { Db } from '../db/database.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { companyAddresses, findOrder, listOrders, orderEvents, orderLines } from '../db/order.queries.js';
import { updateOrderStatuses } from '../orders/order-status.service.js';
import { checkoutOptions, keyScopeOf, placeOrder } from '../orders/order.service.js';
import { orderOf, savedAddressOf, summaryOf } from '../orders/order.view.js';
import { httpError } from './errors.js';
import { idempotent, readIdempotencyKey, type IdempotencyKey } from './idempotency.js';
import { addRoute, type AppDeps } from './route.js';

/** Idempotency keys of the ERP belong to the seller, as for stock updates. */
const ERP_KEY_SCOPE = 'erp';
const DEFAULT_PAGE = 20;

/** The request's Idempotency-Key; placing an order without one is a 400 naming the header. */
function requiredKey(req: FastifyRequest, scope: string, lang: Lang): IdempotencyKey {
  const key = readIdempotencyKey(req, scope, lang);
  if (key) return key;
  const message = issueMessage('required', {}, lang);
  throw new ValidationError(`${errorMessage('validation', lang)} Idempotency-Key: ${message}`, [{ path: ['headers', 'idempotency-key'], code: 'required', message }], { status: 400 });
}

/** Cursor of the history: the last row's (placed_at, id), base64url JSON. */
const encodeCursor = (placedAt: string, id: string) => Buffer.from(JSON.stringify([placedAt, id])).toString('base64url');
function decodeCursor(cursor: string, lang: Lang): { placedAt: string; id: string } {
  try {
    const [placedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof placedAt === 'string' && typeof id === 'string') return { placedAt, id };
  } catch {
    // falls through to the 400
  }
  const message = issueMessage('invalid', {}, lang);
  throw new ValidationError(`${errorMessage('validation', lang)} cursor: ${message}`, [{ path: ['cursor'], code: 'invalid', message }], { status: 400 });
}

/** The instant after the end of a day (UTC). */
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();

export function orderRoutes(app: FastifyInstance, deps: AppDeps): void {
  addRoute(app, deps, routes.listAddresses, async ({ caller, deps: { db } }) => ({ items: (await companyAddresses(db, caller.company.id)).map(savedAddressOf) }));

  addRoute(app, deps, routes.checkoutOptions, async ({ query, caller, lang, deps: { db, now } }) => checkoutOptions(db, caller, query, now(), lang));

  addRoute(app, deps, routes.placeOrder, async ({ body, caller, lang, req, reply, deps: { db, now } }) => {
    const key = requiredKey(req, keyScopeOf(caller), lang);
    // The shared schema checks an IBAN's structure and check digits; here also each country's length and format.
    if (body.payment.method === 'sepa_debit' && !isValidIbanStrict(body.payment.iban)) {
      const message = issueMessage('iban', {}, lang);
      throw new ValidationError(`${errorMessage('validation', lang)} payment.iban: ${message}`, [{ path: ['payment', 'iban'], code: 'iban', message }], { status: 400 });
    }
    const at = now();
    return idempotent(db, key, { now: at, lang, reply, status: 201 }, async (record) =>
      db.transaction().execute(async (trx) => {
        const order = await placeOrder(trx, deps, caller, body, at, lang);
        await record(trx, order);
        return order;
      }),
    );
  });

  addRoute(app, deps, routes.listOrders, async ({ query, caller, lang, deps: { db } }) => companyOrderPage(db, caller.company.id, query, lang));

  addRoute(app, deps, routes.getOrder, async ({ params, caller, lang, deps: { db } }) => companyOrder(db, caller.company.id, params.orderId, lang));

  addRoute(app, deps, routes.updateOrderStatuses, async ({ body, lang, req, reply, deps: { db, now } }) => {
    const at = now();
    return idempotent(db, readIdempotencyKey(req, ERP_KEY_SCOPE, lang), { now: at, lang, reply, status: 200 }, async (record) =>
      db.transaction().execute(async (trx) => {
        const result = await updateOrderStatuses(trx, deps, body.updates, at, lang);
        await record(trx, result);
        return result;
      }),
    );
  });
}

/** A page of a company's order history (the buyer's own, or a partner's look at its customer's). */
export async function companyOrderPage(db: Db, companyId: string, query: OrderListQuery, lang: Lang): Promise<OrderPage> {
  const limit = query.limit ?? DEFAULT_PAGE;
  const rows = await listOrders(db, companyId, {
    status: query.status,
    fromInstant: query.from ? `${query.from}T00:00:00.000Z` : undefined,
    beforeInstant: query.to ? dayAfter(query.to) : undefined,
    po: query.po?.trim() || undefined,
    q: query.q?.trim() || undefined,
    after: query.cursor ? decodeCursor(query.cursor, lang) : undefined,
    limit: limit + 1,
  });
  const items = rows.slice(0, limit).map(summaryOf);
  const last = rows.length > limit ? rows[limit - 1]! : null;
  return { items, nextCursor: last ? encodeCursor(last.placed_at, last.id) : null };
}

/** One order of a company with lines and timeline; 404 for an order of any other company. */
export async function companyOrder(db: Db, companyId: string, orderId: string, lang: Lang): Promise<Order> {
  const row = await findOrder(db, companyId, orderId);
  if (!row) throw httpError('not_found', lang);
  const [lines, events] = await Promise.all([orderLines(db, row.company_id, row.id), orderEvents(db, row.company_id, row.id)]);
  return orderOf(row, lines, events);
}
