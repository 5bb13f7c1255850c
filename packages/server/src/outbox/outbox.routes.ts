import { ValidationError, errorMessage, issueMessage, routes, type Lang } from '@kontor/core';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { httpError } from '../http/errors.js';
import { addRoute, type AppDeps } from '../http/route.js';

const DEFAULT_PAGE = 50;

/** Cursor: the last row's (event created_at, event id, target), base64url JSON. */
const encodeCursor = (at: string, eventId: string, target: string) => Buffer.from(JSON.stringify([at, eventId, target])).toString('base64url');
function decodeCursor(cursor: string, lang: Lang): [string, string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === 'string')) return value as [string, string, string];
  } catch {
    // falls through to the 400
  }
  const message = issueMessage('invalid', {}, lang);
  throw new ValidationError(`${errorMessage('validation', lang)} cursor: ${message}`, [{ path: ['cursor'], code: 'invalid', message }], { status: 400 });
}

const deliveries = (db: Kysely<Database>) =>
  db
    .selectFrom('outbox_deliveries as d')
    .innerJoin('outbox_events as e', 'e.id', 'd.event_id')
    .leftJoin('orders as o', 'o.id', 'e.aggregate_id')
    .select([
      'd.event_id',
      'd.target',
      'd.status',
      'd.attempts',
      'd.next_attempt_at',
      'd.last_error',
      'd.delivered_at',
      'e.type',
      'e.aggregate_id',
      'e.created_at',
      'e.sequence',
      'o.number',
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof deliveries>['execute']>>[number];

const view = (r: Row) => ({
  eventId: r.event_id,
  target: r.target,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  deliveredAt: r.delivered_at,
  event: { type: r.type, orderId: r.aggregate_id, orderNumber: r.number ?? null, sequence: Number(r.sequence), occurredAt: r.created_at },
});

/**
 * The seller's ERP looks after the outbox: `GET /v1/erp/outbox/deliveries?status=dead` lists the
 * deliveries (newest event first), `POST /v1/erp/outbox/retry { eventId, target }` sends one again.
 */
export function outboxRoutes(app: FastifyInstance, deps: AppDeps, wake: () => void): void {
  addRoute(app, deps, routes.listOutboxDeliveries, async ({ query, lang, deps: { db } }) => {
    const limit = query.limit ?? DEFAULT_PAGE;
    let q = deliveries(db)
      .where('d.status', '=', query.status ?? 'dead')
      .orderBy('e.created_at', 'desc')
      .orderBy('d.event_id', 'desc')
      .orderBy('d.target', 'desc')
      .limit(limit + 1);
    if (query.cursor) {
      const [at, eventId, target] = decodeCursor(query.cursor, lang);
      q = q.where((eb) =>
        eb.or([
          eb('e.created_at', '<', at),
          eb.and([eb('e.created_at', '=', at), eb.or([eb('d.event_id', '<', eventId), eb.and([eb('d.event_id', '=', eventId), eb('d.target', '<', target)])])]),
        ]),
      );
    }
    const rows = await q.execute();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(view), nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.event_id, last.target) : null };
  });

  addRoute(app, deps, routes.retryOutboxDelivery, async ({ body, lang, deps: { db, now } }) => {
    const res = await db
      .updateTable('outbox_deliveries')
      // The lease stays: a delivery being sent right now is not sent a second time at once.
      .set({ status: 'pending', attempts: 0, next_attempt_at: now().toISOString(), delivered_at: null })
      .where('event_id', '=', body.eventId)
      .where('target', '=', body.target)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw httpError('not_found', lang);
    wake();
    const row = await deliveries(db).where('d.event_id', '=', body.eventId).where('d.target', '=', body.target).executeTakeFirstOrThrow();
    return view(row);
  });
}
