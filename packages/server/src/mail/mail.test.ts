import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { addDays, CartSchema, nextBusinessDay, OrderSchema, taxRateBasisPoints, trackingOf, type Order } from '@kontor/core';
import { destinationCalendar } from '../availability/calendars.js';
import * as z from 'zod/mini';
import { enqueueOrderEvent, type Outbox } from '../outbox/outbox.js';
import { sampleOrder } from '../outbox/testing/order-fixture.js';
import { startSmtpReceiver, type SmtpReceiver } from '../outbox/testing/servers.js';
import { createOutboxWorker, type OutboxWorker } from '../outbox/worker.js';
import { pick } from '../testing/cart-helpers.js';
import { auth, createTestApp, type TestApp } from '../testing/test-app.js';
import { createOrderMailer, senderName } from './mailer.js';
import { esc, orderConfirmationMail, shippingConfirmationMail } from './templates.js';
import { smtpTransport } from './transports.js';

const NOW = new Date('2026-12-02T09:15:00.000Z');
const FROM = 'Hansen Elektrogroßhandel <bestellung@hansen.example>';
/** Spaces of any kind as plain spaces (Intl puts narrow no-break spaces in some formats). */
const plain = (s: string | false | undefined) => String(s || '').replace(/[\u00a0\u202f]/g, ' ');
/** The text part with runs of spaces (the column padding) as one. */
const flat = (s: string | false | undefined) => plain(s).replace(/ {2,}/g, ' ');

describe('order mails over SMTP', () => {
  let t: TestApp;
  let smtp: SmtpReceiver;
  let worker: OutboxWorker;
  const outbox: Outbox = { webhookTargets: [], mail: true, notify: () => {} };
  const deps = { now: () => NOW, outbox };
  const logs: string[] = [];

  before(async () => {
    t = await createTestApp({ now: () => NOW });
    smtp = await startSmtpReceiver();
    const logger = { info: (_o: object, msg?: string) => void logs.push(msg ?? ''), warn: () => {}, error: () => {} };
    const mailer = createOrderMailer({ db: t.db, transports: [smtpTransport(smtp.url)], from: FROM, logger });
    worker = createOutboxWorker({ db: t.db, now: () => NOW, mailer, logger });
  });
  after(async () => {
    await smtp.close();
    await t.close();
  });
  beforeEach(() => {
    smtp.mails.length = 0;
    logs.length = 0;
  });

  const send = async (companyId: string, order: Order, type: 'order.placed' | 'order.status_changed' = 'order.placed', previousStatus: Order['status'] | null = null) => {
    await t.db.transaction().execute((trx) => enqueueOrderEvent(trx, deps, { type, companyId, order, previousStatus }));
    const result = await worker.runOnce();
    assert.equal(result.delivered, 1, JSON.stringify(result));
  };

  it('confirms an order in German to the user who placed it, HTML and text', async () => {
    await send('cmp_mueller', sampleOrder({ id: 'ord_m1' }));
    const [mail] = await smtp.waitFor(1);
    assert.ok(mail);
    assert.equal(mail.subject, 'Bestellbestätigung K-2026-000123');
    assert.deepEqual(smtp.mails[0]!.envelopeTo, ['einkauf@elektro-mueller.de']);
    assert.equal(mail.from?.value[0]?.address, 'bestellung@hansen.example');
    assert.equal(mail.from?.value[0]?.name, 'Hansen Elektrogroßhandel');
    assert.equal(mail.headers.get('x-kontor-order'), 'K-2026-000123');
    const text = flat(mail.text);
    for (const expected of [
      'Guten Tag Einkauf Elektro Müller,',
      'Bestellnummer:',
      'K-2026-000123',
      'Bestelldatum:',
      '02.12.2026, 10:15',
      'Ihre Bestellnummer (PO): PO-4711',
      'Kostenstelle:',
      'KST 12',
      'Wunschliefertermin:',
      'Mi, 09.12.2026',
      'Voraussichtliche Lieferung:',
      'Fr, 04.12.2026',
      'LM-1001 Installationskabel NYM-J 3x1,5',
      '200 m × 0,97 € = 194,00 €',
      '20 Stk × 2,77 € = 55,40 €',
      '1 Stk × 10,00 € = 10,00 €',
      'Summe netto:',
      '259,40 €',
      'zzgl. 19 % USt. auf 249,40 €: 47,39 €',
      'zzgl. 7 % USt. auf 10,00 €:',
      '0,70 €',
      'Gesamtbetrag:',
      '307,49 €',
      'Industriestraße 5',
      '20097 Hamburg\n Deutschland\n',
      'Auf Rechnung',
    ]) {
      assert.ok(text.includes(expected), `text has "${expected}":\n${text}`);
    }
    // Rates are basis points: never "1900 %"; no dot after the weekday; the country by name.
    assert.doesNotMatch(text, /1900|700 %|Mi\.|Fr\.|\bDE\b/);
    const html = plain(mail.html);
    assert.match(html, /<html lang="de">/);
    assert.ok(html.includes('307,49 €'));
    assert.ok(html.includes('zzgl. 19 % USt. auf 249,40 €'));
    assert.ok(html.includes('zzgl. 7 % USt. auf 10,00 €'));
    assert.ok(html.includes('>20 Stk<') && html.includes('Mi, 09.12.2026'), html);
    assert.ok(html.includes('20097 Hamburg<br>Deutschland</p>'), html);
    assert.doesNotMatch(html, /1900|700 %/);
    // Quotes and ampersands of product names arrive escaped.
    assert.ok(html.includes('Schalter &amp; Dose &quot;Weiß&quot;'), html);
    assert.ok(html.includes('Hansen Elektrogroßhandel'));
  });

  it('confirms in English to an English user; prepayment shows the bank details and the order number as reference', async () => {
    const order = sampleOrder({
      id: 'ord_m2',
      number: 'K-2026-000124',
      placedBy: { userId: 'usr_baulicht1', name: 'Purchasing Bau & Licht' },
      purchaseOrderNumber: null,
      costCenter: null,
      requestedDeliveryDate: null,
      payment: {
        method: 'prepayment',
        ibanMasked: null,
        accountHolder: null,
        mandateReference: null,
        bankDetails: { accountHolder: 'Hansen Elektrogroßhandel GmbH', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', bank: 'Commerzbank', reference: 'K-2026-000124' },
      },
    });
    await send('cmp_baulicht', order);
    const [mail] = await smtp.waitFor(1);
    assert.equal(mail!.subject, 'Order confirmation K-2026-000124');
    assert.deepEqual(smtp.mails[0]!.envelopeTo, ['kauf@baulicht.de']);
    const text = flat(mail!.text);
    for (const expected of [
      'Hello Purchasing Bau & Licht,',
      'Order number:',
      'Order date:',
      '2 Dec 2026, 10:15',
      'Expected delivery:',
      'Fri 4 Dec 2026',
      '200 m × €0.97 = €194.00',
      '20 pcs × €2.77 = €55.40',
      '1 pc × €10.00 = €10.00',
      'VAT 19% on €249.40: €47.39',
      'VAT 7% on €10.00: €0.70',
      '20097 Hamburg\n Germany\n',
      'Total:',
      '€307.49',
      'Prepayment: please transfer €307.49',
      'Hansen Elektrogroßhandel GmbH',
      'DE89 3704 0044 0532 0130 00',
      'COBADEFFXXX',
      'Reference:',
      'K-2026-000124',
    ]) {
      assert.ok(text.includes(expected), `text has "${expected}":\n${text}`);
    }
    assert.ok(!text.includes('PO number'), 'no PO line without a PO number');
    assert.ok(!text.includes('Requested delivery'), 'no requested date when none was asked for');
    const html = plain(mail!.html);
    assert.match(html, /<html lang="en">/);
    assert.ok(html.includes('Hello Purchasing Bau &amp; Licht,'));
    assert.ok(html.includes('DE89 3704 0044 0532 0130 00'));
    assert.ok(html.includes('VAT 19% on €249.40') && html.includes('VAT 7% on €10.00'), html);
    assert.ok(html.includes('20097 Hamburg<br>Germany</p>'), html);
    assert.doesNotMatch(html, /1900|700%|Fri,/);
  });

  it('SEPA direct debit: the mandate reference and the masked IBAN', async () => {
    const order = sampleOrder({
      id: 'ord_m3',
      payment: { method: 'sepa_debit', ibanMasked: 'DE** **** **** **** **30 00', accountHolder: 'Elektro Müller GmbH', mandateReference: 'KM-2026-000123', bankDetails: null },
    });
    await send('cmp_mueller', order);
    const [mail] = await smtp.waitFor(1);
    const text = flat(mail!.text);
    assert.ok(text.includes('SEPA-Lastschrift'), text);
    assert.ok(text.includes('Mandatsreferenz:') && text.includes('KM-2026-000123'), text);
    assert.ok(text.includes('DE** **** **** **** **30 00'), text);
    // Who collects: the seller as creditor, with its creditor ID (from the seller profile).
    assert.ok(text.includes('Zahlungsempfänger: Hansen Elektrogroßhandel GmbH'), text);
    assert.ok(text.includes('Gläubiger-ID: DE98ZZZ09999999999'), text);
    assert.ok(plain(mail!.html).includes('KM-2026-000123'));
    assert.ok(plain(mail!.html).includes('DE98ZZZ09999999999'));
  });

  it('escapes every value in the HTML: a PO number and a comment with markup arrive as text', async () => {
    const order = sampleOrder({
      id: 'ord_m4',
      purchaseOrderNumber: '<script>alert(1)</script>',
      comment: 'Bitte <b>nicht</b> vor 8 Uhr & nur an "Tor 3"\n<img src=x onerror=alert(2)>',
      deliveryAddress: { name: 'Müller <GmbH>', street: 'Industriestraße 5', postcode: '20097', city: 'Hamburg', country: 'DE' },
    });
    await send('cmp_mueller', order);
    const [mail] = await smtp.waitFor(1);
    const html = mail!.html as string;
    assert.ok(!html.includes('<script'), 'no script element');
    assert.ok(!html.includes('<img'), 'no img element');
    assert.ok(!html.includes('<b>nicht'), 'no markup from the comment');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), html);
    assert.ok(html.includes('Bitte &lt;b&gt;nicht&lt;/b&gt; vor 8 Uhr &amp; nur an &quot;Tor 3&quot;'), html);
    assert.ok(html.includes('&lt;img src=x onerror=alert(2)&gt;'));
    assert.ok(html.includes('Müller &lt;GmbH&gt;'));
    // The text part keeps them as they were typed.
    assert.ok(flat(mail!.text).includes('Ihre Bestellnummer (PO): <script>alert(1)</script>'));
    assert.ok(plain(mail!.text).includes('<img src=x onerror=alert(2)>'));
  });

  it('sends the shipping confirmation with carrier, tracking number and tracking link', async () => {
    const tracking = trackingOf('DHL', '00340434161094042557');
    const order = sampleOrder({ id: 'ord_m5', status: 'shipped', tracking });
    await send('cmp_mueller', order, 'order.status_changed', 'in_fulfilment');
    const [mail] = await smtp.waitFor(1);
    assert.equal(mail!.subject, 'Ihre Bestellung K-2026-000123 ist unterwegs');
    const text = flat(mail!.text);
    assert.ok(text.includes('Versanddienstleister:') && text.includes('DHL'), text);
    assert.ok(text.includes('Sendungsnummer:') && text.includes('00340434161094042557'), text);
    assert.ok(text.includes(`Sendung verfolgen: ${tracking.url}`), text);
    assert.ok(text.includes('200 m LM-1001'), text);
    assert.ok(text.includes('20 Stk LM-1002') && text.includes('1 Stk LM-1003'), text);
    assert.ok(text.includes('20097 Hamburg\n Deutschland\n'), text);
    const html = mail!.html as string;
    assert.ok(html.includes('20097 Hamburg<br>Deutschland</p>'), html);
    assert.ok(html.includes(`href="${esc(tracking.url)}"`), html);
    assert.ok(html.includes('Sendung verfolgen'));

    // In English, to an English user.
    smtp.mails.length = 0;
    const en = sampleOrder({ id: 'ord_m6', status: 'shipped', tracking, placedBy: { userId: 'usr_mueller3', name: 'Rechnungsprüfung' } });
    await send('cmp_mueller', en, 'order.status_changed', 'confirmed');
    const [enMail] = await smtp.waitFor(1);
    assert.equal(enMail!.subject, 'Your order K-2026-000123 has shipped');
    assert.ok(flat(enMail!.text).includes(`Track your parcel: ${tracking.url}`));
    assert.ok(flat(enMail!.text).includes('Carrier:'));
    assert.ok(flat(enMail!.text).includes('20 pcs LM-1002') && flat(enMail!.text).includes('1 pc LM-1003'), enMail!.text as string);
    assert.ok(flat(enMail!.text).includes('20097 Hamburg\n Germany\n'), enMail!.text as string);
  });

  it("sends a cancellation with the ERP's note as the reason, in the buyer's language", async () => {
    const cancelled = (id: string, placedBy?: Order['placedBy']) =>
      sampleOrder({
        id,
        status: 'cancelled',
        ...(placedBy ? { placedBy } : {}),
        timeline: [
          { status: 'placed', at: '2026-12-02T09:15:00.000Z', note: null, carrier: null, trackingNumber: null },
          { status: 'cancelled', at: '2026-12-03T08:00:00.000Z', note: 'Auf Kundenwunsch storniert', carrier: null, trackingNumber: null },
        ],
      });
    await send('cmp_mueller', cancelled('ord_c1'), 'order.status_changed', 'placed');
    const [mail] = await smtp.waitFor(1);
    assert.equal(mail!.subject, 'Ihre Bestellung K-2026-000123 wurde storniert');
    const text = flat(mail!.text);
    assert.ok(text.includes('wurde storniert; sie wird nicht geliefert.'), text);
    assert.ok(text.includes('Grund: Auf Kundenwunsch storniert'), text);
    assert.ok(text.includes('Stornierte Positionen:') && text.includes('20 Stk LM-1002'), text);
    assert.ok(!text.includes('Sendung verfolgen'), text);
    assert.ok(plain(mail!.html).includes('Auf Kundenwunsch storniert'));

    smtp.mails.length = 0;
    await send('cmp_mueller', cancelled('ord_c2', { userId: 'usr_mueller3', name: 'Rechnungsprüfung' }), 'order.status_changed', 'confirmed');
    const [en] = await smtp.waitFor(1);
    assert.equal(en!.subject, 'Your order K-2026-000123 has been cancelled');
    assert.ok(flat(en!.text).includes('Reason: Auf Kundenwunsch storniert'), en!.text as string);
  });

  it('a tracking URL that is not http(s) is never linked', async () => {
    const order = sampleOrder({ id: 'ord_m7', status: 'shipped', tracking: { carrier: 'Eigene Spedition', trackingNumber: 'X-1', url: 'javascript:alert(1)' } });
    await send('cmp_mueller', order, 'order.status_changed', 'in_fulfilment');
    const [mail] = await smtp.waitFor(1);
    assert.ok(!(mail!.html as string).includes('javascript:'));
    assert.ok(!plain(mail!.text).includes('javascript:'));
    assert.ok(plain(mail!.text).includes('Eigene Spedition'));
  });

  it('an order placed through a partner portal (no user) goes to the company\'s admins, else it is skipped with a log line', async () => {
    const viaPortal = { userId: null, name: 'ElektroPartner Nord GmbH' };
    await send('cmp_mueller', sampleOrder({ id: 'ord_m8', placedBy: viaPortal, via: { channel: 'partner', partnerId: 'ptn_nord' } }));
    await smtp.waitFor(1);
    assert.deepEqual(smtp.mails[0]!.envelopeTo, ['anna.mueller@elektro-mueller.de']);
    assert.ok(plain(smtp.mails[0]!.text).startsWith('Guten Tag Anna Müller,'));

    // Sonnenstrom has no users at all: delivered (nothing to retry), no mail, one log line.
    await send('cmp_sonne', sampleOrder({ id: 'ord_m9', placedBy: viaPortal, via: { channel: 'partner', partnerId: 'ptn_sued' } }));
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(smtp.mails.length, 1);
    assert.ok(logs.some((l) => l.includes('no recipient')), logs.join('\n'));
  });

  it('no mail for other status changes (the webhooks get those)', async () => {
    // The outbox gives them no mail target; the mailer ignores them too.
    const mailer = createOrderMailer({ db: t.db, transports: [smtpTransport(smtp.url)], from: FROM });
    await mailer.deliver({ id: 'evt_x', type: 'order.status_changed', sequence: 2, occurredAt: NOW.toISOString(), companyId: 'cmp_mueller', data: { order: sampleOrder({ status: 'confirmed' }), previousStatus: 'placed' } });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(smtp.mails.length, 0);
  });

  it('sends nothing for an event whose transaction rolled back', async () => {
    await assert.rejects(
      t.db.transaction().execute(async (trx) => {
        await enqueueOrderEvent(trx, deps, { type: 'order.placed', companyId: 'cmp_mueller', order: sampleOrder({ id: 'ord_rb' }), previousStatus: null });
        throw new Error('stock is gone');
      }),
    );
    assert.deepEqual(await worker.runOnce(), { delivered: 0, retried: 0, dead: 0 });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(smtp.mails.length, 0);
  });

  it('an SMTP server that refuses is retried', async () => {
    const down = createOrderMailer({ db: t.db, transports: [smtpTransport('smtp://127.0.0.1:1?ignoreTLS=true&connectionTimeout=2000')], from: FROM });
    const w = createOutboxWorker({ db: t.db, now: () => NOW, mailer: down });
    await enqueueOrderEvent(t.db, deps, { type: 'order.placed', companyId: 'cmp_mueller', order: sampleOrder({ id: 'ord_down' }), previousStatus: null });
    assert.deepEqual(await w.runOnce(), { delivered: 0, retried: 1, dead: 0 });
  });

  it('a local SMTP server offering STARTTLS with a self-signed certificate works with a plain smtp:// URL', async () => {
    const tls = await startSmtpReceiver({ starttls: true });
    try {
      await smtpTransport(tls.url).send({ from: FROM, to: ['a@b.example'], subject: 'TLS', text: 'x', html: '<p>x</p>' });
      const [mail] = await tls.waitFor(1);
      assert.equal(mail!.subject, 'TLS');
    } finally {
      await tls.close();
    }
  });

  it('signs with the display name of the sender', () => {
    assert.equal(senderName(FROM), 'Hansen Elektrogroßhandel');
    assert.equal(senderName('"Hansen, Elektro" <a@b.example>'), 'Hansen, Elektro');
    assert.equal(senderName('bestellung@hansen.example'), 'bestellung@hansen.example');
  });
});

describe('order mail wording', () => {
  const line = (unit: Order['lines'][number]['unit'], quantity: number, priceUnit = 1): Order['lines'][number] => ({
    ...sampleOrder().lines[0]!, sku: `U-${unit}-${quantity}`, unit, quantity, priceUnit,
  });
  const withLines = (lines: Order['lines']) => sampleOrder({ lines, lineCount: lines.length });
  const both = (order: Order, lang: 'de' | 'en') =>
    [orderConfirmationMail(order, { name: 'X', locale: lang }, 'S'), shippingConfirmationMail(order, { name: 'X', locale: lang }, 'S')].map((m) => ({ text: flat(m.text), html: plain(m.html) }));

  it('words units as the shop does: singular for one, plural otherwise, in both mails and both parts', () => {
    const order = withLines([line('roll', 5), line('roll', 1), line('pack', 2), line('pack', 1), line('box', 3), line('box', 1), line('piece', 3), line('piece', 1), line('kg', 2), line('liter', 1)]);
    const expected = {
      de: ['5 Rollen', '1 Rolle', '2 Packungen', '1 Packung', '3 Kartons', '1 Karton', '3 Stk', '1 Stk', '2 kg', '1 l'],
      en: ['5 rolls', '1 roll', '2 packs', '1 pack', '3 boxes', '1 box', '3 pcs', '1 pc', '2 kg', '1 l'],
    };
    for (const lang of ['de', 'en'] as const) {
      for (const { text, html } of both(order, lang)) {
        for (const q of expected[lang]) {
          assert.ok(text.includes(`${q} `), `${lang} text has "${q}":\n${text}`);
          assert.ok(html.includes(`>${q}<`), `${lang} HTML has "${q}"`);
        }
      }
    }
  });

  it('a price per several units counts them: "je 100 Stk" / "per 100 pcs", "je 2 Rollen" / "per 2 rolls"', () => {
    const order = withLines([line('piece', 300, 100), line('roll', 4, 2)]);
    const [de] = both(order, 'de');
    const [en] = both(order, 'en');
    assert.ok(de!.text.includes('300 Stk × 0,97 € je 100 Stk') && de!.text.includes('4 Rollen × 0,97 € je 2 Rollen'), de!.text);
    assert.ok(en!.text.includes('300 pcs × €0.97 per 100 pcs') && en!.text.includes('4 rolls × €0.97 per 2 rolls'), en!.text);
  });

  it('prints VAT rates from basis points, fractions included', () => {
    const order = sampleOrder();
    const odd = { ...order, totals: { ...order.totals, taxes: [{ rate: 550, net: order.totals.net, tax: order.totals.tax }] } };
    const [de] = both(odd, 'de');
    const [en] = both(odd, 'en');
    assert.ok(de!.text.includes('zzgl. 5,5 % USt. auf 259,40 €') && de!.html.includes('zzgl. 5,5 % USt. auf 259,40 €'), de!.text);
    assert.ok(en!.text.includes('VAT 5.5% on €259.40') && en!.html.includes('VAT 5.5% on €259.40'), en!.text);
  });

  it('names the country in the mail\'s language; a code Intl does not know stays as it is', () => {
    const to = (country: string) => sampleOrder({ deliveryAddress: { name: 'N', street: 'S 1', postcode: '1010', city: 'Wien', country } });
    assert.ok(both(to('AT'), 'de')[0]!.text.includes('1010 Wien\n Österreich\n'));
    assert.ok(both(to('AT'), 'en')[1]!.text.includes('1010 Wien\n Austria\n'));
    assert.ok(both(to('CH'), 'de')[1]!.html.includes('1010 Wien<br>Schweiz</p>'));
    assert.ok(both(to('QQ'), 'de')[0]!.text.includes('1010 Wien\n QQ\n'));
  });

  it('dates like the shop: "Mi, 09.12.2026" (no dot after the weekday) and "Wed 9 Dec 2026"', () => {
    const order = sampleOrder({ requestedDeliveryDate: '2026-12-08', promisedDelivery: '2026-12-31' });
    const [de] = both(order, 'de');
    const [en] = both(order, 'en');
    assert.ok(de!.text.includes('Wunschliefertermin: Di, 08.12.2026') && de!.text.includes('Voraussichtliche Lieferung: Do, 31.12.2026'), de!.text);
    assert.ok(en!.text.includes('Requested delivery date: Tue 8 Dec 2026') && en!.text.includes('Expected delivery: Thu 31 Dec 2026'), en!.text);
    assert.ok(de!.html.includes('Di, 08.12.2026') && en!.html.includes('Tue 8 Dec 2026'));
  });
});

describe('the confirmation of an order placed through the API', () => {
  let t: TestApp;
  let smtp: SmtpReceiver;
  before(async () => {
    smtp = await startSmtpReceiver();
    t = await createTestApp({ mail: { smtpUrl: smtp.url, devMailbox: false, from: FROM }, outboxWorker: { pollMs: 50 } });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  it('shows the real order\'s VAT rate, units and country as the shop does', async () => {
    const onHand = (sku: string) => t.world.stock.filter((s) => s.sku === sku).reduce((n, s) => n + s.onHand - s.reserved, 0);
    const roll = pick(t).simple().find((p) => p.unit === 'roll' && onHand(p.sku) >= 5)!;
    assert.ok(roll, 'the demo world has a roll product in stock');
    const token = await t.login('einkauf@elektro-mueller.de');
    const send = (method: 'POST', url: string, payload: object, headers: Record<string, string> = {}) =>
      t.app.inject({ method, url, headers: { ...auth(token), ...headers }, payload });
    const created = await send('POST', '/v1/carts', {});
    assert.equal(created.statusCode, 201, created.body);
    const empty = z.parse(CartSchema, created.json());
    const filled = await send('POST', `/v1/carts/${empty.id}/changes`, { version: empty.version, changes: [{ op: 'add', sku: roll.sku, quantity: 5 }] });
    assert.equal(filled.statusCode, 200, filled.body);
    const cart = z.parse(CartSchema, filled.json());
    const placed = await send(
      'POST',
      '/v1/orders',
      { cartId: cart.id, cartVersion: cart.version, expectedGross: cart.totals.gross, deliveryAddress: { addressId: 'adr_muellerHq' }, payment: { method: 'invoice' } },
      { 'idempotency-key': randomUUID() },
    );
    assert.equal(placed.statusCode, 201, placed.body);
    const order = z.parse(OrderSchema, placed.json());
    assert.deepEqual(order.totals.taxes.map((x) => x.rate), [taxRateBasisPoints('standard')]);

    const [mail] = await smtp.waitFor(1, 5000);
    const text = flat(mail!.text);
    assert.match(text, /zzgl\. 19 % USt\. auf [\d.,]+ €:/);
    assert.ok(text.includes(`5 Rollen × `), text);
    assert.ok(text.includes('20457 Hamburg\n Deutschland\n'), text);
    assert.doesNotMatch(plain(mail!.html), /1900 %/);
  });

  it('names one expected delivery: the requested day, as the order and each of its lines say', async () => {
    const onHand = (sku: string) => t.world.stock.filter((s) => s.sku === sku).reduce((n, s) => n + s.onHand - s.reserved, 0);
    const [p] = pick(t).simple().filter((x) => x.quantityRules.min === 1 && x.unit !== 'roll' && onHand(x.sku) >= 5);
    const token = await t.login('einkauf@elektro-mueller.de');
    const send = (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
      t.app.inject({ method, url, headers: { ...auth(token), ...headers }, ...(payload ? { payload } : {}) });
    const empty = z.parse(CartSchema, (await send('POST', '/v1/carts', {})).json());
    const cart = z.parse(CartSchema, (await send('POST', `/v1/carts/${empty.id}/changes`, { version: empty.version, changes: [{ op: 'add', sku: p!.sku, quantity: 1 }] })).json());
    const options = (await send('GET', `/v1/checkout/options?cartId=${cart.id}`)).json() as { earliestDelivery: string };
    // A business day in Germany a week after the earliest one (whatever day the suite runs on).
    const requested = nextBusinessDay(destinationCalendar('DE', new Date().getUTCFullYear()), addDays(options.earliestDelivery, 7));
    const seen = smtp.mails.length;
    const placed = await send(
      'POST',
      '/v1/orders',
      { cartId: cart.id, cartVersion: cart.version, expectedGross: cart.totals.gross, deliveryAddress: { addressId: 'adr_muellerHq' }, requestedDeliveryDate: requested, payment: { method: 'invoice' } },
      { 'idempotency-key': randomUUID() },
    );
    assert.equal(placed.statusCode, 201, placed.body);
    const order = z.parse(OrderSchema, placed.json());

    const mails = await smtp.waitFor(seen + 1, 5000);
    const mail = mails.find((m) => m.subject === `Bestellbestätigung ${order.number}`)!;
    const text = flat(mail.text);
    const [y, m, d] = requested.split('-');
    const asked = /Wunschliefertermin: (.+)/.exec(text)?.[1];
    const expected = /Voraussichtliche Lieferung: (.+)/.exec(text)?.[1];
    assert.ok(asked?.endsWith(`${d}.${m}.${y}`), text);
    assert.equal(expected, asked, text);
    assert.deepEqual([order.promisedDelivery, ...order.lines.map((l) => l.promisedDelivery)], [requested, requested]);
  });
});
