import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AssistantConversationSchema, AssistantReplySchema, StandingOrderViewSchema, createAssistantClient, createHttpClient, isKontorError, type AssistantReply } from '@kontor/core';
import * as z from 'zod/mini';
import { newId } from '../db/cart.queries.js';
import { insertOrder } from '../db/order.queries.js';
import { createOrderMailer } from '../mail/mailer.js';
import { createOutboxWorker } from '../outbox/worker.js';
import { everyTwoMonths, memoryTransport, standingOrderApi, stockedProducts, testClock } from '../standing-orders/testing/helpers.js';
import { auth, createTestApp, type TestApp } from '../testing/test-app.js';
import { ASSISTANT_HANDOFF, withAssistantMails } from './mails.js';

let seq = 700_000;
/** An order of the past written straight to the database (the seed world has no order history), delivered, by invoice. */
async function pastOrder(t: TestApp, companyId: string, placedAt: string, lines: { sku: string; quantity: number; unit: number }[]) {
  const id = newId('ord');
  const number = `K-${placedAt.slice(0, 4)}-${String(seq++)}`;
  const net = lines.reduce((s, l) => s + l.quantity * l.unit, 0);
  const address = { name: 'Elektro Müller GmbH', street: 'Industriestraße 12', postcode: '20097', city: 'Hamburg', country: 'DE' };
  const totals = { net: { amount: net, currency: 'EUR' }, taxes: [], tax: { amount: 0, currency: 'EUR' }, gross: { amount: net, currency: 'EUR' } };
  await insertOrder(t.db, {
    id, company_id: companyId, number, status: 'shipped', placed_at: placedAt, placed_by_user_id: null, placed_by_name: 'Test', channel: 'web', partner_id: null,
    cart_id: `cart_${id.slice(4)}`, currency: 'EUR', net_amount: net, gross_amount: net, totals: JSON.stringify(totals), line_count: lines.length,
    delivery_address: JSON.stringify(address), requested_delivery_date: null, promised_delivery: '2026-05-12', po_number: null, cost_center: null, comment: null,
    payment_method: 'invoice', payment: JSON.stringify({ method: 'invoice', ibanMasked: null, accountHolder: null, mandateReference: null, bankDetails: null }),
    tracking: JSON.stringify({ carrier: 'DHL', trackingNumber: '00340434161094012345', url: 'https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161094012345' }), updated_at: placedAt,
  }, lines.map((l, position) => ({
    company_id: companyId, order_id: id, position, sku: l.sku, name_de: `Artikel ${l.sku}`, name_en: `Item ${l.sku}`, unit: 'piece' as const, quantity: l.quantity,
    price_unit: 1, unit_amount: l.unit, net_amount: l.quantity * l.unit, tax_class: 'standard' as const, tax_rate: 1900, promised_delivery: null, reserved: '[]',
  })));
  return { id, number };
}

describe('the shop assistant', () => {
  const clock = testClock('2026-05-20T09:00:00.000Z');
  const transport = memoryTransport();
  let t: TestApp;
  let buyer: string; // Müller, German
  let colleague: string; // Müller, another user
  let schmidt: string; // another company
  let baulicht: string; // another company, for the rate limit
  let mueller: { id: string; number: string };
  let schmidtOrder: { id: string; number: string };
  let standingOrderId: string;

  before(async () => {
    t = await createTestApp({
      now: clock.now, standingOrders: { scheduler: false }, reorder: { reminders: false }, offers: { expiry: false },
      mail: { transports: [transport] }, outboxWorker: false, assistant: { rateLimit: { max: 40, windowMs: 60_000 } },
    });
    [buyer, colleague, schmidt, baulicht] = (await Promise.all(['einkauf@elektro-mueller.de', 'anna.mueller@elektro-mueller.de', 'einkauf@schmidt-haustechnik.de', 'kauf@baulicht.de'].map((e) => t.login(e)))) as [string, string, string, string];
    const [a, b] = stockedProducts(t, 2).map((p) => p.sku) as [string, string];
    await pastOrder(t, 'cmp_mueller', '2026-04-02T08:00:00.000Z', [{ sku: a, quantity: 2, unit: 1000 }]);
    mueller = await pastOrder(t, 'cmp_mueller', '2026-05-08T08:00:00.000Z', [{ sku: a, quantity: 3, unit: 1000 }, { sku: b, quantity: 1, unit: 2500 }]);
    schmidtOrder = await pastOrder(t, 'cmp_schmidt', '2026-05-10T08:00:00.000Z', [{ sku: b, quantity: 7, unit: 2500 }]);
    const so = await standingOrderApi(t).create(buyer, {
      name: 'Leuchtmittel', lines: [{ sku: a, quantity: 3 }], deliveryAddress: { addressId: 'adr_muellerHq' }, payment: { method: 'invoice' }, schedule: everyTwoMonths(),
    });
    standingOrderId = so.id;
  });
  after(() => t.close());

  const post = (token: string, url: string, payload: unknown, lang?: string) => t.app.inject({ method: 'POST', url, headers: auth(token, lang), payload: payload as object });
  const say = async (token: string, text: string, lang?: string, extra: Record<string, unknown> = {}): Promise<AssistantReply> => {
    const res = await post(token, '/v1/assistant/messages', { text, ...extra }, lang);
    assert.equal(res.statusCode, 200, res.body);
    return z.parse(AssistantReplySchema, res.json());
  };
  const confirm = (token: string, actionId: string, lang?: string) => post(token, `/v1/assistant/actions/${actionId}/confirm`, {}, lang);
  const actionOf = (reply: AssistantReply) => {
    const card = reply.cards.find((c) => c.kind === 'action');
    assert.ok(card && card.kind === 'action', `an action card in ${JSON.stringify(reply)}`);
    return card;
  };
  const orderCount = async (companyId: string) => Number((await t.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).where('company_id', '=', companyId).executeTakeFirstOrThrow()).n);

  describe('order status', () => {
    it('answers the status, delivery day and tracking of an order by its number, in German', async () => {
      const reply = await say(buyer, `Wo ist meine Bestellung ${mueller.number}?`);
      assert.deepEqual([reply.intent, reply.lang], ['order_status', 'de']);
      const card = reply.cards[0]!;
      assert.ok(card.kind === 'order');
      assert.deepEqual([card.number, card.status, card.promisedDelivery, card.carrier, card.trackingNumber], [mueller.number, 'shipped', '2026-05-12', 'DHL', '00340434161094012345']);
      assert.match(reply.text, new RegExp(`Ihre Bestellung ${mueller.number} .* ist versandt\\.`));
    });

    it('answers in English, and reads "my last order" as the latest', async () => {
      const reply = await say(buyer, 'Where is my last order?', 'en');
      assert.deepEqual([reply.intent, reply.lang], ['order_status', 'en']);
      assert.equal(reply.cards[0]?.kind === 'order' && reply.cards[0].number, mueller.number);
      assert.match(reply.text, /^Your order K-2026-\d+ of .* is shipped\./);
    });

    it('says "not found" for another company\'s order number and shows nothing of it', async () => {
      const res = await post(schmidt, '/v1/assistant/messages', { text: `Status von ${mueller.number}?` });
      assert.equal(res.statusCode, 200, res.body);
      const reply = z.parse(AssistantReplySchema, res.json());
      assert.equal(reply.intent, 'order_status');
      assert.deepEqual(reply.cards, []);
      assert.match(reply.text, /finde ich in Ihrem Konto nicht/);
      assert.doesNotMatch(res.body, new RegExp(`${mueller.id}|00340434161094012345|shipped|versandt`));
      // Its own order it sees.
      assert.equal((await say(schmidt, `Status von ${schmidtOrder.number}?`)).cards[0]?.kind, 'order');
    });

    it('lists the company\'s last orders, newest first', async () => {
      const reply = await say(buyer, 'Meine letzten Bestellungen');
      assert.equal(reply.intent, 'last_orders');
      assert.deepEqual(reply.cards.map((c) => c.kind === 'order' && c.number).slice(0, 1), [mueller.number]);
      assert.ok(reply.cards.every((c) => c.kind === 'order' && c.number !== schmidtOrder.number));
    });
  });

  describe('availability', () => {
    const promiseOf = async (sku: string, quantity: number) => {
      const res = await post(buyer, '/v1/availability', { items: [{ sku, quantity }], destination: 'DE' });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { items: { earliestDelivery: string | null; availableNow: number }[] }).items[0]!;
    };

    it('gives the delivery day of "50 m NYM-J 3x1,5" as the availability service promises it, in German', async () => {
      const reply = await say(buyer, 'Wann kommen 50 m NYM-J 3x1,5?');
      assert.equal(reply.intent, 'availability');
      const card = reply.cards[0]!;
      assert.ok(card.kind === 'availability');
      const expected = await promiseOf('KL-1001', 50);
      assert.deepEqual([card.sku, card.quantity, card.unit, card.promise.day, card.promise.available], ['KL-1001', 50, 'meter', expected.earliestDelivery, expected.availableNow]);
      assert.match(card.name, /NYM-J 3x1,5/);
      assert.match(reply.text, /^50 m Mantelleitung NYM-J 3x1,5 mm² grau, Meterware: .*voraussichtlich am /);
    });

    it('gives it in English, and the rolls for "3 rolls"', async () => {
      const reply = await say(buyer, 'When can I get 3 rolls of NYM-J 3x1.5?', 'en');
      const card = reply.cards[0]!;
      assert.ok(card.kind === 'availability');
      assert.deepEqual([reply.lang, card.sku, card.quantity, card.unit], ['en', 'KL-1002', 3, 'roll']);
      assert.match(reply.text, /^3 rolls Sheathed cable NYM-J 3x1\.5 mm² grey, 100 m coil: /);
    });

    it('finds products by a misspelt name, with the caller\'s price per unit', async () => {
      const reply = await say(buyer, 'Ich suche Mantelleitung 3x1,5');
      assert.equal(reply.intent, 'find_product');
      assert.ok(reply.cards.length >= 1 && reply.cards.every((c) => c.kind === 'product'));
      const first = reply.cards[0]!;
      assert.ok(first.kind === 'product' && first.sku.startsWith('KL-100') && first.price !== null);
    });
  });

  describe('reordering the last order', () => {
    it('proposes it, and places the order only when confirmed, once (German)', async () => {
      const before = await orderCount('cmp_mueller');
      const reply = await say(buyer, 'Bitte meine letzte Bestellung nochmal bestellen');
      assert.equal(reply.intent, 'reorder');
      const action = actionOf(reply);
      assert.equal(action.action, 'reorder');
      assert.match(action.summary, new RegExp(`Bestellung ${mueller.number} erneut aufgeben: 2 Positionen`));
      assert.equal(action.expiresAt, '2026-05-20T09:10:00.000Z');
      assert.equal(await orderCount('cmp_mueller'), before, 'nothing is ordered by the message');

      const res = await confirm(buyer, action.actionId);
      assert.equal(res.statusCode, 200, res.body);
      const done = z.parse(AssistantReplySchema, res.json());
      const card = done.cards[0]!;
      assert.ok(card.kind === 'order');
      assert.notEqual(card.number, mueller.number);
      assert.match(done.text, new RegExp(`^Bestellt: ${card.number} über `));
      assert.equal(await orderCount('cmp_mueller'), before + 1);
      const placed = await t.db.selectFrom('order_lines').select(['sku', 'quantity']).where('order_id', '=', card.orderId).orderBy('position').execute();
      assert.equal(placed.length, 2);

      const again = await confirm(buyer, action.actionId);
      assert.equal(again.statusCode, 409, again.body);
      assert.equal(again.json().code, 'action_used');
      assert.equal(await orderCount('cmp_mueller'), before + 1);
    });

    it('does it in English too', async () => {
      const before = await orderCount('cmp_mueller');
      const action = actionOf(await say(buyer, 'Reorder my last order', 'en'));
      const res = await confirm(buyer, action.actionId, 'en');
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.json().text, /^Ordered: K-2026-\d+ for /);
      assert.equal(await orderCount('cmp_mueller'), before + 1);
    });

    it('proposes nothing for another company\'s order number', async () => {
      const reply = await say(schmidt, `Bitte ${mueller.number} nochmal bestellen`);
      assert.equal(reply.intent, 'reorder');
      assert.deepEqual(reply.cards, []);
      assert.match(reply.text, /finde ich in Ihrem Konto nicht/);
    });

    it('does it once when two confirmations race', async () => {
      const before = await orderCount('cmp_mueller');
      const action = actionOf(await say(buyer, 'Letzte Bestellung wiederholen'));
      const [x, y] = await Promise.all([confirm(buyer, action.actionId), confirm(buyer, action.actionId)]);
      assert.deepEqual([x.statusCode, y.statusCode].sort(), [200, 409]);
      assert.equal(await orderCount('cmp_mueller'), before + 1);
    });
  });

  describe('skipping the next standing-order run', () => {
    it('names the next run, proposes skipping it and skips it when confirmed (German)', async () => {
      const next = await say(buyer, 'Wann ist der nächste Lauf meines Dauerauftrags?');
      assert.equal(next.intent, 'standing_order_next');
      const card = next.cards[0]!;
      assert.ok(card.kind === 'standing_order');
      assert.deepEqual([card.standingOrderId, card.nextRun], [standingOrderId, '2026-07-01']);

      const reply = await say(buyer, 'Nächsten Lauf vom Dauerauftrag überspringen');
      assert.equal(reply.intent, 'standing_order_skip');
      const action = actionOf(reply);
      assert.match(action.summary, /„Leuchtmittel“ am Mi\., 1\. Juli 2026 überspringen/);
      const res = await confirm(buyer, action.actionId);
      assert.equal(res.statusCode, 200, res.body);
      const so = z.parse(StandingOrderViewSchema, (await t.app.inject({ method: 'GET', url: `/v1/standing-orders/${standingOrderId}`, headers: auth(buyer) })).json());
      assert.deepEqual(so.skipped, ['2026-07-01']);
      assert.equal(so.nextRun?.day, '2026-09-01');
      assert.match(res.json().text, /wird übersprungen\. Nächster Lauf: Di\., 1\. September 2026\./);
    });

    it('skips the run after that in English', async () => {
      const action = actionOf(await say(buyer, 'Skip the next standing order run', 'en'));
      assert.match(action.summary, /^Skip the run of "Leuchtmittel" on Tue, 1 September 2026/);
      const res = await confirm(buyer, action.actionId, 'en');
      assert.equal(res.statusCode, 200, res.body);
      const so = z.parse(StandingOrderViewSchema, (await t.app.inject({ method: 'GET', url: `/v1/standing-orders/${standingOrderId}`, headers: auth(buyer) })).json());
      assert.deepEqual(so.skipped, ['2026-07-01', '2026-09-01']);
    });
  });

  describe('pausing a standing order', () => {
    it('pauses it when confirmed, and not before', async () => {
      const so = await standingOrderApi(t).create(colleague, {
        name: 'Kabel', lines: [{ sku: stockedProducts(t, 1)[0]!.sku, quantity: 2 }], deliveryAddress: { addressId: 'adr_muellerHq' }, payment: { method: 'invoice' }, schedule: everyTwoMonths('2026-06-15'),
      });
      const reply = await say(colleague, 'Dauerauftrag pausieren');
      assert.equal(reply.intent, 'standing_order_pause');
      const action = actionOf(reply);
      const id = (reply.cards.find((c) => c.kind === 'standing_order') as { standingOrderId: string }).standingOrderId;
      const status = async () => z.parse(StandingOrderViewSchema, (await t.app.inject({ method: 'GET', url: `/v1/standing-orders/${id}`, headers: auth(colleague) })).json()).status;
      assert.equal(await status(), 'active');
      const res = await confirm(colleague, action.actionId);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.json().text, /ist pausiert\./);
      assert.equal(await status(), 'paused');
      assert.ok([so.id, standingOrderId].includes(id));
    });
  });

  describe('a partner portal\'s customer', () => {
    const mint = async (externalUserRef: string) => {
      const res = await t.app.inject({ method: 'POST', url: '/v1/partner/customer-tokens', headers: auth('kpk_demo_nord_2026'), payload: { companyId: 'cmp_baulicht', externalUserRef } });
      assert.equal(res.statusCode, 201, res.body);
      return (res.json() as { token: string }).token;
    };

    it('talks with a customer token: its own company only, conversations and actions per portal user', async () => {
      const [alice, bob] = [await mint('portal-alice'), await mint('portal-bob')];
      const reply = await say(alice, `Where is ${mueller.number}?`, 'en');
      assert.deepEqual([reply.intent, reply.cards.length], ['order_status', 0]);
      const offer = await say(alice, 'quote for 100 m NYM-J 3x1,5', 'en');
      const action = actionOf(offer);
      assert.equal((await confirm(bob, action.actionId)).statusCode, 404, 'another portal user of the same partner and company');
      assert.equal((await t.app.inject({ method: 'GET', url: `/v1/assistant/conversations/${offer.conversationId}`, headers: auth(bob) })).statusCode, 404);
      assert.equal((await confirm(alice, action.actionId)).statusCode, 200);
    });
  });

  describe('other proposed actions', () => {
    it('adds to the cart when confirmed', async () => {
      const reply = await say(buyer, 'Leg 3 Rollen NYM-J 3x1,5 in den Warenkorb');
      assert.equal(reply.intent, 'add_to_cart');
      const res = await confirm(buyer, actionOf(reply).actionId);
      assert.equal(res.statusCode, 200, res.body);
      const carts = (await t.app.inject({ method: 'GET', url: '/v1/carts', headers: auth(buyer) })).json() as { items: { id: string; active: boolean }[] };
      const active = carts.items.find((c) => c.active)!;
      const cart = (await t.app.inject({ method: 'GET', url: `/v1/carts/${active.id}`, headers: auth(buyer) })).json() as { lines: { sku: string; quantity: number }[] };
      assert.deepEqual(cart.lines.find((l) => l.sku === 'KL-1002')?.quantity, 3);
    });

    it('requests an offer when confirmed', async () => {
      const reply = await say(buyer, 'I would like a quote for 2000 m NYM-J 3x1,5', 'en');
      assert.equal(reply.intent, 'request_offer');
      const res = await confirm(buyer, actionOf(reply).actionId, 'en');
      assert.equal(res.statusCode, 200, res.body);
      const rows = await t.db.selectFrom('offer_requests').selectAll().where('company_id', '=', 'cmp_mueller').execute();
      assert.ok(rows.some((r) => JSON.parse(r.lines)[0]?.sku === 'KL-1001' && JSON.parse(r.lines)[0]?.quantity === 2000));
    });
  });

  describe('confirmations', () => {
    it('refuses another user\'s or another company\'s action with 404 and does nothing', async () => {
      const action = actionOf(await say(buyer, 'Letzte Bestellung nochmal bestellen'));
      for (const token of [schmidt, colleague]) {
        const res = await confirm(token, action.actionId);
        assert.equal(res.statusCode, 404, res.body);
        assert.equal(res.json().code, 'not_found');
      }
      const used = await t.db.selectFrom('assistant_actions').select('used_at').where('id', '=', action.actionId).executeTakeFirstOrThrow();
      assert.equal(used.used_at, null);
    });

    it('refuses an expired action with 409 action_expired (on the app\'s clock) and does nothing', async () => {
      const before = await orderCount('cmp_mueller');
      const action = actionOf(await say(buyer, 'Letzte Bestellung nochmal bestellen'));
      const start = clock.now().toISOString();
      clock.set('2026-05-20T09:10:00.001Z');
      try {
        const res = await confirm(buyer, action.actionId);
        assert.equal(res.statusCode, 409, res.body);
        assert.deepEqual([res.json().code, res.json().message], ['action_expired', 'Diese Bestätigung ist abgelaufen. Bitte fragen Sie erneut.']);
        assert.equal(await orderCount('cmp_mueller'), before);
      } finally {
        clock.set(start);
      }
    });

    it('answers 404 for an unknown action id and 400 for a malformed one', async () => {
      assert.equal((await confirm(buyer, 'act_0000')).statusCode, 404);
      assert.equal((await confirm(buyer, 'nope')).statusCode, 400);
    });
  });

  describe('hand-off', () => {
    it('sends a contact request with the transcript to the company\'s sales rep through the outbox', async () => {
      await t.db.insertInto('company_sales_reps').values({ company_id: 'cmp_mueller', rep_id: 'rep_petersen' }).execute();
      const first = await say(buyer, 'Hallo');
      const reply = await say(buyer, 'Ich möchte mit einem Mitarbeiter sprechen', undefined, { conversationId: first.conversationId });
      assert.equal(reply.intent, 'handoff');
      const card = reply.cards[0]!;
      assert.ok(card.kind === 'handoff');
      const events = await t.db.selectFrom('outbox_events').selectAll().where('type', '=', ASSISTANT_HANDOFF as never).where('company_id', '=', 'cmp_mueller').execute();
      assert.equal(events.length, 1);
      const worker = createOutboxWorker({ db: t.db, now: clock.now, mailer: withAssistantMails(createOrderMailer({ db: t.db, transports: [transport] }), { db: t.db, transports: [transport] }) });
      await worker.runOnce();
      const mail = transport.mails.find((m) => m.to.some((to) => to.includes('jana.petersen@hansen.example')));
      assert.ok(mail, 'mailed to the rep of the company');
      assert.match(mail.subject, /Kontaktwunsch aus dem Shop-Assistenten: Elektro Müller/);
      assert.match(mail.text, /Kunde \(09:00 UTC\): Hallo/);
      assert.match(mail.text, /Kunde \(09:00 UTC\): Ich möchte mit einem Mitarbeiter sprechen/);
    });
  });

  describe('conversations', () => {
    it('keeps the history per user: the owner reads it, another user gets 404', async () => {
      const first = await say(buyer, 'Hallo');
      assert.equal(first.intent, 'greeting');
      assert.ok(first.chips.length >= 3);
      await say(buyer, 'Hilfe', undefined, { conversationId: first.conversationId });
      const res = await t.app.inject({ method: 'GET', url: `/v1/assistant/conversations/${first.conversationId}`, headers: auth(buyer) });
      assert.equal(res.statusCode, 200, res.body);
      const conversation = z.parse(AssistantConversationSchema, res.json());
      assert.deepEqual(conversation.messages.map((m) => [m.role, m.reply?.intent ?? m.text]), [['user', 'Hallo'], ['assistant', 'greeting'], ['user', 'Hilfe'], ['assistant', 'help']]);
      for (const token of [colleague, schmidt]) {
        assert.equal((await t.app.inject({ method: 'GET', url: `/v1/assistant/conversations/${first.conversationId}`, headers: auth(token) })).statusCode, 404);
        assert.equal((await post(token, '/v1/assistant/messages', { text: 'Hallo', conversationId: first.conversationId })).statusCode, 404);
      }
    });
  });

  describe('the MCP endpoint', () => {
    const rpc = (token: string | null, body: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: '/v1/mcp', headers: { ...(token ? auth(token) : {}), accept: 'application/json, text/event-stream', ...headers }, payload: body as object });
    const call = async (token: string, session: string, name: string, args: unknown) => {
      const res = await rpc(token, { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name, arguments: args } }, { 'mcp-session-id': session });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { id: number; result?: { content: { type: string; text: string }[]; structuredContent?: AssistantReply; isError: boolean }; error?: { code: number; message: string } };
    };
    const session = async (token: string) => {
      const res = await rpc(token, { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '1' } } });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as { result: { protocolVersion: string; capabilities: { tools: unknown }; serverInfo: { name: string } } };
      assert.deepEqual([body.result.protocolVersion, body.result.serverInfo.name, typeof body.result.capabilities.tools], ['2025-06-18', 'kontor-assistant', 'object']);
      return String(res.headers['mcp-session-id']);
    };

    it('initializes a session, accepts the initialized notification and lists the tools with their input schemas', async () => {
      const id = await session(buyer);
      assert.match(id, /^cnv_/);
      assert.equal((await rpc(buyer, { jsonrpc: '2.0', method: 'notifications/initialized' }, { 'mcp-session-id': id })).statusCode, 202);
      const list = (await rpc(buyer, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, { 'mcp-session-id': id })).json() as { result: { tools: { name: string; inputSchema: { type: string } }[] } };
      const names = list.result.tools.map((x) => x.name);
      for (const n of ['find_product', 'check_availability', 'order_status', 'last_orders', 'standing_orders', 'propose_reorder', 'propose_add_to_cart', 'propose_skip_next_standing_order_run', 'propose_pause_standing_order', 'propose_offer_request']) assert.ok(names.includes(n), n);
      assert.ok(list.result.tools.every((x) => x.inputSchema.type === 'object'));
    });

    it('answers with the caller\'s scope: a delivery day for 50 m NYM-J 3x1,5, another company\'s order not found', async () => {
      const id = await session(schmidt);
      const availability = await call(schmidt, id, 'check_availability', { product: 'NYM-J 3x1,5', quantity: 50 });
      const card = availability.result!.structuredContent!.cards[0]!;
      assert.ok(card.kind === 'availability');
      assert.deepEqual([card.sku, card.quantity], ['KL-1001', 50]);
      const other = await call(schmidt, id, 'order_status', { orderNumber: mueller.number });
      assert.deepEqual(other.result!.structuredContent!.cards, []);
      assert.doesNotMatch(JSON.stringify(other), new RegExp(mueller.id));
    });

    it('only proposes: the buyer confirms in the shop, with the same action', async () => {
      const before = await orderCount('cmp_mueller');
      const id = await session(buyer);
      const proposed = await call(buyer, id, 'propose_reorder', {});
      assert.equal(proposed.result!.isError, false);
      const action = actionOf(proposed.result!.structuredContent!);
      assert.match(proposed.result!.content[0]!.text, /does not carry it out|führt sie nicht aus/);
      assert.equal(await orderCount('cmp_mueller'), before);
      const conversation = z.parse(AssistantConversationSchema, (await t.app.inject({ method: 'GET', url: `/v1/assistant/conversations/${id}`, headers: auth(buyer) })).json());
      assert.equal(conversation.messages.at(-1)?.reply?.cards.some((c) => c.kind === 'action' && c.actionId === action.actionId), true);
      assert.equal((await confirm(buyer, action.actionId)).statusCode, 200);
      assert.equal(await orderCount('cmp_mueller'), before + 1);
    });

    it('refuses bad calls as JSON-RPC errors, another user\'s session with 404 and a call without a token with 401', async () => {
      const id = await session(buyer);
      assert.equal((await call(buyer, id, 'drop_tables', {})).error?.code, -32602);
      assert.equal((await call(buyer, id, 'order_status', { orderNumber: 'DROP' })).error?.code, -32602);
      assert.equal((await rpc(buyer, { jsonrpc: '2.0', id: 3, method: 'resources/list' })).json().error.code, -32601);
      assert.equal((await rpc(buyer, { nope: true })).statusCode, 400);
      assert.equal((await rpc(schmidt, { jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'last_orders', arguments: {} } }, { 'mcp-session-id': id })).statusCode, 404);
      assert.equal((await rpc(null, { jsonrpc: '2.0', id: 5, method: 'tools/list' })).statusCode, 401);
      assert.equal((await t.app.inject({ method: 'GET', url: '/v1/mcp', headers: auth(buyer) })).statusCode, 405);
    });
  });

  describe('through the SDK client over HTTP', () => {
    it('sends, confirms and reads the conversation with core\'s assistant client; refusals are typed errors', async () => {
      const endpoint = await t.listen();
      const http = createHttpClient({ endpoint, token: buyer, lang: 'de', retries: 0 });
      const assistant = createAssistantClient(http);
      const reply = await assistant.send({ text: 'Letzte Bestellung nochmal bestellen' });
      const action = actionOf(reply);
      const done = await assistant.confirm(action.actionId);
      assert.equal(done.cards[0]?.kind, 'order');
      const again = await assistant.confirm(action.actionId).then(() => null, (e: unknown) => e);
      assert.ok(isKontorError(again));
      assert.deepEqual([again.code, again.status], ['action_used', 409]);
      const conversation = await assistant.conversation(reply.conversationId);
      assert.deepEqual(conversation.messages.map((m) => m.role), ['user', 'assistant', 'assistant']);
      const empty = await assistant.send({ text: '' }).then(() => null, (e: unknown) => e);
      assert.ok(isKontorError(empty));
      assert.deepEqual([empty.code, empty.issues[0]?.path], ['validation', ['text']]);
    });
  });

  describe('bad input', () => {
    it('refuses an empty, blank or over-long message with 400 at path text', async () => {
      for (const text of ['', '   ', 'x'.repeat(2001), 'x'.repeat(10_000)]) {
        const res = await post(buyer, '/v1/assistant/messages', { text });
        assert.equal(res.statusCode, 400, `${text.length}: ${res.body}`);
        const body = res.json() as { code: string; issues: { path: unknown[] }[] };
        assert.equal(body.code, 'validation');
        assert.deepEqual(body.issues[0]!.path, ['text']);
      }
      assert.equal((await post(buyer, '/v1/assistant/messages', { text: 'x'.repeat(2000) })).statusCode, 200);
    });

    it('takes HTML as plain text: stored as written, answered with text', async () => {
      const html = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
      const reply = await say(buyer, html);
      assert.equal(reply.intent, 'unknown');
      assert.doesNotMatch(reply.text, /</);
      const conversation = (await t.app.inject({ method: 'GET', url: `/v1/assistant/conversations/${reply.conversationId}`, headers: auth(buyer) })).json() as { messages: { text: string }[] };
      assert.equal(conversation.messages[0]!.text, html);
    });

    it('needs a buyer token', async () => {
      assert.equal((await t.app.inject({ method: 'POST', url: '/v1/assistant/messages', payload: { text: 'Hallo' } })).statusCode, 401);
    });

    it('limits messages per user: 429 rate_limited with Retry-After past the limit, again after the window', async () => {
      for (let i = 0; i < 40; i++) assert.equal((await post(baulicht, '/v1/assistant/messages', { text: 'hi' })).statusCode, 200, `message ${i + 1}`);
      const res = await post(baulicht, '/v1/assistant/messages', { text: 'hi' });
      assert.equal(res.statusCode, 429, res.body);
      assert.equal(res.json().code, 'rate_limited');
      assert.ok(Number(res.headers['retry-after']) > 0);
      // Another user is not limited by it.
      assert.equal((await post(schmidt, '/v1/assistant/messages', { text: 'hi' })).statusCode, 200);
      const start = clock.now().toISOString();
      clock.set('2026-05-20T09:01:00.001Z');
      try {
        assert.equal((await post(baulicht, '/v1/assistant/messages', { text: 'hi' })).statusCode, 200);
      } finally {
        clock.set(start);
      }
    });
  });
});
