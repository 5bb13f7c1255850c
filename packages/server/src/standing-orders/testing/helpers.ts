import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { StandingOrderViewSchema, type CreateStandingOrderBody, type StandingOrderView } from '@kontor/core';
import * as z from 'zod/mini';
import { createOrderMailer } from '../../mail/mailer.js';
import type { MailMessage, MailTransport } from '../../mail/transports.js';
import { createOutboxWorker, type OutboxWorker } from '../../outbox/worker.js';
import { pick } from '../../testing/cart-helpers.js';
import { auth, TEST_JWT_SECRET, type TestApp } from '../../testing/test-app.js';
import { DEFAULT_PUBLIC_URL, linkUrl } from '../links.js';
import { withStandingOrderMails } from '../mails.js';

/** A clock a test moves by hand; the app, the scheduler and the outbox read it. */
export function testClock(start: string) {
  const clock = { at: new Date(start), now: () => clock.at, set: (iso: string) => void (clock.at = new Date(iso)) };
  return clock;
}

/** A mail transport that keeps what it is given. */
export function memoryTransport(): MailTransport & { mails: MailMessage[] } {
  const mails: MailMessage[] = [];
  return { name: 'memory', mails, send: async (m) => void mails.push(m) };
}

/**
 * The outbox worker of a test app started with `outboxWorker: false` and `mail.transports`:
 * the same mailers the app wires, on the test's clock, run by hand.
 */
export function outboxOf(t: TestApp, transport: MailTransport, now: () => Date): OutboxWorker {
  const mailer = withStandingOrderMails(createOrderMailer({ db: t.db, transports: [transport] }), {
    db: t.db, transports: [transport], linkUrl: (id) => linkUrl(DEFAULT_PUBLIC_URL, TEST_JWT_SECRET, id),
  });
  return createOutboxWorker({ db: t.db, now, mailer });
}

/** Products a standing order can order with stock in Hamburg (step 1, min 1, no maximum). */
export function stockedProducts(t: TestApp, n: number) {
  const inHamburg = (sku: string) => t.world.stock.find((s) => s.sku === sku && s.warehouseId === 'wh_hamburg' && s.onHand - s.reserved >= 60);
  const found = pick(t).simple().filter((p) => p.quantityRules.min === 1 && inHamburg(p.sku));
  assert.ok(found.length >= n, `need ${n} stocked products`);
  return found.slice(0, n);
}

/** Requests of one caller. */
export function standingOrderApi(t: TestApp) {
  const send = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...auth(token), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return {
    send,
    async create(token: string, body: CreateStandingOrderBody, key: string = randomUUID()): Promise<StandingOrderView> {
      const res = await send(token, 'POST', '/v1/standing-orders', body, { 'idempotency-key': key });
      assert.equal(res.statusCode, 201, res.body);
      return z.parse(StandingOrderViewSchema, res.json());
    },
    async get(token: string, id: string): Promise<StandingOrderView> {
      const res = await send(token, 'GET', `/v1/standing-orders/${id}`);
      assert.equal(res.statusCode, 200, res.body);
      return z.parse(StandingOrderViewSchema, res.json());
    },
    act: (token: string, id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) => send(token, 'POST', `/v1/standing-orders/${id}/actions`, body, headers),
    update: (token: string, id: string, body: Record<string, unknown>) => send(token, 'PATCH', `/v1/standing-orders/${id}`, body),
  };
}

/** "Every 2 months on the 1st, until further notice", from 1 March 2026 at 06:00 Berlin. */
export const everyTwoMonths = (start = '2026-03-01') => ({
  form: { every: 'month' as const, interval: 2, on: { kind: 'day' as const, day: 1 }, start, end: { kind: 'none' as const } },
  time: '06:00',
});

/** Rows of a table for assertions. */
export async function runsOf(t: TestApp, standingOrderId: string) {
  return t.db.selectFrom('standing_order_runs').selectAll().where('standing_order_id', '=', standingOrderId).orderBy('occurrence').execute();
}
