import { ValidationError, errorMessage, issueMessage, parseStandingOrderRequest, standingOrderRoutes as routes, type Lang } from '@kontor/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../db/database.js';
import { findFeedBySecretHash, lastRuns, listRuns, listStandingOrders } from '../db/standing-order.queries.js';
import { hashToken } from '../auth/tokens.js';
import { keyScopeOf } from '../orders/order.service.js';
import { loadWarehouses } from '../standing-orders/context.js';
import { erpDueRuns } from '../standing-orders/erp.js';
import { companyFeed, feedIcs } from '../standing-orders/feed.js';
import { linkPageState, useLinkToken } from '../standing-orders/link.service.js';
import { linkPage } from '../standing-orders/pages.js';
import {
  actOnStandingOrder,
  createStandingOrderIn,
  getStandingOrder,
  previewSchedule,
  runOf,
  updateStandingOrderIn,
  upcomingRuns,
  viewsOf,
} from '../standing-orders/service.js';
import { httpError } from './errors.js';
import { idempotent, readIdempotencyKey } from './idempotency.js';
import { addRoute, type AddRouteOptions, type AppDeps } from './route.js';

const DEFAULT_PAGE = 20;

/** Standing-order bodies are parsed by core's standing-order parser: their issues (RRULE parts, PO patterns, …) have their own de/en messages. */
const standingOrderBody: AddRouteOptions = {
  parseBody: (schema, value, what, lang) => parseStandingOrderRequest(schema, value, what, { lang, status: 400 }),
};

/** Cursors: the last row's sort key, base64url JSON. */
const encodeCursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
function decodeCursor<T>(cursor: string, ok: (v: unknown) => v is T, lang: Lang): T {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (ok(value)) return value;
  } catch {
    // falls through to the 400
  }
  const message = issueMessage('invalid', {}, lang);
  throw new ValidationError(`${errorMessage('validation', lang)} cursor: ${message}`, [{ path: ['cursor'], code: 'invalid', message }], { status: 400 });
}
const isPair = (v: unknown): v is [string, string] => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string');
const isString = (v: unknown): v is string => typeof v === 'string';

/** The link pages: never cached, no referrer (the URL is the secret), nothing loaded, forms only to themselves, never framed (also the reorder links'). */
export const pageHeaders = (reply: FastifyReply) =>
  void reply
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
    .header('x-frame-options', 'DENY');

export interface StandingOrderRouteOptions {
  /** Where the server is reached from outside: the calendar feed's URL. */
  publicUrl: string;
  /** Wakes the scheduler after a change (its next due instant may be sooner). */
  wake: () => void;
}

/**
 * `/v1/standing-orders…` (buyers: a company user or a partner's customer token; every query scoped
 * to the caller's company, another company's id is a 404), the one-click link pages and the
 * calendar feed (by their secrets), and the ERP's due runs.
 */
export function standingOrderRoutes(app: FastifyInstance, deps: AppDeps, options: StandingOrderRouteOptions): void {
  const r = routes;

  addRoute(app, deps, r.listStandingOrders, async ({ query, caller, lang, deps: { db, now } }) => {
    const limit = query.limit ?? DEFAULT_PAGE;
    const after = query.cursor ? decodeCursor(query.cursor, isPair, lang) : undefined;
    const rows = await listStandingOrders(db, caller.company.id, { status: query.status, after: after && { createdAt: after[0], id: after[1] }, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = rows.length > limit ? page.at(-1)! : null;
    const [views, runs] = await Promise.all([viewsOf(db, page, now()), lastRuns(db, caller.company.id, page.map((p) => p.id))]);
    const items = views.map((v) => {
      const run = runs.get(v.id);
      return { ...v, lastRun: run ? runOf(run, lang) : null };
    });
    return { items, nextCursor: last ? encodeCursor([last.created_at, last.id]) : null };
  });

  addRoute(app, deps, r.createStandingOrder, async ({ body, caller, lang, req, reply, deps: { db, now } }) => {
    const at = now();
    const view = await idempotent(db, readIdempotencyKey(req, keyScopeOf(caller), lang), { now: at, lang, reply, status: 201 }, async (record) =>
      db.transaction().execute(async (trx) => {
        const created = await createStandingOrderIn(trx, deps, caller, body, at, lang);
        await record(trx, created);
        return created;
      }),
    );
    options.wake();
    return view;
  }, standingOrderBody);

  addRoute(app, deps, r.previewSchedule, async ({ body, caller, lang, deps: { db, now } }) => previewSchedule(db, caller, body, now(), lang), standingOrderBody);

  addRoute(app, deps, r.getStandingOrder, async ({ params, caller, lang, deps: { db, now } }) => getStandingOrder(db, caller, params.standingOrderId, now(), lang));

  addRoute(app, deps, r.updateStandingOrder, async ({ params, body, caller, lang, deps: { db, now } }) => {
    const at = now();
    const view = await db.transaction().execute((trx) => updateStandingOrderIn(trx, caller, params.standingOrderId, body, at, lang));
    options.wake();
    return view;
  }, standingOrderBody);

  addRoute(app, deps, r.standingOrderAction, async ({ params, body, caller, lang, req, reply, deps: { db, now } }) => {
    const at = now();
    const result = await idempotent(db, readIdempotencyKey(req, keyScopeOf(caller), lang), { now: at, lang, reply, status: 200 }, async (record) =>
      db.transaction().execute(async (trx) => {
        const done = await actOnStandingOrder(trx, deps, caller, params.standingOrderId, body, at, lang);
        await record(trx, done);
        return done;
      }),
    );
    options.wake();
    return result;
  }, standingOrderBody);

  addRoute(app, deps, r.upcomingRuns, async ({ params, query, caller, lang, deps: { db, now } }) => ({
    items: await upcomingRuns(db, caller, params.standingOrderId, query.limit ?? 12, now(), lang),
  }));

  addRoute(app, deps, r.standingOrderRuns, async ({ params, query, caller, lang, deps: { db, now } }) => {
    // 404 for another company's standing order, as for every id.
    await getStandingOrder(db, caller, params.standingOrderId, now(), lang);
    const limit = query.limit ?? DEFAULT_PAGE;
    const before = query.cursor ? decodeCursor(query.cursor, isString, lang) : undefined;
    const rows = await listRuns(db, caller.company.id, params.standingOrderId, { before, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = rows.length > limit ? page.at(-1)! : null;
    return { items: page.map((row) => runOf(row, lang)), nextCursor: last ? encodeCursor(last.occurrence) : null };
  });

  addRoute(app, deps, r.standingOrderFeed, async ({ caller, deps: { db, now, jwtSecret } }) =>
    companyFeed(db, caller.company.id, { serverSecret: jwtSecret, publicUrl: options.publicUrl, now: now() }));

  addRoute(app, deps, r.rotateStandingOrderFeed, async ({ caller, lang, deps: { db, now, jwtSecret } }) => {
    if (caller.kind !== 'user' || caller.user.role !== 'admin') throw httpError('forbidden', lang);
    return companyFeed(db, caller.company.id, { serverSecret: jwtSecret, publicUrl: options.publicUrl, now: now(), rotate: true });
  });

  addRoute(app, deps, r.standingOrderFeedIcs, async ({ params, query, lang, deps: { db, now } }) => {
    const feed = await findFeedBySecretHash(db, hashToken(params.secret));
    if (!feed) throw httpError('not_found', lang);
    const at = now();
    return feedIcs(db, feed.company_id, { now: at, warehouses: await loadWarehouses(db), lang: query.lang ?? 'de' });
  });

  addRoute(app, deps, r.erpDueRuns, async ({ query, lang, deps: { db, now } }) => {
    const after = query.cursor ? decodeCursor(query.cursor, isPair, lang) : undefined;
    const { page, last } = await erpDueRuns(db, { until: query.until, cursor: after && { nextAt: after[0], id: after[1] }, limit: query.limit ?? 100 }, now());
    return { ...page, nextCursor: last ? encodeCursor([last.nextAt, last.id]) : null };
  });

  // The link pages answer HTML forms: their POST has an empty urlencoded body, which only these routes take.
  void app.register(async (pages) => {
    pages.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, _body, done) => done(null, {}));
    const langOf = (asked: Lang | undefined, lang: Lang): Lang => asked ?? lang;
    addRoute(pages, deps, r.standingOrderLinkPage, async ({ params, query, lang, reply, deps: { db, now, jwtSecret } }) => {
      pageHeaders(reply);
      return linkPage(await linkPageState(db as Db, jwtSecret, params.token, now()), langOf(query.lang, lang));
    });
    addRoute(pages, deps, r.useStandingOrderLink, async ({ params, query, lang, reply, deps: { db, now, jwtSecret } }) => {
      pageHeaders(reply);
      const state = await useLinkToken(db as Db, jwtSecret, params.token, now(), langOf(query.lang, lang));
      if (state.kind === 'done') options.wake();
      return linkPage(state, langOf(query.lang, lang));
    });
  });
}
