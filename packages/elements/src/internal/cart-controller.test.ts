import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { endpoint, tokenOf } from '../testing/server.js';
import '../components/add-to-cart/kontor-add-to-cart.js';
import '../components/cart-count/kontor-cart-count.js';
import '../components/shop/kontor-shop.js';
import type { KontorShop } from '../components/shop/shop.component.js';
import { cartStoreOf } from './cart-controller.js';

describe('the page-wide cart store', () => {
  it('holds no change rules while the page only shows a count, and gets them when an element that changes the cart joins', async () => {
    const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('mueller')} lang="de">
      <kontor-cart-count></kontor-cart-count>
    </kontor-shop>`);
    const store = cartStoreOf(shop.client!);
    await waitUntil(() => store.$state.get().status === 'ready', 'the cart did not load');
    expect(store.optimistic).to.equal(false);
    const add = document.createElement('kontor-add-to-cart');
    add.setAttribute('sku', 'KL-1010');
    shop.append(add);
    await (add as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    expect(cartStoreOf(shop.client!)).to.equal(store);
    expect(store.optimistic).to.equal(true);
  });
});
