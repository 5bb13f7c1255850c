import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { lowestValidQuantity } from '@kontor/core/pricing';
import type { KontorOfferRequestEvent } from '../../events/kontor-offer-request.js';
import { buyerOffersOf, inDays } from '../../testing/offers.js';
import { clientOf, endpoint, freshCart, orderableProducts, tokenOf } from '../../testing/server.js';
import '../shop/kontor-shop.js';
import type { KontorShop } from '../shop/shop.component.js';
import './kontor-request-offer.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends HTMLElement = HTMLElement>(el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const type = (input: HTMLInputElement | HTMLTextAreaElement | null, value: string) => {
  if (!input) throw new Error('no such field');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
};

/** A new active cart of Elektro Müller with `lines` orderable products. */
async function cartOf(lines: number) {
  const cart = await freshCart('mueller');
  if (!lines) return cart;
  const client = await clientOf('mueller');
  const products = await orderableProducts(client, lines);
  return client.cart.change(cart.id, cart.version, products.map((p) => ({ op: 'add' as const, sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) })));
}

async function mount(options: { lang?: string; cartId?: string; loseRequests?: number } = {}) {
  const sent: { method: string; path: string; key: string | null }[] = [];
  let lose = options.loseRequests ?? 0;
  const recording = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname;
    sent.push({ method: request.method, path, key: request.headers.get('idempotency-key') });
    // A request that reaches the server whose answer never reaches the element.
    if (request.method === 'POST' && path === '/v1/offer-requests' && lose > 0) {
      lose--;
      await fetch(request.clone());
      throw new TypeError('Failed to fetch');
    }
    return fetch(request);
  };
  const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('mueller')} lang=${options.lang ?? 'de'} .clientOptions=${{ retries: 0, fetch: recording }}>
    <kontor-request-offer cart-id=${options.cartId ?? ''}></kontor-request-offer>
  </kontor-shop>`);
  const el = shop.querySelector('kontor-request-offer')!;
  await waitUntil(() => !$<HTMLButtonElement>(el, '[part=open]')!.disabled || $(el, '[part=hint]'), 'the cart did not load', { timeout: 15_000 });
  return { el, sent };
}

describe('<kontor-request-offer>', () => {
  it('is accessible', async () => {
    await cartOf(1);
    const { el } = await mount();
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part=open]')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('requests an offer from the cart once on a double click, says its id and fires kontor-offer-request', async () => {
    const cart = await cartOf(2);
    const { el, sent } = await mount();
    const open = $<HTMLButtonElement>(el, '[part=open]')!;
    expect(open.getAttribute('aria-expanded')).to.equal('false');
    open.click();
    await el.updateComplete;
    expect(open.getAttribute('aria-expanded')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=message]'));
    const message = `Bitte Staffelpreise ${Math.random().toString(36).slice(2, 8)}`;
    const desired = inDays(21);
    type($(el, '[part=message]'), message);
    type($(el, '[part=desired-date]'), desired);
    await el.updateComplete;
    const requested = oneEvent(el, 'kontor-offer-request') as Promise<KontorOfferRequestEvent>;
    const send = $<HTMLButtonElement>(el, '[part=send]')!;
    send.click();
    send.click();
    send.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    const { detail } = await requested;
    const posts = sent.filter((s) => s.method === 'POST' && s.path === '/v1/offer-requests');
    expect(posts).to.have.length(1);
    expect(posts[0]!.key).to.be.a('string');
    expect(detail.request).to.deep.include({ cartId: cart.id, message, desiredDate: desired, status: 'open' });
    expect(detail.request.lines.map((l) => [l.sku, l.quantity])).to.deep.equal(cart.lines.map((l) => [l.sku, l.quantity]));
    await el.updateComplete;
    const result = `Ihre Anfrage ${detail.request.id} mit 2 Positionen ist eingegangen. Sie erhalten das Angebot per E-Mail und in Ihrem Kundenkonto.`;
    expect(text($(el, '[part=result]'))).to.equal(result);
    expect(text($(el, '[role=status]'))).to.equal(result);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=result]'));
    expect($(el, '[part=form]')).to.equal(null);
    // The server holds exactly one request with this message.
    const { items } = await (await buyerOffersOf()).requests({ limit: 100 });
    expect(items.filter((r) => r.message === message).map((r) => r.id)).to.deep.equal([detail.request.id]);
  });

  it('retries a request whose answer was lost with the same key: one request', async () => {
    await cartOf(1);
    const { el, sent } = await mount({ loseRequests: 1 });
    $<HTMLButtonElement>(el, '[part=open]')!.click();
    await el.updateComplete;
    const message = `Verloren ${Math.random().toString(36).slice(2, 8)}`;
    type($(el, '[part=message]'), message);
    $<HTMLButtonElement>(el, '[part=send]')!.click();
    await waitUntil(() => $(el, '[part=error][role=alert]'), 'no alert', { timeout: 15_000 });
    expect($<HTMLTextAreaElement>(el, '[part=message]')!.value).to.equal(message);
    const requested = oneEvent(el, 'kontor-offer-request') as Promise<KontorOfferRequestEvent>;
    $<HTMLButtonElement>(el, '[part=send]')!.click();
    const { detail } = await requested;
    const posts = sent.filter((s) => s.method === 'POST' && s.path === '/v1/offer-requests');
    expect(posts).to.have.length(2);
    expect(posts[1]!.key).to.equal(posts[0]!.key);
    const { items } = await (await buyerOffersOf()).requests({ limit: 100 });
    expect(items.filter((r) => r.message === message).map((r) => r.id)).to.deep.equal([detail.request.id]);
  });

  it('cannot be used with an empty cart and says why', async () => {
    await cartOf(0);
    const { el } = await mount();
    expect($<HTMLButtonElement>(el, '[part=open]')!.disabled).to.equal(true);
    expect(text($(el, '[part=hint]'))).to.equal('Legen Sie zuerst Artikel in den Warenkorb.');
  });

  it('shows the server’s refusal in an alert and keeps what was typed', async () => {
    await cartOf(1);
    const { el } = await mount({ cartId: 'cart_doesnotexist0000' });
    $<HTMLButtonElement>(el, '[part=open]')!.click();
    await el.updateComplete;
    type($(el, '[part=message]'), 'Bitte schnell');
    $<HTMLButtonElement>(el, '[part=send]')!.click();
    await waitUntil(() => $(el, '[part=error][role=alert]'), 'no alert', { timeout: 15_000 });
    expect(text($(el, '[part=error]'))).to.match(/^Das hat nicht geklappt\. \S/);
    expect($<HTMLTextAreaElement>(el, '[part=message]')!.value).to.equal('Bitte schnell');
    expect($(el, '[part=result]')).to.equal(null);
  });

  it('speaks English', async () => {
    await cartOf(1);
    const { el } = await mount({ lang: 'en' });
    expect(text($(el, '[part=open]'))).to.equal('Request an offer');
    $<HTMLButtonElement>(el, '[part=open]')!.click();
    await el.updateComplete;
    expect(text($(el, '[part=send]'))).to.equal('Send request');
  });
});
