import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { lowestValidQuantity } from '@kontor/core/pricing';
import { clientOf, endpoint, freshCart, orderableProducts, tokenOf } from '../../testing/server.js';
import { cartStoreOf } from '../../internal/cart-controller.js';
import '../shop/kontor-shop.js';
import type { KontorShop } from '../shop/shop.component.js';
import type { KontorCartCount } from './cart-count.component.js';
import './kontor-cart-count.js';

describe('<kontor-cart-count>', () => {
  it('counts the lines of the current cart and names them for screen readers', async () => {
    const cart = await freshCart('mueller');
    const client = await clientOf('mueller');
    const products = await orderableProducts(client, 3);
    await client.cart.change(cart.id, cart.version, products.map((p) => ({ op: 'add' as const, sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) })));
    const shop = await fixture(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('mueller')} lang="en">
      <kontor-cart-count></kontor-cart-count>
    </kontor-shop>`);
    const el = shop.querySelector<KontorCartCount>('kontor-cart-count')!;
    await waitUntil(() => el.count === 3, 'count did not load');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=badge]')!.textContent).to.equal('3');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Cart: 3 lines');
    await expect(el).to.be.accessible();
  });

  it('is zero for an empty cart and a link when href is set', async () => {
    await freshCart('schmidt');
    const shop = await fixture(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('schmidt')} lang="de">
      <kontor-cart-count href="/warenkorb" label="Warenkorb"></kontor-cart-count>
    </kontor-shop>`);
    const el = shop.querySelector<KontorCartCount>('kontor-cart-count')!;
    await waitUntil(() => cartStoreOf((shop as KontorShop).client!).$state.get().status === 'ready', 'cart did not load');
    await el.updateComplete;
    expect(el.count).to.equal(0);
    expect(el.shadowRoot!.querySelector('[part=badge]')!.textContent).to.equal('0');
    const link = el.shadowRoot!.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('/warenkorb');
    expect(link.textContent).to.contain('Warenkorb');
  });

  it("takes the text colour of where it sits, and draws its link's focus ring in it, not in the page's ring colour", async () => {
    await freshCart('schmidt');
    // The partner portal's green header: white text, and the page-wide ring colour is the header's own green.
    const shop = await fixture(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('schmidt')} lang="de">
      <header style="background: rgb(15, 107, 58); color: rgb(255, 255, 255); padding: 1rem; --kontor-focus-ring-color: rgb(15, 107, 58)">
        <kontor-cart-count href="#cart" label="Warenkorb"></kontor-cart-count>
      </header>
    </kontor-shop>`);
    const el = shop.querySelector<KontorCartCount>('kontor-cart-count')!;
    await el.updateComplete;
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part=base]')!;
    expect(getComputedStyle(el).color).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part=label]')!).color).to.equal('rgb(255, 255, 255)');
    link.focus();
    expect(link.matches(':focus-visible')).to.equal(true);
    expect(getComputedStyle(link).outlineStyle).to.equal('solid');
    expect(getComputedStyle(link).outlineColor).to.equal('rgb(255, 255, 255)');
    // A page sets the ring's own colour with a token.
    el.style.setProperty('--cart-count-focus-ring-color', 'rgb(242, 183, 5)');
    expect(getComputedStyle(link).outlineColor).to.equal('rgb(242, 183, 5)');
    await expect(el).to.be.accessible();
  });
});
