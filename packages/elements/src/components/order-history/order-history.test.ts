import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Product } from '@kontor/core/catalogue';
import { clientOf, endpoint, orderableProducts, tokenOf, unreachableEndpoint } from '../../testing/server.js';
import type { Order } from '@kontor/core/orders';
import { erpUpdate, placeOrder } from '../../testing/orders.js';
import '../shop/kontor-shop.js';
import type { KontorShop } from '../shop/shop.component.js';
import type { KontorOrderHistory } from './order-history.component.js';
import './kontor-order-history.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends HTMLElement = HTMLElement>(el: KontorOrderHistory, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const numbers = (el: KontorOrderHistory) => [...el.shadowRoot!.querySelectorAll('[part=row]')].map((r) => r.getAttribute('data-number'));
const settled = (el: KontorOrderHistory) =>
  waitUntil(() => el.shadowRoot!.querySelector('[part=base][aria-busy=false]') && $(el, '[part=table], [part=empty], [part=error]'), 'history did not settle', {
    timeout: 15_000,
  });

async function mount(attrs: { query?: string; pageSize?: number; lang?: string; fetch?: typeof fetch } = {}) {
  const shop = await fixture<KontorShop>(html`<kontor-shop
    endpoint=${endpoint()}
    token=${await tokenOf('baulicht')}
    lang=${attrs.lang ?? 'de'}
    .clientOptions=${attrs.fetch ? { fetch: attrs.fetch } : {}}
  >
    <kontor-order-history query=${attrs.query ?? ''} page-size=${attrs.pageSize ?? 20}></kontor-order-history>
  </kontor-shop>`);
  const el = shop.querySelector('kontor-order-history')!;
  await settled(el);
  return el;
}

const select = async (el: KontorOrderHistory, name: string, value: string) => {
  const control = $<HTMLInputElement | HTMLSelectElement>(el, `[name=${name}]`)!;
  control.value = value;
  control.dispatchEvent(new Event(control.tagName === 'SELECT' || control.type === 'date' ? 'change' : 'input'));
  await el.updateComplete;
};

describe('<kontor-order-history>', () => {
  /** This file's run: every order here carries it in its PO number, so searches find only them. */
  const run = `H${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
  let orders: Order[] = [];
  let pool: Product[] = [];

  before(async () => {
    const client = await clientOf('baulicht');
    pool = (await orderableProducts(client, 300)).filter((p) => p.status === 'active').slice(200);
    for (let i = 1; i <= 5; i++) orders.push(await placeOrder(client, pool.splice(0, 1), { purchaseOrderNumber: `${run}-${i}` }));
    await erpUpdate({ number: orders[1]!.number, status: 'shipped', carrier: 'DHL', trackingNumber: `${run}TRACK` });
    await erpUpdate({ number: orders[3]!.number, status: 'cancelled', note: 'Test' });
    orders = orders.reverse(); // newest first, as listed
  });

  it('is accessible', async () => {
    const el = await mount({ query: run });
    await expect(el).to.be.accessible();
  });

  it('lists the orders newest first with number, date, status as text, PO, gross and promised delivery', async () => {
    const el = await mount({ query: run });
    expect(numbers(el)).to.deep.equal(orders.map((o) => o.number));
    const row = $(el, `[part=row][data-number="${orders[0]!.number}"]`)!;
    const cells = [...row.children].map((c) => text(c));
    expect(cells[0]!.replace(/^▸ /, '')).to.equal(orders[0]!.number);
    expect(cells[1]).to.match(/\d{2}\.\d{2}\.\d{4}/);
    expect(cells[2]).to.equal('Eingegangen');
    expect(cells[3]).to.equal(`${run}-5`);
    expect(cells[4]).to.match(/€$/);
    expect(cells[5]).to.match(/^\d{2}\.\d{2}\.$/);
    expect(text($(el, `[part=row][data-number="${orders[3]!.number}"] [part=status]`))).to.equal('Versandt');
  });

  it('pages with "load more"', async () => {
    const el = await mount({ query: run, pageSize: 2 });
    expect(numbers(el)).to.have.length(2);
    $(el, '[part=load-more]')!.click();
    await waitUntil(() => numbers(el).length === 4, 'second page missing');
    $(el, '[part=load-more]')!.click();
    await waitUntil(() => numbers(el).length === 5, 'third page missing');
    await settled(el);
    expect($(el, '[part=load-more]')).to.equal(null);
    expect(numbers(el)).to.deep.equal(orders.map((o) => o.number));
  });

  it('keeps the focus on the first new order after loading more, and says "Weitere Bestellungen laden"', async () => {
    const el = await mount({ query: run, pageSize: 2 });
    const more = $<HTMLButtonElement>(el, '[part=load-more]')!;
    expect(text(more)).to.equal('Weitere Bestellungen laden');
    more.focus();
    more.click();
    await el.updateComplete;
    // While it loads the button keeps the focus (aria-disabled, not disabled).
    expect(more.getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(more);
    await waitUntil(() => numbers(el).length === 4, 'second page missing');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($(el, `[part=row][data-number="${orders[2]!.number}"] button.toggle`));
    // The last page: the button goes, the focus is on the first order it brought, not on <body>.
    $(el, '[part=load-more]')!.click();
    await waitUntil(() => numbers(el).length === 5, 'third page missing');
    await el.updateComplete;
    expect($(el, '[part=load-more]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal($(el, `[part=row][data-number="${orders[4]!.number}"] button.toggle`));
    await expect(el).to.be.accessible();
  });

  it('says "Load more orders" in English', async () => {
    const el = await mount({ query: run, pageSize: 2, lang: 'en' });
    expect(text($(el, '[part=load-more]'))).to.equal('Load more orders');
  });

  it('says at the dates that the end date is before the start date, and asks nothing until it is fixed', async () => {
    const asked: string[] = [];
    const recording = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === '/v1/orders') asked.push(url.search);
      return fetch(input, init);
    };
    const el = await mount({ query: run, fetch: recording });
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    await select(el, 'to', day(1));
    await settled(el);
    asked.length = 0;
    await select(el, 'from', day(2));
    await new Promise((r) => setTimeout(r, 300));
    expect(asked).to.deep.equal([]);
    const error = $(el, '[part=field-error]')!;
    expect(text(error)).to.equal('Das Enddatum liegt vor dem Anfangsdatum.');
    expect(error.getAttribute('role')).to.equal('alert');
    for (const name of ['from', 'to']) {
      const input = $(el, `input[name=${name}]`)!;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.equal(error.id);
    }
    // Not "no orders found": the range was never searched.
    expect($(el, '[part=empty], [part=table]')).to.equal(null);
    await expect(el).to.be.accessible();
    await select(el, 'from', '2000-01-01');
    await waitUntil(() => numbers(el).length === 5, 'the fixed range was not searched');
    expect(asked).to.have.length(1);
    expect($(el, '[part=field-error]')).to.equal(null);
    expect($(el, 'input[name=to]')!.getAttribute('aria-invalid')).to.equal('false');
  });

  it('filters by status, PO number and date', async () => {
    const el = await mount({ query: run });
    await select(el, 'status', 'shipped');
    await settled(el);
    await waitUntil(() => numbers(el).length === 1);
    expect(numbers(el)).to.deep.equal([orders[3]!.number]);
    await select(el, 'status', '');
    await select(el, 'po', `${run}-3`.toLowerCase());
    await waitUntil(() => numbers(el).length === 1, 'PO filter not applied', { timeout: 5_000 });
    expect(numbers(el)).to.deep.equal([orders[2]!.number]);
    await select(el, 'po', '');
    await waitUntil(() => numbers(el).length === 5, 'PO filter not cleared', { timeout: 5_000 });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await select(el, 'from', tomorrow);
    await settled(el);
    await waitUntil(() => $(el, '[part=empty]'), 'no empty state');
    expect(text($(el, '[part=empty]'))).to.equal('Keine Bestellungen gefunden.');
    await select(el, 'from', '');
    await select(el, 'to', tomorrow);
    await waitUntil(() => numbers(el).length === 5, 'date filter not applied');
  });

  it('searches as the buyer types (debounced: one request for a word)', async () => {
    const searches: string[] = [];
    const recording = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === '/v1/orders') searches.push(url.searchParams.get('q') ?? '');
      return fetch(input, init);
    };
    const el = await mount({ query: run, fetch: recording });
    const input = $<HTMLInputElement>(el, '[part=search]')!;
    searches.length = 0;
    for (const value of [`${run}-`, `${run}-4`]) {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    await waitUntil(() => numbers(el).length === 1, 'search not applied', { timeout: 5_000 });
    expect(numbers(el)).to.deep.equal([orders[1]!.number]);
    expect(searches).to.deep.equal([`${run}-4`]);
  });

  it('expands a row into its <kontor-order-status> with tracking', async () => {
    const el = await mount({ query: run });
    const shipped = orders[3]!;
    const toggle = $(el, `[part=row][data-number="${shipped.number}"] button.toggle`)!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const status = el.shadowRoot!.querySelector('kontor-order-status')!;
    expect(status.orderId).to.equal(shipped.id);
    await waitUntil(() => status.shadowRoot!.querySelector('[part=tracking] a'), 'no tracking link', { timeout: 15_000 });
    expect(status.shadowRoot!.querySelector<HTMLAnchorElement>('[part=tracking] a')!.textContent).to.include(`${run}TRACK`);
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('kontor-order-status')).to.equal(null);
  });

  it('links rows with order-url', async () => {
    const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('baulicht')} lang="en">
      <kontor-order-history query=${run} order-url="/orders/{number}?id={id}"></kontor-order-history>
    </kontor-shop>`);
    const el = shop.querySelector('kontor-order-history')!;
    await settled(el);
    const link = $<HTMLAnchorElement>(el, `[part=row][data-number="${orders[0]!.number}"] a`)!;
    expect(link.getAttribute('href')).to.equal(`/orders/${orders[0]!.number}?id=${orders[0]!.id}`);
  });

  it('shows an error with retry when the server cannot be reached', async () => {
    const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${unreachableEndpoint} token="x" lang="de" .clientOptions=${{ retries: 0 }}>
      <kontor-order-history></kontor-order-history>
    </kontor-shop>`);
    const el = shop.querySelector('kontor-order-history')!;
    await settled(el);
    expect(text($(el, '[part=error]'))).to.include('nicht erreichbar');
    expect($(el, '[part=error] button.retry')).to.not.equal(null);
  });
});
