import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { addDays } from '@kontor/core/availability';
import { newIdempotencyKey } from '@kontor/core/cart';
import type { Product } from '@kontor/core/catalogue';
import { deliveryCalendarOf, nextDeliveryDay } from '@kontor/core/orders';
import { lowestValidQuantity } from '@kontor/core/pricing';
import { common as de } from '../../translations/de/common.js';
import { clientOf, endpoint, orderableProducts, tokenOf } from '../../testing/server.js';
import { erpUpdate, placeOrder } from '../../testing/orders.js';
import '../shop/kontor-shop.js';
import type { KontorShop } from '../shop/shop.component.js';
import type { KontorOrderStatus } from './order-status.component.js';
import { sampleCart } from '../../testing/sample-cart.js';
import { sampleOrder } from './order.samples.js';
import './kontor-order-status.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = (el: KontorOrderStatus, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const events = (el: KontorOrderStatus) => [...el.shadowRoot!.querySelectorAll('[part=event]')].map((e) => text(e.querySelector('.event-status')));
const settled = (el: KontorOrderStatus) =>
  waitUntil(() => el.shadowRoot!.querySelector('[part=base][aria-busy=false]') && $(el, '[part=header], [part=error]'), 'order did not load', { timeout: 15_000 });

async function mount(orderId: string, lang = 'de') {
  const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('baulicht')} lang=${lang}>
    <kontor-order-status order-id=${orderId}></kontor-order-status>
  </kontor-shop>`);
  const el = shop.querySelector('kontor-order-status')!;
  await settled(el);
  return el;
}

describe('<kontor-order-status>', () => {
  let pool: Product[] = [];
  before(async () => {
    pool = (await orderableProducts(await clientOf('baulicht'), 300)).filter((p) => p.status === 'active').slice(100);
  });

  it('is accessible', async () => {
    const order = await placeOrder(await clientOf('baulicht'), pool.splice(0, 2));
    const el = await mount(order.id);
    await expect(el).to.be.accessible();
  });

  it('shows number, status as text, the timeline and the lines', async () => {
    const order = await placeOrder(await clientOf('baulicht'), pool.splice(0, 3), { purchaseOrderNumber: 'PO-STATUS-1' });
    const el = await mount(order.id);
    expect(text($(el, '[part=header] .number'))).to.equal(order.number);
    expect(text($(el, '[part=status]'))).to.equal('Eingegangen');
    expect($(el, '[part=status]')!.dataset.status).to.equal('placed');
    expect(events(el)).to.deep.equal(['Eingegangen']);
    expect(el.shadowRoot!.querySelectorAll('[part=lines] tbody tr')).to.have.length(3);
    expect(text(el.shadowRoot!.querySelector('[part=base]'))).to.include('PO-STATUS-1');
    expect($(el, '[part=tracking]')).to.equal(null);
  });

  it('shows the requested and the expected delivery day, and every line arriving on it, as the checkout promised', async () => {
    const client = await clientOf('baulicht');
    const products = pool.splice(0, 3);
    const empty = await client.cart.create({ active: false, name: `Dates ${Math.random().toString(36).slice(2, 8)}` });
    const cart = await client.cart.change(empty.id, empty.version, products.map((p) => ({ op: 'add', sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) })));
    const options = await client.orders.checkoutOptions(cart.id);
    const earliest = options.earliestDelivery!;
    // A delivery day a week after the earliest one, as the checkout would take it.
    const requested = nextDeliveryDay(addDays(earliest, 7), { earliest, calendar: deliveryCalendarOf(options.deliveryCalendar) });
    const order = await client.orders.place(
      { cartId: cart.id, cartVersion: cart.version, expectedGross: cart.totals.gross, deliveryAddress: { addressId: options.addresses[0]!.id }, requestedDeliveryDate: requested, payment: { method: 'prepayment' } },
      { idempotencyKey: newIdempotencyKey() },
    );
    const el = await mount(order.id);
    const day = de.deliveryDay(requested, true);
    const dates = [...el.shadowRoot!.querySelectorAll('[part=dates] > div')].map((row) => [text(row.querySelector('dt')), text(row.querySelector('dd'))]);
    expect(dates).to.deep.equal([['Wunschliefertermin', day], ['Voraussichtliche Lieferung', day]]);
    const arrivals = [...el.shadowRoot!.querySelectorAll('[part=lines] tbody tr')].map((row) => text(row.querySelector('td:last-child')));
    expect(arrivals).to.deep.equal([day, day, day]);
    await expect(el).to.be.accessible();
  });

  it('shows the timeline and the tracking link after the ERP marks the order shipped, on refresh', async () => {
    const order = await placeOrder(await clientOf('baulicht'), pool.splice(0, 1));
    const el = await mount(order.id, 'en');
    await erpUpdate({ number: order.number, status: 'confirmed', note: 'Checked by sales' });
    await erpUpdate({ number: order.number, status: 'shipped', carrier: 'DHL', trackingNumber: '00340434161094042557' });
    $(el, '[part=refresh]')!.click();
    await waitUntil(() => text($(el, '[part=status]')) === 'Shipped', 'status did not change', { timeout: 15_000 });
    expect(events(el)).to.deep.equal(['Received', 'Confirmed', 'Shipped']);
    expect(text(el.shadowRoot!.querySelector('[part=event][data-status=confirmed]'))).to.include('Checked by sales');
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part=tracking] a')!;
    expect(text(link)).to.equal('Track shipment 00340434161094042557 with DHL');
    expect(link.href).to.include('00340434161094042557');
    expect(link.href).to.match(/^https:\/\/www\.dhl\.de\//);
    expect(text($(el, '[role=status]'))).to.include('Shipped');
    await expect(el).to.be.accessible();
  });

  it('says "not found" for an order of another company', async () => {
    const other = await placeOrder(await clientOf('schmidt'), pool.splice(0, 1));
    const el = await mount(other.id);
    expect(text($(el, '[part=error]'))).to.include('Nicht gefunden.');
  });

  it('renders a given order without a server (presentational)', async () => {
    const order = sampleOrder(sampleCart(120, 'de'), { status: 'delivered' });
    expect(order.lines.length).to.be.greaterThan(50);
    const el = await fixture<KontorOrderStatus>(html`<kontor-order-status lang="de" .order=${order}></kontor-order-status>`);
    expect(text($(el, '[part=status]'))).to.equal('Zugestellt');
    expect(el.shadowRoot!.querySelectorAll('[part=lines] tbody tr')).to.have.length(50);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.all-lines')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part=lines] tbody tr')).to.have.length(order.lines.length);
    expect($(el, '[part=refresh]')!.hidden).to.equal(true);
  });
});
