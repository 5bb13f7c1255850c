import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createKontorClient } from '@kontor/core';
import { isKontorError } from '@kontor/core/errors';
import { createStandingOrdersClient, type StandingOrderView } from '@kontor/core/standing-orders';
import type { TemplateResult } from 'lit';
import type { KontorStandingOrderChangeDetail } from '../../events/index.js';
import { placeOrder } from '../../testing/orders.js';
import { clientOf, endpoint, orderableProducts, tokenOf } from '../../testing/server.js';
import { cartWithLines, standingOrderOf, standingOrdersClientOf } from '../../testing/standing-orders.js';
import '../cart/kontor-cart.js';
import type { KontorCart } from '../cart/cart.component.js';
import '../order-history/kontor-order-history.js';
import type { KontorOrderHistory } from '../order-history/order-history.component.js';
import '../shop/kontor-shop.js';
import type { KontorShop } from '../shop/shop.component.js';
import '../standing-orders/kontor-standing-orders.js';
import type { KontorStandingOrders } from '../standing-orders/standing-orders.component.js';
import type { KontorStandingOrder } from './standing-order.component.js';
import './kontor-standing-order.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends HTMLElement = HTMLElement>(el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: HTMLElement, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const runs = (el: KontorStandingOrder) => $$(el, '[part=run]');

async function inShop(content: TemplateResult, options: { lang?: string; fetch?: typeof fetch } = {}) {
  return fixture<KontorShop>(html`<kontor-shop
    endpoint=${endpoint()}
    token=${await tokenOf('mueller')}
    lang=${options.lang ?? 'de'}
    .clientOptions=${options.fetch ? { fetch: options.fetch } : {}}
    >${content}</kontor-shop
  >`);
}

const settled = (el: HTMLElement) =>
  waitUntil(() => $(el, '[part=base][aria-busy=false]') && !$(el, '.base > .muted'), 'standing order did not settle', { timeout: 15_000 });

/** `<kontor-standing-order standing-order-id>` of a standing order, settled. */
async function mountView(so: StandingOrderView, lang = 'de') {
  const shop = await inShop(html`<kontor-standing-order standing-order-id=${so.id}></kontor-standing-order>`, { lang });
  const el = shop.querySelector('kontor-standing-order')!;
  await settled(el);
  await waitUntil(() => runs(el).length > 0, 'no upcoming runs', { timeout: 15_000 });
  return el;
}

/** `<kontor-standing-order from-cart>` of a new cart, with its first preview shown. */
async function mountCreate(options: { lang?: string; fetch?: typeof fetch } = {}) {
  const cart = await cartWithLines(await clientOf('mueller'), 1);
  const shop = await inShop(html`<kontor-standing-order from-cart=${cart.id}></kontor-standing-order>`, options);
  const el = shop.querySelector('kontor-standing-order')!;
  await settled(el);
  await waitUntil(() => runs(el).length === 12, 'no preview', { timeout: 15_000 });
  return { el, cart };
}

/** Types into a field of the form (or picks an option) the way a buyer does. */
async function type(el: KontorStandingOrder, name: string, value: string) {
  const field = $<HTMLInputElement>(el, `[name="${name}"]`)!;
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function choose(el: KontorStandingOrder, name: string, value: string) {
  $<HTMLInputElement>(el, `input[name="${name}"][value="${value}"]`)!.click();
  await el.updateComplete;
}

/** Clicks a button and waits for the change event it leads to. */
async function clickForChange(el: KontorStandingOrder, selector: string): Promise<KontorStandingOrderChangeDetail> {
  const changed = oneEvent(el, 'kontor-standing-order-change') as Promise<CustomEvent<KontorStandingOrderChangeDetail>>;
  $<HTMLButtonElement>(el, selector)!.click();
  const event = await changed;
  await el.updateComplete;
  return event.detail;
}

describe('<kontor-standing-order>', () => {
  it('is accessible, showing a standing order, its next runs and actions', async () => {
    const el = await mountView(await standingOrderOf());
    await expect(el).to.be.accessible();
  });

  it('is accessible while setting one up, with the schedule builder and the preview', async () => {
    const { el } = await mountCreate();
    await expect(el).to.be.accessible();
    await choose(el, 'end', 'until');
    $<HTMLButtonElement>(el, '.toggle-text')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  describe('set up from a cart', () => {
    it('sets up "every 2 months until further notice", and the list shows it with its next run day', async () => {
      const { el } = await mountCreate();
      await type(el, 'interval', '2');
      await type(el, 'name', 'Kabel alle zwei Monate');
      expect(text($(el, '[part=summary] .text'))).to.equal('alle 2 Monate am 1. Werktag, bis auf Weiteres');
      const { standingOrder: so, change } = await clickForChange(el, 'button[type=submit]');
      expect(change).to.equal('created');
      expect(so.schedule.rrule).to.match(/FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1/);
      expect(el.standingOrderId).to.equal(so.id);
      // It shows the new standing order now, focused at its title, and said so.
      expect(text($(el, '[part=title]'))).to.equal('Kabel alle zwei Monate');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=title]'));
      expect(text($(el, '[role=status]'))).to.equal('Dauerauftrag „Kabel alle zwei Monate“ angelegt.');
      expect(text($(el, '[part=status]'))).to.equal('Aktiv');

      const shop = await inShop(html`<kontor-standing-orders></kontor-standing-orders>`);
      const list = shop.querySelector<KontorStandingOrders>('kontor-standing-orders')!;
      await waitUntil(() => $(list, `[part=row][data-id="${so.id}"]`), 'not in the list', { timeout: 15_000 });
      const row = $(list, `[part=row][data-id="${so.id}"]`)!;
      expect(text(row.querySelector('[part=name]'))).to.equal('Kabel alle zwei Monate');
      expect(text(row.querySelector('[part=schedule]'))).to.equal('alle 2 Monate am 1. Werktag, bis auf Weiteres');
      expect(row.querySelector('[part=next-run] time')!.getAttribute('datetime')).to.equal(so.nextRun!.day);
      expect(text(row.querySelector('[part=next-run] time'))).to.match(/^(Mo|Di|Mi|Do|Fr), \d{2}\.\d{2}\.\d{4}$/);
      expect(text(row.querySelector('[part=status]'))).to.equal('Aktiv');
      await waitUntil(() => text(row.querySelector('[part=last-result]')) === 'Noch keine Ausführung', 'no last result');
    });

    it('shows in the preview why a run moved: the holiday by name', async () => {
      const { el } = await mountCreate();
      await type(el, 'day', '25');
      // Twelve monthly runs from any day include a 25 December: a holiday everywhere in Germany.
      await waitUntil(() => runs(el).some((r) => r.dataset.key!.endsWith('-12-25')), 'no 25 December in the preview', { timeout: 15_000 });
      const christmas = runs(el).find((r) => r.dataset.key!.endsWith('-12-25'))!;
      expect(christmas.dataset.day).not.to.equal(christmas.dataset.key);
      expect(text(christmas.querySelector('[part=moved]'))).to.match(/^verschoben von \w{2}, 25\.12\. \(1\. Weihnachtstag/);
    });

    it('refuses an interval of 0 and an end before the start at their fields, and sends nothing', async () => {
      const asked: string[] = [];
      const recording: typeof fetch = (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init);
        asked.push(`${request.method} ${new URL(request.url).pathname}`);
        return fetch(input, init);
      };
      const { el } = await mountCreate({ fetch: recording });
      asked.length = 0;
      await type(el, 'start', '2027-03-01');
      await type(el, 'interval', '0');
      await choose(el, 'end', 'until');
      await type(el, 'until', '2027-01-31');
      await waitUntil(() => $(el, '#err-interval') && $(el, '[id="err-end.until"]'), 'no field errors', { timeout: 5_000 });
      expect(text($(el, '#err-interval'))).to.equal('Muss mindestens 1 sein.');
      expect(text($(el, '[id="err-end.until"]'))).to.equal('Das Ende (2027-01-31) liegt vor dem ersten Datum (2027-03-01).');
      expect($(el, '[name=interval]')!.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '[name=interval]')!.getAttribute('aria-describedby')).to.equal('err-interval');
      $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
      await waitUntil(() => $(el, '[part=error]'), 'no error banner');
      await el.updateComplete;
      expect(text($(el, '[part=error]'))).to.equal('Bitte die markierten Angaben prüfen.');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[name=interval]'));
      await new Promise((r) => setTimeout(r, 400));
      expect(asked.filter((a) => a.includes('/v1/standing-orders'))).to.deep.equal([]);
    });

    it('says a wrong RRULE part at the text field', async () => {
      const { el } = await mountCreate();
      $<HTMLButtonElement>(el, '.toggle-text')!.click();
      await el.updateComplete;
      expect($<HTMLTextAreaElement>(el, '[name=rrule]')!.value).to.match(/^DTSTART;VALUE=DATE:\d{8}\nRRULE:FREQ=MONTHLY;BYMONTHDAY=1$/);
      await type(el, 'rrule', 'DTSTART;VALUE=DATE:20270104\nRRULE:FREQ=WEEKLY;BYDAY=MO;BYHOUR=8');
      await waitUntil(() => $(el, '#err-rrule'), 'no error at the RRULE field', { timeout: 5_000 });
      expect(text($(el, '#err-rrule'))).to.equal('BYHOUR ist nicht möglich: ein Dauerauftrag läuft an jedem seiner Tage einmal, zur Uhrzeit des Rhythmus.');
      await type(el, 'rrule', 'DTSTART;VALUE=DATE:20270104\nRRULE:FREQ=YEARLY;BYWEEKNO=2,28;BYDAY=MO');
      // Two Mondays a year: a preview of a year has two or three runs, not the twelve of before.
      await waitUntil(() => !$(el, '#err-rrule') && runs(el).length > 0 && runs(el).length < 12, 'no preview of the rule', { timeout: 15_000 });
      expect(text($(el, '[part=summary] .text'))).to.equal('nach der Regel FREQ=YEARLY;BYWEEKNO=2,28;BYDAY=MO (sonst am nächsten Werktag), bis auf Weiteres');
    });
  });

  describe('a standing order', () => {
    it('pauses until a day, then resumes', async () => {
      const so = await standingOrderOf();
      const [, second] = await (await standingOrdersClientOf()).upcoming(so.id, 2);
      const el = await mountView(so);
      await type(el, 'until', second!.occurrence.day);
      const paused = await clickForChange(el, '.pause-submit');
      expect(paused.change).to.equal('paused');
      expect(paused.standingOrder.pausedUntil).to.equal(second!.occurrence.day);
      const [y, m, d] = second!.occurrence.day.split('-');
      expect(text($(el, '[part=status]'))).to.equal(`Pausiert bis ${d}.${m}.${y}`);
      expect(runs(el)[0]!.dataset.status).to.equal('paused');
      expect(text(runs(el)[0]!.querySelector('.run-status'))).to.equal('Pausiert');
      expect(runs(el)[1]!.dataset.status).to.equal('scheduled');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '.resume'));

      const resumed = await clickForChange(el, '.resume');
      expect(resumed.change).to.equal('resumed');
      expect(text($(el, '[part=status]'))).to.equal('Aktiv');
      expect(runs(el)[0]!.dataset.status).to.equal('scheduled');
      expect(text($(el, '[role=status]'))).to.equal('Dauerauftrag fortgesetzt.');
    });

    it('pauses until further notice', async () => {
      const el = await mountView(await standingOrderOf());
      await choose(el, 'pause-kind', 'open');
      await clickForChange(el, '.pause-submit');
      expect(text($(el, '[part=status]'))).to.equal('Pausiert bis auf Weiteres');
      expect(runs(el).every((r) => r.dataset.status === 'paused')).to.equal(true);
    });

    it('says at the date that a pause needs one, and sends nothing', async () => {
      const el = await mountView(await standingOrderOf());
      $<HTMLButtonElement>(el, '.pause-submit')!.click();
      await waitUntil(() => $(el, '#err-until'), 'no field error');
      expect($(el, '[name=until]')!.getAttribute('aria-invalid')).to.equal('true');
      expect(text($(el, '[part=status]'))).to.equal('Aktiv');
    });

    it('skips a run and takes it back', async () => {
      const el = await mountView(await standingOrderOf());
      const first = runs(el)[0]!;
      const key = first.dataset.key!;
      const skipped = await clickForChange(el, `.skip-run[data-key="${key}"]`);
      expect(skipped.change).to.equal('skipped');
      expect(skipped.standingOrder.skipped).to.deep.equal([key]);
      const run = () => $(el, `[part=run][data-key="${key}"]`)!;
      expect(run().dataset.status).to.equal('skipped');
      expect(text(run().querySelector('.run-status'))).to.equal('Wird ausgelassen');
      const button = run().querySelector<HTMLButtonElement>('[part=skip]')!;
      expect(text(button)).to.equal('Doch ausführen');
      expect(el.shadowRoot!.activeElement).to.equal(button);
      // The next run is now the one after it.
      expect($(el, '.next-run time')!.getAttribute('datetime')).to.equal(runs(el)[1]!.dataset.day);

      await clickForChange(el, `.skip-run[data-key="${key}"]`);
      expect(run().dataset.status).to.equal('scheduled');
      expect(text(run().querySelector('[part=skip]'))).to.equal('Auslassen');
      expect($(el, '.next-run time')!.getAttribute('datetime')).to.equal(run().dataset.day);
    });

    it('says when each scheduled run would arrive, and not for a skipped one', async () => {
      const so = await standingOrderOf();
      const upcoming = await (await standingOrdersClientOf()).upcoming(so.id, 12);
      const el = await mountView(so);
      const first = runs(el)[0]!;
      const arrives = upcoming.find((u) => u.occurrence.key === first.dataset.key)!.arrives!;
      expect(arrives > first.dataset.day!).to.equal(true);
      const [y, m, d] = arrives.split('-');
      expect(text(first.querySelector('[part=arrives]'))).to.match(new RegExp(`^Lieferung voraussichtlich [A-Z][a-z], ${d}\\.${m}\\.${y}$`));
      await clickForChange(el, `.skip-run[data-key="${first.dataset.key}"]`);
      expect($(el, `[part=run][data-key="${first.dataset.key}"] [part=arrives]`)).to.equal(null);
    });

    it('shows the current state and says so when it was changed elsewhere (409)', async () => {
      const so = await standingOrderOf();
      const el = await mountView(so);
      // Someone else renames it meanwhile.
      await (await standingOrdersClientOf()).update(so.id, { version: so.version, scope: 'from_next_run', set: { name: 'Von woanders geändert' } });
      $<HTMLButtonElement>(el, '.edit')!.click();
      await el.updateComplete;
      await type(el, 'name', 'Meine Änderung');
      const failed = oneEvent(el, 'kontor-error');
      $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
      const { detail } = await failed;
      expect(detail.error.code).to.equal('conflict');
      await waitUntil(() => $(el, '[part=notice]'), 'no notice');
      await el.updateComplete;
      expect(text($(el, '[part=notice]'))).to.equal(
        'Dieser Dauerauftrag wurde zwischenzeitlich geändert; Ihre Änderung wurde nicht gespeichert. Hier ist der aktuelle Stand.',
      );
      expect(text($(el, '[part=title]'))).to.equal('Von woanders geändert');
      expect(el.value!.version).to.equal(so.version + 1);
      expect($(el, '[part=form]')).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=notice]'));
      // The next change goes against the current version.
      await clickForChange(el, `.skip-run[data-key="${runs(el)[0]!.dataset.key}"]`);
      expect(el.value!.version).to.equal(so.version + 2);
    });

    it('changes a quantity for one run only', async () => {
      const so = await standingOrderOf();
      const el = await mountView(so);
      $<HTMLButtonElement>(el, '.edit')!.click();
      await el.updateComplete;
      await choose(el, 'scope', 'one_run');
      const key = $<HTMLSelectElement>(el, '[name=occurrence]')!.value;
      await type(el, 'qty-0', String(so.lines[0]!.quantity * 2));
      const { change, standingOrder } = await clickForChange(el, 'button[type=submit]');
      expect(change).to.equal('updated');
      expect(standingOrder.lines[0]!.quantity).to.equal(so.lines[0]!.quantity);
      expect(standingOrder.overrides.map((o) => [o.occurrence, o.lines?.[0]?.quantity])).to.deep.equal([[key, so.lines[0]!.quantity * 2]]);
      expect(text($(el, `[part=run][data-key="${key}"] .run-status`))).to.equal('Geplant · Für diese Ausführung geändert');
    });

    it('says a quantity the server refuses at its line', async () => {
      const [product] = (await orderableProducts(await clientOf('mueller'), 200)).filter((p) => p.quantityRules.step > 1);
      const client = await clientOf('mueller');
      const empty = await client.cart.create({ active: false });
      const cart = await client.cart.change(empty.id, empty.version, [{ op: 'add', sku: product!.sku, quantity: product!.quantityRules.min }]);
      const so = await (await standingOrdersClientOf()).create(
        { from: { kind: 'cart', cartId: cart.id }, payment: { method: 'invoice' }, schedule: { rrule: 'DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=WEEKLY;BYDAY=TU' } },
        { idempotencyKey: `t-${Math.random()}` },
      );
      const el = await mountView(so);
      $<HTMLButtonElement>(el, '.edit')!.click();
      await el.updateComplete;
      await type(el, 'qty-0', String(product!.quantityRules.min + 1));
      $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
      await waitUntil(() => $(el, '[id="err-lines.0"]'), 'no error at the line', { timeout: 10_000 });
      expect($(el, '[name=qty-0]')!.getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[name=qty-0]'));
    });

    it('orders now after a confirmation and shows the order it placed', async () => {
      const el = await mountView(await standingOrderOf());
      $<HTMLButtonElement>(el, '.order-now')!.click();
      await el.updateComplete;
      expect(text($(el, '[part=confirm] p'))).to.match(/^Die nächste Ausführung \(\w{2}, \d{2}\.\d{2}\.\d{4}\) wird jetzt bestellt/);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '.confirm-yes'));
      const { change, run } = await clickForChange(el, '.confirm-yes');
      expect(change).to.equal('ordered');
      expect(run!.status).to.equal('placed');
      expect(text($(el, '[role=status]'))).to.equal(`Bestellung ${run!.orderNumber} ausgelöst.`);
      const link = $<HTMLButtonElement>(el, '[part=history] .run button')!;
      expect(text(link)).to.equal(`Bestellung ${run!.orderNumber}`);
      const selected = oneEvent(el, 'kontor-order-select');
      link.click();
      expect((await selected).detail).to.deep.equal({ orderId: run!.orderId, number: run!.orderNumber });
    });

    it('cancels only after the confirmation', async () => {
      const el = await mountView(await standingOrderOf());
      $<HTMLButtonElement>(el, '.cancel')!.click();
      await el.updateComplete;
      expect(text($(el, '[part=confirm] p'))).to.match(/^Wirklich stornieren\?/);
      $<HTMLButtonElement>(el, '.confirm-no')!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal($(el, '.cancel'));
      expect(text($(el, '[part=status]'))).to.equal('Aktiv');

      $<HTMLButtonElement>(el, '.cancel')!.click();
      await el.updateComplete;
      const { change } = await clickForChange(el, '.confirm-yes');
      expect(change).to.equal('cancelled');
      expect(text($(el, '[part=status]'))).to.equal('Storniert');
      expect($(el, '[part=actions]')).to.equal(null);
      expect($(el, '[part=runs]')).to.equal(null);
      expect($(el, '.edit')).to.equal(null);
    });

    it('speaks English', async () => {
      const so = await standingOrderOf('mueller', {
        schedule: { form: { every: 'month', interval: 2, start: '2026-01-01', end: { kind: 'none' }, on: { kind: 'day', day: 1 } } },
      });
      const el = await mountView(so, 'en');
      expect(text($(el, '[part=status]'))).to.equal('Active');
      expect(text($(el, '.schedule'))).to.equal('every 2 months on the 1st business day, until further notice');
      expect(text(runs(el)[0]!.querySelector('time'))).to.match(/^(Mon|Tue|Wed|Thu|Fri) \d{1,2} \w{3} \d{4}$/);
      expect(text(runs(el)[0]!.querySelector('[part=skip]'))).to.equal('Skip');
      expect(text($(el, '.cancel'))).to.equal('Cancel standing order');
    });

    it('says when the id is not one of the company', async () => {
      const shop = await inShop(html`<kontor-standing-order standing-order-id="sto_doesnotexist"></kontor-standing-order>`);
      const el = shop.querySelector('kontor-standing-order')!;
      await waitUntil(() => $(el, '[part=error]'), 'no error state', { timeout: 10_000 });
      expect(text($(el, '[part=error]'))).to.match(/^Das hat nicht geklappt\./);
    });
  });

  describe('"Regelmäßig bestellen"', () => {
    it('in the cart asks the page for a standing order of the cart', async () => {
      localStorage.clear();
      const client = await clientOf('mueller');
      const active = await client.cart.create({ active: true, name: 'Regelmäßig' });
      const products = await orderableProducts(client, 1);
      await client.cart.change(active.id, active.version, [{ op: 'add', sku: products[0]!.sku, quantity: products[0]!.quantityRules.min }]);
      const shop = await inShop(html`<kontor-cart standing-orders no-availability></kontor-cart>`);
      const cart = shop.querySelector<KontorCart>('kontor-cart')!;
      await waitUntil(() => $(cart, '.order-regularly'), 'no button', { timeout: 15_000 });
      expect(text($(cart, '.order-regularly'))).to.equal('Regelmäßig bestellen');
      const asked = oneEvent(cart, 'kontor-standing-order-request');
      $<HTMLButtonElement>(cart, '.order-regularly')!.click();
      expect((await asked).detail).to.deep.equal({ cartId: active.id });
    });

    it('in an expanded order of the history asks the page for a standing order of that order', async () => {
      const client = await clientOf('mueller');
      const po = `SO${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
      const order = await placeOrder(client, (await orderableProducts(client, 1)).slice(0, 1), { purchaseOrderNumber: po });
      const shop = await inShop(html`<kontor-order-history standing-orders query=${po}></kontor-order-history>`);
      const history = shop.querySelector<KontorOrderHistory>('kontor-order-history')!;
      await waitUntil(() => $(history, '[part=row] button.toggle'), 'no order', { timeout: 15_000 });
      $<HTMLButtonElement>(history, '[part=row] button.toggle')!.click();
      await history.updateComplete;
      const asked = oneEvent(history, 'kontor-standing-order-request');
      $<HTMLButtonElement>(history, '.order-regularly')!.click();
      expect((await asked).detail).to.deep.equal({ orderId: order.id });
    });

    it('sets one up from a past order with its address and payment', async () => {
      const client = await clientOf('mueller');
      const order = await placeOrder(client, (await orderableProducts(client, 2)).slice(1, 2));
      const shop = await inShop(html`<kontor-standing-order source-order-id=${order.id}></kontor-standing-order>`);
      const el = shop.querySelector('kontor-standing-order')!;
      await settled(el);
      await waitUntil(() => runs(el).length === 12, 'no preview', { timeout: 15_000 });
      expect(text($(el, '.hint'))).to.equal('Positionen, Lieferadresse und Zahlungsart kommen aus der Bestellung.');
      expect($(el, '[name=payment]')).to.equal(null);
      const { standingOrder } = await clickForChange(el, 'button[type=submit]');
      expect(standingOrder.lines.map((l) => l.sku)).to.deep.equal(order.lines.map((l) => l.sku));
      expect(standingOrder.payment.method).to.equal(order.payment.method);
    });
  });
});

describe('createStandingOrdersClient()', () => {
  it('sets a standing order up once per idempotency key', async () => {
    const client = await clientOf('mueller');
    const cart = await cartWithLines(client, 1);
    const api = createStandingOrdersClient(client.http);
    const body = { from: { kind: 'cart' as const, cartId: cart.id }, payment: { method: 'prepayment' as const }, schedule: { rrule: 'DTSTART;VALUE=DATE:20260105\nRRULE:FREQ=WEEKLY;BYDAY=MO' } };
    const key = `k-${Math.random().toString(36).slice(2)}`;
    const first = await api.create(body, { idempotencyKey: key });
    const again = await api.create(body, { idempotencyKey: key });
    expect(again.id).to.equal(first.id);
    expect((await api.get(first.id)).lines).to.deep.equal(first.lines);
  });

  it('words the issues it finds before sending in the client\'s language', async () => {
    const client = createKontorClient({ endpoint: endpoint(), token: await tokenOf('mueller'), lang: 'de' });
    const api = createStandingOrdersClient(client.http);
    const error = await api
      .preview({ schedule: { form: { every: 'day', interval: 0, start: '2027-03-01', end: { kind: 'until', until: '2027-01-01' } } } })
      .catch((e: unknown) => e);
    expect(isKontorError(error) && error.code).to.equal('validation');
    const issues = isKontorError(error) ? error.issues.map((i) => [i.path.join('.'), i.message]) : [];
    expect(issues).to.deep.equal([
      ['schedule.form.interval', 'Muss mindestens 1 sein.'],
      ['schedule.form.end.until', 'Das Ende (2027-01-01) liegt vor dem ersten Datum (2027-03-01).'],
    ]);
  });

  it('answers a stale version with 409 and the current state', async () => {
    const so = await standingOrderOf();
    const api = await standingOrdersClientOf();
    await api.action(so.id, so.version, { action: 'pause' });
    const error = await api.action(so.id, so.version, { action: 'resume' }).catch((e: unknown) => e);
    expect(isKontorError(error) && error.status).to.equal(409);
    expect(isKontorError(error) && (error.details?.standingOrder as StandingOrderView).status).to.equal('paused');
  });

  it('lists runs, upcoming runs, the feed and its preview', async () => {
    const so = await standingOrderOf();
    const api = await standingOrdersClientOf();
    const { run } = await api.action(so.id, so.version, { action: 'order_now' }, { idempotencyKey: `o-${Math.random()}` });
    expect((await api.runs(so.id)).items.map((r) => r.id)).to.deep.equal([run!.id]);
    expect(await api.upcoming(so.id, 3)).to.have.length(3);
    expect((await api.list({ limit: 100 })).items.some((o) => o.id === so.id)).to.equal(true);
    expect((await api.feed()).url).to.match(/\/v1\/standing-orders\/feed\/.+\.ics$/);
    const preview = await api.preview({ schedule: { rrule: 'DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=MONTHLY;BYMONTHDAY=1' }, limit: 3 });
    expect(preview.occurrences).to.have.length(3);
  });
});
