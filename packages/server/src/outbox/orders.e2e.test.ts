import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { AvailabilityResponseSchema, OrderSchema, OrderWebhookEventSchema, formatMoney, type AvailabilityItem, type Cart } from '@kontor/core';
import * as z from 'zod/mini';
import { DEMO_ERP_KEY } from '../seed/world.js';
import { cartApi, pick } from '../testing/cart-helpers.js';
import { auth, createTestApp, type TestApp } from '../testing/test-app.js';
import { startSmtpReceiver, startWebhookReceiver, type SmtpReceiver, type WebhookReceiver } from './testing/servers.js';
import { verifyWebhookSignature } from './webhook.js';

const SECRET = 'whsec_e2e_0123456789';
const plain = (s: string | false | undefined) => String(s || '').replace(/[\u00a0\u202f]/g, ' ');

/**
 * Issue 5's "done when", on the server: a buyer places an order through the API, the confirmation
 * arrives over SMTP and the ERP webhook gets `order.placed`; the ERP marks it shipped and the
 * shipping mail with the tracking link arrives, the webhook gets `order.status_changed`.
 */
describe('orders end to end: POST /v1/orders → mail over SMTP and signed webhooks', () => {
  let t: TestApp;
  let smtp: SmtpReceiver;
  let hook: WebhookReceiver;
  before(async () => {
    smtp = await startSmtpReceiver();
    hook = await startWebhookReceiver();
    t = await createTestApp({
      mail: { smtpUrl: smtp.url },
      webhooks: [{ name: 'erp', url: hook.url, secret: SECRET }],
      // Polling off in effect: delivery must come from the wake-up after the commit.
      outboxWorker: { pollMs: 60_000 },
    });
  });
  after(async () => {
    await t.close();
    await smtp.close();
    await hook.close();
  });

  const waitForHooks = async (n: number) => {
    const deadline = Date.now() + 5000;
    while (hook.requests.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(hook.requests.length, n);
  };

  it('confirms a placed order and its shipping by mail and webhook', async () => {
    const token = await t.login('einkauf@elektro-mueller.de');
    const carts = cartApi(t);
    const onHand = (sku: string) => t.world.stock.filter((s) => s.sku === sku).reduce((n, s) => n + s.onHand - s.reserved, 0);
    const [a, b] = pick(t)
      .simple()
      .filter((p) => p.quantityRules.min === 1 && onHand(p.sku) >= 10);
    let cart: Cart = await carts.create(token);
    cart = await carts.changed(token, cart, [
      { op: 'add', sku: a!.sku, quantity: 3 },
      { op: 'add', sku: b!.sku, quantity: 2 },
    ]);
    const avail = await t.app.inject({ method: 'POST', url: '/v1/availability', headers: auth(token), payload: { destination: 'DE', items: cart.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })) } });
    const items = z.parse(AvailabilityResponseSchema, avail.json()).items as AvailabilityItem[];
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...auth(token), 'idempotency-key': randomUUID() },
      payload: {
        cartId: cart.id,
        cartVersion: cart.version,
        expectedGross: cart.totals.gross,
        expectedLines: cart.lines.map((l, i) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice!, promisedDelivery: items[i]!.earliestDelivery })),
        deliveryAddress: { addressId: 'adr_muellerHq' },
        purchaseOrderNumber: 'PO <E2E> & Co',
        payment: { method: 'prepayment' },
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const order = z.parse(OrderSchema, res.json());

    // The confirmation over SMTP, to the buyer, in German.
    const [mail] = await smtp.waitFor(1, 5000);
    assert.equal(mail!.subject, `Bestellbestätigung ${order.number}`);
    assert.deepEqual(smtp.mails[0]!.envelopeTo, ['einkauf@elektro-mueller.de']);
    const text = plain(mail!.text);
    assert.ok(text.includes(order.number));
    assert.ok(text.includes(plain(formatMoney(order.totals.gross, 'de'))), text);
    for (const line of order.lines) assert.ok(text.includes(line.sku), `mail names ${line.sku}`);
    assert.ok(text.includes(order.payment.bankDetails!.iban), 'prepayment: the bank details');
    assert.ok((mail!.html as string).includes('PO &lt;E2E&gt; &amp; Co'));

    // The webhook: order.placed, signed, the same order.
    await waitForHooks(1);
    const placed = hook.requests[0]!;
    assert.ok(verifyWebhookSignature(SECRET, placed.body, String(placed.headers['kontor-signature'])));
    const placedEvent = z.parse(OrderWebhookEventSchema, JSON.parse(placed.body));
    assert.equal(placedEvent.type, 'order.placed');
    assert.equal(placedEvent.data.order.number, order.number);

    // The ERP ships it: the shipping mail with the tracking link, and order.status_changed.
    const shipped = await t.app.inject({
      method: 'POST',
      url: '/v1/erp/order-status',
      headers: { ...auth(DEMO_ERP_KEY), 'idempotency-key': randomUUID() },
      payload: { updates: [{ number: order.number, status: 'shipped', carrier: 'DHL', trackingNumber: '00340434161094042557' }] },
    });
    assert.equal(shipped.statusCode, 200, shipped.body);
    await smtp.waitFor(2, 5000);
    const shipping = smtp.mails[1]!;
    assert.equal(shipping.subject, `Ihre Bestellung ${order.number} ist unterwegs`);
    assert.ok(plain(shipping.text).includes('00340434161094042557'));
    assert.ok((shipping.html as string).includes('href="https://www.dhl.de/de/privatkunden/dhl-sendungsverfolgung.html?piececode=00340434161094042557"'));
    await waitForHooks(2);
    const changed = z.parse(OrderWebhookEventSchema, JSON.parse(hook.requests[1]!.body));
    assert.equal(changed.type, 'order.status_changed');
    assert.equal(changed.data.previousStatus, 'placed');
    assert.equal(changed.data.order.status, 'shipped');
    assert.equal(changed.data.order.tracking?.trackingNumber, '00340434161094042557');
  });
});
