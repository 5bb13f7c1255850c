import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { endpoint, tokenOf, unreachableEndpoint, type demoUsers } from '../../testing/server.js';
import { standingOrderOf, standingOrdersClientOf } from '../../testing/standing-orders.js';
import '../shop/kontor-shop.js';
import type { KontorShop } from '../shop/shop.component.js';
import type { KontorStandingOrders } from './standing-orders.component.js';
import './kontor-standing-orders.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends HTMLElement = HTMLElement>(el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const row = (el: KontorStandingOrders, id: string) => $(el, `[part=row][data-id="${id}"]`)!;
const settled = (el: KontorStandingOrders) =>
  waitUntil(() => $(el, '[part=base][aria-busy=false]') && $(el, '[part=table], [part=empty], [part=error]'), 'list did not settle', { timeout: 15_000 });

async function mount(options: { user?: keyof typeof demoUsers; lang?: string; endpoint?: string; pageSize?: number; url?: string } = {}) {
  const shop = await fixture<KontorShop>(html`<kontor-shop
    endpoint=${options.endpoint ?? endpoint()}
    token=${await tokenOf(options.user ?? 'mueller')}
    lang=${options.lang ?? 'de'}
    .clientOptions=${{ retries: 0 }}
  >
    <kontor-standing-orders page-size=${options.pageSize ?? 20} standing-order-url=${options.url ?? ''}></kontor-standing-orders>
  </kontor-shop>`);
  const el = shop.querySelector('kontor-standing-orders')!;
  await settled(el);
  return el;
}

describe('<kontor-standing-orders>', () => {
  it('is accessible', async () => {
    await standingOrderOf();
    const el = await mount();
    await expect(el).to.be.accessible();
  });

  it('shows name, lines, the schedule in words, the next run day, the status and "not run yet"', async () => {
    const so = await standingOrderOf('mueller', { name: 'Monatlich Kabel' });
    const el = await mount();
    const r = row(el, so.id);
    expect(text(r.querySelector('[part=name]'))).to.equal('Monatlich Kabel');
    expect(text(r.querySelector('[part=lines]'))).to.equal(`${so.lines[0]!.sku} × ${so.lines[0]!.quantity.toLocaleString('de-DE')}`);
    expect(text(r.querySelector('[part=schedule]'))).to.equal('jeden Monat am 1. Werktag, bis auf Weiteres');
    expect(r.querySelector('[part=next-run] time')!.getAttribute('datetime')).to.equal(so.nextRun!.day);
    expect(text(r.querySelector('[part=status]'))).to.equal('Aktiv');
    await waitUntil(() => text(r.querySelector('[part=last-result]')) === 'Noch keine Ausführung', 'no last result');
  });

  it('says why the next run moved', async () => {
    // 25 December: a holiday wherever the warehouse is.
    const so = await standingOrderOf('mueller', { schedule: { rrule: 'DTSTART;VALUE=DATE:20261225\nRRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25' } });
    const el = await mount();
    const next = row(el, so.id).querySelector('[part=next-run]')!;
    expect(next.querySelector('time')!.getAttribute('datetime')).to.equal(so.nextRun!.day);
    expect(text(next.querySelector('.moved'))).to.match(/^verschoben von \w{2}, 25\.12\. \(1\. Weihnachtstag/);
  });

  it('shows a pause with its end, a cancelled one, and the order the last run placed', async () => {
    const api = await standingOrdersClientOf();
    const paused = await standingOrderOf();
    await api.action(paused.id, paused.version, { action: 'pause', until: paused.nextRun!.day });
    const cancelled = await standingOrderOf();
    await api.action(cancelled.id, cancelled.version, { action: 'cancel' });
    const ordered = await standingOrderOf();
    const { run } = await api.action(ordered.id, ordered.version, { action: 'order_now' }, { idempotencyKey: `l-${Math.random()}` });
    // The list's answer carries each last run: no request per row.
    const fetched: string[] = [];
    const fetch = window.fetch;
    window.fetch = (input, init) => (fetched.push(input instanceof Request ? input.url : String(input)), fetch(input, init));
    let el: Awaited<ReturnType<typeof mount>>;
    try {
      el = await mount();
    } finally {
      window.fetch = fetch;
    }
    expect(fetched.filter((url) => url.includes('/runs'))).to.deep.equal([]);
    const [y, m, d] = paused.nextRun!.day.split('-');
    expect(text(row(el, paused.id).querySelector('[part=status]'))).to.equal(`Pausiert bis ${d}.${m}.${y}`);
    expect(text(row(el, cancelled.id).querySelector('[part=status]'))).to.equal('Storniert');
    expect(text(row(el, cancelled.id).querySelector('[part=next-run]'))).to.equal('Keine weitere Ausführung');
    const last = () => row(el, ordered.id).querySelector('[part=last-result]')!;
    await waitUntil(() => last().querySelector('button'), 'no last result');
    expect(text(last())).to.match(new RegExp(`: Bestellung ${run!.orderNumber}$`));
    const selected = oneEvent(el, 'kontor-order-select');
    last().querySelector('button')!.click();
    expect((await selected).detail).to.deep.equal({ orderId: run!.orderId, number: run!.orderNumber });
  });

  it('fires kontor-standing-order-select when a name is chosen, or links with standing-order-url', async () => {
    const so = await standingOrderOf();
    const el = await mount();
    const selected = oneEvent(el, 'kontor-standing-order-select');
    row(el, so.id).querySelector<HTMLButtonElement>('[part=name] button')!.click();
    expect((await selected).detail.standingOrder.id).to.equal(so.id);

    const linked = await mount({ url: '/dauerauftraege/{id}' });
    expect(row(linked, so.id).querySelector('[part=name] a')!.getAttribute('href')).to.equal(`/dauerauftraege/${so.id}`);
  });

  it('loads more by cursor and focuses the first new one', async () => {
    await standingOrderOf();
    await standingOrderOf();
    const el = await mount({ pageSize: 1 });
    expect(el.value).to.have.length(1);
    const more = $<HTMLButtonElement>(el, '[part=load-more]')!;
    expect(text(more)).to.equal('Weitere Daueraufträge laden');
    more.click();
    await waitUntil(() => el.value.length === 2, 'no second page');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($$first(el, 1));
  });

  it('says when the company has none', async () => {
    const el = await mount({ user: 'schmidt' });
    expect(text($(el, '[part=empty]'))).to.equal('Noch keine Daueraufträge.');
    expect(text($(el, '[role=status]'))).to.equal('Noch keine Daueraufträge.');
  });

  it('shows an error with a retry when the server cannot be reached', async () => {
    const el = await mount({ endpoint: unreachableEndpoint });
    expect(text($(el, '[part=error]'))).to.match(/^Das hat nicht geklappt\./);
    expect($(el, '[part=error] .retry')).to.not.equal(null);
  });

  it('speaks English', async () => {
    const so = await standingOrderOf();
    const el = await mount({ lang: 'en' });
    const r = row(el, so.id);
    expect(text(r.querySelector('[part=schedule]'))).to.equal('every month on the 1st business day, until further notice');
    expect(text(r.querySelector('[part=status]'))).to.equal('Active');
    expect(text(r.querySelector('[part=next-run] time'))).to.match(/^(Mon|Tue|Wed|Thu|Fri) \d{1,2} \w{3} \d{4}$/);
    expect(text($(el, 'thead'))).to.equal('Name Lines Schedule Next run Status Last result');
  });
});

/** The first button or link of the `index`th row. */
function $$first(el: KontorStandingOrders, index: number) {
  return el.shadowRoot!.querySelectorAll('[part=row]')[index]!.querySelector('a, button');
}
