// pnpm bench: delivery promises in headless Chromium. Reports, never asserts.
//
// Uses the built standalone bundle (packages/elements/dist/kontor.bundle.js — run `pnpm build`
// first), the reference API server (SQLite, demo world with KONTOR_SEED_PRODUCTS=1200) on
// 127.0.0.1, a static server for the page, and Debian's Chromium through puppeteer-core. Measures:
//   (a) 100 <kontor-availability> badges inserted in a fresh <kontor-shop> → every badge shows its text; POST /v1/availability count
//   (b) the same 100 badges removed and inserted again (a re-render) → every badge shows its text; requests (the cache answers)
//   (c) 1,000 badges → all shown, for comparison with (d)
//   (d) <kontor-cart> with a 1,000-line cart → all rows in the DOM, then every row's promise shown; requests
// A fresh <kontor-shop> per run is a fresh client, so a fresh batcher and cache: nothing is reused between runs except in (b).
// Knobs: KONTOR_BENCH_RUNS (10), CHROME_PATH (/usr/bin/chromium).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUNS, allProducts, api, benchPage, cleanups, login, openPage, requireBundleAndChrome, startApi, startWeb, reportPageErrors, runBench } from './bench-kit.mjs';

const WARMUP = 2;
const TAGS = ['kontor-shop', 'kontor-availability', 'kontor-cart'];

requireBundleAndChrome(TAGS);

// --- in the page -------------------------------------------------------------------------------

/** (a)–(c): `count` badges per run in a fresh shop; `again` also measures removing and re-inserting them. */
async function inPageBadges(endpoint, token, skus, runs, warmup, again) {
  const root = document.getElementById('root');
  const shown = (badges) => badges.every((b) => b.shadowRoot?.querySelector('[part~=base][aria-busy=false] [part~=text]'));
  const until = (check, what) =>
    new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`${what} after 20 s`)), 20_000);
      const tick = () => (check() ? (clearTimeout(t), resolve(performance.now())) : requestAnimationFrame(tick));
      tick();
    });
  const requests = () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/v1/availability')).length;
  const out = { times: [], requests: [], againTimes: [], againRequests: [], sample: '' };
  for (let i = 0; i < runs + warmup; i++) {
    root.replaceChildren();
    await new Promise((r) => setTimeout(r, 50));
    const shop = document.createElement('kontor-shop');
    shop.setAttribute('endpoint', endpoint);
    shop.setAttribute('token', token);
    shop.setAttribute('lang', 'de');
    const badges = skus.map((sku) => {
      const b = document.createElement('kontor-availability');
      b.setAttribute('sku', sku);
      b.setAttribute('refresh-seconds', '0');
      return b;
    });
    shop.append(...badges);
    performance.clearResourceTimings();
    const t0 = performance.now();
    root.append(shop);
    const t1 = await until(() => shown(badges), `not all ${skus.length} badges shown`);
    const sent = requests();
    let t3 = 0;
    let sentAgain = 0;
    if (again) {
      badges.forEach((b) => b.remove());
      await new Promise((r) => setTimeout(r, 20));
      performance.clearResourceTimings();
      const t2 = performance.now();
      shop.append(...badges);
      await new Promise((r) => requestAnimationFrame(r)); // give a batch the chance to go out
      t3 = (await until(() => shown(badges), 're-inserted badges not shown')) - t2;
      await new Promise((r) => setTimeout(r, 200));
      sentAgain = requests();
    }
    if (i >= warmup) {
      out.times.push(t1 - t0);
      out.requests.push(sent);
      if (again) {
        out.againTimes.push(t3);
        out.againRequests.push(sentAgain);
      }
    }
    out.sample = badges[0].shadowRoot.querySelector('[part~=text]').textContent.trim();
  }
  root.replaceChildren();
  return out;
}

/** (d) the 1,000-line cart: all rows, then all promises. */
async function inPageCart(endpoint, token, cartId, lines, runs, warmup) {
  const kit = await import('/kontor/kontor.bundle.js');
  const root = document.getElementById('root');
  const key = `kontor.cart:${endpoint}`;
  const out = { rows: [], promises: [], requests: [], items: [], sample: '' };
  let shop;
  for (let i = 0; i < runs + warmup; i++) {
    if (shop) kit.cartStoreOf(shop.client).dispose();
    root.replaceChildren();
    await new Promise((r) => setTimeout(r, 50));
    localStorage.setItem(key, cartId);
    shop = document.createElement('kontor-shop');
    shop.setAttribute('endpoint', endpoint);
    shop.setAttribute('token', token);
    shop.setAttribute('lang', 'de');
    const cart = document.createElement('kontor-cart');
    cart.setAttribute('availability-refresh-seconds', '0');
    shop.append(cart);
    performance.clearResourceTimings();
    const t0 = performance.now();
    root.append(shop);
    let rowsAt = 0;
    const promisesAt = await new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('cart promises not all shown after 20 s')), 20_000);
      const tick = () => {
        const r = cart.shadowRoot?.querySelectorAll('[part=line]').length ?? 0;
        if (!rowsAt && r >= lines) rowsAt = performance.now();
        if (rowsAt && (cart.shadowRoot.querySelectorAll('[part~=availability][data-tone]').length >= lines)) {
          clearTimeout(t);
          resolve(performance.now());
        } else requestAnimationFrame(tick);
      };
      tick();
    });
    const sent = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/v1/availability'));
    if (i >= warmup) {
      out.rows.push(rowsAt - t0);
      out.promises.push(promisesAt - t0);
      out.requests.push(sent.length);
    }
    out.sample = cart.shadowRoot.querySelector('[part~=availability]').textContent.trim();
  }
  kit.cartStoreOf(shop.client).dispose();
  root.replaceChildren();
  return out;
}

// --- report ------------------------------------------------------------------------------------

function stats(times) {
  const s = [...times].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median, min: s[0], max: s[s.length - 1], n: s.length };
}
function report(name, times, note = '') {
  const { median, min, max, n } = stats(times);
  console.log(`${name.padEnd(74)} median ${median.toFixed(1).padStart(7)} ms  min ${min.toFixed(1).padStart(7)} ms  max ${max.toFixed(1).padStart(7)} ms  (${n} runs)${note ? '  ' + note : ''}`);
}
const counts = (list) => [...new Set(list)].sort((a, b) => a - b).join('/');

await runBench('availability bench', 300_000, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kontor-availability-bench-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  writeFileSync(join(dataDir, 'index.html'), benchPage('Kontor availability bench'));
  const endpoint = await startApi(join(dataDir, 'api'), { KONTOR_SEED_PRODUCTS: '1200' });
  const token = await login(endpoint);
  const products = await allProducts(endpoint, token);
  const skus100 = products.slice(0, 100).map((p) => p.sku);
  const skus1000 = products.slice(0, 1000).map((p) => p.sku);
  const orderable = products
    .filter((p) => p.price !== null && p.status === 'active')
    .map((p) => ({ sku: p.sku, quantity: Math.ceil(p.quantityRules.min / p.quantityRules.step) * p.quantityRules.step, max: p.quantityRules.max }))
    .filter((p) => p.max == null || p.quantity <= p.max)
    .slice(0, 1000);
  const created = await api(endpoint, token, 'POST', '/v1/carts', { name: 'Bench Lieferzeiten', active: true });
  await api(endpoint, token, 'POST', `/v1/carts/${created.id}/changes`, { version: created.version, changes: orderable.map((p) => ({ op: 'add', sku: p.sku, quantity: p.quantity })) });
  // The server's own time for the 1,000-item question, from Node.
  const t = performance.now();
  await api(endpoint, token, 'POST', '/v1/availability', { destination: 'DE', items: orderable.map((p) => ({ sku: p.sku, quantity: p.quantity })) });
  const serverMs = performance.now() - t;

  const pageUrl = await startWeb(dataDir);
  const { version, page, pageErrors } = await openPage(pageUrl, TAGS);
  console.log(`${version}, bundle dist/kontor.bundle.js, API ${endpoint} (SQLite, demo world, ${products.length} products), viewport 1280×900; ${WARMUP} warm-up runs per scenario are not counted.`);

  const a = await page.evaluate(inPageBadges, endpoint, token, skus100, RUNS, WARMUP, true);
  report('(a) 100 <kontor-availability> in a fresh <kontor-shop> → all 100 texts shown', a.times, `POST /v1/availability per run: ${counts(a.requests)}`);
  report('(b) the same 100 removed and inserted again → all shown', a.againTimes, `requests: ${counts(a.againRequests)} (cache)`);
  console.log(`    e.g. "${a.sample}"`);
  const c = await page.evaluate(inPageBadges, endpoint, token, skus1000, RUNS, WARMUP, false);
  report('(c) 1,000 <kontor-availability> → all shown', c.times, `POST /v1/availability per run: ${counts(c.requests)}`);
  const d = await page.evaluate(inPageCart, endpoint, token, created.id, orderable.length, RUNS, WARMUP);
  report(`(d) <kontor-cart> with ${orderable.length} lines → all rows in the DOM`, d.rows);
  report('(d) … → every row shows its promise (text in the row, no element per line)', d.promises, `POST /v1/availability per run: ${counts(d.requests)}`);
  console.log(`    e.g. "${d.sample}"; the server answers those ${orderable.length} items in ${serverMs.toFixed(0)} ms (one request from Node, first call).`);
  reportPageErrors(pageErrors);
});
