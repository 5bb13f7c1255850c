import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Product } from '@kontor/core/catalogue';
import { checkQuantity, lowestValidQuantity } from '@kontor/core/pricing';
import { clientOf, endpoint, findProduct, freshCart, orderableProducts, tokenOf } from '../../testing/server.js';
import '../cart-count/kontor-cart-count.js';
import type { KontorCartCount } from '../cart-count/cart-count.component.js';
import { cartStoreOf } from '../../internal/cart-controller.js';
import { clickKeepingFocus } from '../../testing/focus.js';
import '../shop/kontor-shop.js';
import type { KontorShop } from '../shop/shop.component.js';
import '../quantity/kontor-quantity.js';
import type { KontorQuantity } from '../quantity/quantity.component.js';
import type { KontorAddToCart } from './add-to-cart.component.js';
import './kontor-add-to-cart.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function mount(sku: string, quantity: number) {
  const shop = await fixture(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('mueller')} lang="de">
    <kontor-cart-count href="#cart"></kontor-cart-count>
    <kontor-add-to-cart sku=${sku} quantity=${quantity} item-name="Testartikel"></kontor-add-to-cart>
  </kontor-shop>`);
  const button = shop.querySelector('kontor-add-to-cart')!;
  const count = shop.querySelector('kontor-cart-count')!;
  // Loaded, so nothing of this test is still on its way when the next one starts.
  await waitUntil(() => cartStoreOf((shop as KontorShop).client!).$state.get().status === 'ready', 'cart did not load');
  return { button, count };
}

const click = (el: KontorAddToCart) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!.click();
const badge = (el: KontorCartCount) => text(el.shadowRoot!.querySelector('[part=badge]'));

describe('<kontor-add-to-cart> and <kontor-cart-count>', () => {
  let products: Product[];
  let stepped: Product;
  before(async () => {
    products = await orderableProducts(await clientOf('mueller'), 50);
    stepped = products.find((p) => p.quantityRules.min > 1)!;
  });

  it('is accessible', async () => {
    await freshCart('mueller');
    const { button, count } = await mount(products[0]!.sku, 1);
    await expect(button).to.be.accessible();
    await expect(count).to.be.accessible();
  });

  it('is named "In den Warenkorb: <item>", with no space before the colon, and shows only "In den Warenkorb"', async () => {
    await freshCart('mueller');
    const { button } = await mount(products[0]!.sku, 1);
    const control = button.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!;
    // The name by aria-label: a positioned, visually hidden span made Chrome read "In den Warenkorb : Testartikel".
    expect(control.getAttribute('aria-label')).to.equal('In den Warenkorb: Testartikel');
    expect(text(control)).to.equal('In den Warenkorb');
  });

  it('adds a line, confirms it, and the count in the header follows', async () => {
    const cart = await freshCart('mueller');
    const p = products[1]!;
    const q = lowestValidQuantity(p.quantityRules);
    const { button, count } = await mount(p.sku, q);
    expect(badge(count)).to.equal('0');
    const changed = oneEvent(button, 'kontor-cart-change');
    click(button);
    const { detail } = await changed;
    expect(detail.cart.id).to.equal(cart.id);
    await button.updateComplete;
    expect(text(button.shadowRoot!.querySelector('[part=status]'))).to.equal(`${q.toLocaleString('de-DE')} hinzugefügt.`);
    await waitUntil(() => badge(count) === '1', 'count did not follow');
    expect(count.shadowRoot!.querySelector('a')!.textContent).to.contain('Warenkorb: 1 Position');
  });

  it('adds the quantity a framework passed as the string "3"', async () => {
    await freshCart('mueller');
    const p = products.find((x) => x.quantityRules.min <= 3 && x.quantityRules.step === 1 && (x.quantityRules.max ?? 3) >= 3)!;
    const { button } = await mount(p.sku, 1);
    (button as unknown as { quantity: unknown }).quantity = '3';
    const changed = oneEvent(button, 'kontor-cart-change');
    click(button);
    const { detail } = await changed;
    expect((detail.cart.lines as { sku: string; quantity: number }[]).find((l) => l.sku === p.sku)?.quantity).to.equal(3);
  });

  it('merges a second add into the same line and says so', async () => {
    await freshCart('mueller');
    const p = products[2]!;
    const q = lowestValidQuantity(p.quantityRules);
    const { button, count } = await mount(p.sku, q);
    click(button);
    await oneEvent(button, 'kontor-cart-change');
    const second = oneEvent(button, 'kontor-cart-change');
    click(button);
    const { detail } = await second;
    expect(detail.effects).to.deep.equal([{ sku: p.sku, from: q, to: 2 * q, changes: [0] }]);
    await button.updateComplete;
    expect(text(button.shadowRoot!.querySelector('[part=status]'))).to.contain(`jetzt ${(2 * q).toLocaleString('de-DE')} im Warenkorb`);
    expect(badge(count)).to.equal('1');
  });

  it('drops its confirmation once the quantity changes, and keeps the focus on the button while adding', async () => {
    await freshCart('mueller');
    const p = products[3]!;
    const q = lowestValidQuantity(p.quantityRules);
    const { button } = await mount(p.sku, q);
    await clickKeepingFocus(button, button.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!);
    expect(text(button.shadowRoot!.querySelector('[part=status]'))).to.contain('hinzugefügt');
    button.quantity = 2 * q;
    await button.updateComplete;
    expect(text(button.shadowRoot!.querySelector('[part=status]'))).to.equal('');
  });

  it('explains a quantity below the minimum and adds the suggested one on click', async () => {
    const cart = await freshCart('mueller');
    const { button } = await mount(stepped.sku, 1);
    click(button);
    await waitUntil(() => button.shadowRoot!.querySelector('[part=error]'), 'no error shown');
    expect(text(button.shadowRoot!.querySelector('[part=error]'))).to.contain(String(stepped.quantityRules.min));
    const server = await (await clientOf('mueller')).cart.get(cart.id);
    expect(server.lines).to.have.length(0);
    const changed = oneEvent(button, 'kontor-cart-change');
    button.shadowRoot!.querySelector<HTMLButtonElement>('[part=suggestion]')!.click();
    const { detail } = await changed;
    expect(detail.cart.lines[0]!.quantity).to.equal(lowestValidQuantity(stepped.quantityRules));
  });

  it('offers the closest article numbers for an unknown SKU', async () => {
    await freshCart('mueller');
    const p = products[0]!;
    // Typed without its dash (FL1001 for FL-1001): no such article, and the real one is the closest.
    const typo = p.sku.replace('-', '');
    const { button } = await mount(typo, 1);
    click(button);
    await waitUntil(() => button.shadowRoot!.querySelector('[part=error]'), 'no error shown');
    expect(text(button.shadowRoot!.querySelector('[part=error]'))).to.contain(typo);
    const suggestions = [...button.shadowRoot!.querySelectorAll('[part=suggestion]')].map((b) => text(b));
    expect(suggestions.some((s) => s.includes(p.sku)), suggestions.join(' | ')).to.equal(true);
  });

  describe('linked to a <kontor-quantity> by for', () => {
    async function mountLinked(p: Product) {
      const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('mueller')} lang="de">
        <kontor-quantity id="qty" .product=${p}></kontor-quantity>
        <kontor-add-to-cart for="qty" sku=${p.sku} item-name="Testartikel"></kontor-add-to-cart>
      </kontor-shop>`);
      await waitUntil(() => cartStoreOf(shop.client!).$state.get().status === 'ready', 'cart did not load');
      return { quantity: shop.querySelector<KontorQuantity>('kontor-quantity')!, button: shop.querySelector('kontor-add-to-cart')! };
    }

    it('adds nothing while the typed quantity breaks the rules, says why on a focusable button, and adds the fix once chosen', async () => {
      const cart = await freshCart('mueller');
      const p = await findProduct(await clientOf('mueller'), (x) => x.status === 'active' && Boolean(x.price) && x.quantityRules.step > 1 && x.quantityRules.max == null);
      const { step } = p.quantityRules;
      // 75 for a 50 m step: flagged by the input.
      const typed = lowestValidQuantity(p.quantityRules) + Math.max(1, Math.floor(step / 2));
      expect(checkQuantity(p.quantityRules, typed), `${typed} breaks ${JSON.stringify(p.quantityRules)}`).to.not.equal(null);
      const { quantity, button } = await mountLinked(p);
      await quantity.updateComplete;
      const field = quantity.shadowRoot!.querySelector('input')!;
      field.value = String(typed);
      field.dispatchEvent(new Event('change'));
      await quantity.updateComplete;
      await button.updateComplete;

      const control = button.shadowRoot!.querySelector<HTMLButtonElement>('[part=button]')!;
      // Not a silently disabled focus trap: it stays focusable, is marked disabled and says why.
      expect(control.disabled).to.equal(false);
      expect(control.getAttribute('aria-disabled')).to.equal('true');
      const why = () => text(button.shadowRoot!.getElementById(control.getAttribute('aria-describedby') ?? '-'));
      expect(why()).to.equal('Erst eine gültige Menge wählen.');
      await expect(button).to.be.accessible();

      let changes = 0;
      button.addEventListener('kontor-cart-change', () => changes++);
      control.focus();
      control.click();
      await aTimeout(300);
      await button.updateComplete;
      expect(changes).to.equal(0);
      expect(text(button.shadowRoot!.querySelector('[part=status]'))).to.equal('');
      expect(text(button.shadowRoot!.querySelector('[part=error][role=alert]'))).to.equal('Erst eine gültige Menge wählen.');
      expect(button.shadowRoot!.activeElement).to.equal(control);
      expect((await (await clientOf('mueller')).cart.get(cart.id)).lines).to.have.length(0);

      // The fix the input offers makes the button add again, that quantity.
      const fix = quantity.shadowRoot!.querySelector<HTMLButtonElement>('[part=suggestion]')!;
      fix.click();
      await quantity.updateComplete;
      await button.updateComplete;
      expect(control.getAttribute('aria-disabled')).to.equal('false');
      expect(button.shadowRoot!.querySelector('[part=error]')).to.equal(null);
      const changed = oneEvent(button, 'kontor-cart-change');
      control.click();
      const { detail } = await changed;
      expect((detail.cart.lines as { sku: string; quantity: number }[]).find((l) => l.sku === p.sku)?.quantity).to.equal(quantity.value);
      expect(checkQuantity(p.quantityRules, quantity.value)).to.equal(null);
      await button.updateComplete;
      expect(text(button.shadowRoot!.querySelector('[part=status]'))).to.equal(`${quantity.value.toLocaleString('de-DE')} hinzugefügt.`);
    });
  });
});
