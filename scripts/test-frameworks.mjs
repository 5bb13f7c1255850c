// Kontor elements in the host frameworks their buyers' sites are written in: builds the React,
// Vue, Svelte and Angular apps of examples/frameworks (against @kontor/elements' built dist/),
// serves them on 127.0.0.1, starts the real Kontor server (fresh SQLite, demo seed) and drives
// each app in Debian's headless Chromium through puppeteer-core, reading what the elements show
// in their shadow DOM, what the framework's own handlers received, and what the server holds.
//
// Run after `pnpm build`: node --test scripts/test-frameworks.mjs
/* global document, customElements */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startKontorServer } from './kontor-server-process.mjs';
import { startStaticServer } from './static-server.mjs';

const root = resolve(import.meta.dirname, '..');
const appsDir = join(root, 'examples/frameworks');
const require = createRequire(join(appsDir, 'package.json'));
const { default: puppeteer } = await import(require.resolve('puppeteer-core'));
const { buildApps } = await import(join(appsDir, 'build.mjs'));

const DEMO_LOGIN = { email: 'einkauf@elektro-mueller.de', password: 'kontor-demo' };
const WAIT_MS = 10_000;

/** How each app writes the bindings the tests name (they differ only where the frameworks do). */
const frameworks = [
  { id: 'react', name: 'React', readonly: 'readonly={true}', addToCart: 'quantity="3"' },
  { id: 'vue', name: 'Vue', readonly: ':readonly="true"', addToCart: 'quantity="3"' },
  { id: 'svelte', name: 'Svelte', readonly: 'readonly={true}', addToCart: 'quantity="3"' },
  { id: 'angular', name: 'Angular', readonly: '[readonly]="true"', addToCart: 'quantity="3"' },
];

let outdir;
let site;
let siteUrl;
let api;
let browser;
/** The demo buyer's bearer token and an SKU that can be ordered in threes. */
let token;
let sku;

/** Calls the Kontor API as the demo buyer; answers the parsed JSON (throws on an error status). */
async function call(method, path, body) {
  const headers = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method === 'POST') headers['idempotency-key'] = randomUUID();
  const res = await fetch(`${api.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A fresh active cart for one test, optionally with lines: the test's own server fixture. */
async function freshCart(name, lines = []) {
  let cart = await call('POST', '/v1/carts', { name, active: true });
  if (lines.length) cart = await call('POST', `/v1/carts/${cart.id}/changes`, { version: cart.version, changes: lines.map((l) => ({ op: 'add', ...l })) });
  return cart;
}

/**
 * Runs `check` (which reads and asserts) until it passes or `WAIT_MS` is over, then fails with its
 * last assertion: for states that arrive a render or a language load later.
 */
async function eventually(check) {
  const end = Date.now() + WAIT_MS;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
}

/**
 * Opens an app in its own browser context. With `withShop` the page gets the server, the token
 * and the SKU in its query string and renders its `<kontor-shop>` part.
 */
async function openApp(framework, { withShop = false } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  const query = withShop ? `?${new URLSearchParams({ endpoint: api.url, token, sku })}` : '';
  await page.goto(`${siteUrl}/${framework.id}/${query}`, { waitUntil: 'load' });
  /** What went wrong in the page so far, for assertion messages. */
  const report = async () => {
    const errors = await page.$$eval('#errors li', (items) => items.map((li) => li.textContent)).catch(() => []);
    const all = [...errors.map((e) => `kontor-error: ${e}`), ...problems];
    return all.length ? `\n  ${all.join('\n  ')}` : '';
  };
  /** Waits until `fn` (run in the page) answers truthy; fails naming `what` and the page's errors. */
  const waitFor = async (what, fn, ...args) => {
    try {
      return await page.waitForFunction(fn, { timeout: WAIT_MS, polling: 50 }, ...args);
    } catch (error) {
      throw new Error(`${framework.name}: timed out after ${WAIT_MS} ms waiting for ${what}${await report()}`, { cause: error });
    }
  };
  const close = () => context.close();
  await waitFor('the app to render its <kontor-quantity>', () => customElements.get('kontor-quantity') && document.querySelector('kontor-quantity')?.shadowRoot?.querySelector('input'));
  return { page, waitFor, report, close };
}

before(async () => {
  const [built, server, launched] = await Promise.all([
    (async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kontor-framework-apps-'));
      await buildApps({ outdir: dir });
      return dir;
    })(),
    startKontorServer({ name: 'kontor-frameworks-test' }),
    puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    }),
  ]);
  outdir = built;
  api = server;
  browser = launched;
  site = await startStaticServer({ mounts: { '/': outdir }, port: 0 });
  siteUrl = `http://127.0.0.1:${site.address().port}`;

  const login = await fetch(`${api.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_LOGIN) });
  assert.equal(login.status, 201, `login as ${DEMO_LOGIN.email} answered ${login.status}: ${await login.clone().text()}`);
  ({ token } = await login.json());
  // An article the buyer can order 3 of: active, priced, and 3 fits its quantity rules.
  const fits = (p) => p.status === 'active' && p.price && p.quantityRules.min <= 3 && 3 % p.quantityRules.step === 0 && (p.quantityRules.max ?? 3) >= 3;
  for (let cursor = null, pages = 0; !sku && pages < 20; pages++) {
    const list = await call('GET', `/v1/products?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    sku = list.items.find(fits)?.sku;
    cursor = list.nextCursor;
    if (!cursor) break;
  }
  assert.ok(sku, 'the demo catalogue has an article that can be ordered in threes');
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (site ? site.close(ok) : ok()));
  api?.stop();
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

for (const framework of frameworks) {
  const { name } = framework;
  describe(`${name} app`, () => {
    test(`${name}: a quantity given as min="10" step="10" max="500" quantity="20" shows 20 and + goes to 30`, async () => {
      const app = await openApp(framework);
      try {
        const state = () =>
          app.page.$eval('kontor-quantity', (el) => ({
            shown: el.shadowRoot.querySelector('input').value,
            quantity: el.quantity,
            min: el.min,
            step: el.step,
            max: el.max,
          }));
        const before = await state();
        const props = `(properties: ${JSON.stringify(before)}, types: quantity ${typeof before.quantity}, min ${typeof before.min}, step ${typeof before.step}, max ${typeof before.max})`;
        assert.equal(before.shown, '20', `${name}: the input shows ${JSON.stringify(before.shown)} instead of "20" ${props}${await app.report()}`);
        await app.page.$eval('kontor-quantity', (el) => el.shadowRoot.querySelector('[part=increment]').click());
        await app.page.$eval('kontor-quantity', (el) => el.updateComplete);
        const afterPlus = await state();
        assert.equal(afterPlus.shown, '30', `${name}: after + the input shows ${JSON.stringify(afterPlus.shown)} instead of "30" ${props}${await app.report()}`);
        assert.equal(afterPlus.quantity, 30, `${name}: after + the quantity property is ${JSON.stringify(afterPlus.quantity)} (${typeof afterPlus.quantity}), not the number 30`);
      } finally {
        await app.close();
      }
    });

    test(`${name}: the app's kontor-quantity-change handler receives { quantity: 30, valid: true } after + on min="10" step="10" quantity="20"`, async () => {
      const app = await openApp(framework);
      try {
        await app.page.$eval('kontor-quantity', (el) => el.shadowRoot.querySelector('[part=increment]').click());
        const shown = await app.waitFor('the handler to render the event detail', () => document.querySelector('#quantity-change')?.textContent.trim());
        assert.equal(await shown.jsonValue(), '30 (number, valid)', `${name}: the app rendered the detail it received as ${JSON.stringify(await shown.jsonValue())}${await app.report()}`);
      } finally {
        await app.close();
      }
    });

    test(`${name}: a price given a product object, quantity="100" and collapseTiers (property) shows the 100-piece tier with its tiers behind a disclosure`, async () => {
      const app = await openApp(framework);
      try {
        await eventually(async () => {
          const price = await app.page.$eval('kontor-price', (el) => {
            const text = (selector) => el.shadowRoot.querySelector(selector)?.textContent.replace(/\s+/g, ' ').trim() ?? null;
            const details = el.shadowRoot.querySelector('details[part=tiers-details]');
            return {
              productType: el.product === null ? 'null' : typeof el.product,
              collapseTiers: el.collapseTiers,
              unitPrice: text('[part=unit-price]'),
              lineTotal: text('[part=line-total]'),
              disclosure: details ? { open: details.open, summary: text('[part=tiers-summary]'), rows: details.querySelectorAll('tbody tr').length } : null,
              current: text('tbody tr[aria-current=true] td:first-child'),
            };
          });
          assert.equal(price.productType, 'object', `${name}: the product property holds a ${price.productType}, not the object`);
          assert.equal(price.collapseTiers, true, `${name}: collapseTiers is ${JSON.stringify(price.collapseTiers)}`);
          assert.match(price.unitPrice, /3,19 €/, `${name}: the unit price reads ${JSON.stringify(price.unitPrice)}, not the 100-piece tier 3,19 €`);
          assert.match(price.lineTotal, /100 .*319,00 €/, `${name}: the line total reads ${JSON.stringify(price.lineTotal)}, not 100 pieces for 319,00 €`);
          assert.deepEqual(price.disclosure, { open: false, summary: 'Staffelpreise (3)', rows: 3 }, `${name}: the tiers are not behind a closed disclosure of 3 rows`);
          assert.match(price.current ?? '', /100/, `${name}: the current tier row is ${JSON.stringify(price.current)}`);
        });
      } finally {
        await app.close();
      }
    });

    test(`${name}: <kontor-add-to-cart ${framework.addToCart}> inside <kontor-shop> puts 3 of the article into the buyer's server cart`, async () => {
      const cart = await freshCart(`${name} add-to-cart`);
      const app = await openApp(framework, { withShop: true });
      try {
        await app.waitFor('the add-to-cart button', () => document.querySelector('kontor-add-to-cart')?.shadowRoot?.querySelector('button[part=button]:not([disabled])'));
        await app.page.$eval('kontor-add-to-cart', (el) => el.shadowRoot.querySelector('button[part=button]').click());
        await app.waitFor("the app's kontor-cart-change or kontor-error handler to run", () =>
          document.querySelector('#cart-change')?.textContent.trim() || document.querySelector('#errors li'),
        );
        const received = await app.page.$eval('#cart-change', (el) => el.textContent.trim());
        assert.equal(received, `${sku} × 3`, `${name}: the app's kontor-cart-change handler rendered ${JSON.stringify(received)}${await app.report()}`);
        const onServer = await call('GET', `/v1/carts/${cart.id}`);
        const line = onServer.lines.find((l) => l.sku === sku);
        assert.equal(line?.quantity, 3, `${name}: the server's cart holds ${JSON.stringify(onServer.lines.map((l) => [l.sku, l.quantity]))}${await app.report()}`);
      } finally {
        await app.close();
      }
    });

    test(`${name}: a live <kontor-cart ${framework.readonly}> shows its line without quantity input, remove button or cart actions (the editable cart beside it has them)`, async () => {
      await freshCart(`${name} read-only`, [{ sku, quantity: 3 }]);
      const app = await openApp(framework, { withShop: true });
      try {
        // The editable cart shows the line with its controls once the cart (with products) loaded: the read-only one has the same data then.
        await app.waitFor('the editable cart to show the line with a quantity input', (s) => document.querySelector('#cart')?.shadowRoot?.querySelector(`.line[data-sku="${s}"] kontor-quantity`), sku);
        await app.waitFor('the read-only cart to show the line', (s) => document.querySelector('#summary')?.shadowRoot?.querySelector(`.line[data-sku="${s}"]`), sku);
        const summary = await app.page.$eval('#summary', (el, s) => {
          const line = el.shadowRoot.querySelector(`.line[data-sku="${s}"]`);
          return {
            readonly: el.readonly,
            readOnly: el.readOnly,
            quantityInputs: line.querySelectorAll('kontor-quantity').length,
            removeButtons: line.querySelectorAll('button.remove').length,
            actions: el.shadowRoot.querySelectorAll('[part=actions]').length,
            shownQuantity: line.querySelector('.qty')?.textContent.replace(/\s+/g, ' ').trim(),
          };
        }, sku);
        const props = `(readonly: ${JSON.stringify(summary.readonly)}, readOnly: ${JSON.stringify(summary.readOnly)})`;
        assert.equal(summary.quantityInputs, 0, `${name}: the read-only cart's line has ${summary.quantityInputs} quantity input(s) ${props}`);
        assert.equal(summary.removeButtons, 0, `${name}: the read-only cart's line has ${summary.removeButtons} remove button(s) ${props}`);
        assert.equal(summary.actions, 0, `${name}: the read-only cart shows its actions (save as, hand off, …) ${props}`);
        // "3 Stück": the quantity with the product's unit, so the line was rendered with its product (and could have had controls).
        assert.match(summary.shownQuantity ?? '', /^3 \p{L}+/u, `${name}: the read-only line shows ${JSON.stringify(summary.shownQuantity)} as its quantity`);
      } finally {
        await app.close();
      }
    });
  });
}
