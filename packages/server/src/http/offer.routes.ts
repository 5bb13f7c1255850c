import { KontorError, ValidationError, errorMessage, issueMessage, offerIssueMessage, offerRoutes, parseOrThrow, sellerOfferRoutes, type Lang } from '@kontor/core';
import type { FastifyInstance } from 'fastify';
import { verifyPassword } from '../auth/password.js';
import { newSellerSessionToken } from '../auth/seller.js';
import { SESSION_TTL_MS, hashToken } from '../auth/tokens.js';
import { keyScopeOf } from '../orders/order.service.js';
import { documentHeaders, offerDocument, type Letterhead } from '../offers/document.js';
import { findOffer, findRequest, listOffers, listRequests } from '../offers/offer.queries.js';
import {
  acceptIn,
  approveIn,
  buyerOffer,
  buyerViews,
  compareIn,
  createOfferIn,
  createRequestIn,
  rejectIn,
  requestChangesIn,
  requestViews,
  sellerViews,
  sendIn,
  updateDraftIn,
  versionFor,
  withdrawIn,
} from '../offers/service.js';
import type { OutboxDeps } from '../outbox/outbox.js';
import { httpError } from './errors.js';
import { idempotent, readIdempotencyKey } from './idempotency.js';
import { addRoute, type AddRouteOptions, type AppDeps } from './route.js';

const DEFAULT_PAGE = 20;

/** Offer bodies: their issues (`discount_range`, `price_negative`, …) are worded from the offer messages. */
const offerBody: AddRouteOptions = {
  parseBody: (schema, value, what, lang) => {
    try {
      return parseOrThrow(schema, value, what, { lang, status: 400 });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const issues = error.issues.map((i) => ({ ...i, message: offerIssueMessage(i.code, i.params ?? {}, lang) }));
      const first = issues[0];
      throw new ValidationError(`${errorMessage('validation', lang)}${first?.path.length ? ` ${first.path.join('.')}: ` : ' '}${first?.message ?? ''}`.trim(), issues, { status: 400, cause: error.cause });
    }
  },
};

const encodeCursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
function decodeCursor(cursor: string | undefined, lang: Lang): { createdAt: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string')) return { createdAt: v[0] as string, id: v[1] as string };
  } catch {
    // falls through to the 400
  }
  const message = issueMessage('invalid', {}, lang);
  throw new ValidationError(`${errorMessage('validation', lang)} cursor: ${message}`, [{ path: ['cursor'], code: 'invalid', message }], { status: 400 });
}
const paged = <R extends { created_at: string; id: string }>(rows: R[], limit: number) => {
  const page = rows.slice(0, limit);
  const last = rows.length > limit ? page.at(-1)! : null;
  return { page, nextCursor: last ? encodeCursor([last.created_at, last.id]) : null };
};

export interface OfferRouteOptions {
  letterhead: () => Promise<Letterhead>;
  /** Wakes the standing-order scheduler after an offer became a standing order. */
  wakeStandingOrders: () => void;
  loginRateLimit: { max: number; timeWindowMs: number };
}

/**
 * `/v1/offer-requests…` and `/v1/offers…` (buyers, scoped to the caller's company: another
 * company's id is a 404; drafts are never shown) and `/v1/seller/…` (the seller's reps).
 */
export function offerRoutesOf(app: FastifyInstance, deps: AppDeps & OutboxDeps, options: OfferRouteOptions): void {
  const r = offerRoutes;
  const s = sellerOfferRoutes;

  // ── buyers ──
  addRoute(app, deps, r.createOfferRequest, async ({ body, caller, lang, req, reply, deps: { db, now } }) => {
    const at = now();
    return idempotent(db, readIdempotencyKey(req, keyScopeOf(caller), lang), { now: at, lang, reply, status: 201 }, (record) =>
      db.transaction().execute(async (trx) => {
        const created = await createRequestIn(trx, caller, body, at, lang);
        await record(trx, created);
        return created;
      }),
    );
  }, offerBody);

  addRoute(app, deps, r.listOfferRequests, async ({ query, caller, lang, deps: { db } }) => {
    const limit = query.limit ?? DEFAULT_PAGE;
    const rows = await listRequests(db, { companyId: caller.company.id, status: query.status, after: decodeCursor(query.cursor, lang), limit: limit + 1 });
    const { page, nextCursor } = paged(rows, limit);
    return { items: await requestViews(db, page), nextCursor };
  });

  addRoute(app, deps, r.getOfferRequest, async ({ params, caller, lang, deps: { db } }) => {
    const row = await findRequest(db, caller.company.id, params.requestId);
    if (!row) throw httpError('not_found', lang);
    return (await requestViews(db, [row]))[0]!;
  });

  addRoute(app, deps, r.listOffers, async ({ query, caller, lang, deps: { db } }) => {
    const limit = query.limit ?? DEFAULT_PAGE;
    const rows = await listOffers(db, { companyId: caller.company.id, status: query.status, sentOnly: true, after: decodeCursor(query.cursor, lang), limit: limit + 1 });
    const { page, nextCursor } = paged(rows, limit);
    return { items: await buyerViews(db, page), nextCursor };
  });

  addRoute(app, deps, r.getOffer, async ({ params, caller, lang, deps: { db } }) => (await buyerViews(db, [await buyerOffer(db, caller, params.offerId, lang)]))[0]!);

  addRoute(app, deps, r.compareOffer, async ({ params, query, caller, lang, deps: { db } }) => compareIn(db, await buyerOffer(db, caller, params.offerId, lang), query, lang));

  addRoute(app, deps, r.acceptOffer, async ({ params, body, caller, lang, req, reply, deps: { db, now } }) => {
    const at = now();
    const result = await idempotent(db, readIdempotencyKey(req, keyScopeOf(caller), lang), { now: at, lang, reply, status: 200 }, (record) =>
      db.transaction().execute(async (trx) => {
        const done = await acceptIn(trx, deps, caller, params.offerId, body, at, lang);
        await record(trx, done);
        return done;
      }),
    );
    if (result.standingOrderId) options.wakeStandingOrders();
    return result;
  }, offerBody);

  addRoute(app, deps, r.rejectOffer, async ({ params, body, caller, lang, deps: { db, now } }) =>
    db.transaction().execute((trx) => rejectIn(trx, deps, caller, params.offerId, body, now(), lang)), offerBody);

  addRoute(app, deps, r.requestOfferChanges, async ({ params, body, caller, lang, deps: { db, now } }) =>
    db.transaction().execute((trx) => requestChangesIn(trx, deps, caller, params.offerId, body, now(), lang)), offerBody);

  addRoute(app, deps, r.offerDocument, async ({ params, query, caller, lang, reply, deps: { db } }) => {
    const row = await buyerOffer(db, caller, params.offerId, lang);
    const version = await versionFor(db, row, query.version, false, lang);
    const [view] = await buyerViews(db, [row]);
    documentHeaders(reply);
    return offerDocument(view!, version, await options.letterhead(), query.lang ?? lang);
  });

  // ── the seller's reps ──
  addRoute(app, deps, s.sellerLogin, async ({ body, lang, deps: { db, now } }) => {
    const rep = await db.selectFrom('seller_users').selectAll().where('email', '=', body.email.toLowerCase()).executeTakeFirst();
    // One scrypt with or without a rep, so timing does not tell which e-mails exist.
    const ok = await verifyPassword(body.password, rep?.password_hash);
    if (!rep || !ok) throw new KontorError('unauthorized', issueMessage('invalid_credentials', {}, lang), { status: 401 });
    const token = newSellerSessionToken();
    const at = now();
    const expiresAt = new Date(at.getTime() + SESSION_TTL_MS).toISOString();
    await db.insertInto('seller_sessions').values({ token_hash: hashToken(token), seller_user_id: rep.id, expires_at: expiresAt, created_at: at.toISOString() }).execute();
    return { token, expiresAt, user: { id: rep.id, email: rep.email, name: rep.name, locale: rep.locale, approvalLimitBp: Number(rep.approval_limit_bp) } };
  }, {
    config: {
      rateLimit: {
        max: options.loginRateLimit.max,
        timeWindow: options.loginRateLimit.timeWindowMs,
        keyGenerator: (req: { ip: string; body?: unknown }) => {
          const email = (req.body as { email?: unknown } | undefined)?.email;
          return `seller|${req.ip}|${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
        },
      },
    },
  });

  addRoute(app, deps, s.sellerLogout, async ({ caller, deps: { db } }) => {
    await db.deleteFrom('seller_sessions').where('token_hash', '=', caller.tokenHash).execute();
  });

  addRoute(app, deps, s.sellerMe, async ({ caller }) => caller.rep);

  addRoute(app, deps, s.sellerCompanies, async ({ deps: { db } }) => ({
    items: (await db.selectFrom('companies').select(['id', 'name', 'customer_number']).orderBy('name').execute()).map((c) => ({ id: c.id, name: c.name, customerNumber: c.customer_number })),
  }));

  addRoute(app, deps, s.sellerListOfferRequests, async ({ query, lang, deps: { db } }) => {
    const limit = query.limit ?? DEFAULT_PAGE;
    const rows = await listRequests(db, { status: query.status, after: decodeCursor(query.cursor, lang), limit: limit + 1 });
    const { page, nextCursor } = paged(rows, limit);
    return { items: await requestViews(db, page), nextCursor };
  });

  addRoute(app, deps, s.sellerCreateOffer, async ({ body, caller, lang, req, reply, deps: { db, now } }) => {
    const at = now();
    return idempotent(db, readIdempotencyKey(req, `seller:${caller.rep.id}`, lang), { now: at, lang, reply, status: 201 }, (record) =>
      db.transaction().execute(async (trx) => {
        const created = await createOfferIn(trx, caller, body, at, lang);
        await record(trx, created);
        return created;
      }),
    );
  }, offerBody);

  addRoute(app, deps, s.sellerListOffers, async ({ query, lang, deps: { db } }) => {
    const limit = query.limit ?? DEFAULT_PAGE;
    const rows = await listOffers(db, { companyId: query.companyId, status: query.status, after: decodeCursor(query.cursor, lang), limit: limit + 1 });
    const { page, nextCursor } = paged(rows, limit);
    return { items: await sellerViews(db, page), nextCursor };
  });

  addRoute(app, deps, s.sellerGetOffer, async ({ params, lang, deps: { db } }) => {
    const row = await findOffer(db, null, params.offerId);
    if (!row) throw httpError('not_found', lang);
    return (await sellerViews(db, [row]))[0]!;
  });

  addRoute(app, deps, s.sellerUpdateDraft, async ({ params, body, caller, lang, deps: { db, now } }) =>
    db.transaction().execute((trx) => updateDraftIn(trx, caller, params.offerId, body, now(), lang)), offerBody);

  addRoute(app, deps, s.sellerApproveOffer, async ({ params, body, caller, lang, deps: { db, now } }) =>
    db.transaction().execute((trx) => approveIn(trx, caller, params.offerId, body.version, now(), lang)), offerBody);

  addRoute(app, deps, s.sellerSendOffer, async ({ params, body, caller, lang, req, reply, deps: { db, now } }) => {
    const at = now();
    return idempotent(db, readIdempotencyKey(req, `seller:${caller.rep.id}`, lang), { now: at, lang, reply, status: 200 }, (record) =>
      db.transaction().execute(async (trx) => {
        const sent = await sendIn(trx, deps, caller, params.offerId, body.version, at, lang);
        await record(trx, sent);
        return sent;
      }),
    );
  }, offerBody);

  addRoute(app, deps, s.sellerWithdrawOffer, async ({ params, body, caller, lang, deps: { db, now } }) =>
    db.transaction().execute((trx) => withdrawIn(trx, deps, caller, params.offerId, body, now(), lang)), offerBody);

  addRoute(app, deps, s.sellerOfferDocument, async ({ params, query, lang, reply, deps: { db } }) => {
    const row = await findOffer(db, null, params.offerId);
    if (!row) throw httpError('not_found', lang);
    const version = await versionFor(db, row, query.version, true, lang);
    const [view] = await sellerViews(db, [row]);
    documentHeaders(reply);
    return offerDocument(view!, version, await options.letterhead(), query.lang ?? lang);
  });
}
