import { reorderRoutes as routes, type Lang } from '@kontor/core';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import { findReorderSettings, writeReorderSettings } from '../db/reorder.queries.js';
import { keyScopeOf } from '../orders/order.service.js';
import { reorderCandidates } from '../reorder/history.js';
import { reorderLinkState, useReorderLinkToken } from '../reorder/link.service.js';
import { reorderLinkPage } from '../reorder/pages.js';
import { reorderFor } from '../reorder/service.js';
import { httpError } from './errors.js';
import { idempotent, readIdempotencyKey } from './idempotency.js';
import { addRoute, type AppDeps } from './route.js';
import { pageHeaders } from './standing-order.routes.js';

const settingsOf = (row: { reminders: number; version: number } | undefined) => ({ reminders: Number(row?.reminders ?? 0) === 1, version: Number(row?.version ?? 0) });

/**
 * `/v1/reorder…` (buyers: a company user or a partner's customer token; everything read is the
 * caller's company's, another company's order or cart is a 404) and the reminder links' pages.
 */
export function reorderRoutes(app: FastifyInstance, deps: AppDeps): void {
  addRoute(app, deps, routes.reorderCandidates, async ({ query, caller, lang, deps: { db, now } }) =>
    reorderCandidates(db, caller, { orders: query.orders, products: query.products, now: now(), lang }));

  addRoute(app, deps, routes.reorder, async ({ body, caller, lang, req, reply, deps: { db, now } }) => {
    const at = now();
    return idempotent(db, readIdempotencyKey(req, keyScopeOf(caller), lang), { now: at, lang, reply, status: 200 }, (record) => reorderFor(deps, caller, body, at, lang, record));
  });

  addRoute(app, deps, routes.reorderSettings, async ({ caller, deps: { db } }) => settingsOf(await findReorderSettings(db, caller.company.id)));

  addRoute(app, deps, routes.updateReorderSettings, async ({ body, caller, lang, deps: { db, now } }) => {
    if (caller.kind !== 'user' || caller.user.role !== 'admin') throw httpError('forbidden', lang);
    const written = await writeReorderSettings(db, caller.company.id, body.version, body.reminders, now().toISOString());
    const current = settingsOf(await findReorderSettings(db, caller.company.id));
    if (!written) throw httpError('conflict', lang, { status: 409, details: { settings: current } });
    return current;
  });

  // The link pages answer HTML forms: their POST has an empty urlencoded body, which only these routes take.
  void app.register(async (pages) => {
    pages.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, _body, done) => done(null, {}));
    const langOf = (asked: Lang | undefined, lang: Lang): Lang => asked ?? lang;
    addRoute(pages, deps, routes.reorderLinkPage, async ({ params, query, lang, reply, deps: { db, now, jwtSecret } }) => {
      pageHeaders(reply);
      return reorderLinkPage(await reorderLinkState(db as Db, jwtSecret, params.token, now()), langOf(query.lang, lang));
    });
    addRoute(pages, deps, routes.useReorderLink, async ({ params, query, lang, reply, deps: { db, now, jwtSecret } }) => {
      pageHeaders(reply);
      const l = langOf(query.lang, lang);
      return reorderLinkPage(await useReorderLinkToken(db as Db, jwtSecret, params.token, now(), l), l);
    });
  });
}
