import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { trackingOf, type Order } from '@kontor/core';
import { enqueueOrderEvent, type Outbox } from '../outbox/outbox.js';
import { sampleOrder } from '../outbox/testing/order-fixture.js';
import { startSmtpReceiver, type SmtpReceiver } from '../outbox/testing/servers.js';
import { createOutboxWorker, type OutboxWorker } from '../outbox/worker.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { createOrderMailer, senderName } from './mailer.js';
import { esc } from './templates.js';
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
      'Mi., 09.12.2026',
      'Voraussichtliche Lieferung:',
      'Fr., 04.12.2026',
      'LM-1001 Installationskabel NYM-J 3x1,5',
      '200 m × 0,97 € = 194,00 €',
      '20 Stück × 2,77 € = 55,40 €',
      'Summe netto:',
      '259,40 €',
      'zzgl. 19 % USt. auf 249,40 €: 47,39 €',
      'zzgl. 7 % USt. auf 10,00 €:',
      '0,70 €',
      'Gesamtbetrag:',
      '307,49 €',
      'Industriestraße 5',
      '20097 Hamburg',
      'Auf Rechnung',
    ]) {
      assert.ok(text.includes(expected), `text has "${expected}":\n${text}`);
    }
    const html = plain(mail.html);
    assert.match(html, /<html lang="de">/);
    assert.ok(html.includes('307,49 €'));
    assert.ok(html.includes('zzgl. 19 % USt. auf 249,40 €'));
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
      'Fri, 4 Dec 2026',
      '200 m × €0.97 = €194.00',
      '20 pc × €2.77 = €55.40',
      'VAT 19 % on €249.40: €47.39',
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
    assert.ok(plain(mail!.html).includes('KM-2026-000123'));
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
    const html = mail!.html as string;
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
