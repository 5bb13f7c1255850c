import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Order } from '@kontor/core/orders';
import { placeOrder } from '../../testing/orders.js';
import { clientOf, endpoint, freshCart, orderableProducts, tokenOf, unreachableEndpoint } from '../../testing/server.js';
import '../cart/kontor-cart.js';
import '../shop/kontor-shop.js';
import type { KontorShop } from '../shop/shop.component.js';
import type { KontorReorder } from './reorder.component.js';
import { ordersStoreOf } from '../../internal/orders-store.js';
import type { KontorReorderCompleteEvent } from '../../events/kontor-reorder-complete.js';
import './kontor-reorder.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends HTMLElement = HTMLElement>(el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: HTMLElement, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const settled = (el: KontorReorder) =>
  waitUntil(() => $(el, '[part=base][aria-busy=false]') && $(el, '[part=orders], [part=empty], [part=error]'), 'reorder did not settle', { timeout: 15_000 });

// Schmidt Haustechnik: its own orders, placed here, so other test files' carts and orders do not meet these.
let order: Order;
before(async () => {
  const client = await clientOf('schmidt');
  order = await placeOrder(client, await orderableProducts(client, 2));
});

async function mount(options: { endpoint?: string; lang?: string; allowOrder?: boolean; compact?: boolean; withCart?: boolean } = {}) {
  const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${options.endpoint ?? endpoint()} token=${await tokenOf('schmidt')} lang=${options.lang ?? 'de'} .clientOptions=${{ retries: 0 }}>
    <kontor-reorder ?allow-order=${options.allowOrder ?? false} ?compact=${options.compact ?? false}></kontor-reorder>
    ${options.withCart ? html`<kontor-cart></kontor-cart>` : ''}
  </kontor-shop>`);
  const el = shop.querySelector('kontor-reorder')!;
  await settled(el);
  return el;
}

const orderOf = (el: KontorReorder) => $(el, `[part=order][data-order-id="${order.id}"]`)!;

describe('<kontor-reorder>', () => {
  it('is accessible', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
  });

  it('shows a recent order with its lines, the last price, today\'s price and promise, and the products with their rhythm', async () => {
    const el = await mount();
    const o = orderOf(el);
    expect(text(o.querySelector('h4'))).to.contain(`Bestellung ${order.number} vom`);
    const lines = [...o.querySelectorAll('[part=line]')];
    expect(lines.map((l) => l.getAttribute('data-sku'))).to.deep.equal(order.lines.map((l) => l.sku));
    expect(text(lines[0])).to.contain(order.lines[0]!.sku);
    expect(text(lines[0]!.querySelector('.promise'))).to.match(/lieferbar|vorrätig|bestellbar/);
    const product = $(el, `[part=products] [part=line][data-sku="${order.lines[0]!.sku}"], [part=due] [part=line][data-sku="${order.lines[0]!.sku}"]`)!;
    expect(text(product.querySelector('[part=cadence]'))).to.match(/Zuletzt bestellt heute|Üblicherweise/);
  });

  it('reorders a whole order into the current cart, merging, and the cart on the page shows it; the result is announced and focused', async () => {
    const cart = await freshCart('schmidt');
    const client = await clientOf('schmidt');
    const first = order.lines[0]!;
    await client.cart.change(cart.id, cart.version, [{ op: 'add', sku: first.sku, quantity: first.quantity }]);
    const el = await mount({ withCart: true });
    const done = oneEvent<KontorReorderCompleteEvent>(el, 'kontor-reorder-complete');
    orderOf(el).querySelector<HTMLButtonElement>('button.whole')!.click();
    const { detail } = await done;
    expect(detail.result.target).to.equal('cart');
    expect(detail.result.lines.map((l) => l.sku)).to.deep.equal(order.lines.map((l) => l.sku));
    const merged = detail.result.lines[0]!;
    expect(['merged', 'later', 'refused']).to.include(merged.outcome);
    if (merged.outcome !== 'refused') expect(merged.cartQuantity).to.equal(first.quantity * 2);
    await waitUntil(() => $(el, '[part=result]'), 'no result');
    const rows = $$(el, '[part=result-line]');
    expect(rows.length).to.equal(order.lines.length);
    expect(text(rows[0])).to.contain(first.sku);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=result] h3'));
    expect(text($(el, '[role=status]'))).to.match(/hinzugefügt|zusammengeführt|später|nicht möglich/);
    // The page-wide cart store: <kontor-cart> shows the merged cart.
    const cartEl = el.parentElement!.querySelector('kontor-cart')!;
    await waitUntil(() => cartEl.shadowRoot!.querySelectorAll('[part=line]').length === detail.result.cart!.lineCount, 'the cart did not update', { timeout: 10_000 });
    const fresh = await client.cart.get(cart.id);
    expect(fresh.version).to.equal(detail.result.cart!.version);
  });

  it('reorders picked lines into a new saved cart and says which', async () => {
    await freshCart('schmidt');
    const el = await mount({ lang: 'en' });
    const box = orderOf(el).querySelector<HTMLInputElement>('[part=line] input[type=checkbox]:not([disabled])')!;
    box.click();
    await el.updateComplete;
    expect(text($(el, '[part=reorder-button]'))).to.equal('Reorder the selection (1)');
    $$(el, '[part=targets] input')[1]!.click();
    const done = oneEvent<KontorReorderCompleteEvent>(el, 'kontor-reorder-complete');
    $<HTMLButtonElement>(el, '[part=reorder-button]')!.click();
    const { detail } = await done;
    expect(detail.result.target).to.equal('new_cart');
    expect(detail.result.lines).to.have.length(1);
    await el.updateComplete;
    expect(detail.result.cart, 'a picked line that can be ordered goes into the new cart').to.not.equal(null);
    expect(detail.result.cart!.active).to.equal(false);
    expect(text($(el, '[part=result] .summary'))).to.contain(`Saved in the cart “${detail.result.cart!.name}”`);
  });

  it('offers "straight to an order" only when the host allows it, and then places the order', async () => {
    // An order of its own, of products in stock many times over, so the reorder can go straight to an order.
    const client = await clientOf('schmidt');
    const products = await orderableProducts(client, 100);
    const { items } = await client.availability.check({ destination: 'DE', items: products.map((p) => ({ sku: p.sku, quantity: 1 })) });
    const stocked = products.filter((p) => items.some((i) => 'status' in i && i.sku === p.sku && i.status === 'in_stock' && i.availableNow >= 100 && p.quantityRules.min <= 10)).slice(0, 2);
    expect(stocked, 'products in stock').to.have.length(2);
    const stockedOrder = await placeOrder(client, stocked);
    const plain = await mount();
    expect($$(plain, '[part=targets] input')).to.have.length(2);
    const el = await mount({ allowOrder: true });
    const radios = $$(el, '[part=targets] input');
    expect(radios).to.have.length(3);
    radios[2]!.click();
    const placed = oneEvent(el, 'kontor-order-placed');
    const done = oneEvent<KontorReorderCompleteEvent>(el, 'kontor-reorder-complete');
    $(el, `[part=order][data-order-id="${stockedOrder.id}"]`)!.querySelector<HTMLButtonElement>('button.whole')!.click();
    const { detail } = await done;
    expect(detail.result.order, JSON.stringify(detail.result.lines.map((l) => l.reason))).to.not.equal(null);
    const { detail: p } = await placed;
    expect(p.order.number).to.equal(detail.result.order!.number);
    // The page-wide orders store has it too, so an order history on the page lists it at the top.
    const shop = el.closest('kontor-shop')!;
    expect(ordersStoreOf(shop.client!).$placed.get()[0]?.number).to.equal(detail.result.order!.number);
    await el.updateComplete;
    expect(text($(el, '[part=result] .summary'))).to.contain(`Bestellung ${detail.result.order!.number} aufgegeben.`);
  });

  it('leaves an order\'s lines out in the compact layout, keeping its button', async () => {
    const el = await mount({ compact: true });
    expect(el.hasAttribute('compact')).to.equal(true);
    expect(orderOf(el).querySelectorAll('[part=line]')).to.have.length(0);
    expect(orderOf(el).querySelector('button.whole')).to.exist;
  });

  it('shows an error state and emits kontor-error when the server cannot be reached', async () => {
    const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${unreachableEndpoint} token="t" lang="de" .clientOptions=${{ retries: 0 }}><kontor-reorder></kontor-reorder></kontor-shop>`);
    const el = shop.querySelector('kontor-reorder')!;
    await waitUntil(() => $(el, '[part=error]'), 'no error', { timeout: 15_000 });
    expect(text($(el, '[part=error]'))).to.contain('nicht erreichbar');
    expect($(el, '[part=error] button')).to.exist;
  });
});
