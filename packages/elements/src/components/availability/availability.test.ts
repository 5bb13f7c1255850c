import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { KontorClient } from '@kontor/core';
import type { AvailabilityItem } from '@kontor/core/availability';
import type { Product } from '@kontor/core/catalogue';
import { isKontorError } from '@kontor/core/errors';
import type { TemplateResult } from 'lit';
import { availabilityBatcherOf, MAX_BATCH } from '../../internal/availability-batcher.js';
import { clientOf, endpoint, tokenOf } from '../../testing/server.js';
import '../quantity/kontor-quantity.js';
import type { KontorQuantity } from '../quantity/quantity.component.js';
import '../shop/kontor-shop.js';
import type { KontorShop } from '../shop/shop.component.js';
import type { KontorAvailability } from './availability.component.js';
import './kontor-availability.js';

const text = (el: KontorAvailability) => (el.shadowRoot!.querySelector('[part~=base]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
const promise = (el: KontorAvailability) => (el.shadowRoot!.querySelector('[part~=text]')?.textContent ?? '').trim();
const settled = (el: KontorAvailability) =>
  waitUntil(() => el.shadowRoot?.querySelector('[part~=base][aria-busy=false] [part~=text]'), `<kontor-availability sku=${el.sku}> did not settle`, { timeout: 15_000 });

/** A fetch that counts the availability requests it passes on (and may fail the first `failFirst`). */
function countingFetch(failFirst = 0) {
  const counter = { availability: 0, bodies: [] as { items: unknown[]; destination: string }[], fetch: undefined as unknown as typeof fetch };
  counter.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    if (new URL(request.url).pathname === '/v1/availability') {
      counter.availability++;
      counter.bodies.push((await request.clone().json()) as { items: unknown[]; destination: string });
      if (counter.availability <= failFirst) throw new TypeError('Failed to fetch');
    }
    return fetch(request);
  };
  return counter;
}

async function inShop(content: TemplateResult, options: { lang?: string; fetch?: typeof fetch } = {}) {
  const token = await tokenOf('schmidt');
  return fixture<KontorShop>(
    html`<kontor-shop endpoint=${endpoint()} token=${token} lang=${options.lang ?? 'de'} .clientOptions=${{ retries: 0, ...(options.fetch ? { fetch: options.fetch } : {}) }}
      >${content}</kontor-shop
    >`,
  );
}

// Expected texts, spelled out here from the ISO day (not with the element's own formatting).
const WEEKDAY_DE = ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'];
const WEEKDAY_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const de = (day: string, withWeekday = false) => {
  const [, m, d] = day.split('-');
  return `${withWeekday ? `${WEEKDAY_DE[weekday(day)]}, ` : ''}${d}.${m}.`;
};
const en = (day: string, withWeekday = false) => {
  const [, m, d] = day.split('-');
  return `${withWeekday ? `${WEEKDAY_EN[weekday(day)]} ` : ''}${Number(d)} ${MONTH_EN[Number(m) - 1]}`;
};

interface Survey {
  products: Product[];
  /** Each product's answer at quantity 1 to DE. */
  at1: Map<string, AvailabilityItem>;
}

async function survey(client: KontorClient): Promise<Survey> {
  const products: Product[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.catalogue.list({ limit: 100, ...(cursor ? { cursor } : {}) });
    products.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const answer = await client.availability.check({ destination: 'DE', items: products.map((p) => ({ sku: p.sku, quantity: 1 })) });
  const at1 = new Map<string, AvailabilityItem>();
  for (const item of answer.items) if (!('error' in item)) at1.set(item.sku, item);
  return { products, at1 };
}

describe('<kontor-availability>', () => {
  let client: KontorClient;
  let world: Survey;
  let inStock: AvailabilityItem;
  let partial: AvailabilityItem;
  let onOrder: AvailabilityItem;
  let discontinued: AvailabilityItem;

  before(async () => {
    client = await clientOf('schmidt');
    world = await survey(client);
    const items = [...world.at1.values()];
    inStock = items.find((i) => i.status === 'in_stock' && i.availableNow >= 10)!;
    onOrder = items.find((i) => i.status === 'on_order' && i.split.length === 1 && i.shortfall === 0)!;
    discontinued = items.find((i) => i.status === 'discontinued' && i.replacementSku && i.availableNow > 0)!;
    // Partial: one more than is there now of a product that is procured or incoming.
    const small = items.filter((i) => i.status === 'in_stock' && i.availableNow < 50);
    for (const candidate of small) {
      const [answer] = (await client.availability.check({ destination: 'DE', items: [{ sku: candidate.sku, quantity: candidate.availableNow + 1 }] })).items;
      if (answer && !('error' in answer) && answer.status === 'partial' && answer.split.length === 2 && answer.shortfall === 0) {
        partial = answer;
        break;
      }
    }
    expect(inStock, 'an in-stock product').to.exist;
    expect(onOrder, 'an on-order product').to.exist;
    expect(discontinued, 'a discontinued product with a replacement').to.exist;
    expect(partial, 'a product partly in stock').to.exist;
  });

  it('is accessible', async () => {
    const shop = await inShop(html`<kontor-availability sku=${inStock.sku} quantity="1"></kontor-availability>`);
    const el = shop.querySelector('kontor-availability')!;
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('is a polite status region whose text carries the meaning (the icon is hidden from screen readers)', async () => {
    const shop = await inShop(html`<kontor-availability sku=${inStock.sku}></kontor-availability>`);
    const el = shop.querySelector('kontor-availability')!;
    await settled(el);
    const base = el.shadowRoot!.querySelector('[part~=base]')!;
    expect(base.getAttribute('role')).to.equal('status');
    expect(base.getAttribute('aria-live')).to.equal('polite');
    expect(el.shadowRoot!.querySelector('[part~=icon]')!.getAttribute('aria-hidden')).to.equal('true');
    expect(base.getAttribute('part')).to.contain('available');
  });

  describe('in German', () => {
    it('promises stock with the delivery day and its weekday', async () => {
      const shop = await inShop(html`<kontor-availability sku=${inStock.sku} quantity="1"></kontor-availability>`);
      const el = shop.querySelector('kontor-availability')!;
      await settled(el);
      expect(promise(el)).to.equal(`Auf Lager – Lieferung ${de(inStock.earliestDelivery!, true)}`);
    });

    it('splits a quantity beyond stock into what ships now and what follows when', async () => {
      const shop = await inShop(html`<kontor-availability sku=${partial.sku} quantity=${partial.quantity}></kontor-availability>`);
      const el = shop.querySelector('kontor-availability')!;
      await settled(el);
      const [now, later] = partial.split;
      expect(promise(el)).to.equal(`${now!.quantity} sofort, ${later!.quantity} ab ${de(later!.delivery)}`);
      expect(el.shadowRoot!.querySelector('[part~=base]')!.getAttribute('part')).to.contain('partial');
    });

    it('gives the day from which a product on order can be delivered', async () => {
      const shop = await inShop(html`<kontor-availability sku=${onOrder.sku}></kontor-availability>`);
      const el = shop.querySelector('kontor-availability')!;
      await settled(el);
      expect(promise(el)).to.equal(`Lieferbar ab ${de(onOrder.earliestDelivery!)}`);
    });

    // The cart refuses a discontinued article, so no promise is made for it, not even for stock left.
    for (const extra of [0, 5]) {
      it(`says a discontinued product is no longer available and names its replacement (${extra ? 'beyond' : 'within'} its remaining stock)`, async () => {
        expect(discontinued.availableNow, 'the demo has stock left of it').to.be.greaterThan(0);
        const quantity = extra ? discontinued.availableNow + extra : 1;
        const shop = await inShop(html`<kontor-availability sku=${discontinued.sku} quantity=${quantity}></kontor-availability>`);
        const el = shop.querySelector('kontor-availability')!;
        await settled(el);
        expect(promise(el)).to.equal(`Nicht mehr lieferbar – Ersatz: ${discontinued.replacementSku}`);
        expect(el.shadowRoot!.querySelector('[part~=base]')!.getAttribute('part')).to.contain('unavailable');
      });
    }

    it('says that an unknown article number does not exist', async () => {
      const shop = await inShop(html`<kontor-availability sku="XX-0000-NOPE"></kontor-availability>`);
      const el = shop.querySelector('kontor-availability')!;
      await settled(el);
      expect(promise(el)).to.equal('Es gibt keinen Artikel mit der Nummer XX-0000-NOPE.');
      expect(el.value && 'error' in el.value && el.value.error.code).to.equal('unknown_sku');
    });

    it('names the countries it delivers to for an unsupported destination', async () => {
      const supported = await client.availability.check({ destination: 'US', items: [{ sku: inStock.sku, quantity: 1 }] }).then(
        () => [],
        (error: unknown) => (isKontorError(error) ? (error.issues[0]?.suggestions ?? []) : []),
      );
      expect(supported).to.include('DE');
      const shop = await inShop(html`<kontor-availability sku=${inStock.sku} destination="US"></kontor-availability>`);
      const el = shop.querySelector('kontor-availability')!;
      await settled(el);
      expect(promise(el)).to.equal(`Wir liefern nicht nach US; Lieferländer: ${supported.join(', ')}.`);
    });
  });

  describe('in English', () => {
    it('promises stock, splits, on-order days and replacements', async () => {
      const quantity = discontinued.availableNow + 2;
      const shop = await inShop(
        html`<kontor-availability class="stock" sku=${inStock.sku}></kontor-availability>
          <kontor-availability class="partial" sku=${partial.sku} quantity=${partial.quantity}></kontor-availability>
          <kontor-availability class="order" sku=${onOrder.sku}></kontor-availability>
          <kontor-availability class="gone" sku=${discontinued.sku} quantity=${quantity}></kontor-availability>
          <kontor-availability class="unknown" sku="XX-0000-NOPE"></kontor-availability>`,
        { lang: 'en' },
      );
      const get = (c: string) => shop.querySelector<KontorAvailability>(`.${c}`)!;
      for (const c of ['stock', 'partial', 'order', 'gone', 'unknown']) await settled(get(c));
      expect(promise(get('stock'))).to.equal(`In stock – delivery ${en(inStock.earliestDelivery!, true)}`);
      const [now, later] = partial.split;
      expect(promise(get('partial'))).to.equal(`${now!.quantity} now, ${later!.quantity} from ${en(later!.delivery)}`);
      expect(promise(get('order'))).to.equal(`Available from ${en(onOrder.earliestDelivery!)}`);
      expect(promise(get('gone'))).to.equal(`No longer available – replacement: ${discontinued.replacementSku}`);
      expect(promise(get('unknown'))).to.equal('There is no product with SKU XX-0000-NOPE.');
    });
  });

  describe('linked to a <kontor-quantity>', () => {
    it('follows the quantity the buyer commits there', async () => {
      const counter = countingFetch();
      const shop = await inShop(
        html`<kontor-quantity id="qty" min="1" step="1"></kontor-quantity>
          <kontor-availability sku=${partial.sku} for="qty"></kontor-availability>`,
        { fetch: counter.fetch },
      );
      const el = shop.querySelector('kontor-availability')!;
      await settled(el);
      expect(promise(el)).to.match(/^Auf Lager – Lieferung /);
      const quantity = shop.querySelector<KontorQuantity>('kontor-quantity')!;
      const input = quantity.shadowRoot!.querySelector('input')!;
      input.value = String(partial.quantity);
      input.dispatchEvent(new Event('change'));
      await waitUntil(() => promise(el).includes('sofort'), 'the promise did not follow the quantity', { timeout: 10_000 });
      const [now, later] = partial.split;
      expect(promise(el)).to.equal(`${now!.quantity} sofort, ${later!.quantity} ab ${de(later!.delivery)}`);
      expect(el.effectiveQuantity).to.equal(partial.quantity);
      expect(counter.bodies.at(-1)!.items).to.deep.equal([{ sku: partial.sku, quantity: partial.quantity }]);
    });

    it('starts from the linked input’s quantity and ignores invalid ones', async () => {
      const counter = countingFetch();
      const shop = await inShop(
        html`<kontor-availability sku=${inStock.sku} for="q2"></kontor-availability>
          <kontor-quantity id="q2" min="5" step="5"></kontor-quantity>`,
        { fetch: counter.fetch },
      );
      const el = shop.querySelector('kontor-availability')!;
      await settled(el);
      expect(counter.bodies[0]!.items).to.deep.equal([{ sku: inStock.sku, quantity: 5 }]);
      const input = shop.querySelector<KontorQuantity>('kontor-quantity')!.shadowRoot!.querySelector('input')!;
      input.value = '7'; // not a multiple of 5
      input.dispatchEvent(new Event('change'));
      await aTimeout(100);
      expect(el.effectiveQuantity).to.equal(5);
      expect(counter.availability).to.equal(1);
    });

    it('follows a quantity inside the same shadow root', async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const root = host.attachShadow({ mode: 'open' });
      const shop = document.createElement('kontor-shop');
      shop.endpoint = endpoint();
      shop.token = await tokenOf('schmidt');
      shop.lang = 'de';
      const quantity = document.createElement('kontor-quantity');
      quantity.id = 'inner';
      const badge = document.createElement('kontor-availability');
      badge.sku = partial.sku;
      badge.htmlFor = 'inner';
      shop.append(quantity, badge);
      root.append(shop);
      const el = root.querySelector('kontor-availability')!;
      await settled(el);
      const input = root.querySelector('kontor-quantity')!.shadowRoot!.querySelector('input')!;
      input.value = String(partial.quantity);
      input.dispatchEvent(new Event('change'));
      await waitUntil(() => promise(el).includes('sofort'), 'the promise did not follow the quantity', { timeout: 10_000 });
    });
  });

  describe('batching', () => {
    it('answers 100 badges on one page with exactly one request', async () => {
      const counter = countingFetch();
      const skus = world.products.slice(0, 100).map((p) => p.sku);
      const shop = await inShop(html`${skus.map((sku) => html`<kontor-availability sku=${sku}></kontor-availability>`)}`, { fetch: counter.fetch });
      const badges = [...shop.querySelectorAll('kontor-availability')];
      for (const el of badges) await settled(el);
      expect(counter.availability).to.equal(1);
      expect(counter.bodies[0]!.items).to.have.length(100);
      expect(badges.every((el) => promise(el).length > 0)).to.equal(true);
    });

    it('sends an ask made by several badges once', async () => {
      const counter = countingFetch();
      const shop = await inShop(html`${[1, 2, 3].map(() => html`<kontor-availability sku=${inStock.sku} quantity="3"></kontor-availability>`)}`, { fetch: counter.fetch });
      for (const el of shop.querySelectorAll('kontor-availability')) await settled(el);
      expect(counter.availability).to.equal(1);
      expect(counter.bodies[0]!.items).to.deep.equal([{ sku: inStock.sku, quantity: 3 }]);
    });

    it('asks once per destination', async () => {
      const counter = countingFetch();
      const shop = await inShop(
        html`<kontor-availability sku=${inStock.sku}></kontor-availability><kontor-availability sku=${inStock.sku} destination="AT"></kontor-availability
          ><kontor-availability sku=${onOrder.sku} destination="at"></kontor-availability>`,
        { fetch: counter.fetch },
      );
      for (const el of shop.querySelectorAll('kontor-availability')) await settled(el);
      expect(counter.availability).to.equal(2);
      expect(counter.bodies.map((b) => `${b.destination}:${b.items.length}`).sort()).to.deep.equal(['AT:2', 'DE:1']);
    });

    it('asks nothing again for a re-render, a language change or a badge put back', async () => {
      const counter = countingFetch();
      const shop = await inShop(html`<kontor-availability sku=${inStock.sku}></kontor-availability>`, { fetch: counter.fetch });
      const el = shop.querySelector('kontor-availability')!;
      await settled(el);
      expect(counter.availability).to.equal(1);
      el.requestUpdate();
      el.setAttribute('lang', 'en');
      await el.updateComplete;
      expect(promise(el)).to.match(/^In stock – delivery /);
      el.remove();
      shop.append(el);
      const second = document.createElement('kontor-availability');
      second.sku = inStock.sku;
      shop.append(second);
      await settled(second);
      await aTimeout(150);
      expect(counter.availability).to.equal(1);
      expect(promise(second)).to.match(/^Auf Lager – Lieferung /);
    });

    it('splits more than 10,000 distinct asks into requests of at most 10,000 items', async () => {
      const counter = countingFetch();
      const shop = await inShop(html``, { fetch: counter.fetch });
      const batcher = availabilityBatcherOf(shop.client!);
      const skus = world.products.map((p) => p.sku);
      const asks: { sku: string; quantity: number; destination: string }[] = [];
      for (let quantity = 1; asks.length <= MAX_BATCH; quantity++) for (const sku of skus) asks.push({ sku, quantity, destination: 'DE' });
      const answers = await Promise.all(asks.map((a) => batcher.get(a)));
      expect(answers).to.have.length(asks.length);
      // The two requests run at once; their bodies are read in either order.
      expect(counter.bodies.map((b) => b.items.length).sort((x, y) => y - x)).to.deep.equal([MAX_BATCH, asks.length - MAX_BATCH]);
      expect(answers.every((a, i) => a.sku === asks[i]!.sku && a.quantity === asks[i]!.quantity)).to.equal(true);
    });
  });

  describe('bad input', () => {
    for (const quantity of ['0', '-3', '2.5', '1100000851']) {
      it(`asks nothing for quantity ${quantity} and says what is wrong`, async () => {
        const counter = countingFetch();
        const shop = await inShop(html`<kontor-availability sku=${inStock.sku} quantity=${quantity}></kontor-availability>`, { fetch: counter.fetch });
        const el = shop.querySelector('kontor-availability')!;
        await el.updateComplete;
        await aTimeout(150);
        expect(promise(el)).to.equal('Bitte eine ganze Menge von 1 bis 10.000.000 angeben.');
        expect(counter.availability).to.equal(0);
      });
    }
  });

  describe('errors', () => {
    it('shows a failed request with a retry button that asks again', async () => {
      const counter = countingFetch(1);
      const shop = await inShop(html`<kontor-availability sku=${inStock.sku}></kontor-availability>`, { fetch: counter.fetch, lang: 'en' });
      const el = shop.querySelector('kontor-availability')!;
      const errors: Event[] = [];
      shop.addEventListener('kontor-error', (e) => errors.push(e));
      await waitUntil(() => el.shadowRoot!.querySelector('[part~=retry]'), 'no retry button', { timeout: 10_000 });
      expect(text(el)).to.contain('The server cannot be reached.');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=retry]')!.click();
      await waitUntil(() => promise(el).startsWith('In stock'), 'retry did not answer', { timeout: 10_000 });
      expect(counter.availability).to.equal(2);
    });

    it('says it is not configured, without a retry button', async () => {
      const shop = await fixture<KontorShop>(html`<kontor-shop lang="en"><kontor-availability sku=${inStock.sku}></kontor-availability></kontor-shop>`);
      const el = shop.querySelector('kontor-availability')!;
      await el.updateComplete;
      expect(promise(el)).to.equal('Kontor is not configured: no endpoint.');
      expect(el.shadowRoot!.querySelector('[part~=retry]')).to.equal(null);
    });

    it('cancels the ask of a badge removed before the batch goes out', async () => {
      const counter = countingFetch();
      const shop = await inShop(html``, { fetch: counter.fetch });
      const el = document.createElement('kontor-availability');
      el.sku = inStock.sku;
      shop.append(el);
      await el.updateComplete;
      el.remove();
      await aTimeout(200);
      expect(counter.availability).to.equal(0);
    });
  });

  describe('refresh', () => {
    it('shows a stock update from the ERP within the refresh interval', async () => {
      // The last in-stock product of the catalogue, so other tests' picks stay as they were.
      const target = [...world.at1.values()].filter((i) => i.status === 'in_stock').at(-1)!;
      const shop = await inShop(html`<kontor-availability sku=${target.sku} refresh-seconds="1"></kontor-availability>`);
      const el = shop.querySelector('kontor-availability')!;
      await settled(el);
      expect(promise(el)).to.match(/^Auf Lager/);
      const res = await fetch(new URL('/v1/erp/stock', endpoint()), {
        method: 'PUT',
        headers: { authorization: 'Bearer kek_demo_erp_2026', 'content-type': 'application/json' },
        body: JSON.stringify({ positions: ['wh_hamburg', 'wh_muenchen'].map((warehouseId) => ({ warehouseId, sku: target.sku, onHand: 0, reserved: 0 })) }),
      });
      expect(res.status, await res.clone().text()).to.equal(200);
      await waitUntil(() => !promise(el).startsWith('Auf Lager'), 'the badge did not follow the stock update', { timeout: 5_000 });
      expect(promise(el)).to.match(/^Lieferbar ab |sofort/);
    });

    it('refreshes every badge of a page in one request', async () => {
      const counter = countingFetch();
      const skus = world.products.slice(0, 20).map((p) => p.sku);
      // Every 2 s, on the clock: the 20 timers fire together, and the next tick is far enough off to count one.
      const shop = await inShop(html`${skus.map((sku) => html`<kontor-availability sku=${sku} refresh-seconds="2"></kontor-availability>`)}`, { fetch: counter.fetch });
      for (const el of shop.querySelectorAll('kontor-availability')) await settled(el);
      const before = counter.availability;
      await waitUntil(() => counter.bodies.length > before, 'no refresh', { timeout: 5_000 });
      await aTimeout(300);
      // Each refresh asks for all 20 at once: no request with some of them.
      expect(counter.bodies.slice(before).map((b) => b.items.length)).to.deep.equal(counter.bodies.slice(before).map(() => 20));
    });
  });
});
