import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { enqueueOrderEvent, type OutboxDeps } from '../outbox/outbox.js';
import { sampleOrder } from '../outbox/testing/order-fixture.js';
import { startSmtpReceiver, startWebhookReceiver, type SmtpReceiver, type WebhookReceiver } from '../outbox/testing/servers.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { describeMail, mailOptionsFromEnv } from './env.js';

/** What the app's routes pass to enqueueOrderEvent: its clock and its outbox. */
const depsOf = (t: TestApp): OutboxDeps => ({ now: () => new Date(), outbox: t.app.kontorOutbox });

describe('createApp with mail and webhooks: SMTP, the dev mailbox, the worker', () => {
  let t: TestApp;
  let smtp: SmtpReceiver;
  let hook: WebhookReceiver;
  before(async () => {
    smtp = await startSmtpReceiver();
    hook = await startWebhookReceiver();
    t = await createTestApp({
      mail: { smtpUrl: smtp.url, devMailbox: true, from: 'Hansen Elektrogroßhandel <bestellung@hansen.example>' },
      webhooks: [{ name: 'erp', url: hook.url, secret: 'whsec_app_test_1' }],
      outboxWorker: { pollMs: 50 },
    });
  });
  after(async () => {
    await t.close();
    await smtp.close();
    await hook.close();
  });

  it('delivers an event committed through the app to SMTP, the dev mailbox and the webhook', async () => {
    const order = sampleOrder({ id: 'ord_app1', purchaseOrderNumber: '<script>alert("po")</script>' });
    await t.db.transaction().execute((trx) => enqueueOrderEvent(trx, depsOf(t), { type: 'order.placed', companyId: 'cmp_mueller', order, previousStatus: null }));
    const [mail] = await smtp.waitFor(1, 5000);
    assert.equal(mail!.subject, 'Bestellbestätigung K-2026-000123');
    // Both deliveries marked: the mail went through every transport, the webhook answered.
    const deadline = Date.now() + 5000;
    const pending = () => t.db.selectFrom('outbox_deliveries').select('target').where('status', '!=', 'delivered').execute();
    while ((await pending()).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(await pending(), []);
    assert.equal(hook.requests.length, 1);
    assert.equal(hook.requests[0]!.headers['kontor-event-type'], 'order.placed');

    // The dev mailbox keeps the same mail.
    const list = await t.app.inject({ method: 'GET', url: '/dev/mailbox.json' });
    assert.equal(list.statusCode, 200);
    const items = (list.json() as { items: { id: string; subject: string; to: string }[] }).items;
    assert.equal(items.length, 1);
    assert.equal(items[0]!.subject, 'Bestellbestätigung K-2026-000123');
    assert.match(items[0]!.to, /einkauf@elektro-mueller\.de/);

    const page = await t.app.inject({ method: 'GET', url: '/dev/mailbox' });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.match(String(page.headers['content-security-policy']), /default-src 'none'/);
    assert.ok(page.body.includes(`href="/dev/mailbox/${items[0]!.id}"`));
    assert.ok(page.body.includes('Bestellbestätigung K-2026-000123'));

    const one = await t.app.inject({ method: 'GET', url: `/dev/mailbox/${items[0]!.id}` });
    assert.equal(one.statusCode, 200);
    // The mail's HTML only inside a sandboxed frame, as an attribute value: no tag of it in the page.
    assert.match(one.body, /<iframe sandbox title="HTML part" srcdoc="&lt;!doctype html&gt;/);
    assert.ok(!one.body.includes('<table style="border-collapse') && one.body.includes('&lt;table style=&quot;border-collapse'), 'the mail HTML is not part of the page');
    assert.ok(!one.body.includes('<script'), 'no script anywhere');
    // Escaped twice: once in the mail, once into the attribute.
    assert.ok(one.body.includes('&amp;lt;script&amp;gt;alert(&amp;quot;po&amp;quot;)'), one.body);
    assert.ok(one.body.includes('<pre>Guten Tag Einkauf Elektro Müller,'));

    const json = await t.app.inject({ method: 'GET', url: `/dev/mailbox/${items[0]!.id}.json` });
    assert.equal((json.json() as { html: string }).html, mail!.html);
    assert.equal((await t.app.inject({ method: 'GET', url: '/dev/mailbox/mail_nope' })).statusCode, 404);
  });

  it('without the dev mailbox option there is no /dev/mailbox', async () => {
    const plain = await createTestApp();
    try {
      assert.equal((await plain.app.inject({ method: 'GET', url: '/dev/mailbox' })).statusCode, 404);
      assert.equal((await plain.app.inject({ method: 'GET', url: '/dev/mailbox.json' })).statusCode, 404);
    } finally {
      await plain.close();
    }
  });
});

describe('mail options from the environment', () => {
  it('reads KONTOR_SMTP_URL, KONTOR_MAIL_FROM and KONTOR_DEV_MAILBOX; SMTP whenever the URL is set', () => {
    assert.deepEqual(mailOptionsFromEnv({}), { smtpUrl: undefined, devMailbox: false, from: 'Hansen Elektrogroßhandel <bestellung@hansen.example>' });
    const both = mailOptionsFromEnv({ KONTOR_SMTP_URL: 'smtp://u:secret@127.0.0.1:2525?ignoreTLS=true', KONTOR_DEV_MAILBOX: '1', KONTOR_MAIL_FROM: 'Shop <shop@example.com>' });
    assert.deepEqual(both, { smtpUrl: 'smtp://u:secret@127.0.0.1:2525?ignoreTLS=true', devMailbox: true, from: 'Shop <shop@example.com>' });
    assert.equal(describeMail(both), 'SMTP smtp://127.0.0.1:2525 + dev mailbox, from Shop <shop@example.com>');
    assert.ok(!describeMail(both).includes('secret'));
    assert.match(describeMail(mailOptionsFromEnv({})), /^off/);
    assert.throws(() => mailOptionsFromEnv({ KONTOR_SMTP_URL: 'http://mail.example' }), /smtp:\/\//);
  });
});
