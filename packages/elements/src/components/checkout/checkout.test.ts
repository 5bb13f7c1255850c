import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { KontorClient } from '@kontor/core';
import { newIdempotencyKey, type Cart } from '@kontor/core/cart';
import type { Product } from '@kontor/core/catalogue';
import { addDays, weekdayOf } from '@kontor/core/availability';
import { formatMoney } from '@kontor/core/money';
import { deliveryCalendarOf, nextDeliveryDay } from '@kontor/core/orders';
import { lowestValidQuantity } from '@kontor/core/pricing';
import { cartStoreOf } from '../../internal/cart-controller.js';
import { clientOf, endpoint, freshCart, orderableProducts, tokenOf, type demoUsers } from '../../testing/server.js';
import '../shop/kontor-shop.js';
import type { KontorOrderPlacedEvent } from '../../events/kontor-order-placed.js';
import type { KontorShop } from '../shop/shop.component.js';
import { common as de } from '../../translations/de/common.js';
import { common as en } from '../../translations/en/common.js';
import type { KontorCheckout } from './checkout.component.js';
import './kontor-checkout.js';

type User = keyof typeof demoUsers;
const placedEvent = (el: KontorCheckout) => oneEvent(el, 'kontor-order-placed') as Promise<KontorOrderPlacedEvent>;

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Money as the page shows it (text() turns the no-break space into a space). */
const euro = (amount: number) => formatMoney({ amount, currency: 'EUR' }, 'de-DE').replace(/\s/g, ' ');
const $ = <T extends Element = HTMLElement>(el: KontorCheckout, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const field = (el: KontorCheckout, path: string) => $<HTMLInputElement>(el, `[data-path="${path}"]`);
const errorOf = (el: KontorCheckout, path: string) => {
  const input = field(el, path);
  const ids = input?.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => el.shadowRoot!.getElementById(id)).find((n) => n?.classList.contains('field-error')) ?? null;
};
const type = (input: HTMLInputElement | null, value: string) => {
  if (!input) throw new Error('no such field');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
};
const stepTitle = (el: KontorCheckout) => text($(el, '.step-title'));
/** The rows of the description lists under `selector`: `[term, value]`. */
const terms = (el: KontorCheckout, selector: string) =>
  [...el.shadowRoot!.querySelectorAll(`${selector} dl > div`)].map((row) => [text(row.querySelector('dt')), text(row.querySelector('dd'))]);
/** The review is ready: its cart has loaded and the place button can be pressed. */
const reviewReady = (el: KontorCheckout) =>
  waitUntil(
    () => {
      const cart = $(el, 'kontor-cart');
      return cart?.shadowRoot?.querySelector('[part=base][aria-busy=false] [part=table]') && $<HTMLButtonElement>(el, 'button.place') && !$<HTMLButtonElement>(el, 'button.place')!.disabled;
    },
    'the review did not become ready',
    { timeout: 15_000 },
  );

interface Sent {
  method: string;
  path: string;
  key: string | null;
}

/**
 * A checkout in a shop of `user`, with a fetch that records what is sent (and can lose answers
 * to POST /v1/orders: `lose` of them reach the server, their answers never the element).
 */
async function mount(user: User, lose = { orders: 0 }, lang = 'de') {
  const token = await tokenOf(user);
  const sent: Sent[] = [];
  const recording = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname;
    sent.push({ method: request.method, path, key: request.headers.get('idempotency-key') });
    if (request.method === 'POST' && path === '/v1/orders' && lose.orders > 0) {
      lose.orders--;
      await fetch(request.clone());
      throw new TypeError('Failed to fetch');
    }
    return fetch(request);
  };
  const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${token} lang=${lang} .clientOptions=${{ fetch: recording }}>
    <kontor-checkout></kontor-checkout>
  </kontor-shop>`);
  const el = shop.querySelector('kontor-checkout')!;
  await waitUntil(() => $(el, 'form.step'), 'the delivery step did not render', { timeout: 15_000 }).catch((error: Error) => {
    throw new Error(`${error.message}: ${text(el.shadowRoot!.querySelector('[part=base]'))}`);
  });
  return { shop, el, sent, orders: () => sent.filter((s) => s.method === 'POST' && s.path === '/v1/orders') };
}

/** The page's cart store of the checkout. */
const storeOf = (el: KontorCheckout) => cartStoreOf((el as unknown as { resolveClient(): KontorClient }).resolveClient());

/**
 * Waits until the store shows the emptied cart after placing: its refresh also remembers the
 * cart's id in localStorage, which must not land in the next test's fresh start.
 */
const emptied = (el: KontorCheckout) => waitUntil(() => storeOf(el).$state.get().cart?.lines.length === 0, 'the store still shows the ordered lines');

async function next(el: KontorCheckout) {
  $<HTMLButtonElement>(el, 'button.next')!.click();
  await el.updateComplete;
}

/** A fresh cart of `user` with one valid quantity of each product. */
async function cartOf(user: User, products: Product[]): Promise<{ client: KontorClient; cart: Cart }> {
  const empty = await freshCart(user);
  const client = await clientOf(user);
  const cart = await client.cart.change(
    empty.id,
    empty.version,
    products.map((p) => ({ op: 'add', sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) })),
  );
  return { client, cart };
}

const po = () => `T-${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
const ordersWithPo = async (client: KontorClient, number: string) => (await client.orders.list({ po: number })).items;

/** Anna's fresh cart of `products`, her checkout on the review step with a new PO number. */
async function atReview(products: Product[]) {
  const { client, cart } = await cartOf('anna', products);
  const { el } = await mount('anna');
  const reference = po();
  type(field(el, 'purchaseOrderNumber'), reference);
  await next(el);
  await next(el);
  await reviewReady(el);
  return { products, client, cart, el, reference };
}

/** "Update cart" after listed changes, then place: the order has the changed quantity, once. */
async function updateCartAndPlace(el: KontorCheckout, client: KontorClient, reference: string, sku: string, quantity: number) {
  $<HTMLButtonElement>(el, 'button.update-cart')!.click();
  await waitUntil(() => !$(el, '[part=drift]'), 'the changes stayed');
  await reviewReady(el);
  const placed = placedEvent(el);
  $<HTMLButtonElement>(el, 'button.place')!.click();
  const { detail } = await placed;
  await emptied(el);
  expect(detail.order.lines.find((l) => l.sku === sku)!.quantity).to.equal(quantity);
  expect(await ordersWithPo(client, reference)).to.have.length(1);
}

describe('<kontor-checkout>', () => {
  /** Products that ship, handed out so that no two tests reserve the same stock. */
  let pool: Product[] = [];
  const take = (n: number) => pool.splice(0, n);
  before(async () => {
    const client = await clientOf('anna');
    pool = (await orderableProducts(client, 400)).filter((p) => p.status === 'active' && p.price!.tiers[0]!.price.amount < 5_000);
  });

  it('is accessible on every step', async () => {
    await cartOf('anna', take(2));
    const { el } = await mount('anna');
    await expect(el).to.be.accessible();
    await next(el);
    expect(stepTitle(el)).to.equal('Zahlung');
    await expect(el).to.be.accessible();
    await next(el);
    await reviewReady(el);
    await expect(el).to.be.accessible();
  });

  it('places the order with a saved address and on account: number shown and focused, event fired, cart empty', async () => {
    const { client, cart } = await cartOf('anna', take(2));
    const { el, orders } = await mount('anna');
    expect(stepTitle(el)).to.equal('Lieferung');
    expect(field(el, 'deliveryAddress.addressId')!.value).to.match(/^adr_/);
    const reference = po();
    type(field(el, 'purchaseOrderNumber'), reference);
    type(field(el, 'costCenter'), 'KST 4711');
    await next(el);
    expect(stepTitle(el)).to.equal('Zahlung');
    const invoice = $<HTMLInputElement>(el, '#method-invoice')!;
    expect(invoice.checked).to.equal(true);
    expect(text($(el, '[data-method=invoice]'))).to.match(/Verfügbarer Kreditrahmen: [\d.]+,\d\d €/);
    await next(el);
    expect(stepTitle(el)).to.equal('Prüfen und bestellen');
    await reviewReady(el);
    const button = $<HTMLButtonElement>(el, 'button.place')!;
    expect(text(button)).to.equal('Zahlungspflichtig bestellen');
    expect(text($(el, '[part=summary]'))).to.include(reference);

    const placed = placedEvent(el);
    button.click();
    const { detail } = await placed;
    await emptied(el);
    expect(detail.order.number).to.match(/^K-\d{4}-\d{6}$/);
    await el.updateComplete;
    const number = $(el, '[part=order-number]')!;
    expect(text(number)).to.equal(detail.order.number);
    expect(el.shadowRoot!.activeElement).to.equal(number);
    expect(text($(el, '[role=status]'))).to.equal(`Bestellung ${detail.order.number} aufgegeben.`);
    expect(text($(el, '[part=confirmation]'))).to.include(euro(cart.totals.gross.amount));
    expect(detail.order.purchaseOrderNumber).to.equal(reference);
    expect(detail.order.costCenter).to.equal('KST 4711');
    expect(detail.order.payment.method).to.equal('invoice');
    expect(orders()).to.have.length(1);

    // The server emptied the cart; the page's store follows.
    expect((await client.cart.get(cart.id)).lines).to.have.length(0);
    await emptied(el);
    await expect(el).to.be.accessible();

    // The buyer fills the cart again: a new checkout starts from the confirmation.
    expect($(el, 'button.again')).to.equal(null);
    const [more] = take(1);
    const again = await client.cart.get(cart.id);
    await client.cart.change(cart.id, again.version, [{ op: 'add', sku: more!.sku, quantity: lowestValidQuantity(more!.quantityRules) }]);
    await storeOf(el).refresh();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button.again')!.click();
    await waitUntil(() => $(el, 'form.step'), 'no new checkout');
    expect(stepTitle(el)).to.equal('Lieferung');
    expect(field(el, 'purchaseOrderNumber')!.value).to.equal(reference);
  });

  it('shows the bank details with the order number as the reference after a prepayment', async () => {
    await cartOf('anna', take(1));
    const { el } = await mount('anna');
    await next(el);
    $<HTMLInputElement>(el, '#method-prepayment')!.click();
    await el.updateComplete;
    expect(text($(el, '[data-method=prepayment] [part=bank-details]'))).to.match(/IBAN ?DE\d\d( \d{4}){4} \d\d/);
    await next(el);
    await reviewReady(el);
    const placed = placedEvent(el);
    $<HTMLButtonElement>(el, 'button.place')!.click();
    const { detail } = await placed;
    await emptied(el);
    await el.updateComplete;
    expect(text($(el, '.transfer'))).to.include(`Verwendungszweck ${detail.order.number}`);
    expect(text($(el, '.transfer .reference'))).to.equal(detail.order.number);
  });

  it('refuses a new address without a postcode next to the field and sends nothing', async () => {
    await cartOf('anna', take(1));
    const { el, orders } = await mount('anna');
    $<HTMLInputElement>(el, 'input[name=address-mode][value=new]')!.click();
    await el.updateComplete;
    type(field(el, 'deliveryAddress.address.name'), 'Elektro Müller GmbH');
    type(field(el, 'deliveryAddress.address.street'), 'Hafenstraße 12');
    type(field(el, 'deliveryAddress.address.city'), 'Hamburg');
    await el.updateComplete;
    await next(el);
    expect(stepTitle(el)).to.equal('Lieferung');
    const postcode = field(el, 'deliveryAddress.address.postcode')!;
    expect(postcode.getAttribute('aria-invalid')).to.equal('true');
    expect(text(errorOf(el, 'deliveryAddress.address.postcode'))).to.equal('Dieses Feld ist erforderlich.');
    expect(el.shadowRoot!.activeElement).to.equal(postcode);
    expect(field(el, 'deliveryAddress.address.city')!.getAttribute('aria-invalid')).to.equal('false');

    // A postcode in the wrong format for the country: core's message.
    type(postcode, '1234');
    await next(el);
    expect(text(errorOf(el, 'deliveryAddress.address.postcode'))).to.equal('Keine gültige Postleitzahl für dieses Land.');
    await expect(el).to.be.accessible();
    type(field(el, 'deliveryAddress.address.postcode'), '20457');
    await next(el);
    expect(stepTitle(el)).to.equal('Zahlung');
    expect(orders()).to.have.length(0);
  });

  it('checks the IBAN on leaving the field, formats a valid one in groups of four and requires the mandate', async () => {
    await cartOf('anna', take(1));
    const { el, orders } = await mount('anna');
    await next(el);
    $<HTMLInputElement>(el, '#method-sepa_debit')!.click();
    await el.updateComplete;
    expect(text($(el, '[part=mandate]'))).to.match(/Lastschrift/);
    type(field(el, 'payment.accountHolder'), 'Elektro Müller GmbH');
    const iban = field(el, 'payment.iban')!;
    type(iban, 'DE89 3704 0044 0532 0130 01');
    iban.dispatchEvent(new FocusEvent('blur'));
    await el.updateComplete;
    expect(iban.getAttribute('aria-invalid')).to.equal('true');
    expect(text(errorOf(el, 'payment.iban'))).to.match(/IBAN/);
    await next(el);
    expect(stepTitle(el)).to.equal('Zahlung');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'payment.iban'));

    type(field(el, 'payment.iban'), 'de89370400440532013000');
    field(el, 'payment.iban')!.dispatchEvent(new FocusEvent('blur'));
    await el.updateComplete;
    expect(field(el, 'payment.iban')!.value).to.equal('DE89 3704 0044 0532 0130 00');
    expect(errorOf(el, 'payment.iban')).to.equal(null);
    await next(el);
    // The mandate is not accepted yet.
    expect(stepTitle(el)).to.equal('Zahlung');
    const mandate = field(el, 'payment.mandateAccepted')!;
    expect(mandate.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(mandate);
    mandate.click();
    await el.updateComplete;
    await next(el);
    expect(stepTitle(el)).to.equal('Prüfen und bestellen');
    expect(text($(el, '[part=summary]'))).to.include('DE89 3704 0044 0532 0130 00');
    expect(orders()).to.have.length(0);
  });

  it("maps the server's field issues back to their fields: an IBAN with right check digits but a wrong length for its country", async () => {
    const { client } = await cartOf('anna', take(1));
    const { el, orders } = await mount('anna');
    const reference = po();
    type(field(el, 'purchaseOrderNumber'), reference);
    await next(el);
    $<HTMLInputElement>(el, '#method-sepa_debit')!.click();
    await el.updateComplete;
    type(field(el, 'payment.accountHolder'), 'Elektro Müller GmbH');
    // The browser's light check (structure, mod 97) passes it; the server knows a German IBAN has 22 characters.
    type(field(el, 'payment.iban'), 'DE54 3704 0044 0532 0130 001');
    field(el, 'payment.mandateAccepted')!.click();
    await el.updateComplete;
    await next(el);
    await reviewReady(el);
    $<HTMLButtonElement>(el, 'button.place')!.click();
    await waitUntil(() => stepTitle(el) === 'Zahlung', 'not back on the payment step', { timeout: 15_000 });
    await el.updateComplete;
    const iban = field(el, 'payment.iban')!;
    expect(iban.getAttribute('aria-invalid')).to.equal('true');
    expect(text(errorOf(el, 'payment.iban'))).to.match(/IBAN/);
    expect(el.shadowRoot!.activeElement).to.equal(iban);
    expect(orders()).to.have.length(1);
    expect(await ordersWithPo(client, reference)).to.have.length(0);
  });

  it('places exactly one order for a double click on the final button', async () => {
    const { client } = await cartOf('anna', take(2));
    const { el, orders } = await mount('anna');
    const reference = po();
    type(field(el, 'purchaseOrderNumber'), reference);
    await next(el);
    await next(el);
    await reviewReady(el);
    const button = $<HTMLButtonElement>(el, 'button.place')!;
    const placed = placedEvent(el);
    button.click();
    button.click();
    button.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    await el.updateComplete;
    expect(button.disabled || !button.isConnected).to.equal(true);
    await placed;
    await emptied(el);
    expect(orders()).to.have.length(1);
    expect(await ordersWithPo(client, reference)).to.have.length(1);
  });

  it('retries a placement whose answer was lost with the same key: one order', async () => {
    const { client } = await cartOf('anna', take(1));
    // The first request reaches the server, its answer is lost; so are the client's own retries.
    const { el, orders } = await mount('anna', { orders: 3 });
    const reference = po();
    type(field(el, 'purchaseOrderNumber'), reference);
    await next(el);
    await next(el);
    await reviewReady(el);
    $<HTMLButtonElement>(el, 'button.place')!.click();
    await waitUntil(() => $(el, '[part=error][data-kind=uncertain]'), 'no retry offered', { timeout: 15_000 });
    expect(text($(el, '[part=error]'))).to.include('bestellt sicher nur einmal');
    expect(await ordersWithPo(client, reference)).to.have.length(1);
    const placed = placedEvent(el);
    $<HTMLButtonElement>(el, 'button.retry')!.click();
    const { detail } = await placed;
    await emptied(el);
    const keys = new Set(orders().map((o) => o.key));
    expect(keys.size).to.equal(1);
    expect(orders().length).to.be.greaterThan(1);
    const found = await ordersWithPo(client, reference);
    expect(found).to.have.length(1);
    expect(found[0]!.number).to.equal(detail.order.number);
  });

  it('shows what changed in a stale cart before anything is placed, and places after "update cart"', async () => {
    const { products, client, cart, el, reference } = await atReview(take(2));
    // Someone changes the cart elsewhere after the review showed it.
    const changed = products[1]!;
    const quantity = lowestValidQuantity(changed.quantityRules) + changed.quantityRules.step;
    await client.cart.change(cart.id, cart.version, [{ op: 'set', sku: changed.sku, quantity }]);

    $<HTMLButtonElement>(el, 'button.place')!.click();
    await waitUntil(() => $(el, '[part=drift]'), 'no changes shown', { timeout: 15_000 });
    const drift = $(el, '[part=drift]')!;
    expect(text(drift)).to.include('Es wurde nichts bestellt.');
    const line = drift.querySelector(`li[data-sku="${CSS.escape(changed.sku)}"]`);
    expect(line?.getAttribute('data-kind')).to.equal('quantity');
    expect(text(line)).to.include(`Menge ${lowestValidQuantity(changed.quantityRules)} → ${quantity}`);
    expect($<HTMLButtonElement>(el, 'button.place')!.disabled).to.equal(true);
    expect(await ordersWithPo(client, reference)).to.have.length(0);
    expect(el.shadowRoot!.activeElement).to.equal(drift.querySelector('[data-focus=drift]'));
    await expect(el).to.be.accessible();

    await updateCartAndPlace(el, client, reference, changed.sku, quantity);
  });

  it('does not take in a change made elsewhere during the review: it lists it and orders only after "update cart"', async () => {
    const { products, el, client, reference } = await atReview(take(2));
    // Another tab (here: the same page's store, as a second tab's broadcast would) changes a quantity.
    const changed = products[0]!;
    const seen = lowestValidQuantity(changed.quantityRules);
    const quantity = seen + changed.quantityRules.step;
    await storeOf(el).setQuantity(changed.sku, quantity);
    await waitUntil(() => $(el, '[part=drift]'), 'the change was taken in silently', { timeout: 15_000 });
    const drift = $(el, '[part=drift]')!;
    const line = drift.querySelector(`li[data-sku="${CSS.escape(changed.sku)}"]`);
    expect(line?.getAttribute('data-kind')).to.equal('quantity');
    expect(text(line)).to.include(`Menge ${seen} → ${quantity}`);
    expect($<HTMLButtonElement>(el, 'button.place')!.disabled).to.equal(true);
    await waitUntil(() => el.shadowRoot!.activeElement === drift.querySelector('[data-focus=drift]'), 'the focus did not go to the changes');

    await updateCartAndPlace(el, client, reference, changed.sku, quantity);
  });

  it('shows the credit left when an order on account exceeds the limit, and offers the other methods', async () => {
    // Schmidt's limit is small. The checkout shows "on account"; then another order uses up most of the credit.
    const schmidt = await clientOf('schmidt');
    const products = (await orderableProducts(schmidt, 400)).filter((p) => p.status === 'active' && p.quantityRules.min === 1 && p.quantityRules.step === 1);
    const priceOf = (p: Product) => p.price!.tiers[0]!.price.amount;
    const dear = products.find((p) => priceOf(p) >= 10_000 && priceOf(p) <= 30_000)!;
    // Cheaper than `dear`, so some quantity of it leaves less credit than `dear` costs.
    const cheap = products.find((p) => priceOf(p) >= 2_000 && priceOf(p) <= 6_000)!;
    const { cart } = await cartOf('schmidt', [dear]);
    const { el } = await mount('schmidt');
    await next(el);
    const options = await schmidt.orders.checkoutOptions(cart.id);
    const remaining = options.credit!.remaining.amount;
    expect(remaining).to.be.greaterThan(cart.totals.gross.amount * 3);
    expect($<HTMLInputElement>(el, '#method-invoice')!.disabled).to.equal(false);
    await next(el);
    await reviewReady(el);

    // Another cart, on account, leaving less than this cart's gross.
    const other = await schmidt.cart.create({ active: false, name: 'Credit eater' });
    let quantity = Math.floor(remaining / Math.ceil(priceOf(cheap) * 1.19));
    let filled = await schmidt.cart.change(other.id, other.version, [{ op: 'add', sku: cheap.sku, quantity }]);
    const gap = () => remaining - filled.totals.gross.amount;
    while (gap() < 0 || gap() >= cart.totals.gross.amount) {
      quantity += gap() < 0 ? -1 : 1;
      filled = await schmidt.cart.change(filled.id, filled.version, [{ op: 'set', sku: cheap.sku, quantity }]);
    }
    await schmidt.orders.place(
      {
        cartId: filled.id,
        cartVersion: filled.version,
        expectedGross: filled.totals.gross,
        deliveryAddress: { addressId: options.addresses[0]!.id },
        payment: { method: 'invoice' },
      },
      { idempotencyKey: newIdempotencyKey() },
    );
    const left = euro(gap());

    $<HTMLButtonElement>(el, 'button.place')!.click();
    await waitUntil(() => $(el, '[part=error][data-kind=credit]'), 'no credit limit shown', { timeout: 15_000 });
    expect(stepTitle(el)).to.equal('Zahlung');
    expect(text($(el, '[part=error]'))).to.include(`verfügbar sind noch ${left}`);
    expect($<HTMLInputElement>(el, '#method-invoice')!.disabled).to.equal(true);
    expect($<HTMLInputElement>(el, '#method-prepayment')!.checked).to.equal(true);
    // The greyed-out option says why, with the credit left.
    await waitUntil(() => text($(el, '[data-method=invoice]')).includes(`reicht für diese Bestellung nicht aus; verfügbar sind noch ${left}`), text($(el, '[data-method=invoice]')));
    await expect(el).to.be.accessible();
    await next(el);
    await reviewReady(el);
    const placed = placedEvent(el);
    $<HTMLButtonElement>(el, 'button.place')!.click();
    expect((await placed).detail.order.payment.method).to.equal('prepayment');
    await emptied(el);
  });

  describe('the requested delivery day', () => {
    it('refuses a Saturday at the field, offers the next delivery day, and that day is the one the review, the confirmation and every line say', async () => {
      const { client, cart } = await cartOf('anna', take(2));
      const { el, orders } = await mount('anna');
      const options = await client.orders.checkoutOptions(cart.id);
      const earliest = options.earliestDelivery!;
      let saturday = earliest;
      while (weekdayOf(saturday) !== 6) saturday = addDays(saturday, 1);
      const date = field(el, 'requestedDeliveryDate')!;
      type(date, saturday);
      date.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      // Said at the field as soon as it is chosen, and again on "Weiter", which stays on the step.
      expect(date.getAttribute('aria-invalid')).to.equal('true');
      expect(text(errorOf(el, 'requestedDeliveryDate'))).to.include(`Am ${de.deliveryDay(saturday, true)} wird nicht geliefert`);
      await next(el);
      expect(stepTitle(el)).to.equal('Lieferung');
      expect(el.shadowRoot!.activeElement).to.equal(field(el, 'requestedDeliveryDate'));
      await expect(el).to.be.accessible();

      const offered = nextDeliveryDay(saturday, { earliest, calendar: deliveryCalendarOf(options.deliveryCalendar) });
      const use = $<HTMLButtonElement>(el, 'button.use-date')!;
      expect(text(use)).to.equal(`${de.deliveryDay(offered, true)} übernehmen`);
      use.click();
      await el.updateComplete;
      expect(field(el, 'requestedDeliveryDate')!.value).to.equal(offered);
      expect(errorOf(el, 'requestedDeliveryDate')).to.equal(null);
      const reference = po();
      type(field(el, 'purchaseOrderNumber'), reference);
      await next(el);
      await next(el);
      await reviewReady(el);
      const day = de.deliveryDay(offered, true);
      expect(terms(el, '[part=summary]')).to.deep.include.members([['Wunschliefertermin', day], ['Voraussichtliche Lieferung', day]]);

      const placed = placedEvent(el);
      $<HTMLButtonElement>(el, 'button.place')!.click();
      const { detail } = await placed;
      await emptied(el);
      await el.updateComplete;
      expect(detail.order.requestedDeliveryDate).to.equal(offered);
      expect([detail.order.promisedDelivery, ...new Set(detail.order.lines.map((l) => l.promisedDelivery))]).to.deep.equal([offered, offered]);
      expect(terms(el, '[part=confirmation] [part=summary]')).to.deep.include.members([['Wunschliefertermin', day], ['Voraussichtliche Lieferung', day]]);
      expect(orders()).to.have.length(1);
    });
  });

  describe('the confirmation', () => {
    /** Places Anna's cart of `products` with `comment`, in `lang`; the confirmation shown. */
    async function confirmed(products: Product[], comment: string, lang: 'de' | 'en') {
      await cartOf('anna', products);
      const { el } = await mount('anna', { orders: 0 }, lang);
      type(field(el, 'comment') as unknown as HTMLInputElement, comment);
      await next(el);
      await next(el);
      await reviewReady(el);
      const placed = placedEvent(el);
      $<HTMLButtonElement>(el, 'button.place')!.click();
      const { detail } = await placed;
      await emptied(el);
      await el.updateComplete;
      return { el, order: detail.order };
    }
    const rows = (el: KontorCheckout) => [...el.shadowRoot!.querySelectorAll('[part=confirmation] [part=lines] tbody tr')];

    it('shows the ordered lines — name, SKU, quantity, line total — and the comment, in German', async () => {
      const comment = 'Bitte an <b>Tor 2</b> & Rampe\nnur vormittags';
      const { el, order } = await confirmed(take(2), comment, 'de');
      const lines = $(el, '[part=confirmation] [part=lines]')!;
      expect(text(lines.querySelector('h3'))).to.equal('Bestellte Positionen (2 Positionen)');
      expect([...lines.querySelectorAll('th')].map(text)).to.deep.equal(['Artikel', 'Menge', 'Gesamt']);
      expect(rows(el).map((r) => r.getAttribute('data-sku'))).to.deep.equal(order.lines.map((l) => l.sku));
      for (const [i, line] of order.lines.entries()) {
        const cells = [...rows(el)[i]!.querySelectorAll('td')].map(text);
        expect([text(rows(el)[i]!.querySelector('.name')), text(rows(el)[i]!.querySelector('.muted'))]).to.deep.equal([line.name.de, `Art.-Nr. ${line.sku}`]);
        expect(cells[1]).to.equal(`${line.quantity.toLocaleString('de-DE')} ${de.unit(line.unit, line.quantity)}`);
        expect(cells[2]).to.equal(euro(line.net.amount));
      }
      // The comment as typed: text, not markup, line break kept.
      const shown = $(el, '[part=confirmation] .comment dd')!;
      expect(shown.textContent).to.equal(comment);
      expect(shown.querySelector('b')).to.equal(null);
      expect(terms(el, '[part=confirmation]')).to.deep.include(['Bemerkung', text(shown)]);
      expect(order.comment).to.equal(comment);
      await expect(el).to.be.accessible();
    });

    it('shows the ordered lines and the comment in English', async () => {
      const { el, order } = await confirmed(take(1), 'Please deliver to gate 2', 'en');
      const lines = $(el, '[part=confirmation] [part=lines]')!;
      expect(text(lines.querySelector('h3'))).to.equal('Ordered lines (1 line)');
      expect([...lines.querySelectorAll('th')].map(text)).to.deep.equal(['Item', 'Quantity', 'Total']);
      const [line] = order.lines;
      const cells = [...rows(el)[0]!.querySelectorAll('td')].map(text);
      expect([text(rows(el)[0]!.querySelector('.name')), text(rows(el)[0]!.querySelector('.muted'))]).to.deep.equal([line!.name.en, `SKU ${line!.sku}`]);
      expect(cells[1]).to.equal(`${line!.quantity.toLocaleString('en-GB')} ${en.unit(line!.unit, line!.quantity)}`);
      expect(cells[2]).to.equal(formatMoney(line!.net, 'en-GB').replace(/\s/g, ' '));
      expect(terms(el, '[part=confirmation]')).to.deep.include(['Comment', 'Please deliver to gate 2']);
      await expect(el).to.be.accessible();
    });
  });

  it('says so for an empty cart', async () => {
    await freshCart('anna');
    const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('anna')} lang="en">
      <kontor-checkout></kontor-checkout>
    </kontor-shop>`);
    const el = shop.querySelector('kontor-checkout')!;
    await waitUntil(() => $(el, '[part=empty]'), 'no empty state', { timeout: 15_000 });
    expect(text($(el, '[part=empty]'))).to.equal('Your cart is empty – there is nothing to order.');
  });

  it('shows an error outside any shop', async () => {
    const el = await fixture<KontorCheckout>(html`<kontor-checkout lang="en"></kontor-checkout>`);
    await waitUntil(() => $(el, '[part=error]'));
    expect(text($(el, '[part=error]'))).to.include('not configured');
  });
});
