// The README's first command, end to end: `pnpm start`'s demo (after `pnpm build`) serves the
// wholesaler's page with live prices from SQLite and the partner portal with customer tokens.
// Drives Debian's Chromium through puppeteer-core. Run: node --test scripts/demo.test.mjs
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, get } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'packages/elements/package.json'));
const { default: puppeteer } = await import(require.resolve('puppeteer-core'));
// A real SMTP server receives the demo's order mails (smtp-server and mailparser are dev dependencies of @kontor/server).
const serverRequire = createRequire(join(root, 'packages/server/package.json'));
const { SMTPServer } = serverRequire('smtp-server');
const { simpleParser } = serverRequire('mailparser');

// Free ports of our own: the demo's defaults (8787, 8080, 8081) may be in use by a running demo,
// and fixed ones by another run of this test on the same machine.
const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
const ports = { api: await freePort(), site: await freePort(), portal: await freePort() };
let demo;
/** The site's address as the demo prints it. */
let siteUrl;
let browser;
let dataDir;
/** Mails the demo sent over SMTP, parsed. */
const mails = [];
let smtp;

/** Resolves with the first mail that `match` accepts (checked as mails arrive). */
function mailWhere(match, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no such mail within ${timeoutMs} ms; got: ${mails.map((m) => m.subject).join(' | ')}`)), timeoutMs);
    const check = () => {
      const found = mails.find(match);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      } else setTimeout(check, 100);
    };
    check();
  });
}

before(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        mails.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise((ok) => smtp.listen(0, '127.0.0.1', ok));
  const smtpUrl = `smtp://127.0.0.1:${smtp.server.address().port}?ignoreTLS=true`;
  dataDir = mkdtempSync(join(tmpdir(), 'kontor-demo-test-'));
  demo = spawn(process.execPath, ['scripts/demo.mjs'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      KONTOR_DATA_DIR: dataDir,
      KONTOR_PORT: String(ports.api),
      KONTOR_DEMO_PORT: String(ports.site),
      KONTOR_PORTAL_PORT: String(ports.portal),
      KONTOR_SMTP_URL: smtpUrl,
    },
  });
  await new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`The demo did not start:\n${out}`)), 60_000);
    const onData = (d) => {
      out += d;
      if (out.includes('Partner portal (ElektroPartner Nord) on')) {
        siteUrl = out.match(/the wholesaler's site (\S+)/)?.[1];
        clearTimeout(timer);
        ok();
      }
    };
    demo.stdout.on('data', onData);
    demo.stderr.on('data', onData);
    demo.once('exit', (code) => fail(new Error(`The demo exited with ${code}:\n${out}`)));
  });
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  if (demo?.pid) {
    try {
      process.kill(-demo.pid, 'SIGTERM'); // the demo and the servers it started
    } catch {
      // already gone
    }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await new Promise((ok) => (smtp ? smtp.close(ok) : ok()));
});

/** Product rows and their unit prices inside the page's <kontor-product-list>. */
const rows = (page) =>
  page.evaluate(() => {
    const list = document.querySelector('kontor-product-list');
    return [...(list?.shadowRoot?.querySelectorAll('[part~=item]') ?? [])].map((li) => ({
      sku: li.getAttribute('data-sku'),
      price: li.querySelector('kontor-price')?.shadowRoot?.querySelector('[part~=unit-price]')?.textContent?.trim() ?? '',
    }));
  });

/**
 * Signs in to the partner portal with its own login (the demo account is prefilled) unless this
 * browser is signed in already; resolves once the Kontor part shows.
 */
async function portalSignIn(page) {
  await page.waitForFunction(() => !document.getElementById('login').hidden || !document.getElementById('kontor').hidden, { timeout: 20_000 });
  if (await page.$eval('#login', (f) => !f.hidden)) {
    await page.waitForFunction(() => document.getElementById('login-password').value !== '', { timeout: 5_000 });
    await page.click('#login button[type=submit]');
  }
  await page.waitForFunction(() => !document.getElementById('kontor').hidden, { timeout: 20_000 });
}

describe('the demo (pnpm start)', () => {
  it("serves the wholesaler's page at the printed address, where a buyer signs in and sees live company prices", async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The printed URL as it is, no ?api=: the demo tells the page its API port (not the default 8787).
    assert.equal(siteUrl, `http://127.0.0.1:${ports.site}/shop/`);
    await page.goto(siteUrl, { waitUntil: 'networkidle0' });
    assert.equal(await page.$('kontor-product-list'), null, 'no catalogue before sign-in');
    await page.click('#login button[type=submit]');
    await page.waitForFunction(() => (document.querySelector('kontor-product-list')?.shadowRoot?.querySelectorAll('[part~=item]').length ?? 0) >= 24, { timeout: 20_000 });
    const found = await rows(page);
    assert.equal(found.length, 24);
    assert.ok(found.every((r) => /€/.test(r.price) || r.price === ''), 'prices in euros');
    assert.ok(found.some((r) => /€/.test(r.price)));
    assert.match(await page.$eval('#who', (el) => el.textContent), /Elektro Müller GmbH/);
    // Hand-off links lead to the demo's partner portal on its port.
    assert.match(await page.$eval('kontor-cart', (el) => el.getAttribute('handoff-url')), new RegExp(`^http://127.0.0.1:${ports.portal}/\\?handoff=`));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("serves the partner portal, whose browser gets a customer token and never the partner key", async () => {
    const page = await browser.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(`${r.url()} ${r.headers().authorization ?? ''}`));
    await page.goto(`http://127.0.0.1:${ports.portal}/`, { waitUntil: 'networkidle0' });
    // The portal's own sign-in first: no Kontor token before it.
    assert.equal(await page.$eval('#kontor', (el) => el.hidden), true);
    await portalSignIn(page);
    // Rows, each with its price loaded.
    await page.waitForFunction(() => {
      const items = [...(document.querySelector('kontor-product-list')?.shadowRoot?.querySelectorAll('[part~=item]') ?? [])];
      // (A product on request has no price element.)
      return items.length > 0 && items.every((li) => !li.querySelector('kontor-price') || li.querySelector('kontor-price').shadowRoot?.querySelector('[part~=unit-price]'));
    }, { timeout: 20_000 });
    const found = await rows(page);
    assert.ok(found.length > 0 && found.every((r) => /€/.test(r.price) || r.price === '') && found.some((r) => /€/.test(r.price)), 'products with prices for the customer');
    assert.match(await page.$eval('#customer', (el) => el.textContent), /Bau & Licht AG/);
    assert.ok(!(await page.content()).includes('kpk_'), 'no partner key in the page');
    assert.ok(!requests.some((r) => r.includes('kpk_')), 'no partner key on any request');
    assert.ok(requests.some((r) => r.includes('/v1/products') && /Bearer ey/.test(r)), 'Kontor called with a customer JWT');
    // A token Kontor refuses (here a forged one): the portal answers kontor-token-expired with a
    // fresh token from its server, and the elements continue with it.
    const expired = page.evaluate(() => new Promise((resolve) => document.getElementById('shop').addEventListener('kontor-token-expired', (e) => resolve(e.detail.reason), { once: true })));
    await page.evaluate(() => {
      document.getElementById('shop').token = 'eyJhbGciOiJIUzI1NiJ9.eyJjbXAiOiJjbXBfYmF1bGljaHQifQ.forged';
    });
    assert.equal(await expired, 'token_invalid');
    await page.waitForFunction(() => document.getElementById('shop').token.startsWith('ey') && !document.getElementById('shop').token.endsWith('.forged'), { timeout: 20_000 });
    await page.waitForFunction(() => (document.querySelector('kontor-product-list')?.shadowRoot?.querySelectorAll('[part~=item]').length ?? 0) > 0 && !document.querySelector('kontor-product-list').shadowRoot.querySelector('[part=error]'), { timeout: 20_000 });
    await page.close();
  });
});

/** Clicks a button inside shadow roots: `path` is a list of selectors, each inside the previous one's shadow root. */
const clickDeep = (page, path) =>
  page.evaluate((p) => {
    let node = document;
    for (const [i, selector] of p.entries()) {
      node = (i === 0 ? node : node.shadowRoot).querySelector(selector);
      if (!node) throw new Error(`not found: ${p.slice(0, i + 1).join(' → ')}`);
    }
    node.click();
  }, path);

const cartState = (page) =>
  page.evaluate(() => {
    const cart = document.querySelector('kontor-cart')?.value;
    const count = document.querySelector('kontor-cart-count')?.count;
    return cart ? { id: cart.id, lines: cart.lineCount, owner: cart.owner.kind, count } : null;
  });

describe('the cart across channels (issue 3)', () => {
  it('a buyer fills a cart by hand and by a 500-line paste, reloads, hands it to the partner portal and continues there', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const site = `http://127.0.0.1:${ports.site}/shop/?api=http://127.0.0.1:${ports.api}&portal=http://127.0.0.1:${ports.portal}`;
    await page.goto(site, { waitUntil: 'networkidle0' });
    await page.$eval('#login input[name=email]', (el) => (el.value = 'kauf@baulicht.de'));
    await page.click('#login button[type=submit]');
    await page.waitForFunction(() => (document.querySelector('kontor-product-list')?.shadowRoot?.querySelectorAll('kontor-add-to-cart').length ?? 0) > 0, { timeout: 20_000 });
    await page.waitForFunction(() => document.querySelector('kontor-cart')?.shadowRoot?.querySelector('[part=base][aria-busy=false]'), { timeout: 20_000 });

    // By hand: the first product's "add to cart" button.
    const first = await page.evaluate(() => document.querySelector('kontor-product-list').shadowRoot.querySelector('kontor-add-to-cart').sku);
    await clickDeep(page, ['kontor-product-list', 'kontor-add-to-cart', 'button']);
    await page.waitForFunction(() => document.querySelector('kontor-cart-count')?.count === 1, { timeout: 20_000 });

    // By paste: 500 other lines, copied from "Excel" (TAB-separated).
    const paste = await page.evaluate(async (skip) => {
      const client = document.getElementById('shop').client;
      const rows = [];
      let cursor;
      do {
        const page = await client.catalogue.list({ limit: 100, status: 'active', ...(cursor ? { cursor } : {}) });
        for (const p of page.items) {
          if (p.price && p.sku !== skip && rows.length < 500) rows.push(`${p.sku}\t${Math.ceil(p.quantityRules.min / p.quantityRules.step) * p.quantityRules.step}`);
        }
        cursor = page.nextCursor;
      } while (cursor && rows.length < 500);
      return rows.join('\n');
    }, first);
    assert.equal(paste.split('\n').length, 500);
    await page.evaluate((text) => {
      const quick = document.querySelector('kontor-quick-order');
      const area = quick.shadowRoot.querySelector('textarea');
      area.value = text;
      area.dispatchEvent(new Event('input'));
      quick.shadowRoot.querySelector('[part=submit]').click();
    }, paste);
    await page.waitForFunction(() => document.querySelector('kontor-cart-count')?.count === 501, { timeout: 30_000 });
    const before = await cartState(page);
    assert.equal(before.lines, 501);

    // Reload: the same cart comes back.
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForFunction(() => document.querySelector('kontor-cart')?.value?.lineCount === 501, { timeout: 20_000 });
    assert.equal((await cartState(page)).id, before.id);

    // Hand it to the partner portal: a code and a link.
    await clickDeep(page, ['kontor-cart', 'button.hand-off']);
    await page.waitForFunction(() => document.querySelector('kontor-cart').shadowRoot.querySelector('dialog.hand-off')?.open);
    await clickDeep(page, ['kontor-cart', 'dialog.hand-off button[type=submit]']);
    await page.waitForFunction(() => document.querySelector('kontor-cart').shadowRoot.querySelector('.handoff-link'), { timeout: 20_000 });
    const link = await page.evaluate(() => document.querySelector('kontor-cart').shadowRoot.querySelector('.handoff-link').href);
    assert.match(link, new RegExp(`^http://127.0.0.1:${ports.portal}/\\?handoff=KH-`));

    // The portal (a customer token for Bau & Licht) continues the same cart.
    const portal = await browser.newPage();
    portal.on('pageerror', (e) => errors.push(e.message));
    await portal.goto(link, { waitUntil: 'networkidle0' });
    await portalSignIn(portal);
    await portal.waitForFunction((id) => document.querySelector('kontor-cart')?.value?.id === id, { timeout: 20_000 }, before.id);
    const there = await cartState(portal);
    assert.equal(there.lines, 501);
    assert.equal(there.owner, 'partner');
    await portal.waitForFunction(() => document.querySelector('kontor-cart').shadowRoot.querySelectorAll('[part=remove]').length > 0, { timeout: 20_000 });
    await clickDeep(portal, ['kontor-cart', '[part=remove]']);
    await portal.waitForFunction(() => document.querySelector('kontor-cart')?.value?.lineCount === 500 && document.querySelector('kontor-cart-count')?.count === 500, { timeout: 20_000 });
    const history = await portal.evaluate(async (id) => (await document.getElementById('shop').client.cart.history(id)).map((e) => `${e.kind}:${e.via.channel}`), before.id);
    assert.deepEqual(history.slice(0, 2), ['changed:partner', 'claimed:partner']);
    assert.ok(history.includes('handed_off:web') && history.includes('created:web'));
    // The used code left the address bar: a reload shows the same cart and no claim error.
    assert.equal(new URL(portal.url()).searchParams.get('handoff'), null);
    await portal.reload({ waitUntil: 'networkidle0' });
    await portal.waitForFunction((id) => document.querySelector('kontor-cart')?.value?.id === id, { timeout: 20_000 }, before.id);
    await new Promise((r) => setTimeout(r, 1000)); // time for a claim, were one tried
    assert.equal(await portal.evaluate(() => document.querySelector('kontor-cart').shadowRoot.querySelector('[part=claim] [role=alert], [part=error]')), null);
    assert.deepEqual(errors, []);
    await portal.close();
    await page.close();
  });
});

/** The shop page signed out, with nothing remembered from the tests before; page errors are collected. */
async function freshShopPage() {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${ports.site}/shop/?api=http://127.0.0.1:${ports.api}`, { waitUntil: 'networkidle0' });
  await page.evaluate(() => {
    sessionStorage.clear();
    localStorage.clear();
  });
  await page.reload({ waitUntil: 'networkidle0' });
  return { page, errors };
}

describe('delivery promises (issue 4)', () => {
  it("a row's promise follows its quantity, and an ERP stock update reaches the row and the cart line within the refresh interval", async () => {
    // Signed out and nothing remembered from the tests before: sign in as Müller (the form's default).
    // The page asks for promises every 10 s (its demo setting).
    const { page, errors } = await freshShopPage();
    await page.click('#login button[type=submit]');
    const promiseOf = (sku) =>
      page.evaluate((s) => {
        const row = document.querySelector('kontor-product-list')?.shadowRoot?.querySelector(`[part~=item][data-sku="${s}"]`);
        return row?.querySelector('kontor-availability')?.shadowRoot?.querySelector('[part~=base][aria-busy=false] [part~=text]')?.textContent?.trim() ?? '';
      }, sku);
    await page.waitForFunction(
      () => {
        const rows = [...(document.querySelector('kontor-product-list')?.shadowRoot?.querySelectorAll('[part~=item]') ?? [])];
        return rows.length >= 24 && rows.every((r) => r.querySelector('kontor-availability')?.shadowRoot?.querySelector('[part~=text]'));
      },
      { timeout: 20_000 },
    );
    // A row in stock with room above its stock: ask the SDK how much is there now.
    const target = await page.evaluate(async () => {
      const client = document.getElementById('shop').client;
      const rows = [...document.querySelector('kontor-product-list').shadowRoot.querySelectorAll('[part~=item]')];
      for (const row of rows) {
        const quantity = row.querySelector('kontor-quantity');
        if (!row.querySelector('kontor-add-to-cart')) continue;
        const { min, step, max } = quantity.effectiveRules;
        const [answer] = (await client.availability.check({ destination: 'DE', items: [{ sku: row.dataset.sku, quantity: quantity.value }] })).items;
        if (answer.error || answer.status !== 'in_stock') continue;
        const beyond = Math.max(min, Math.ceil((answer.availableNow + 1) / step) * step);
        if (max == null || beyond <= max) return { sku: row.dataset.sku, beyond };
      }
      return null;
    });
    assert.ok(target, 'a row in stock whose quantity can go beyond its stock');
    const inStock = await promiseOf(target.sku);
    assert.match(inStock, /^Auf Lager – Lieferung \S+, \d\d\.\d\d\.$/);

    // The buyer types a quantity beyond the stock: the promise splits.
    await page.evaluate(({ sku, beyond }) => {
      const row = document.querySelector('kontor-product-list').shadowRoot.querySelector(`[part~=item][data-sku="${sku}"]`);
      const input = row.querySelector('kontor-quantity').shadowRoot.querySelector('input');
      input.value = String(beyond);
      input.dispatchEvent(new Event('change'));
    }, target);
    await page.waitForFunction((sku, before) => {
      const row = document.querySelector('kontor-product-list').shadowRoot.querySelector(`[part~=item][data-sku="${sku}"]`);
      const text = row.querySelector('kontor-availability').shadowRoot.querySelector('[part~=base][aria-busy=false] [part~=text]')?.textContent.trim();
      return text && text !== before;
    }, { timeout: 10_000 }, target.sku, inStock);
    const split = await promiseOf(target.sku);
    assert.match(split, /sofort|^Lieferbar ab/);

    // Into the cart: its line shows the same promise.
    await page.evaluate((sku) => {
      const row = document.querySelector('kontor-product-list').shadowRoot.querySelector(`[part~=item][data-sku="${sku}"]`);
      row.querySelector('kontor-add-to-cart').shadowRoot.querySelector('button').click();
    }, target.sku);
    const cartPromise = (sku) =>
      page.evaluate((s) => document.querySelector('kontor-cart')?.shadowRoot?.querySelector(`[part=line][data-sku="${s}"] [part~=availability][data-tone]`)?.textContent?.trim() ?? '', sku);
    await page.waitForFunction(
      (sku, text) => document.querySelector('kontor-cart')?.shadowRoot?.querySelector(`[part=line][data-sku="${sku}"] [part~=availability][data-tone]`)?.textContent?.trim() === text,
      { timeout: 15_000 },
      target.sku,
      split,
    );

    // The seller's ERP reports: nothing left in any warehouse, nothing incoming.
    const res = await fetch(`http://127.0.0.1:${ports.api}/v1/erp/stock`, {
      method: 'PUT',
      headers: { authorization: 'Bearer kek_demo_erp_2026', 'content-type': 'application/json' },
      body: JSON.stringify({ positions: ['wh_hamburg', 'wh_muenchen'].map((warehouseId) => ({ warehouseId, sku: target.sku, onHand: 0, reserved: 0, receipts: [] })) }),
    });
    assert.equal(res.status, 200, await res.text());
    await page.waitForFunction(
      (sku, before) => {
        const row = document.querySelector('kontor-product-list').shadowRoot.querySelector(`[part~=item][data-sku="${sku}"]`);
        const text = row.querySelector('kontor-availability').shadowRoot.querySelector('[part~=text]')?.textContent.trim();
        return text && text !== before;
      },
      { timeout: 20_000 },
      target.sku,
      split,
    );
    const after = await promiseOf(target.sku);
    assert.doesNotMatch(after, /sofort|Auf Lager/);
    await page.waitForFunction((sku, text) => {
      const now = document.querySelector('kontor-cart').shadowRoot.querySelector(`[part=line][data-sku="${sku}"] [part~=availability][data-tone]`)?.textContent?.trim();
      return now && now !== text;
    }, { timeout: 20_000 }, target.sku, split);
    assert.equal(await cartPromise(target.sku), after);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('orders (issue 5)', () => {
  it('a buyer checks out on account and sees the number; the confirmation arrives over SMTP; the ERP ships it, the shipping mail arrives and the order shows "shipped" with the tracking link', async () => {
    const { page, errors } = await freshShopPage();
    // Anna Müller: a cart of her own (the tests before used Einkauf Müller's).
    await page.$eval('#login input[name=email]', (el) => (el.value = 'anna.mueller@elektro-mueller.de'));
    await page.click('#login button[type=submit]');
    await page.waitForFunction(
      () => {
        const rows = [...(document.querySelector('kontor-product-list')?.shadowRoot?.querySelectorAll('[part~=item]') ?? [])];
        return rows.length >= 24 && rows.filter((r) => /^Auf Lager/.test(r.querySelector('kontor-availability')?.shadowRoot?.querySelector('[part~=text]')?.textContent?.trim() ?? '')).length >= 2;
      },
      { timeout: 20_000 },
    );
    await page.waitForFunction(() => document.querySelector('kontor-cart')?.shadowRoot?.querySelector('[part=base][aria-busy=false]'), { timeout: 20_000 });

    // Two lines in stock, by their "add to cart" buttons.
    const skus = await page.evaluate(() => {
      const rows = [...document.querySelector('kontor-product-list').shadowRoot.querySelectorAll('[part~=item]')].filter(
        (r) => r.querySelector('kontor-add-to-cart') && /^Auf Lager/.test(r.querySelector('kontor-availability').shadowRoot.querySelector('[part~=text]').textContent.trim()),
      );
      return rows.slice(0, 2).map((r) => {
        r.querySelector('kontor-add-to-cart').shadowRoot.querySelector('button').click();
        return r.dataset.sku;
      });
    });
    await page.waitForFunction(() => document.querySelector('kontor-cart-count')?.count === 2, { timeout: 20_000 });

    // "Zur Kasse": the saved address, on account, review, "Zahlungspflichtig bestellen".
    const inCheckout = (selector) => page.waitForFunction((s) => document.querySelector('kontor-checkout')?.shadowRoot?.querySelector(s), { timeout: 20_000 }, selector);
    await inCheckout('form.step [data-path="deliveryAddress.addressId"]');
    await clickDeep(page, ['kontor-checkout', 'button.next']);
    await inCheckout('#method-invoice:checked');
    await clickDeep(page, ['kontor-checkout', 'button.next']);
    await page.waitForFunction(
      () => {
        const checkout = document.querySelector('kontor-checkout').shadowRoot;
        const button = checkout.querySelector('button.place');
        return button && !button.disabled && checkout.querySelector('kontor-cart')?.shadowRoot?.querySelectorAll('[part=line]').length === 2;
      },
      { timeout: 20_000 },
    );
    assert.equal(await page.evaluate(() => document.querySelector('kontor-checkout').shadowRoot.querySelector('button.place').textContent.trim()), 'Zahlungspflichtig bestellen');
    await clickDeep(page, ['kontor-checkout', 'button.place']);
    await inCheckout('[part=order-number]');
    const number = await page.evaluate(() => document.querySelector('kontor-checkout').shadowRoot.querySelector('[part=order-number]').textContent.trim());
    assert.match(number, /^K-\d{4}-\d{6}$/);
    await page.waitForFunction(() => document.querySelector('kontor-cart-count')?.count === 0, { timeout: 20_000 });

    // The order confirmation, over SMTP, to Anna.
    const confirmation = await mailWhere((m) => m.subject?.includes(number) && !/versandt|shipped/i.test(m.subject));
    assert.ok(confirmation.to.text.includes('anna.mueller@elektro-mueller.de'), confirmation.to.text);
    assert.ok(confirmation.text.includes(number));
    for (const sku of skus) assert.ok(confirmation.text.includes(sku), `the confirmation lists ${sku}`);

    // The seller's ERP: shipped with DHL.
    const tracking = '00340434161094042557';
    const res = await fetch(`http://127.0.0.1:${ports.api}/v1/erp/order-status`, {
      method: 'POST',
      headers: { authorization: 'Bearer kek_demo_erp_2026', 'content-type': 'application/json' },
      body: JSON.stringify({ updates: [{ number, status: 'shipped', carrier: 'DHL', trackingNumber: tracking }] }),
    });
    assert.equal(res.status, 200, await res.text());
    const shipping = await mailWhere((m) => m.subject?.includes(number) && m !== confirmation && m.text.includes(tracking));
    assert.ok(shipping.text.includes('DHL'));

    // "Meine Bestellungen": the new order, expanded into its status.
    await page.waitForFunction(
      (n) => document.querySelector('kontor-order-history')?.shadowRoot?.querySelector(`[part=row][data-number="${n}"] button.toggle`),
      { timeout: 20_000 },
      number,
    );
    await page.evaluate((n) => document.querySelector('kontor-order-history').shadowRoot.querySelector(`[part=row][data-number="${n}"] button.toggle`).click(), number);
    await page.waitForFunction(
      () => document.querySelector('kontor-order-history').shadowRoot.querySelector('kontor-order-status')?.shadowRoot?.querySelector('[part=tracking] a'),
      { timeout: 20_000 },
    );
    const status = await page.evaluate(() => {
      const root = document.querySelector('kontor-order-history').shadowRoot.querySelector('kontor-order-status').shadowRoot;
      return { status: root.querySelector('[part=status]').textContent.trim(), link: root.querySelector('[part=tracking] a').href, text: root.querySelector('[part=tracking] a').textContent.trim() };
    });
    assert.equal(status.status, 'Versandt');
    assert.ok(status.link.includes(tracking), status.link);
    assert.equal(status.text, `Sendung ${tracking} bei DHL verfolgen`);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

/** GET `url` with `headers`, the body as sent (not decompressed). */
const rawGet = (url, headers = {}) =>
  new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });

describe('reordering in the partner portal (issue 12)', () => {
  it("reorders the customer's last order from the sidebar in one click, line by line, and the order it came from arrived with the partner channel", async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${ports.portal}/`, { waitUntil: 'networkidle0' });
    await portalSignIn(page);
    await page.waitForFunction(() => document.getElementById('shop').client?.catalogue, { timeout: 20_000 });
    // An earlier order of Bau & Licht through the portal (its customer token), placed with the SDK the page has.
    const placed = await page.evaluate(async () => {
      const client = document.getElementById('shop').client;
      const { items } = await client.catalogue.list({ limit: 50, status: 'active' });
      // One in stock for this order and the reorder (4 pieces), so the reorder goes straight into the cart.
      const candidates = items.filter((p) => p.price && p.quantityRules.step === 1 && p.quantityRules.min <= 2);
      const stock = (await client.availability.check({ destination: 'DE', items: candidates.map((p) => ({ sku: p.sku, quantity: 4 })) })).items;
      const product = candidates.find((p, i) => stock[i].status === 'in_stock');
      const cart = await client.cart.create({ name: 'Demo-Nachbestellung' });
      const filled = await client.cart.change(cart.id, cart.version, [{ op: 'add', sku: product.sku, quantity: 2 }]);
      const [promise] = (await client.availability.check({ destination: 'DE', items: [{ sku: product.sku, quantity: 2 }] })).items;
      const [address] = await client.orders.addresses();
      const line = filled.lines[0];
      const order = await client.orders.place({
        cartId: filled.id, cartVersion: filled.version, expectedGross: filled.totals.gross,
        expectedLines: [{ sku: line.sku, quantity: line.quantity, unitPrice: line.unitPrice, promisedDelivery: promise.earliestDelivery }],
        deliveryAddress: { addressId: address.id }, payment: { method: 'invoice' },
      }, { idempotencyKey: crypto.randomUUID() });
      return { id: order.id, sku: product.sku, via: order.via, placedBy: order.placedBy };
    });
    assert.deepEqual(placed.via, { channel: 'partner', partnerId: 'ptn_nord' });
    assert.equal(placed.placedBy.externalUserRef, 'portal-user-4711');
    // The sidebar shows it as the last order: one click reorders it into the current cart.
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForFunction((id) => document.querySelector('#sidebar kontor-reorder')?.shadowRoot?.querySelector(`[part=order][data-order-id="${id}"] button.whole:not([disabled])`), { timeout: 20_000 }, placed.id);
    const countBefore = await page.evaluate(() => document.querySelector('kontor-cart-count').count ?? 0);
    await page.evaluate((id) => document.querySelector('#sidebar kontor-reorder').shadowRoot.querySelector(`[part=order][data-order-id="${id}"] button.whole`).click(), placed.id);
    await page.waitForFunction((sku) => document.querySelector('#sidebar kontor-reorder').shadowRoot.querySelector(`[part=result-line][data-sku="${sku}"]`), { timeout: 20_000 }, placed.sku);
    const outcome = await page.evaluate((sku) => document.querySelector('#sidebar kontor-reorder').shadowRoot.querySelector(`[part=result-line][data-sku="${sku}"]`).dataset.outcome, placed.sku);
    // In stock and orderable: it went into the cart (added, or merged with a line there), which the page's cart shows.
    assert.match(outcome, /^(added|merged)$/);
    await page.waitForFunction((sku) => document.querySelector('kontor-cart')?.value?.lines?.some((l) => l.sku === sku), { timeout: 20_000 }, placed.sku);
    assert.ok((await page.evaluate(() => document.querySelector('kontor-cart-count').count ?? 0)) >= Math.max(1, countBefore));
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('the demo as served (issue 9)', () => {
  it("sends the bundle and the site's text files brotli- or gzip-compressed when the browser accepts it, with Content-Encoding and Vary", async () => {
    const site = `http://127.0.0.1:${ports.site}`;
    const plain = await rawGet(`${site}/kontor/kontor.bundle.js`, { 'accept-encoding': 'identity' });
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.headers.vary, 'Accept-Encoding');
    assert.equal(Number(plain.headers['content-length']), plain.body.length);
    const gzip = await rawGet(`${site}/kontor/kontor.bundle.js`, { 'accept-encoding': 'gzip' });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(gzip.headers.vary, 'Accept-Encoding');
    assert.equal(gzip.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(Number(gzip.headers['content-length']), gzip.body.length);
    assert.ok(gunzipSync(gzip.body).equals(plain.body), 'the gzip body is the bundle');
    assert.ok(gzip.body.length < plain.body.length / 3, `${gzip.body.length} of ${plain.body.length} bytes`);
    // What Chromium sends: brotli wins; a refused encoding (q=0) is not used.
    const br = await rawGet(`${site}/kontor/kontor.bundle.js`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.ok(brotliDecompressSync(br.body).equals(plain.body), 'the brotli body is the bundle');
    assert.equal((await rawGet(`${site}/kontor/kontor.bundle.js`, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding'], 'gzip');
    for (const path of ['/shop/', '/shop/site.js', '/shop/site.css', '/kontor/themes/default.css']) {
      const res = await rawGet(`${site}${path}`, { 'accept-encoding': 'gzip' });
      assert.equal(res.status, 200, path);
      assert.equal(res.headers['content-encoding'], 'gzip', path);
    }
    // The browser gets the bundle compressed.
    const page = await browser.newPage();
    const encodings = new Map();
    page.on('response', (r) => encodings.set(new URL(r.url()).pathname, r.headers()['content-encoding']));
    await page.goto(`${site}/shop/`, { waitUntil: 'networkidle0' });
    assert.equal(encodings.get('/kontor/kontor.bundle.js'), 'br');
    await page.close();
  });

  /** Texts of the shop page that show its language: the page's heading, and the quick order's label (an element's own). */
  const shopTexts = (page) =>
    page.evaluate(() => ({
      lang: document.documentElement.lang,
      shop: document.getElementById('shop').lang,
      heading: document.querySelector('main h1').textContent.trim(),
      quickOrder: document.querySelector('kontor-quick-order')?.shadowRoot?.querySelector('[part=label]')?.textContent.trim(),
      pressed: document.querySelector('.lang-switch [aria-pressed=true]').dataset.lang,
    }));

  it('switches the shop between German and English with the switch in the header; every element follows, and a reload keeps the choice', async () => {
    const { page, errors } = await freshShopPage();
    // Signed out: the switch is there already.
    await page.click('.lang-switch [data-lang=en]');
    assert.equal(await page.$eval('#login button[type=submit]', (b) => b.textContent.trim()), 'Sign in');
    await page.click('#login button[type=submit]'); // Müller, a German buyer
    await page.waitForFunction(() => document.querySelector('kontor-quick-order')?.shadowRoot?.querySelector('[part=label]'), { timeout: 20_000 });
    assert.deepEqual(await shopTexts(page), { lang: 'en', shop: 'en', heading: 'Online catalogue', quickOrder: 'Article number and quantity, one line each', pressed: 'en' });
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForFunction(() => document.querySelector('kontor-quick-order')?.shadowRoot?.querySelector('[part=label]'), { timeout: 20_000 });
    assert.equal((await shopTexts(page)).quickOrder, 'Article number and quantity, one line each');
    await page.click('.lang-switch [data-lang=de]');
    await page.waitForFunction(() => document.querySelector('kontor-quick-order').shadowRoot.querySelector('[part=label]').textContent.trim().startsWith('Artikelnummer'), { timeout: 5_000 });
    assert.deepEqual(await shopTexts(page), { lang: 'de', shop: 'de', heading: 'Online-Katalog', quickOrder: 'Artikelnummer und Menge, eine Position je Zeile', pressed: 'de' });
    // ?lang= opens it in a language too.
    await page.goto(`http://127.0.0.1:${ports.site}/shop/?api=http://127.0.0.1:${ports.api}&lang=en`, { waitUntil: 'networkidle0' });
    await page.waitForFunction(() => document.querySelector('kontor-quick-order')?.shadowRoot?.querySelector('[part=label]'), { timeout: 20_000 });
    assert.equal((await shopTexts(page)).quickOrder, 'Article number and quantity, one line each');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('switches the partner portal to German and back', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${ports.portal}/`, { waitUntil: 'networkidle0' });
    await portalSignIn(page);
    const label = () => page.evaluate(() => document.querySelector('kontor-quick-order').shadowRoot.querySelector('[part=label]')?.textContent.trim());
    await page.waitForFunction(() => document.querySelector('kontor-quick-order')?.shadowRoot?.querySelector('[part=label]'), { timeout: 20_000 });
    assert.equal(await label(), 'Article number and quantity, one line each');
    await page.click('.lang-switch [data-lang=de]');
    await page.waitForFunction(() => document.querySelector('kontor-quick-order').shadowRoot.querySelector('[part=label]').textContent.trim().startsWith('Artikelnummer'), { timeout: 5_000 });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    assert.equal(await page.$eval('h1', (h) => h.textContent.trim()), 'Nachbestellen bei Hansen');
    assert.match(await page.$eval('#status', (p) => p.textContent.trim()), /^Preise für Bau & Licht AG\.$/);
    await page.click('.lang-switch [data-lang=en]');
    await page.waitForFunction(() => document.querySelector('kontor-quick-order').shadowRoot.querySelector('[part=label]').textContent.trim().startsWith('Article'), { timeout: 5_000 });
    assert.equal(await page.$eval('h1', (h) => h.textContent.trim()), 'Reorder from Hansen');
    assert.deepEqual(errors, []);
    await page.close();
  });
});

/** Runs `fn` in the page with the buyer's offers client (the bundle's offersOf over <kontor-shop>'s client). */
const withOffers = (page, fn, ...args) =>
  page.evaluate(
    async (source, a) => {
      const { offersOf, standingOrdersOf } = await import('/kontor/kontor.bundle.js');
      const client = document.getElementById('shop').client;
      return new Function('offers', 'client', 'standingOrders', 'args', `return (${source})(offers, client, standingOrders, ...args)`)(offersOf(client), client, standingOrdersOf(client), a);
    },
    fn.toString(),
    args,
  );

/** The sales reps' page, signed in as `email` (the demo reps' password is prefilled). */
async function salesPage(email, errors) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${ports.site}/sales/`, { waitUntil: 'networkidle0' });
  await page.$eval('#login input[name=email]', (el, v) => (el.value = v), email);
  await page.click('#login button[type=submit]');
  await page.waitForFunction(() => !document.getElementById('desk').hidden && document.querySelector('#requests li'), { timeout: 20_000 });
  return page;
}

/** Sets an input or select of the sales page's detail the way typing does (input/change events). */
const setField = (page, selector, value) =>
  page.evaluate(
    (s, v) => {
      const el = document.querySelector(`#detail ${s}`);
      if (!el) throw new Error(`not found: ${s}`);
      el.value = v;
      el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input'));
    },
    selector,
    value,
  );
const clickIn = (page, selector) => page.$eval(`#detail ${selector}`, (b) => b.click());
const waitIn = (page, selector, timeout = 20_000) => page.waitForSelector(`#detail ${selector}`, { timeout });

// axe-core as the elements' browser tests use it (@open-wc/testing → chai-a11y-axe → axe-core).
const axePath = createRequire(createRequire(require.resolve('@open-wc/testing')).resolve('chai-a11y-axe')).resolve('axe-core/axe.min.js');
/** The page's accessibility violations by axe-core (rule id, impact, the first nodes). */
async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`));
}

/** Opens an offer in the shop's offers: its number in <kontor-offers> shows <kontor-offer> below the list. */
async function openShopOffer(shop, offerId) {
  await shop.evaluate(() => document.querySelector('#angebote kontor-offers').reload());
  const number = (id) => document.querySelector('#angebote kontor-offers').shadowRoot?.querySelector(`[part=row][data-id="${id}"] [part=number] button`);
  await shop.waitForFunction(number, { timeout: 20_000 }, offerId);
  await shop.evaluate((id) => document.querySelector('#angebote kontor-offers').shadowRoot.querySelector(`[part=row][data-id="${id}"] [part=number] button`).click(), offerId);
  await shop.waitForFunction((id) => {
    const el = document.querySelector('#angebote kontor-offer');
    return el?.getAttribute('offer-id') === id && el.shadowRoot?.querySelector('[part=title]');
  }, { timeout: 20_000 }, offerId);
}
/** Runs `fn(shadowRoot, ...args)` inside the shop's <kontor-offer>. */
const inOffer = (shop, fn, ...args) =>
  shop.evaluate((source, a) => new Function('root', 'args', `return (${source})(root, ...args)`)(document.querySelector('#angebote kontor-offer').shadowRoot, a), fn.toString(), args);

describe('offers (issue 11)', () => {
  it('a buyer asks for an offer from the cart, a rep answers on the sales page (a colleague approves the discount), the buyer asks for changes, the rep sends version 2, and the buyer accepts it into a standing order at its prices', async () => {
    const errors = [];
    // ── the buyer fills a cart and asks for an offer from it ─────────────────────────────────
    const { page: shop, errors: shopErrors } = await freshShopPage();
    // (The page shows its sign-in once the bundle has defined <kontor-shop>.)
    await shop.waitForFunction(() => !document.getElementById('login').hidden, { timeout: 20_000 });
    await shop.$eval('#login input[name=email]', (el) => (el.value = 'einkauf@schmidt-haustechnik.de'));
    await shop.click('#login button[type=submit]');
    await shop.waitForFunction(() => (document.querySelector('kontor-product-list')?.shadowRoot?.querySelectorAll('kontor-add-to-cart').length ?? 0) >= 2, { timeout: 20_000 });
    await shop.waitForFunction(() => document.querySelector('kontor-cart')?.shadowRoot?.querySelector('[part=base][aria-busy=false]'), { timeout: 20_000 });
    // Two products by their "add to cart" buttons, one after the other.
    const skus = [];
    for (const n of [1, 2]) {
      skus.push(await shop.evaluate((i) => {
        const row = [...document.querySelector('kontor-product-list').shadowRoot.querySelectorAll('[part~=item]')].filter((r) => r.querySelector('kontor-add-to-cart'))[i];
        row.querySelector('kontor-add-to-cart').shadowRoot.querySelector('button').click();
        return row.dataset.sku;
      }, n - 1));
      await shop.waitForFunction((count) => document.querySelector('kontor-cart')?.value?.lineCount === count, { timeout: 20_000 }, n);
    }
    const cart = await shop.evaluate(() => document.querySelector('kontor-cart').value);
    await shop.evaluate(async (cartId) => {
      // The cart's changes are saved (the element shows them at once).
      const client = document.getElementById('shop').client;
      while ((await client.cart.get(cartId)).lines.length < 2) await new Promise((r) => setTimeout(r, 100));
    }, cart.id);
    // "Angebot anfragen" beside the cart: a message, then a double click on send makes one request.
    const inRequest = (fn, ...args) =>
      shop.evaluate((source, a) => new Function('root', 'args', `return (${source})(root, ...args)`)(document.querySelector('#warenkorb kontor-request-offer').shadowRoot, a), fn.toString(), args);
    await shop.waitForFunction(() => document.querySelector('#warenkorb kontor-request-offer')?.shadowRoot?.querySelector('[part=open]'), { timeout: 20_000 });
    await inRequest((root) => root.querySelector('[part=open]').click());
    await shop.waitForFunction(() => document.querySelector('#warenkorb kontor-request-offer').shadowRoot.querySelector('[part=form] [part=message]'), { timeout: 20_000 });
    const requested = shop.evaluate(() => new Promise((resolve) => document.addEventListener('kontor-offer-request', (e) => resolve(e.detail.request), { once: true })));
    await inRequest((root) => {
      const message = root.querySelector('[part=message]');
      message.value = 'Für die Baustelle Lindenallee – bitte Ihr bestes Angebot.';
      message.dispatchEvent(new Event('input'));
      root.querySelector('[part=send]').click();
      root.querySelector('[part=send]').click();
    });
    const request = await requested;
    await shop.waitForFunction(() => document.querySelector('#warenkorb kontor-request-offer').shadowRoot.querySelector('[part=result]'), { timeout: 20_000 });
    const fromCart = await withOffers(shop, async (offers, _c, _s, cartId) => (await offers.requests({ limit: 100 })).items.filter((r) => r.cartId === cartId).length, cart.id);
    assert.equal(fromCart, 1, 'one request for a double click');
    assert.equal(request.message, 'Für die Baustelle Lindenallee – bitte Ihr bestes Angebot.');
    assert.deepEqual(request.lines.map((l) => l.sku), skus);

    // ── Jana (limit 10 %) drafts the offer from the request ──────────────────────────────────
    const jana = await salesPage('jana.petersen@hansen.example', errors);
    await jana.bringToFront();
    assert.match(await jana.$eval('#who', (el) => el.textContent), /Jana Petersen · Freigabegrenze 10\s?%/);
    await jana.waitForSelector(`#requests li[data-request-id="${request.id}"] button`, { timeout: 20_000 });
    await jana.click(`#requests li[data-request-id="${request.id}"] button`);
    assert.match(await jana.$eval('#detail', (d) => d.textContent), /Baustelle Lindenallee/);
    await clickIn(jana, 'p.actions button.primary');
    await waitIn(jana, 'form.editor');
    const offer = await jana.evaluate(() => ({ number: document.querySelector('#detail h2').textContent, rows: document.querySelectorAll('#detail form.editor tr[data-line]').length }));
    assert.match(offer.number, /^Angebot ANG-\d{4}-\d{6} · Schmidt Haustechnik/);
    const number = offer.number.match(/ANG-\d{4}-\d{6}/)[0];
    assert.equal(offer.rows, 2);
    const offerId = await jana.$eval('#detail', (d) => d.dataset.offerId);
    assert.match(offerId, /^ofr_/);

    // A negative price is refused with the field marked, in German, and nothing is saved.
    await setField(jana, 'tr[data-line="0"] select[data-field=kind]', 'unit_price');
    await setField(jana, 'tr[data-line="0"] input[data-field=value]', '-1');
    await clickIn(jana, 'form.editor button.save');
    await waitIn(jana, 'form.editor .error li[data-code=price_negative]');
    assert.equal(await jana.$eval('#detail tr[data-line="0"] input[data-field=value]', (i) => i.getAttribute('aria-invalid')), 'true');
    assert.match(await jana.$eval('#detail form.editor .error', (e) => e.textContent), /negativ/);

    // Her prices: line 1 at 90 % of its list price apiece, line 2 with 15 % off, 12 % off the whole offer, freight 45 €.
    const cents = (text) => Number(text.replace(/[^\d,]/g, '').replace(',', '.')) * 100;
    const listCents = Math.round(cents(await jana.$eval('#detail .draft tr[data-sku] td:nth-child(4)', (td) => td.textContent)));
    const offeredCents = Math.floor(listCents * 0.9);
    await setField(jana, 'tr[data-line="0"] input[data-field=value]', (offeredCents / 100).toFixed(2));
    await setField(jana, 'tr[data-line="1"] select[data-field=kind]', 'discount');
    await setField(jana, 'tr[data-line="1"] input[data-field=value]', '15');
    await setField(jana, 'input[name=discount]', '12');
    await clickIn(jana, 'button.add-extra');
    await setField(jana, '[data-extra="0"] input[data-field=amount]', '45');
    await setField(jana, 'input[name=paymentTerms]', '30 Tage netto');
    await clickIn(jana, 'form.editor button.save');
    await jana.waitForFunction(() => document.getElementById('status').textContent.includes('Entwurf der Version 1 gespeichert'), { timeout: 20_000 });
    const draft = await jana.evaluate(() => ({
      unit: document.querySelector('#detail .draft tr[data-sku] [data-part=unit-price]').textContent,
      approval: { ...document.querySelector('#detail .approval').dataset },
      text: document.querySelector('#detail .approval').textContent,
      gross: document.querySelector('#detail .draft .gross').textContent,
    }));
    // The unit price less the whole-offer discount, rounded half up to the cent.
    assert.equal(Math.round(cents(draft.unit)), Math.round((offeredCents * 88) / 100), `${draft.unit}: ${await jana.$eval('#detail .draft', (d) => d.innerText)}`);
    assert.equal(draft.approval.needed, 'true');
    assert.match(draft.text, /über Ihrer Freigabegrenze von 10\s?%/);
    // The page with a priced draft, its approval note and the editor passes axe.
    assert.deepEqual(await axeViolations(jana), []);
    // Sending it is refused until a colleague approves.
    await clickIn(jana, '.draft button.send');
    await waitIn(jana, '.draft .error li[data-code=offer_approval_required]');

    // ── Max approves it on his own page ──────────────────────────────────────────────────────
    const max = await salesPage('max.huber@hansen.example', errors);
    await max.bringToFront();
    await max.waitForSelector(`#offers li[data-offer-id="${offerId}"] button`, { timeout: 20_000 });
    await max.click(`#offers li[data-offer-id="${offerId}"] button`);
    await max.waitForSelector('#detail .draft button.approve', { timeout: 20_000 });
    assert.equal(await max.$('#detail form.editor'), null, "no editor on a colleague's offer");
    await clickIn(max, '.draft button.approve');
    await max.waitForFunction(() => document.querySelector('#detail .approval')?.dataset.approved === 'true', { timeout: 20_000 });
    // Max works in English (his own language).
    assert.match(await max.$eval('#detail .approval', (p) => p.textContent), /^Approved by Max Huber\.$/);
    assert.equal(await max.evaluate(() => document.documentElement.lang), 'en');

    // ── Jana sends version 1: the buyer's mail arrives over SMTP ────────────────────────────
    // (The tab in front: a background tab gets no animation frames, which waitForFunction polls on.)
    await jana.bringToFront();
    await jana.click('#reload');
    await jana.waitForFunction(() => document.querySelector('#detail .approval')?.dataset.approved === 'true', { timeout: 20_000 });
    await clickIn(jana, '.draft button.send');
    await jana.waitForFunction(() => document.querySelector('#detail [data-status]')?.dataset.status === 'sent', { timeout: 20_000 });
    const sentMail = await mailWhere((m) => m.subject === `Ihr Angebot ${number} (Version 1)`);
    assert.ok(sentMail.to.text.includes('einkauf@schmidt-haustechnik.de'), sentMail.to.text);

    // ── the buyer opens it in the shop's offers (<kontor-offers> → <kontor-offer>) and asks for changes ──
    await shop.bringToFront();
    const v1 = await withOffers(shop, async (offers, _c, _s, id) => offers.get(id), offerId);
    assert.deepEqual([v1.status, v1.currentVersion], ['sent', 1]);
    await openShopOffer(shop, offerId);
    await inOffer(shop, (root) => root.querySelector('[part=actions] [data-action=changes]').click());
    await shop.waitForFunction(() => document.querySelector('#angebote kontor-offer').shadowRoot.querySelector('[part=changes-form] textarea'), { timeout: 20_000 });
    await inOffer(shop, (root) => {
      const text = root.querySelector('[part=changes-form] textarea');
      text.value = 'Bitte die doppelte Menge der ersten Position – und Fracht frei?';
      text.dispatchEvent(new Event('input'));
      root.querySelector('[part=changes-form] [part=confirm]').click();
    });
    await shop.waitForFunction(() => document.querySelector('#angebote kontor-offer').shadowRoot.querySelector('[part=state-note][data-status=changes_requested]'), { timeout: 20_000 });
    const wished = v1.versions[0].lines[0].quantity * 2;
    await mailWhere((m) => m.subject === `Angebot ${number}: Änderungswunsch` && m.to.text.includes('jana.petersen@hansen.example'));

    // ── Jana sees the change request and drafts version 2 ────────────────────────────────────
    await jana.bringToFront();
    await jana.click('#reload');
    await waitIn(jana, '.change-request');
    const change = await jana.$eval('#detail .change-request', (s) => s.textContent);
    assert.match(change, /Einkauf Schmidt Haustechnik zu Version 1/);
    assert.match(change, /doppelte Menge/);
    assert.deepEqual(await axeViolations(jana), []);
    await setField(jana, 'tr[data-line="0"] input[data-field=quantity]', String(wished));
    // Line 1 at 95 % of its list price, line 2 at list price, no discount on the whole offer, freight
    // free: within her limit, no approval needed.
    await setField(jana, 'tr[data-line="0"] input[data-field=value]', (Math.floor(listCents * 0.95) / 100).toFixed(2));
    await setField(jana, 'tr[data-line="1"] select[data-field=kind]', 'list');
    await setField(jana, 'input[name=discount]', '');
    await clickIn(jana, '[data-extra="0"] button.link');
    await clickIn(jana, 'form.editor button.save');
    await jana.waitForFunction(() => document.getElementById('status').textContent.includes('Entwurf der Version 2 gespeichert'), { timeout: 20_000 });
    assert.equal(await jana.$eval('#detail .approval', (p) => p.dataset.needed), 'false');
    const diff = await jana.$eval('#detail ul.diff', (u) => u.textContent);
    assert.ok(diff.includes(`${skus[0]}: Menge ${v1.versions[0].lines[0].quantity} → ${wished}`), diff);
    await clickIn(jana, '.draft button.send');
    await jana.waitForFunction(() => document.querySelectorAll('#detail ul.versions li').length === 2, { timeout: 20_000 });
    await mailWhere((m) => m.subject === `Ihr Angebot ${number} (Version 2)`);

    // The printable document of version 2 opens in a new tab.
    const tab = new Promise((resolve) => browser.once('targetcreated', resolve));
    await clickIn(jana, 'button.document[data-version="2"]');
    const docPage = await (await tab).page();
    await docPage.waitForFunction(() => location.protocol === 'blob:' && document.body?.textContent.includes('Version 2'), { timeout: 20_000 });
    assert.ok((await docPage.evaluate(() => document.body.textContent)).includes(number));
    await docPage.close();

    // ── the buyer sees what changed in <kontor-offer> and accepts version 2 into a standing order ──
    await shop.bringToFront();
    await openShopOffer(shop, offerId);
    const shown = await inOffer(shop, (root, sku) => {
      const row = root.querySelector(`[part=differences][data-from="1"] [part=diff-line][data-sku="${sku}"]`);
      return row ? { kind: row.dataset.kind, quantityChanged: Boolean(row.querySelector('[data-changed=true]')), text: row.textContent } : null;
    }, skus[0]);
    assert.ok(shown, 'the differences to version 1 show the first line');
    assert.deepEqual([shown.kind, shown.quantityChanged], ['changed', true]);
    await inOffer(shop, (root) => root.querySelector('[part=actions] [data-action=accept]').click());
    await shop.waitForFunction(() => document.querySelector('#angebote kontor-offer').shadowRoot.querySelector('[part=accept-form] input[name=into][value=standing_order]'), { timeout: 20_000 });
    await inOffer(shop, (root) => root.querySelector('[part=accept-form] input[name=into][value=standing_order]').click());
    await shop.waitForFunction(() => document.querySelector('#angebote kontor-offer').shadowRoot.querySelector('[part=accept-form] input[name=start]') && document.querySelector('#angebote kontor-offer').shadowRoot.querySelector('[part=accept-form] select[name=address]'), { timeout: 20_000 });
    const accepted = shop.evaluate(() => new Promise((resolve) => document.addEventListener('kontor-offer-accept', (e) => resolve({ standingOrderId: e.detail.standingOrderId, order: e.detail.order }), { once: true })));
    await inOffer(shop, (root) => {
      const start = root.querySelector('[part=accept-form] input[name=start]');
      start.value = start.min; // the first run: the earliest day it may be
      start.dispatchEvent(new Event('input'));
      root.querySelector('[part=accept-form] [part=confirm]').click();
    });
    const { standingOrderId, order } = await accepted;
    assert.match(standingOrderId, /^sto?_/);
    assert.equal(order, null);
    const result = await withOffers(shop, async (offers, _client, standingOrders, id, soId) => {
      const offer = await offers.get(id);
      const cmp = await offers.compare(id);
      const so = await standingOrders.get(soId);
      return { cmp, v2: offer.versions[1], accepted: offer, priceMode: so.priceMode };
    }, offerId, standingOrderId);
    assert.deepEqual([result.cmp.from, result.cmp.to], [1, 2]);
    assert.deepEqual(result.cmp.lines.map((l) => [l.sku, l.kind, l.quantityChanged]), [[skus[0], 'changed', true], [skus[1], 'changed', false]]);
    assert.deepEqual(result.cmp.extras.map((e) => [e.kind, e.after]), [['freight', null]]);
    assert.deepEqual([result.accepted.status, result.accepted.acceptedVersion, result.accepted.result.kind], ['accepted', 2, 'standing_order']);
    assert.equal(result.priceMode.kind, 'fixed');
    assert.equal(result.priceMode.offerId, offerId);
    assert.deepEqual(result.priceMode.prices.map((p) => [p.sku, p.unitPrice.amount]), result.v2.lines.map((l) => [l.sku, l.unitPrice.amount]));
    await mailWhere((m) => m.subject === `Angebot ${number}: angenommen` && m.to.text.includes('jana.petersen@hansen.example'));

    // ── Jana's page shows it accepted, with the standing order ───────────────────────────────
    await jana.bringToFront();
    await jana.click('#reload');
    await jana.waitForFunction(() => document.querySelector('#detail [data-status]')?.dataset.status === 'accepted', { timeout: 20_000 });
    assert.match(await jana.$eval('#detail', (d) => d.textContent), /Dauerauftrag/);
    assert.equal(await jana.$('#detail form.editor'), null, 'nothing to edit once accepted');
    assert.deepEqual([...errors, ...shopErrors], []);
    await Promise.all([shop.close(), jana.close(), max.close()]);
  });

  it("a rep withdraws a sent offer with a reason on the sales page: the buyer is mailed, the shop's <kontor-offer> says why it cannot be answered, and the sales page's status filter finds it", async () => {
    const errors = [];
    const { page: shop, errors: shopErrors } = await freshShopPage();
    await shop.waitForFunction(() => !document.getElementById('login').hidden, { timeout: 20_000 });
    await shop.$eval('#login input[name=email]', (el) => (el.value = 'einkauf@schmidt-haustechnik.de'));
    await shop.click('#login button[type=submit]');
    await shop.waitForFunction(() => document.getElementById('shop').client && document.querySelector('#angebote kontor-offers'), { timeout: 20_000 });
    // A request from scratch through the buyer's SDK (the page's <kontor-shop> client).
    const request = await withOffers(shop, async (offers, client) => {
      const { items } = await client.catalogue.list({ limit: 20, status: 'active' });
      const product = items.find((p) => p.price && p.quantityRules.step === 1 && p.quantityRules.min === 1);
      return offers.request({ lines: [{ sku: product.sku, quantity: 3 }], message: 'Rahmenvertrag 2027?' }, { idempotencyKey: crypto.randomUUID() });
    });

    const jana = await salesPage('jana.petersen@hansen.example', errors);
    await jana.bringToFront();
    await jana.waitForSelector(`#requests li[data-request-id="${request.id}"] button`, { timeout: 20_000 });
    await jana.click(`#requests li[data-request-id="${request.id}"] button`);
    await clickIn(jana, 'p.actions button.primary');
    await waitIn(jana, '.draft button.send');
    const offerId = await jana.$eval('#detail', (d) => d.dataset.offerId);
    const number = await jana.$eval('#detail h2', (h) => h.textContent.match(/ANG-\d{4}-\d{6}/)[0]);
    await clickIn(jana, '.draft button.send');
    await jana.waitForFunction(() => document.querySelector('#detail [data-status]')?.dataset.status === 'sent', { timeout: 20_000 });
    await mailWhere((m) => m.subject === `Ihr Angebot ${number} (Version 1)`);
    await setField(jana, 'form.withdraw input[name=reason]', 'Preise für 2027 noch offen');
    await clickIn(jana, 'form.withdraw button[type=submit]');
    await jana.waitForFunction(() => document.querySelector('#detail [data-status]')?.dataset.status === 'withdrawn', { timeout: 20_000 });
    assert.match(await jana.$eval('#detail ol.history', (o) => o.textContent), /Zurückgezogen \(V1\) · Jana Petersen.*Preise für 2027 noch offen/s);
    assert.equal(await jana.$('#detail form.editor'), null);
    const mail = await mailWhere((m) => m.subject === `Angebot ${number} zurückgezogen`);
    assert.ok(mail.to.text.includes('einkauf@schmidt-haustechnik.de'), mail.to.text);
    // The status filter: withdrawn offers only.
    await jana.select('#status-filter', 'withdrawn');
    await jana.waitForFunction((id) => document.querySelector(`#offers li[data-offer-id="${id}"]`) && [...document.querySelectorAll('#offers li[data-status]')].every((li) => li.dataset.status === 'withdrawn'), { timeout: 20_000 }, offerId);

    // The buyer's <kontor-offer>: no answers, the rep's reason.
    await shop.bringToFront();
    await openShopOffer(shop, offerId);
    const note = await inOffer(shop, (root) => ({ note: root.querySelector('[part=state-note]')?.dataset.status, text: root.querySelector('[part=state-note]')?.textContent, actions: Boolean(root.querySelector('[part=actions]')) }));
    assert.deepEqual([note.note, note.actions], ['withdrawn', false]);
    assert.match(note.text, /Preise für 2027 noch offen/);
    assert.deepEqual([...errors, ...shopErrors], []);
    await Promise.all([shop.close(), jana.close()]);
  });
});

/** The page's <kontor-chatbot>: opens it with its launcher (the chat loads then) and waits for its input. */
async function openChat(page) {
  await page.waitForFunction(() => document.querySelector('kontor-chatbot')?.shadowRoot?.querySelector('[part~=launcher]'), { timeout: 20_000 });
  await clickDeep(page, ['kontor-chatbot', '[part~=launcher]']);
  await page.waitForFunction(() => document.querySelector('kontor-chatbot').shadowRoot.querySelector('[part~=panel] [part~=input]'), { timeout: 30_000 });
}

/** What the chat's last assistant message shows: its text and its cards (their parts and data). */
const lastReply = (page) =>
  page.evaluate(() => {
    const messages = [...document.querySelector('kontor-chatbot').shadowRoot.querySelectorAll('[part~=message][data-role=assistant]')];
    const last = messages.at(-1);
    return {
      count: messages.length,
      text: last?.querySelector('.text')?.textContent.trim() ?? '',
      cards: [...(last?.querySelectorAll('[part~=card]') ?? [])].map((c) => ({ part: c.getAttribute('part'), data: { ...c.dataset }, text: c.textContent.replace(/\s+/g, ' ').trim() })),
    };
  });

/** Types `text` into the chat and presses its send button, as a buyer does; resolves with the reply once it shows. */
async function ask(page, text) {
  const before = (await lastReply(page)).count;
  await page.evaluate((message) => {
    const root = document.querySelector('kontor-chatbot').shadowRoot;
    const input = root.querySelector('[part~=input]');
    input.value = message;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    root.querySelector('[part~=send-button]').click();
  }, text);
  await page.waitForFunction(
    (n) => {
      const root = document.querySelector('kontor-chatbot').shadowRoot;
      return root.querySelectorAll('[part~=message][data-role=assistant]').length > n && !root.querySelector('[part~=thinking]');
    },
    { timeout: 30_000 },
    before,
  );
  assert.equal(await page.evaluate(() => document.querySelector('kontor-chatbot').shadowRoot.querySelector('[part~=error]')?.textContent ?? null), null, `"${text}" was sent`);
  return lastReply(page);
}

/** Presses the confirm button of the last reply's action card; resolves with what the server did (the reply after it). */
async function confirmLast(page) {
  const before = (await lastReply(page)).count;
  const actionId = await page.evaluate(() => {
    const root = document.querySelector('kontor-chatbot').shadowRoot;
    const card = [...root.querySelectorAll('[part~=message][data-role=assistant]')].at(-1).querySelector('[part~=action-card]');
    card.querySelector('[part~=confirm-button]').click();
    return card.dataset.actionId;
  });
  await page.waitForFunction(
    (id, n) => {
      const root = document.querySelector('kontor-chatbot').shadowRoot;
      const card = root.querySelector(`[part~=action-card][data-action-id="${id}"]`);
      return (card?.dataset.state === 'done' && root.querySelectorAll('[part~=message][data-role=assistant]').length > n) || card?.querySelector('[part~=action-error]');
    },
    { timeout: 30_000 },
    actionId,
    before,
  );
  const error = await page.evaluate((id) => document.querySelector('kontor-chatbot').shadowRoot.querySelector(`[part~=action-card][data-action-id="${id}"] [part~=action-error]`)?.textContent ?? null, actionId);
  assert.equal(error, null, 'the action was carried out');
  return lastReply(page);
}

/**
 * Places an order of 2 of a product with 10 in stock (so reordering it, twice, goes straight to an
 * order) with the page's SDK (<kontor-shop>'s client); resolves with its id, number and SKU.
 */
const placeStockedOrder = (page, cartName) =>
  page.evaluate(async (name) => {
    const client = document.getElementById('shop').client;
    const { items } = await client.catalogue.list({ limit: 50, status: 'active' });
    const candidates = items.filter((p) => p.price && p.quantityRules.step === 1 && p.quantityRules.min <= 2);
    const stock = (await client.availability.check({ destination: 'DE', items: candidates.map((p) => ({ sku: p.sku, quantity: 10 })) })).items;
    const product = candidates.find((p, i) => stock[i].status === 'in_stock');
    const cart = await client.cart.create({ name });
    const filled = await client.cart.change(cart.id, cart.version, [{ op: 'add', sku: product.sku, quantity: 2 }]);
    const [promise] = (await client.availability.check({ destination: 'DE', items: [{ sku: product.sku, quantity: 2 }] })).items;
    const [address] = await client.orders.addresses();
    const line = filled.lines[0];
    const order = await client.orders.place({
      cartId: filled.id, cartVersion: filled.version, expectedGross: filled.totals.gross,
      expectedLines: [{ sku: line.sku, quantity: line.quantity, unitPrice: line.unitPrice, promisedDelivery: promise.earliestDelivery }],
      deliveryAddress: { addressId: address.id }, payment: { method: 'invoice' },
    }, { idempotencyKey: crypto.randomUUID() });
    return { id: order.id, number: order.number, sku: product.sku };
  }, cartName);

/** The newest order of the caller's company, through the page's SDK. */
const newestOrder = (page) =>
  page.evaluate(async () => {
    const { items } = await document.getElementById('shop').client.orders.list({ limit: 1 });
    return items[0] ? { id: items[0].id, number: items[0].number } : null;
  });

describe('the shop assistant (issue 13)', () => {
  it('on the shop, a buyer asks by chat in German for the last order, a delivery day for 50 m NYM-J 3x1,5, reorders the last order and skips the next standing-order run with the confirm button; then the same in English', async () => {
    const { page, errors } = await freshShopPage();
    await page.click('#login button[type=submit]'); // Einkauf Müller, the demo buyer (German)
    await page.waitForFunction(() => document.getElementById('shop').client?.orders && document.querySelector('kontor-chatbot'), { timeout: 20_000 });
    const placed = await placeStockedOrder(page, 'Chat-Demo');
    // A standing order of the company from that order, every day from tomorrow: its next run is the soonest.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const standing = await withOffers(page, async (_offers, _client, standingOrders, orderId, start) => {
      const so = await standingOrders.create({ name: 'Chat-Test täglich', from: { kind: 'order', orderId }, schedule: { form: { every: 'day', interval: 1, start, end: { kind: 'none' } } } }, { idempotencyKey: crypto.randomUUID() });
      return { id: so.id, next: so.nextRun?.key ?? null };
    }, placed.id, tomorrow);
    assert.ok(standing.next, 'the standing order has a next run');

    await openChat(page);
    // The order's status.
    const status = await ask(page, 'Wo ist meine letzte Bestellung?');
    const orderCard = status.cards.find((c) => c.part.includes('order-card'));
    assert.equal(orderCard?.data.orderId, placed.id, JSON.stringify(status));
    assert.ok(status.text.includes(placed.number), status.text);

    // A delivery day for 50 m NYM-J 3x1,5.
    const when = await ask(page, 'Wann kommen 50 m NYM-J 3x1,5?');
    const availability = when.cards.find((c) => c.part.includes('availability-card'));
    assert.ok(availability, JSON.stringify(when));
    assert.match(availability.text, /NYM-J 3x1,5/);
    assert.match(availability.text, /Lieferung am |nicht lieferbar/i);

    // Reorder the last order: a proposal with a confirm button, an order once it is pressed.
    const proposal = await ask(page, 'Bitte meine letzte Bestellung nachbestellen');
    assert.ok(proposal.cards.some((c) => c.part.includes('action-card') && c.data.action === 'reorder'), JSON.stringify(proposal));
    assert.equal((await newestOrder(page)).id, placed.id, 'nothing ordered before the confirm');
    const reordered = await confirmLast(page);
    const newCard = reordered.cards.find((c) => c.part.includes('order-card'));
    assert.ok(newCard && newCard.data.orderId !== placed.id, JSON.stringify(reordered));
    const newest = await newestOrder(page);
    assert.equal(newest.id, newCard.data.orderId);
    assert.ok(reordered.text.includes(newest.number), reordered.text);
    // The page's order history shows it (the chat tells the page an order was placed).
    await page.waitForFunction((n) => document.querySelector('kontor-order-history')?.shadowRoot?.querySelector(`[part=row][data-number="${n}"]`), { timeout: 20_000 }, newest.number);

    // Skip the next standing-order run.
    const skip = await ask(page, 'Bitte den nächsten Lauf meines Dauerauftrags überspringen');
    const skipAction = skip.cards.find((c) => c.part.includes('action-card'));
    assert.equal(skipAction?.data.action, 'standing_order_skip', JSON.stringify(skip));
    assert.equal(skip.cards.find((c) => c.part.includes('standing-order-card'))?.data.standingOrderId, standing.id);
    const skipped = await confirmLast(page);
    assert.equal(skipped.cards.find((c) => c.part.includes('standing-order-card'))?.data.standingOrderId, standing.id, JSON.stringify(skipped));
    const runs = await withOffers(page, async (_o, _c, standingOrders, id) => standingOrders.upcoming(id, 3), standing.id);
    assert.deepEqual(runs.find((r) => r.occurrence.key === standing.next)?.status, 'skipped', JSON.stringify(runs));

    // The page's English switch: the chat follows it.
    await page.click('.lang-switch [data-lang=en]');
    await page.waitForFunction(() => document.querySelector('kontor-chatbot').shadowRoot.querySelector('[part~=send-button]')?.textContent.trim() === 'Send', { timeout: 10_000 });
    const statusEn = await ask(page, 'Where is my last order?');
    assert.equal(statusEn.cards.find((c) => c.part.includes('order-card'))?.data.orderId, newest.id, JSON.stringify(statusEn));
    assert.ok(statusEn.text.includes(newest.number), statusEn.text);
    const whenEn = await ask(page, 'When can I get 50 m of NYM-J 3x1.5?');
    const availabilityEn = whenEn.cards.find((c) => c.part.includes('availability-card'));
    assert.ok(availabilityEn, JSON.stringify(whenEn));
    assert.match(availabilityEn.text, /NYM-J 3x1\.5/);
    assert.match(availabilityEn.text, /Delivery on |not deliverable/i);
    // Reorder and skip in English too: the reordered order again, and the run after the skipped one.
    const proposalEn = await ask(page, 'Please reorder my last order');
    assert.ok(proposalEn.cards.some((c) => c.part.includes('action-card') && c.data.action === 'reorder'), JSON.stringify(proposalEn));
    const reorderedEn = await confirmLast(page);
    const newestEn = await newestOrder(page);
    assert.ok(newestEn.id !== newest.id && reorderedEn.cards.some((c) => c.part.includes('order-card') && c.data.orderId === newestEn.id), JSON.stringify(reorderedEn));
    assert.ok(reorderedEn.text.includes(newestEn.number), reorderedEn.text);
    const following = runs.find((r) => r.status === 'scheduled').occurrence.key;
    const skipEn = await ask(page, 'Skip the next standing order run');
    assert.equal(skipEn.cards.find((c) => c.part.includes('action-card'))?.data.action, 'standing_order_skip', JSON.stringify(skipEn));
    const skippedEn = await confirmLast(page);
    assert.equal(skippedEn.cards.find((c) => c.part.includes('standing-order-card'))?.data.standingOrderId, standing.id, JSON.stringify(skippedEn));
    const runsEn = await withOffers(page, async (_o, _c, standingOrders, id) => standingOrders.upcoming(id, 4), standing.id);
    assert.deepEqual(runsEn.filter((r) => r.status === 'skipped').map((r) => r.occurrence.key), [standing.next, following], JSON.stringify(runsEn));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("on the partner portal, a customer asks by chat in German for the last order's status and reorders it with the confirm button", async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${ports.portal}/`, { waitUntil: 'networkidle0' });
    await portalSignIn(page);
    await page.waitForFunction(() => document.getElementById('shop').client?.orders, { timeout: 20_000 });
    const placed = await placeStockedOrder(page, 'Chat-Portal');
    await page.click('.lang-switch [data-lang=de]');
    await openChat(page);
    const status = await ask(page, 'Wie ist der Status meiner letzten Bestellung?');
    assert.equal(status.cards.find((c) => c.part.includes('order-card'))?.data.orderId, placed.id, JSON.stringify(status));
    assert.ok(status.text.includes(placed.number), status.text);
    const proposal = await ask(page, 'Bitte meine letzte Bestellung nachbestellen');
    assert.ok(proposal.cards.some((c) => c.part.includes('action-card') && c.data.action === 'reorder'), JSON.stringify(proposal));
    const reordered = await confirmLast(page);
    const newCard = reordered.cards.find((c) => c.part.includes('order-card'));
    assert.ok(newCard && newCard.data.orderId !== placed.id, JSON.stringify(reordered));
    const order = await page.evaluate((id) => document.getElementById('shop').client.orders.get(id), newCard.data.orderId);
    assert.deepEqual(order.lines.map((l) => l.sku), [placed.sku]);
    // Through the partner's customer token: the partner channel, the portal's person.
    assert.deepEqual(order.via, { channel: 'partner', partnerId: 'ptn_nord' });
    assert.equal(order.placedBy.externalUserRef, 'portal-user-4711');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
