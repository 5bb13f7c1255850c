import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { SellerSessionSchema } from '@kontor/core';
import * as z from 'zod/mini';
import { startSmtpReceiver, type SmtpReceiver } from '../../outbox/testing/servers.js';
import { testClock } from '../../standing-orders/testing/helpers.js';
import { auth, createTestApp, type TestApp } from '../../testing/test-app.js';

/** A signed-in sales rep's session token (`kss_…`), from the seller login with the demo password. */
export async function repLogin(t: TestApp, email: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/v1/seller/auth/login', payload: { email, password: 'kontor-demo' } });
  assert.equal(res.statusCode, 201, res.body);
  return z.parse(SellerSessionSchema, res.json()).token;
}

export interface OffersWorld {
  clock: ReturnType<typeof testClock>;
  t: TestApp;
  smtp: SmtpReceiver;
  /** Müller's and Schmidt's buyers; Jana (approval limit 10 %) and Max (5 %), the demo reps. */
  buyer: string;
  schmidt: string;
  jana: string;
  max: string;
}

/**
 * The offers suites' world, set up in a `before` of the calling `describe` and closed in its
 * `after`: the app on a test clock (no scheduler, no expiry job) mailing through a real SMTP
 * receiver, two buyers of different companies and the two demo reps signed in. Read its fields
 * in the suite's own `before` (registered after this one, so it runs after it).
 */
export function offersWorld() {
  const world = { clock: testClock('2026-01-10T09:00:00.000Z') } as OffersWorld;
  before(async () => {
    world.smtp = await startSmtpReceiver();
    world.t = await createTestApp({
      now: world.clock.now,
      standingOrders: { scheduler: false },
      offers: { expiry: false },
      mail: { smtpUrl: world.smtp.url, from: 'Hansen Elektrogroßhandel <angebote@hansen.example>' },
      outboxWorker: { pollMs: 50 },
    });
    world.buyer = await world.t.login('einkauf@elektro-mueller.de');
    world.schmidt = await world.t.login('einkauf@schmidt-haustechnik.de');
    world.jana = await repLogin(world.t, 'jana.petersen@hansen.example');
    world.max = await repLogin(world.t, 'max.huber@hansen.example');
  });
  after(async () => {
    await world.t?.close();
    await world.smtp?.close();
  });
  return Object.assign(world, {
    send: (token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      world.t.app.inject({ method, url, headers: { ...auth(token), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) }),
    count: async (table: 'offer_requests' | 'offers' | 'offer_versions' | 'orders' | 'standing_orders') =>
      Number((await world.t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  });
}
