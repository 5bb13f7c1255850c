import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createKontorClient } from '@kontor/core';
import { formatMoney } from '@kontor/core/money';
import { checkQuantity, lowestValidQuantity, tierAt } from '@kontor/core/pricing';
import { configure } from '../../configure.js';
import { clientOf, endpoint, findProduct, freshCart, tokenOf, unreachableEndpoint } from '../../testing/server.js';
import '../shop/kontor-shop.js';
import type { KontorShop } from '../shop/shop.component.js';
import './kontor-product-list.js';
import type { KontorProductList } from './product-list.component.js';

const rows = (el: KontorProductList) => [...el.shadowRoot!.querySelectorAll('li[part=item]')];
const skus = (el: KontorProductList) => rows(el).map((r) => r.getAttribute('data-sku'));
const names = (el: KontorProductList) => [...el.shadowRoot!.querySelectorAll('[part=name]')].map((n) => n.textContent!.trim());
const loaded = (el: KontorProductList) =>
  waitUntil(() => el.shadowRoot!.querySelector('[part=list]:not([aria-busy=true]), [part=empty], [part=error]'), 'list did not settle', {
    timeout: 15_000,
  });

async function renderList(attrs: { query?: string; category?: string; pageSize?: number; lang?: string; user?: 'mueller' | 'schmidt' | 'baulicht' } = {}) {
  const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf(attrs.user ?? 'schmidt')} lang=${attrs.lang ?? 'de'}>
    <kontor-product-list query=${attrs.query ?? ''} category=${attrs.category ?? ''} page-size=${attrs.pageSize ?? 20}></kontor-product-list>
  </kontor-shop>`);
  const el = shop.querySelector('kontor-product-list')!;
  await loaded(el);
  return el;
}

describe('<kontor-product-list>', () => {
  it('is accessible', async () => {
    const el = await renderList({ pageSize: 5 });
    await expect(el).to.be.accessible();
  });

  it('renders a page of products with name, SKU, unit, pack size, price and quantity', async () => {
    const el = await renderList({ pageSize: 5 });
    expect(rows(el)).to.have.length(5);
    const first = rows(el)[0]!;
    expect(first.querySelector('[part=meta]')!.textContent).to.match(/Art\.-Nr\. \S+/);
    expect(first.querySelector('[part=meta]')!.textContent).to.contain('VE:');
    expect(first.querySelector('kontor-price')).to.exist;
    expect(first.querySelector('kontor-quantity')).to.exist;
  });

  it('searches by query and renders only matching products', async () => {
    const client = await clientOf('schmidt');
    const expected = await client.catalogue.list({ q: 'NYM', limit: 100 });
    expect(expected.items.length).to.be.greaterThan(0);
    const el = await renderList({ pageSize: 100 });
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = 'NYM';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => el.query === 'NYM', 'debounced search did not apply');
    await aTimeout(0);
    await loaded(el);
    expect(skus(el)).to.deep.equal(expected.items.map((p) => p.sku));
    expect(rows(el).length).to.be.below((await client.catalogue.list({ limit: 100 })).items.length);
  });

  it('filters by category', async () => {
    const client = await clientOf('schmidt');
    const [category] = await client.catalogue.categories();
    const el = await renderList({ pageSize: 100 });
    await waitUntil(() => el.shadowRoot!.querySelectorAll('select option').length > 1, 'categories did not load');
    const select = el.shadowRoot!.querySelector('select')!;
    select.value = category!.slug;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await loaded(el);
    // The catalogue's order sorts by name in the caller's language: ask in German, as the shop does.
    const german = createKontorClient({ endpoint: endpoint(), token: await tokenOf('schmidt'), lang: 'de' });
    const expected = await german.catalogue.list({ category: category!.slug, limit: 100 });
    expect(skus(el)).to.deep.equal(expected.items.map((p) => p.sku));
  });

  it("shows each product's brand and short description", async () => {
    const client = await clientOf('schmidt');
    const [expected] = (await client.catalogue.list({ q: 'Abisolierzange', limit: 1 })).items;
    const el = await renderList({ query: 'Abisolierzange', pageSize: 5 });
    const row = rows(el).find((r) => r.getAttribute('data-sku') === expected!.sku)!;
    expect(row.querySelector('[part=brand]')!.textContent).to.equal(expected!.brand);
    expect(row.querySelector('[part=description]')!.textContent).to.equal(expected!.description.de);
  });

  it('ranks by relevance when searching: "Kabel" opens with cables, not cable ties', async () => {
    const el = await renderList({ query: 'Kabel', pageSize: 10 });
    expect(names(el)[0]).to.match(/kabel/i);
    expect(names(el).slice(0, 5).some((n) => n.startsWith('Kabelbinder'))).to.equal(false);
  });

  it("filters by brand with the search's counts, accessibly", async () => {
    const client = await clientOf('schmidt');
    const { facets } = await client.catalogue.list({ q: 'Schalter', limit: 1, facets: 'true' });
    const gira = facets!.brand.find((b) => b.value === 'Gira')!;
    const el = await renderList({ query: 'Schalter', pageSize: 100 });
    const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part=brands] input[type=checkbox]')];
    expect(boxes.map((b) => b.closest('label')!.textContent!.trim())).to.deep.equal(facets!.brand.map((b) => `${b.value} (${b.count})`));
    await expect(el).to.be.accessible();
    boxes.find((b) => b.value === 'Gira')!.click();
    await waitUntil(() => el.brand === 'Gira', 'brand did not apply');
    await aTimeout(0);
    await loaded(el);
    expect(rows(el)).to.have.length(gira.count);
    expect(rows(el).every((r) => r.querySelector('[part=brand]')!.textContent === 'Gira')).to.equal(true);
    // The category select counts within the chosen brand.
    const option = [...el.shadowRoot!.querySelectorAll('option')].find((o) => o.value === 'schalter-steckdosen')!;
    expect(option.textContent).to.contain(`(${gira.count})`);
  });

  it("opens a product's details: EAN, order quantities and every price tier", async () => {
    const client = await clientOf('schmidt');
    const [product] = (await client.catalogue.list({ q: 'NYM-J 3x1,5 Meterware', limit: 1 })).items;
    const el = await renderList({ query: product!.sku, pageSize: 5 });
    const row = rows(el).find((r) => r.getAttribute('data-sku') === product!.sku)!;
    const details = row.querySelector<HTMLDetailsElement>('[part=details]')!;
    expect(details.open).to.equal(false);
    details.querySelector('summary')!.click();
    await waitUntil(() => details.open, 'details did not open');
    expect(details.textContent).to.contain(product!.ean!);
    expect(details.textContent).to.contain(`ab ${product!.quantityRules.min}, in Schritten von ${product!.quantityRules.step}`);
    // The full price table is rendered once opened, not for every row up front.
    await waitUntil(() => details.querySelector('kontor-price'), 'the price tiers did not render');
    await expect(el).to.be.accessible();
  });

  it('loads the next page', async () => {
    const el = await renderList({ pageSize: 10 });
    expect(rows(el)).to.have.length(10);
    const more = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=load-more]')!;
    expect(more.textContent!.trim()).to.equal('Weitere Artikel laden');
    more.click();
    await waitUntil(() => rows(el).length === 20, 'second page did not load', { timeout: 10_000 });
    // The catalogue's order sorts by name in the caller's language: ask in German, as the shop does.
    const client = createKontorClient({ endpoint: endpoint(), token: await tokenOf('schmidt'), lang: 'de' });
    const first = await client.catalogue.list({ limit: 10 });
    const second = await client.catalogue.list({ limit: 10, cursor: first.nextCursor! });
    expect(skus(el)).to.deep.equal([...first.items, ...second.items].map((p) => p.sku));
    expect(new Set(skus(el)).size).to.equal(20);
  });

  it('shows an empty state when nothing matches', async () => {
    const el = await renderList({ query: 'zzzz-nothing-matches-this-qqq' });
    expect(el.shadowRoot!.querySelector('[part=empty]')!.textContent!.trim()).to.equal('Keine Artikel gefunden.');
    await expect(el).to.be.accessible();
  });

  it('shows a discontinued product with a badge and its replacement, and no price, quantity or button', async () => {
    const client = await clientOf('schmidt');
    const discontinued = (await client.catalogue.list({ status: 'discontinued', limit: 100 })).items.find((p) => p.replacementSku);
    expect(discontinued, 'the demo catalogue has a discontinued product with a replacement').to.exist;
    const el = await renderList({ query: discontinued!.sku, pageSize: 100 });
    const row = rows(el).find((r) => r.textContent!.includes(discontinued!.sku))!;
    expect(row.querySelector('[part=badge]')!.textContent!.replace(/[ \t\r\n]+/g, ' ').trim()).to.equal(
      `Auslaufartikel · Ersatz: ${discontinued!.replacementSku}`,
    );
    // It cannot be ordered: no price ("Summe für 1 Stk", tiers), no quantity to set, no button.
    expect(row.querySelector('kontor-price, kontor-quantity, kontor-add-to-cart')).to.equal(null);
    expect(row.textContent).to.not.contain('€');
    await expect(el).to.be.accessible();
  });

  it('speaks English inside an English shop', async () => {
    const client = await clientOf('baulicht');
    const first = await client.catalogue.list({ limit: 3 });
    const el = await renderList({ lang: 'en', user: 'baulicht', pageSize: 3 });
    expect(names(el)).to.deep.equal(first.items.map((p) => p.name.en));
    expect(el.shadowRoot!.querySelector('[part=load-more]')!.textContent!.trim()).to.equal('Load more products');
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.contain('Search');
  });

  it("updates a row's price when its quantity changes", async () => {
    const client = await clientOf('schmidt');
    let cursor: string | undefined;
    let product;
    do {
      const page = await client.catalogue.list({ limit: 100, ...(cursor ? { cursor } : {}) });
      product = page.items.find((p) => p.price && p.price.tiers.length > 1 && p.price.priceUnit === 1);
      cursor = page.nextCursor ?? undefined;
    } while (!product && cursor);
    const el = await renderList({ query: product!.sku, pageSize: 100 });
    const row = rows(el).find((r) => r.textContent!.includes(product!.sku))!;
    const quantity = row.querySelector('kontor-quantity')!;
    const price = row.querySelector('kontor-price')!;
    const top = product!.price!.tiers[product!.price!.tiers.length - 1]!;
    const q = Math.ceil(top.minQuantity / product!.quantityRules.step) * product!.quantityRules.step;
    const input = quantity.shadowRoot!.querySelector('input')!;
    input.value = String(q);
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await price.updateComplete;
    expect(price.quantity).to.equal(q);
    expect(price.shadowRoot!.querySelector('[part=unit-price]')!.textContent).to.contain(formatMoney(tierAt(product!.price!.tiers, q).price, 'de'));
  });

  it("adds nothing from a row whose typed quantity breaks the rules, says why at the button, and adds the row's fix once chosen", async () => {
    const cart = await freshCart('schmidt');
    const client = await clientOf('schmidt');
    const product = await findProduct(client, (p) => p.status === 'active' && Boolean(p.price) && p.quantityRules.step > 1 && p.quantityRules.max == null);
    const el = await renderList({ query: product.sku, pageSize: 100 });
    const row = rows(el).find((r) => r.getAttribute('data-sku') === product.sku)!;
    const quantity = row.querySelector('kontor-quantity')!;
    const add = row.querySelector('kontor-add-to-cart')!;
    // The row's quantity is valid first (its lowest), then the buyer types one off the step: 75 for a 50 m step.
    const typed = lowestValidQuantity(product.quantityRules) + Math.max(1, Math.floor(product.quantityRules.step / 2));
    expect(checkQuantity(product.quantityRules, typed)).to.not.equal(null);
    const input = quantity.shadowRoot!.querySelector('input')!;
    input.value = String(typed);
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await add.updateComplete;
    const button = add.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    let changes = 0;
    add.addEventListener('kontor-cart-change', () => changes++);
    button.click();
    await aTimeout(300);
    await add.updateComplete;
    expect(changes).to.equal(0);
    expect((await client.cart.get(cart.id)).lines).to.have.length(0);
    expect(add.shadowRoot!.querySelector('[part=status]')!.textContent!.trim()).to.equal('');
    expect(add.shadowRoot!.querySelector('[part=error][role=alert]')!.textContent!.trim()).to.equal('Erst eine gültige Menge wählen.');

    quantity.shadowRoot!.querySelector<HTMLButtonElement>('[part=suggestion]')!.click();
    await el.updateComplete;
    await add.updateComplete;
    const fixed = quantity.value;
    expect(checkQuantity(product.quantityRules, fixed)).to.equal(null);
    const changed = oneEvent(add, 'kontor-cart-change');
    button.click();
    const { detail } = await changed;
    expect((detail.cart.lines as { sku: string; quantity: number }[]).find((l) => l.sku === product.sku)?.quantity).to.equal(fixed);
    await expect(el).to.be.accessible();
  });

  describe('while its first page loads', () => {
    /** A list of LED lamps (all orderable) whose product request waits for `release()`, in a container `width` wide. */
    async function heldList(width: number, pageSize: number) {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const holding = async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = input instanceof Request ? input : new Request(input, init);
        if (new URL(request.url).pathname === '/v1/products') await held;
        return fetch(request);
      };
      const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('schmidt')} lang="de" .clientOptions=${{ fetch: holding }}>
        <div style="width: ${width}px"><kontor-product-list query="LED" page-size=${pageSize} no-toolbar></kontor-product-list></div>
      </kontor-shop>`);
      const el = shop.querySelector('kontor-product-list')!;
      await el.updateComplete;
      return { el, release };
    }

    for (const width of [1000, 360]) {
      it(`holds the place of a page of rows (${width} px wide), so nothing below moves when they arrive`, async () => {
        const { el, release } = await heldList(width, 5);
        const skeleton = el.shadowRoot!.querySelector('ul.skeleton')!;
        expect(skeleton.getAttribute('aria-busy')).to.equal('true');
        expect(skeleton.querySelectorAll('li')).to.have.length(5);
        const waiting = el.getBoundingClientRect().height;
        release();
        await loaded(el);
        await Promise.all(rows(el).flatMap((r) => [...r.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('*')].map((c) => c.updateComplete)));
        const shown = el.getBoundingClientRect().height;
        expect(rows(el)).to.have.length(5);
        expect(rows(el).every((r) => r.querySelector('kontor-add-to-cart')), 'every row orderable, as the loading rows assume').to.equal(true);
        // Within a tenth of the page it stands for (rows differ: names on one line or two, tiers or none).
        expect(Math.abs(shown - waiting), `${waiting} px while loading, ${shown} px loaded`).to.be.below(shown / 10);
      });
    }
  });

  it("shows each row's delivery promise, asks once for the page and follows the row's quantity", async () => {
    let requests = 0;
    const counting = (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      if (new URL(request.url).pathname === '/v1/availability') requests++;
      return fetch(request);
    };
    const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('schmidt')} lang="de" .clientOptions=${{ fetch: counting }}>
      <kontor-product-list page-size="20" no-toolbar></kontor-product-list>
    </kontor-shop>`);
    const el = shop.querySelector('kontor-product-list')!;
    await loaded(el);
    const promise = (row: Element) => row.querySelector('kontor-availability')?.shadowRoot?.querySelector('[part~=text]')?.textContent?.trim() ?? '';
    await waitUntil(() => rows(el).every((r) => promise(r)), 'promises did not render', { timeout: 10_000 });
    expect(requests).to.equal(1);
    expect(rows(el).filter((r) => /^Auf Lager – Lieferung /.test(promise(r))).length).to.be.greaterThan(0);

    // A row in stock: a quantity beyond its stock changes its promise. (The page as the German shop sees it.)
    const client = createKontorClient({ endpoint: endpoint(), token: await tokenOf('schmidt'), lang: 'de' });
    const page = await client.catalogue.list({ limit: 20 });
    const asked = await client.availability.check({ destination: 'DE', items: page.items.map((p) => ({ sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) })) });
    const target = page.items.find((p, i) => {
      const a = asked.items[i]!;
      if ('error' in a || a.status !== 'in_stock') return false;
      const { step, max } = p.quantityRules;
      return max == null || Math.ceil((a.availableNow + 1) / step) * step <= max;
    })!;
    expect(target, 'an in-stock row with room above its stock').to.exist;
    const item = asked.items[page.items.indexOf(target)]!;
    const beyond = Math.ceil(((item as { availableNow: number }).availableNow + 1) / target.quantityRules.step) * target.quantityRules.step;
    const row = rows(el).find((r) => r.getAttribute('data-sku') === target.sku)!;
    const before = promise(row);
    const input = row.querySelector('kontor-quantity')!.shadowRoot!.querySelector('input')!;
    input.value = String(beyond);
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => promise(row) !== before && row.querySelector('kontor-availability')!.shadowRoot!.querySelector('[aria-busy=false]'), 'the promise did not follow the quantity', { timeout: 10_000 });
    expect(promise(row)).to.not.match(/^Auf Lager/);
    expect(requests).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('shows no delivery promises with no-availability', async () => {
    const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('schmidt')} lang="de">
      <kontor-product-list page-size="3" no-availability></kontor-product-list>
    </kontor-shop>`);
    const el = shop.querySelector('kontor-product-list')!;
    await loaded(el);
    expect(rows(el)).to.have.length(3);
    expect(el.shadowRoot!.querySelector('kontor-availability')).to.equal(null);
  });

  it('shows an error state with a retry button when the server is unreachable', async () => {
    const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${unreachableEndpoint} .clientOptions=${{ retries: 0 }} lang="de"></kontor-shop>`);
    const el = document.createElement('kontor-product-list');
    const error = oneEvent(shop, 'kontor-error');
    shop.append(el);
    expect((await error).detail.error.code).to.equal('network');
    await loaded(el);
    const alert = el.shadowRoot!.querySelector('[part=error]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('Der Server ist nicht erreichbar.');
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry]')!;
    expect(retry.textContent!.trim()).to.equal('Erneut versuchen');
    await expect(el).to.be.accessible();

    // Point the shop at the real server and retry: the list loads.
    shop.clientOptions = {};
    shop.endpoint = endpoint();
    shop.token = await tokenOf('schmidt');
    await shop.updateComplete;
    await waitUntil(() => rows(el).length > 0, 'did not recover', { timeout: 10_000 });
  });

  it('retries after an error with the retry button', async () => {
    const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${unreachableEndpoint} .clientOptions=${{ retries: 0 }} lang="en">
      <kontor-product-list></kontor-product-list>
    </kontor-shop>`);
    const el = shop.querySelector('kontor-product-list')!;
    await waitUntil(() => el.shadowRoot!.querySelector('[part=retry]'), 'no retry button', { timeout: 10_000 });
    const error = oneEvent(el, 'kontor-error');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry]')!.click();
    expect((await error).detail.error.code).to.equal('network');
    await waitUntil(() => el.shadowRoot!.querySelector('[part=retry]'), 'no retry button after retry');
  });

  it('shows the not-configured error outside any kontor-shop', async () => {
    configure(null);
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const el = await fixture<KontorProductList>(html`<kontor-product-list lang="en"></kontor-product-list>`);
      await el.updateComplete;
      const alert = el.shadowRoot!.querySelector('[part=error]')!;
      expect(alert.textContent).to.contain('Kontor is not configured');
      const second = await fixture<KontorProductList>(html`<kontor-product-list lang="en"></kontor-product-list>`);
      await second.updateComplete;
      const ours = errors.filter((args) => String(args[0]).includes('kontor-shop'));
      expect(ours.length, "one console error for the page").to.equal(1);
      await expect(el).to.be.accessible();
    } finally {
      console.error = original;
    }
  });

  it('uses the page-wide configure() outside any kontor-shop', async () => {
    configure({ endpoint: endpoint(), token: await tokenOf('schmidt'), lang: 'de' });
    try {
      const el = await fixture<KontorProductList>(html`<kontor-product-list page-size="4"></kontor-product-list>`);
      await loaded(el);
      expect(rows(el)).to.have.length(4);
    } finally {
      configure(null);
    }
  });

  it('renders preset items without fetching', async () => {
    const client = await clientOf('schmidt');
    const { items } = await client.catalogue.list({ limit: 60 });
    const el = await fixture<KontorProductList>(html`<kontor-product-list .items=${items} lang="de"></kontor-product-list>`);
    expect(rows(el)).to.have.length(items.length);
    expect(el.shadowRoot!.querySelector('[part=toolbar]')).to.equal(null);
  });
});
