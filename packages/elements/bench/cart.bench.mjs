// pnpm bench: cost of the cart elements with a 1,000-line cart in headless Chromium. Reports, never asserts.
//
// Uses the built standalone bundle (packages/elements/dist/kontor.bundle.js — run `pnpm build`
// first), the reference API server (SQLite, demo world with KONTOR_SEED_PRODUCTS=1200, i.e. ~1,180
// orderable products) on 127.0.0.1, a static server for the page, and Debian's Chromium through
// puppeteer-core. Sets up once, through the API: the demo buyer's active cart with 1,000 distinct
// lines, each at its product's lowest valid quantity. Measures:
//   (a) insert <kontor-shop><kontor-cart> → first [part=line] row, all 1,000 rows (GET of the cart included; the cart renders in chunks per frame)
//   (b) <kontor-cart> with `.preview` = that 1,000-line cart (no network, read-only rows) → first row, all rows
//   (c) a quantity change on line 900 → line total updated (optimistic) and `kontor-cart-change` (server confirmed)
//   (d) <kontor-quick-order>.import() of a 1,000-line TAB-separated paste into a fresh empty active cart
// and the JS heap (CDP JSHeapUsedSize) before and after (a).
// Knobs: KONTOR_BENCH_RUNS (10), CHROME_PATH (/usr/bin/chromium).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUNS, allProducts, api, benchPage, cleanups, login, openPage, requireBundleAndChrome, startApi, startWeb, reportPageErrors, runBench } from './bench-kit.mjs';

const LINES = 1000;
const WARMUP = 2;
const TAGS = ['kontor-shop', 'kontor-cart', 'kontor-quick-order', 'kontor-quantity'];

requireBundleAndChrome(TAGS);
// Hard cap on the whole bench.

// --- set-up through the API (Node, outside any measurement) -----------------------------------

/** Active products with a price, each with its lowest valid quantity (and room for one more step). */
async function orderableProducts(endpoint, token) {
  const products = await allProducts(endpoint, token, 'status=active');
  const orderable = products
    .filter((p) => p.price !== null && p.status === 'active')
    .map((p) => {
      const { min, step, max } = p.quantityRules;
      return { sku: p.sku, lowest: Math.ceil(min / step) * step, step, max };
    })
    .filter((p) => p.max == null || p.lowest <= p.max);
  return { listed: products.length, orderable };
}

// --- in-page helpers (serialised into the page by page.evaluate) -------------------------------

/**
 * Resolves when `count(root)` reaches `want`, with the time the first row appeared;
 * rejects on an error banner or after 20 s.
 */
function watchRows(host, want) {
  return new Promise((resolve, reject) => {
    let first = 0;
    let observer;
    const timeout = setTimeout(() => {
      observer?.disconnect();
      reject(new Error(`only ${host.shadowRoot?.querySelectorAll('[part=line]').length ?? 0} of ${want} rows after 20 s`));
    }, 20_000);
    const check = () => {
      const root = host.shadowRoot;
      if (!root) return;
      const error = root.querySelector('[part=error]');
      if (error) {
        clearTimeout(timeout);
        observer.disconnect();
        reject(new Error(error.textContent.replace(/\s+/g, ' ').trim()));
        return;
      }
      if (!first && root.querySelector('[part=line]')) first = performance.now();
      if (first && root.querySelectorAll('[part=line]').length >= want) {
        const all = performance.now();
        clearTimeout(timeout);
        observer.disconnect();
        resolve({ first, all });
      }
    };
    observer = new MutationObserver(check);
    observer.observe(host.shadowRoot, { childList: true, subtree: true });
    check();
  });
}

/** Nodes in `root` and every shadow root below it. */
function countNodes(root) {
  let n = 0;
  const walk = (node) => {
    n++;
    if (node.shadowRoot) walk(node.shadowRoot);
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
  };
  walk(root);
  return n;
}

/**
 * (a) a fresh <kontor-shop><kontor-cart> per run, the remembered cart loaded from the server.
 * One more, unmeasured run counts the row renders and DOM nodes, and stays on the page.
 */
async function inPageCartFromServer(endpoint, token, cartId, lines, runs, warmup, watchSrc, countSrc) {
  const watchRows = eval(`(${watchSrc})`);
  const countNodes = eval(`(${countSrc})`);
  const kit = await import('/kontor/kontor.bundle.js');
  const root = document.getElementById('root');
  const key = `kontor.cart:${endpoint}`;
  const firstTimes = [];
  const allTimes = [];
  const layoutTimes = [];
  const getTimes = [];
  const longest = [];
  const longTotal = [];
  const longTasks = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  const proto = kit.KontorCart.prototype;
  const renderLine = proto.renderLine;
  let rowRenders = 0;
  let shop;
  try {
    for (let i = 0; i < runs + warmup + 1; i++) {
      const counting = i === runs + warmup;
      if (shop) kit.cartStoreOf(shop.client).dispose(); // one shop per page, as on a real page (see the leak note)
      root.replaceChildren();
      await new Promise((r) => setTimeout(r, 50));
      localStorage.setItem(key, cartId);
      shop = document.createElement('kontor-shop');
      shop.setAttribute('endpoint', endpoint);
      shop.setAttribute('token', token);
      shop.setAttribute('lang', 'de');
      const cart = document.createElement('kontor-cart');
      shop.append(cart);
      if (counting && typeof renderLine === 'function') {
        proto.renderLine = function (...args) {
          rowRenders++;
          return renderLine.apply(this, args);
        };
      }
      performance.clearResourceTimings();
      longTasks.length = 0;
      const t0 = performance.now();
      root.append(shop);
      const { first, all } = await watchRows(cart, lines);
      void document.body.offsetHeight;
      const laidOut = performance.now();
      proto.renderLine = renderLine;
      const shown = cart.value;
      if (shown?.id !== cartId || shown.lines.length !== lines) throw new Error(`run ${i}: cart ${shown?.id} with ${shown?.lines.length} lines, expected ${cartId} with ${lines}`);
      if (localStorage.getItem(key) !== cartId) throw new Error(`run ${i}: localStorage ${key} is ${localStorage.getItem(key)} (keys: ${Object.keys(localStorage).join(', ')})`);
      const gets = performance.getEntriesByType('resource').filter((e) => e.name.endsWith(`/v1/carts/${cartId}`));
      if (gets.length !== 1) throw new Error(`run ${i}: ${gets.length} GETs of the cart`);
      if (i >= warmup && !counting) {
        firstTimes.push(first - t0);
        allTimes.push(all - t0);
        layoutTimes.push(laidOut - t0);
        getTimes.push(gets[0].responseEnd - t0);
        observer.takeRecords().forEach((e) => longTasks.push(e));
        const mine = longTasks.filter((e) => e.startTime >= t0 && e.startTime < laidOut);
        longest.push(Math.max(0, ...mine.map((e) => e.duration)));
        longTotal.push(mine.reduce((sum, e) => sum + e.duration, 0));
      }
    }
  } finally {
    proto.renderLine = renderLine;
    observer.disconnect();
  }
  // The last cart stays on the page for the heap reading and (c); (b) needs its data.
  const cart = shop.querySelector('kontor-cart');
  await Promise.all([...cart.shadowRoot.querySelectorAll('kontor-quantity')].map((q) => q.updateComplete));
  window.__benchCart = cart.value;
  window.__benchShop = shop;
  return {
    firstTimes, allTimes, layoutTimes, getTimes, longest, longTotal, rowRenders,
    nodes: countNodes(cart),
    issues: cart.value.lines.filter((l) => l.issues.length).length,
  };
}

/** (b) the same cart as `.preview`: no store, no network, read-only rows. */
async function inPagePreview(lines, runs, warmup, watchSrc) {
  const watchRows = eval(`(${watchSrc})`);
  const root = document.getElementById('root');
  const data = window.__benchCart;
  const hidden = window.__benchShop.querySelector('kontor-cart');
  hidden.style.display = 'none'; // (a)'s cart stays for (c), out of style and layout
  const firstTimes = [];
  const allTimes = [];
  const layoutTimes = [];
  let formats = 0;
  for (let i = 0; i < runs + warmup + 1; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const el = document.createElement('kontor-cart');
    el.preview = data;
    // The last, unmeasured run counts the Intl.NumberFormat instances one full render creates.
    const counting = i === runs + warmup;
    const NumberFormat = Intl.NumberFormat;
    if (counting) {
      Intl.NumberFormat = new Proxy(NumberFormat, { construct: (target, args) => (formats++, Reflect.construct(target, args)), apply: (target, self, args) => (formats++, Reflect.apply(target, self, args)) });
    }
    try {
      const t0 = performance.now();
      root.append(el);
      const { first, all } = await watchRows(el, lines);
      void document.body.offsetHeight;
      const laidOut = performance.now();
      if (i >= warmup && !counting) {
        firstTimes.push(first - t0);
        allTimes.push(all - t0);
        layoutTimes.push(laidOut - t0);
      }
    } finally {
      Intl.NumberFormat = NumberFormat;
      el.remove();
    }
  }
  hidden.style.display = '';
  // What one NumberFormat costs here.
  const t = performance.now();
  for (let i = 0; i < 1000; i++) new Intl.NumberFormat('de');
  const perFormat = (performance.now() - t) / 1000;
  return { firstTimes, allTimes, layoutTimes, formats, perFormat };
}

/** (c) a quantity change on one line of the mounted 1,000-line cart, alternating between two valid quantities. */
async function inPageQuantityChange(index, runs, warmup) {
  const kit = await import('/kontor/kontor.bundle.js');
  const shop = window.__benchShop;
  const cart = shop.querySelector('kontor-cart');
  await cart.updateComplete;
  const line = cart.value.lines[index];
  const { min, step, max } = line.product.quantityRules;
  const lowest = Math.ceil(min / step) * step;
  const other = max == null || lowest + step <= max ? lowest + step : null;
  if (other === null) throw new Error(`line ${index + 1} (${line.sku}) allows one quantity only`);
  const row = () => cart.shadowRoot.querySelector(`[part=line][data-sku="${CSS.escape(line.sku)}"]`);
  const totalText = () => row().querySelector('[part=line-total]').textContent.replace(/\s+/g, ' ').trim();
  // Count the nested <kontor-quantity> updates a change causes (each is a Lit update of its own shadow root).
  // …and the time spent in the synchronous updates of the cart and of the nested quantities.
  let quantityUpdates = 0;
  let quantityMs = 0;
  let cartMs = 0;
  const proto = kit.KontorQuantity.prototype;
  const update = proto.update;
  proto.update = function (changed) {
    quantityUpdates++;
    const t = performance.now();
    try {
      return update.call(this, changed);
    } finally {
      quantityMs += performance.now() - t;
    }
  };
  const cartProto = kit.KontorCart.prototype;
  const cartUpdate = cartProto.update;
  cartProto.update = function (changed) {
    const t = performance.now();
    try {
      return cartUpdate.call(this, changed);
    } finally {
      cartMs += performance.now() - t;
    }
  };
  const optimisticTimes = [];
  const confirmedTimes = [];
  const settledTimes = [];
  const postTimes = [];
  const updatesPerChange = [];
  const cartUpdateMs = [];
  const quantityUpdateMs = [];
  let mismatches = 0;
  let example = '';
  try {
    for (let i = 0; i < runs + warmup; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const next = cart.value.lines[index].quantity === lowest ? other : lowest;
      const before = totalText();
      const cell = row().querySelector('[part=line-total]');
      const input = row().querySelector('kontor-quantity').shadowRoot.querySelector('input');
      quantityUpdates = 0;
      quantityMs = 0;
      cartMs = 0;
      performance.clearResourceTimings();
      let observer;
      const optimistic = new Promise((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('line total unchanged after 10 s')), 10_000);
        observer = new MutationObserver(() => {
          if (totalText() !== before) {
            clearTimeout(timeout);
            resolve(performance.now());
          }
        });
        observer.observe(cell, { childList: true, subtree: true, characterData: true });
      });
      const listening = new AbortController();
      const confirmed = new Promise((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('no kontor-cart-change after 10 s')), 10_000);
        const { signal } = listening;
        cart.addEventListener('kontor-cart-change', () => (clearTimeout(timeout), resolve(performance.now())), { signal });
        cart.addEventListener('kontor-error', (e) => (clearTimeout(timeout), reject(e.detail.error)), { signal });
      }).finally(() => listening.abort());
      const t0 = performance.now();
      input.value = String(next);
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const t1 = await optimistic;
      observer.disconnect();
      const shownOptimistic = totalText();
      await cart.updateComplete;
      const optimisticUpdates = quantityUpdates;
      const [optimisticCartMs, optimisticQuantityMs] = [cartMs, quantityMs];
      const t2 = await confirmed;
      // Until the confirmed cart is rendered, nested quantities included.
      await cart.updateComplete;
      await Promise.all([...cart.shadowRoot.querySelectorAll('kontor-quantity')].map((q) => q.updateComplete));
      void document.body.offsetHeight;
      const t3 = performance.now();
      const after = totalText();
      if (after !== shownOptimistic) mismatches++;
      if (cart.value.lines[index].quantity !== next) throw new Error(`run ${i}: quantity ${cart.value.lines[index].quantity}, expected ${next}`);
      example = `${line.sku}: ${lowest} ↔ ${other}, "${before}" → "${after}"`;
      const post = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/changes'));
      if (i >= warmup) {
        optimisticTimes.push(t1 - t0);
        confirmedTimes.push(t2 - t0);
        settledTimes.push(t3 - t0);
        if (post) postTimes.push(post.responseEnd - t0);
        updatesPerChange.push([optimisticUpdates, quantityUpdates - optimisticUpdates]);
        cartUpdateMs.push([optimisticCartMs, cartMs - optimisticCartMs]);
        quantityUpdateMs.push([optimisticQuantityMs, quantityMs - optimisticQuantityMs]);
      }
    }
  } finally {
    proto.update = update;
    cartProto.update = cartUpdate;
  }
  return { optimisticTimes, confirmedTimes, settledTimes, postTimes, mismatches, example, updatesPerChange: updatesPerChange.at(-1), cartUpdateMs, quantityUpdateMs };
}

/** (d) <kontor-quick-order>.import(text) into a fresh empty active cart per run. */
async function inPageQuickOrder(endpoint, token, text, lines, runs, warmup) {
  const kit = await import('/kontor/kontor.bundle.js');
  const root = document.getElementById('root');
  const key = `kontor.cart:${endpoint}`;
  const times = [];
  const renderedTimes = [];
  const postTimes = [];
  let shop;
  for (let i = 0; i < runs + warmup; i++) {
    if (shop) kit.cartStoreOf(shop.client).dispose();
    root.replaceChildren();
    await new Promise((r) => setTimeout(r, 50));
    const res = await fetch(new URL('/v1/carts', endpoint), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ active: true, name: `Schnellbestellung ${i + 1}` }),
    });
    if (res.status !== 201) throw new Error(`POST /v1/carts: ${res.status} ${await res.text()}`);
    const fresh = await res.json();
    localStorage.setItem(key, fresh.id);
    shop = document.createElement('kontor-shop');
    shop.setAttribute('endpoint', endpoint);
    shop.setAttribute('token', token);
    shop.setAttribute('lang', 'de');
    const quick = document.createElement('kontor-quick-order');
    shop.append(quick);
    root.append(shop);
    await quick.updateComplete;
    const loaded = await kit.cartStoreOf(shop.client).load();
    if (loaded?.id !== fresh.id || loaded.lines.length) throw new Error(`run ${i}: loaded cart ${loaded?.id} with ${loaded?.lines.length} lines, expected the empty ${fresh.id}`);
    performance.clearResourceTimings();
    const t0 = performance.now();
    const added = await quick.import(text);
    const t1 = performance.now();
    await quick.updateComplete;
    void document.body.offsetHeight;
    const t2 = performance.now();
    if (added !== lines) throw new Error(`run ${i}: import added ${added} lines, expected ${lines}: ${quick.shadowRoot.querySelector('[part=error], [part=issues]')?.textContent.replace(/\s+/g, ' ').trim().slice(0, 300)}`);
    const post = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/changes'));
    if (i >= warmup) {
      times.push(t1 - t0);
      renderedTimes.push(t2 - t0);
      if (post) postTimes.push({ start: post.startTime - t0, end: post.responseEnd - t0 });
    }
  }
  kit.cartStoreOf(shop.client).dispose();
  root.replaceChildren();
  return { times, renderedTimes, postTimes };
}

// --- report ------------------------------------------------------------------------------------

const rows = [];
function stats(times) {
  const s = [...times].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median, min: s[0], max: s[s.length - 1], n: s.length };
}
function report(name, times, note = '') {
  const { median, min, max, n } = stats(times);
  rows.push({ name, median, min, max, n, note });
  console.log(`${name.padEnd(72)} median ${median.toFixed(1).padStart(7)} ms  min ${min.toFixed(1).padStart(7)} ms  max ${max.toFixed(1).padStart(7)} ms  (${n} runs)${note ? '  ' + note : ''}`);
}
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function heap(page) {
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  } finally {
    await cdp.detach();
  }
}

// --- main --------------------------------------------------------------------------------------

await runBench('cart bench', 300_000, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kontor-cart-bench-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  writeFileSync(join(dataDir, 'index.html'), benchPage('Kontor cart bench'));

  const endpoint = await startApi(join(dataDir, 'api'), { KONTOR_SEED_PRODUCTS: '1200' });
  const token = await login(endpoint);

  // The 1,000-line cart: the buyer's active cart, made once.
  const { listed, orderable: products } = await orderableProducts(endpoint, token);
  if (products.length < LINES) throw new Error(`only ${products.length} orderable products, need ${LINES}`);
  const chosen = products.slice(0, LINES);
  const created = await api(endpoint, token, 'POST', '/v1/carts', { name: 'Bench 1.000 Zeilen', active: true });
  const t = performance.now();
  const filled = await api(endpoint, token, 'POST', `/v1/carts/${created.id}/changes`, {
    version: created.version,
    changes: chosen.map((p) => ({ op: 'add', sku: p.sku, quantity: p.lowest })),
  });
  const fillMs = performance.now() - t;
  const cartBytes = Buffer.byteLength(JSON.stringify(await api(endpoint, token, 'GET', `/v1/carts/${created.id}`)));
  if (filled.lines.length !== LINES) throw new Error(`cart has ${filled.lines.length} lines after adding ${LINES}`);
  // (c) changes line 900, or the next one from there that has room for a second quantity.
  let changeIndex = 899;
  while (changeIndex < LINES && chosen[changeIndex].max != null && chosen[changeIndex].lowest + chosen[changeIndex].step > chosen[changeIndex].max) changeIndex++;
  // (d) pastes the same 1,000 products, TAB-separated as Excel copies them.
  const paste = chosen.map((p) => `${p.sku}\t${p.lowest}`).join('\n');

  const pageUrl = await startWeb(dataDir);
  const { version, page, pageErrors } = await openPage(pageUrl, TAGS);
  console.log(
    `${version}, bundle dist/kontor.bundle.js, API ${endpoint} (SQLite, demo world, ${listed} active products, ${products.length} orderable), viewport 1280×900.`,
  );
  console.log(`Set-up: a ${LINES}-line active cart in one POST /changes (${fillMs.toFixed(0)} ms on the server side, from Node); ${WARMUP} warm-up runs per scenario are not counted.`);
  const watchSrc = watchRows.toString();

  const heapBefore = await heap(page);
  const a = await page.evaluate(inPageCartFromServer, endpoint, token, created.id, LINES, RUNS, WARMUP, watchSrc, countNodes.toString());
  report(`(a) <kontor-shop><kontor-cart> inserted → GET cart answered`, a.getTimes, `${(cartBytes / 1024).toFixed(0)} KiB of JSON`);
  report(`(a) … → first [part=line] row in the DOM`, a.firstTimes);
  report(`(a) … → all ${LINES} rows in the DOM`, a.allTimes, `${a.issues} lines with issues`);
  report(`(a) … → all rows + style + layout`, a.layoutTimes);
  report(`(a) … longest main-thread task (≥ 50 ms; 0: none)`, a.longest, `long tasks in all: median ${stats(a.longTotal).median.toFixed(0)} ms per run`);
  console.log(`    one load renders ${a.rowRenders || '?'} rows (renderLine calls) for ${LINES} lines; the cart's DOM is ${a.nodes} nodes with its nested shadow roots (${(a.nodes / LINES).toFixed(0)} per line).`);
  const heapAfter = await heap(page);
  console.log(
    `    JS heap (CDP JSHeapUsedSize after GC): ${mib(heapBefore.JSHeapUsedSize)} before (a), ${mib(heapAfter.JSHeapUsedSize)} with the ${LINES}-line cart shown (+${mib(heapAfter.JSHeapUsedSize - heapBefore.JSHeapUsedSize)}); DOM nodes ${heapBefore.Nodes} → ${heapAfter.Nodes}`,
  );

  const b = await page.evaluate(inPagePreview, LINES, RUNS, WARMUP, watchSrc);
  report(`(b) <kontor-cart .preview=${LINES}-line cart> (no network) → first row`, b.firstTimes);
  report(`(b) … → all ${LINES} rows in the DOM`, b.allTimes);
  report(`(b) … → all rows + style + layout`, b.layoutTimes);
  console.log(
    `    split of (a), medians: network ≈ ${stats(a.getTimes).median.toFixed(0)} ms to the GET's last byte, then ${(stats(a.allTimes).median - stats(a.getTimes).median).toFixed(0)} ms to all rows;` +
      ` (b) renders read-only rows (no <kontor-quantity>, no remove button), so (a) − (b) overstates the network.`,
  );
  console.log(`    one full ${LINES}-row preview render created ${b.formats} Intl.NumberFormat objects (${(b.perFormat * 1000).toFixed(0)} µs each here).`);

  const c = await page.evaluate(inPageQuantityChange, changeIndex, RUNS, WARMUP);
  report(`(c) quantity change on line ${changeIndex + 1} of ${LINES} → line total changed (optimistic)`, c.optimisticTimes);
  report(`(c) … → POST /changes answered`, c.postTimes);
  report(`(c) … → kontor-cart-change (server confirmed)`, c.confirmedTimes);
  report(`(c) … → confirmed cart rendered, nested quantities + layout`, c.settledTimes, `<kontor-quantity> updates: ${c.updatesPerChange[0]} optimistic, ${c.updatesPerChange[1]} after confirm`);
  const phase = (pairs, k) => stats(pairs.map((p) => p[k])).median.toFixed(1);
  console.log(
    `    time inside updates (medians): <kontor-cart> ${phase(c.cartUpdateMs, 0)} ms optimistic + ${phase(c.cartUpdateMs, 1)} ms confirmed;` +
      ` <kontor-quantity> ${phase(c.quantityUpdateMs, 0)} ms optimistic + ${phase(c.quantityUpdateMs, 1)} ms confirmed (${c.updatesPerChange[1]} elements).`,
  );
  console.log(`    ${c.example}${c.mismatches ? `; ${c.mismatches} runs: optimistic total ≠ confirmed total!` : ''}`);
  await page.evaluate(async () => {
    const kit = await import('/kontor/kontor.bundle.js');
    kit.cartStoreOf(window.__benchShop.client).dispose();
    window.__benchShop.remove();
    window.__benchShop = window.__benchCart = null;
  });
  const heapRemoved = await heap(page);
  console.log(
    `    JS heap after removing that cart and disposing its store: ${mib(heapRemoved.JSHeapUsedSize)}, DOM nodes ${heapRemoved.Nodes};` +
      ` so the shown cart held ≈ ${mib(heapAfter.JSHeapUsedSize - heapRemoved.JSHeapUsedSize)} and ${heapAfter.Nodes - heapRemoved.Nodes} nodes,` +
      ` and ${mib(heapRemoved.JSHeapUsedSize - heapBefore.JSHeapUsedSize)} / ${heapRemoved.Nodes - heapBefore.Nodes} nodes stay retained after every cart of (a) and (b) was removed.`,
  );

  const d = await page.evaluate(inPageQuickOrder, endpoint, token, paste, LINES, RUNS, WARMUP);
  report(`(d) <kontor-quick-order>.import(${LINES}-line TAB paste) into an empty cart`, d.times);
  report(`(d) … → summary rendered`, d.renderedTimes);
  report(
    `(d) … of which POST /changes (start → last byte)`,
    d.postTimes.map((p) => p.end - p.start),
    `sent ${stats(d.postTimes.map((p) => p.start)).median.toFixed(1)} ms after the call (median)`,
  );
  console.log('    parsing alone (parseOrderText) is not exported by the bundle: packages/core/src/cart/cart.bench.ts measures it.');

  console.log(`\n${'scenario'.padEnd(72)} ${'median'.padStart(9)} ${'min'.padStart(9)} ${'max'.padStart(9)}`);
  for (const r of rows) console.log(`${r.name.padEnd(72)} ${r.median.toFixed(1).padStart(6)} ms ${r.min.toFixed(1).padStart(6)} ms ${r.max.toFixed(1).padStart(6)} ms`);

  reportPageErrors(pageErrors);
});
