import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Cart } from '@kontor/core/cart';
import type { Product } from '@kontor/core/catalogue';
import { formatMoney } from '@kontor/core/money';
import { lineNet, lowestValidQuantity } from '@kontor/core/pricing';
import { cartStoreOf } from '../../internal/cart-controller.js';
import { sampleCart } from '../../testing/sample-cart.js';
import { clientOf, customerTokenForBaulicht, endpoint, freshCart, orderableProducts, tokenOf, type demoUsers } from '../../testing/server.js';
import type { KontorQuantity } from '../quantity/quantity.component.js';
import '../shop/kontor-shop.js';
import type { KontorShop } from '../shop/shop.component.js';
import type { KontorCart } from './cart.component.js';
import './kontor-cart.js';
import '../availability/kontor-availability.js';

type User = keyof typeof demoUsers;

const rows = (el: KontorCart) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=line]')];
const row = (el: KontorCart, sku: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part=line][data-sku="${CSS.escape(sku)}"]`);
const settled = (el: KontorCart) =>
  waitUntil(
    () => el.shadowRoot!.querySelector('[part=base][aria-busy=false]') && el.shadowRoot!.querySelector('[part=table], [part=empty], [part=error]'),
    'cart did not settle',
    { timeout: 15_000 },
  );

async function mount(user: User | { token: string } = 'mueller', attrs: { readonly?: boolean; handoffCode?: string } = {}) {
  const token = typeof user === 'string' ? await tokenOf(user) : user.token;
  const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${token} lang="de">
    <kontor-cart ?readonly=${attrs.readonly ?? false} handoff-code=${attrs.handoffCode ?? ''} handoff-url="https://portal.example/cart?code={code}"></kontor-cart>
  </kontor-shop>`);
  const el = shop.querySelector('kontor-cart')!;
  await settled(el);
  return { shop, el };
}

/** Sets a line's quantity the way a buyer does: type and commit. */
async function typeQuantity(el: KontorCart, sku: string, quantity: number) {
  const input = row(el, sku)!.querySelector<KontorQuantity>('kontor-quantity')!;
  await input.updateComplete;
  const field = input.shadowRoot!.querySelector('input')!;
  field.value = String(quantity);
  field.dispatchEvent(new Event('change'));
}

const euro = (amount: number) => formatMoney({ amount, currency: 'EUR' }, 'de-DE');
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<kontor-cart>', () => {
  let products: Product[];
  let stepped: Product;
  before(async () => {
    const client = await clientOf('mueller');
    products = await orderableProducts(client, 1100);
    stepped = products.find((p) => p.quantityRules.step > 1 && p.price!.tiers.length > 1)!;
  });

  it('is accessible with lines, totals and actions', async () => {
    const cart = await freshCart('mueller');
    await (await clientOf('mueller')).cart.change(cart.id, cart.version, [
      { op: 'add', sku: products[0]!.sku, quantity: lowestValidQuantity(products[0]!.quantityRules) },
      { op: 'add', sku: stepped.sku, quantity: lowestValidQuantity(stepped.quantityRules) },
    ]);
    const { el } = await mount();
    expect(rows(el)).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('names its heading "<cart name>, <n> Positionen": a comma between name and count, the visible title unchanged', async () => {
    const cart = await freshCart('mueller');
    await (await clientOf('mueller')).cart.change(cart.id, cart.version, [
      { op: 'add', sku: products[0]!.sku, quantity: lowestValidQuantity(products[0]!.quantityRules) },
      { op: 'add', sku: products[1]!.sku, quantity: lowestValidQuantity(products[1]!.quantityRules) },
    ]);
    const { el } = await mount();
    const title = el.shadowRoot!.querySelector('[part=title]')!;
    expect(title.getAttribute('role')).to.equal('heading');
    // Read out of its content the name and the count ran together ("…, 03:292 Positionen").
    expect(title.getAttribute('aria-label')).to.equal(`${cart.name}, 2 Positionen`);
    expect(text(title)).to.equal(`${cart.name} 2 Positionen`);
    const readonly = await mount('mueller', { readonly: true });
    expect(readonly.el.shadowRoot!.querySelector('[part=title]')!.getAttribute('aria-label')).to.equal(`${cart.name}, 2 Positionen, Nur zur Ansicht`);
  });

  it('shows the empty state for an empty cart', async () => {
    await freshCart('mueller');
    const { el } = await mount();
    expect(text(el.shadowRoot!.querySelector('[part=empty]'))).to.equal('Ihr Warenkorb ist leer.');
  });

  it('renders name, SKU, unit price at the quantity, line total and totals with VAT per rate', async () => {
    const cart = await freshCart('mueller');
    const second = stepped.price!.tiers[1]!.minQuantity;
    await (await clientOf('mueller')).cart.change(cart.id, cart.version, [{ op: 'add', sku: stepped.sku, quantity: second }]);
    const { el } = await mount();
    const line = row(el, stepped.sku)!;
    expect(text(line.querySelector('[part=name]'))).to.equal(stepped.name.de);
    expect(text(line.querySelector('[part=meta]'))).to.contain(stepped.sku);
    // The second tier applies at its own minimum quantity.
    expect(text(line.querySelector('[part=unit-price]'))).to.contain(euro(stepped.price!.tiers[1]!.price.amount).replace(/\s/g, ' ').split(' ')[0]!);
    const net = lineNet(stepped.price!, second).amount;
    expect(text(line.querySelector('[part=line-total]'))).to.equal(text(Object.assign(document.createElement('span'), { textContent: euro(net) })));
    const totals = text(el.shadowRoot!.querySelector('[part=totals]'));
    expect(totals).to.contain('Warenwert netto').and.contain('zzgl. 19 % MwSt.').and.contain('Gesamtbetrag');
    expect(el.value!.totals.net.amount).to.equal(net);
  });

  it('changing a quantity re-prices the line and the totals and emits kontor-cart-change', async () => {
    const cart = await freshCart('mueller');
    const min = lowestValidQuantity(stepped.quantityRules);
    await (await clientOf('mueller')).cart.change(cart.id, cart.version, [{ op: 'add', sku: stepped.sku, quantity: min }]);
    const { el } = await mount();
    const target = stepped.price!.tiers[1]!.minQuantity;
    const changed = oneEvent(el, 'kontor-cart-change');
    await typeQuantity(el, stepped.sku, target);
    const { detail } = await changed;
    expect(detail.cart.lines[0]!.quantity).to.equal(target);
    expect(detail.effects).to.deep.equal([{ sku: stepped.sku, from: min, to: target, changes: [0] }]);
    await settled(el);
    expect(el.value!.totals.net.amount).to.equal(lineNet(stepped.price!, target).amount);
    const server = await (await clientOf('mueller')).cart.get(cart.id);
    expect(server.lines[0]!.quantity).to.equal(target);
  });

  it('exports the cart as CSV that reads back to the same lines, from the button as a download', async () => {
    const cart = await freshCart('mueller');
    const second = stepped.price!.tiers[1]!.minQuantity;
    await (await clientOf('mueller')).cart.change(cart.id, cart.version, [{ op: 'add', sku: stepped.sku, quantity: second }]);
    const { el } = await mount();
    const csv = await el.toCsv();
    const { parseOrderCsv } = await import('@kontor/core/cart/import.logic.js');
    expect(parseOrderCsv(csv, { lang: 'de' }).lines).to.deep.equal([{ sku: stepped.sku, quantity: second }]);
    // The button hands the same text to the browser as a file named after the cart.
    const made: Blob[] = [];
    const create = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    let download = '';
    URL.createObjectURL = (blob: Blob) => (made.push(blob), 'blob:kontor-test');
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) { download = this.download; };
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('button.export')!.click();
      await waitUntil(() => made.length === 1, 'no CSV file was made');
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
    // Byte for byte (Blob.text() would drop the BOM Excel needs to read UTF-8).
    expect([...new Uint8Array(await made[0]!.arrayBuffer())]).to.deep.equal([...new TextEncoder().encode(csv)]);
    expect(download).to.match(/\.csv$/);
  });

  it('does not send an off-step quantity; the input offers the nearest valid ones', async () => {
    const cart = await freshCart('mueller');
    const min = lowestValidQuantity(stepped.quantityRules);
    const after = await (await clientOf('mueller')).cart.change(cart.id, cart.version, [{ op: 'add', sku: stepped.sku, quantity: min }]);
    const { el } = await mount();
    await typeQuantity(el, stepped.sku, min + 1);
    const input = row(el, stepped.sku)!.querySelector<KontorQuantity>('kontor-quantity')!;
    await input.updateComplete;
    expect(text(input.shadowRoot!.querySelector('[part=message]'))).to.contain(String(stepped.quantityRules.step));
    const server = await (await clientOf('mueller')).cart.get(cart.id);
    expect(server.version).to.equal(after.version);
    expect(server.lines[0]!.quantity).to.equal(min);
  });

  it('removing a line announces it and moves focus to the next line', async () => {
    const cart = await freshCart('mueller');
    const [a, b, c] = products;
    await (await clientOf('mueller')).cart.change(cart.id, cart.version, [a!, b!, c!].map((p) => ({ op: 'add' as const, sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) })));
    const { el } = await mount();
    row(el, b!.sku)!.querySelector<HTMLButtonElement>('[part=remove]')!.click();
    await waitUntil(() => rows(el).length === 2 && el.shadowRoot!.querySelector('[part=base][aria-busy=false]'), 'line was not removed');
    await el.updateComplete;
    expect(rows(el).map((r) => r.dataset.sku)).to.deep.equal([a!.sku, c!.sku]);
    expect(el.shadowRoot!.activeElement).to.equal(row(el, c!.sku)!.querySelector('[part=remove]'));
    expect(text(el.shadowRoot!.querySelector('[aria-live=polite].visually-hidden'))).to.contain('entfernt');
  });

  it('announces a removal once, and never the previous announcement again while the removal is on its way', async () => {
    const cart = await freshCart('mueller');
    const [a, b, c] = products.filter((p) => p.quantityRules.step === 1 && (p.quantityRules.max ?? 99) > lowestValidQuantity(p.quantityRules) + 1);
    await (await clientOf('mueller')).cart.change(cart.id, cart.version, [a!, b!, c!].map((p) => ({ op: 'add' as const, sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) })));
    const { el } = await mount();
    const live = el.shadowRoot!.querySelector('[aria-live=polite].visually-hidden')!;
    // Something was said before: a quantity change.
    const q = lowestValidQuantity(a!.quantityRules) + 1;
    await typeQuantity(el, a!.sku, q);
    await waitUntil(() => text(live) === `${a!.name.de}: Menge ${q}.`, `the change was not announced: ${text(live)}`);
    const before = text(live);
    // Inside an element whose aria-busy goes true and back to false with every change, the region is
    // read again when it clears: still the previous text.
    expect(live.closest('[aria-busy]')?.getAttribute('part') ?? 'none', 'the busy element the live region sits in').to.equal('none');
    const heard: string[] = [];
    const observer = new MutationObserver(() => heard.push(text(live)));
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    row(el, b!.sku)!.querySelector<HTMLButtonElement>('[part=remove]')!.click();
    await waitUntil(() => text(live) === `${b!.name.de} entfernt.`, `the removal was not announced: ${text(live)}`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=base][aria-busy=false]'), 'the cart stayed busy');
    observer.disconnect();
    expect(heard.filter((h) => h === before), 'the previous announcement was there again during the removal').to.deep.equal([]);
    expect(text(live)).to.equal(`${b!.name.de} entfernt.`);
  });

  it('shows the cart it switched to as the current one in its switcher, not another cart', async () => {
    const cart = await freshCart('mueller');
    const client = await clientOf('mueller');
    const other = await client.cart.create({ name: `Lager ${Date.now()}`, active: false });
    const { el } = await mount();
    const switcher = () => el.shadowRoot!.querySelector<HTMLSelectElement>('[part=switcher]')!;
    await waitUntil(() => switcher() && [...switcher().options].some((o) => o.value === other.id), 'the saved cart is not offered');
    switcher().value = other.id;
    switcher().dispatchEvent(new Event('change'));
    await waitUntil(() => el.value?.id === other.id, 'did not switch');
    // Listed again for the new current cart: the one before is a saved cart now.
    await waitUntil(() => [...switcher().options].some((o) => o.value === cart.id && o.textContent!.includes('·')), 'the previous cart is not offered');
    await el.updateComplete;
    expect(switcher().value).to.equal(other.id);
    expect(text(switcher().selectedOptions[0])).to.equal(`${other.name} (aktuell)`);
  });

  describe('on a 360 px phone', () => {
    /** The cart in a 360 × 640 scrolling viewport, below 600 px of page, with a saved cart of a long name. */
    async function phone() {
      const cart = await freshCart('mueller');
      const client = await clientOf('mueller');
      await client.cart.create({ name: 'Baustelle Hafencity Nord, 3. Bauabschnitt Westflügel, Elektro-Feininstallation', active: false });
      await client.cart.change(cart.id, cart.version, products.slice(0, 4).map((p) => ({ op: 'add' as const, sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) })));
      const viewport = await fixture<HTMLDivElement>(html`<div style="width: 360px; height: 640px; overflow: auto">
        <div style="height: 600px">page above the cart</div>
        <kontor-shop endpoint=${endpoint()} token=${await tokenOf('mueller')} lang="de"><kontor-cart></kontor-cart></kontor-shop>
        <div style="height: 100px">page below the cart</div>
      </div>`);
      const el = viewport.querySelector('kontor-cart')!;
      await settled(el);
      await waitUntil(() => el.shadowRoot!.querySelector('[part=switcher]'), 'no switcher');
      await el.updateComplete;
      return { viewport, el };
    }

    it('does not scroll sideways, not even with a long saved-cart name in its switcher', async () => {
      const { viewport, el } = await phone();
      expect(viewport.scrollWidth, `${viewport.scrollWidth} px of content in ${viewport.clientWidth} px`).to.be.at.most(viewport.clientWidth);
      const right = el.getBoundingClientRect().right;
      for (const part of ['switcher', 'header', 'actions', 'table', 'totals']) {
        expect(el.shadowRoot!.querySelector(`[part=${part}]`)!.getBoundingClientRect().right, part).to.be.at.most(right + 0.5);
      }
    });

    it('keeps its totals off its header and lines wherever the page is scrolled', async () => {
      const { viewport, el } = await phone();
      const rect = (node: Element) => node.getBoundingClientRect();
      const overlap = (a: DOMRect, b: DOMRect) => Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      const totals = el.shadowRoot!.querySelector('[part=totals]')!;
      const covered: string[] = [];
      for (let top = 0; top <= viewport.scrollHeight - viewport.clientHeight; top += 20) {
        viewport.scrollTop = top;
        const shown = rect(totals);
        // 1 px: the totals' top border lies on the last line's bottom border.
        if (overlap(shown, rect(el.shadowRoot!.querySelector('[part=header]')!)) > 1) covered.push(`header at ${top}`);
        for (const line of rows(el)) if (overlap(shown, rect(line)) > 1) covered.push(`${line.dataset.sku} at ${top}`);
      }
      expect(covered).to.deep.equal([]);
    });
  });

  it('a skip button above the lines, shown on focus, moves the focus to the totals; one below them back to the title', async () => {
    const cart = await freshCart('mueller');
    await (await clientOf('mueller')).cart.change(cart.id, cart.version, products.slice(0, 3).map((p) => ({ op: 'add' as const, sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) })));
    const { el } = await mount();
    const root = el.shadowRoot!;
    const [skip, back] = [...root.querySelectorAll<HTMLButtonElement>('[part=skip]')];
    const [table, totals] = [root.querySelector('[part=table]')!, root.querySelector<HTMLElement>('[part=totals]')!];
    // In the tab order right before the first line's controls, and after the totals.
    expect(skip!.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    expect(totals.compareDocumentPosition(back!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    expect(text(skip)).to.equal('Zu den Summen springen');
    expect(text(back)).to.equal('Zum Anfang des Warenkorbs');
    // Hidden until focused, like a skip link.
    expect(skip!.getBoundingClientRect().width).to.be.at.most(1);
    skip!.focus();
    expect(skip!.getBoundingClientRect().width).to.be.greaterThan(50);
    await expect(el).to.be.accessible();
    skip!.click();
    expect(root.activeElement).to.equal(totals);
    expect([totals.getAttribute('role'), totals.getAttribute('aria-label'), totals.tabIndex]).to.deep.equal(['group', 'Summen', -1]);
    back!.focus();
    back!.click();
    expect(root.activeElement).to.equal(root.querySelector('[part=title]'));
    const readonly = await mount('mueller', { readonly: true });
    expect(readonly.el.shadowRoot!.querySelector('[part=skip]')).to.equal(null);
  });

  it('rolls back a change the server refuses and shows why', async () => {
    await freshCart('mueller');
    const { shop, el } = await mount();
    const store = cartStoreOf(shop.client!);
    const refused = store.add('GIBT-ES-NICHT-1', 1);
    // Shown at once, before the server answers.
    await el.updateComplete;
    expect(row(el, 'GIBT-ES-NICHT-1')).to.exist;
    const error = await refused.catch((e: unknown) => e);
    expect(error).to.have.property('code', 'validation');
    await el.updateComplete;
    expect(row(el, 'GIBT-ES-NICHT-1')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('[part=error]'))).to.contain('GIBT-ES-NICHT-1');
  });

  it('keeps both changes when the cart was changed elsewhere meanwhile (409, rebase, retry)', async () => {
    const cart = await freshCart('mueller');
    const client = await clientOf('mueller');
    const min = lowestValidQuantity(stepped.quantityRules);
    const v1 = await client.cart.change(cart.id, cart.version, [{ op: 'add', sku: stepped.sku, quantity: min }]);
    const { el } = await mount();
    // A colleague's tab adds another line; this element still holds the old version.
    const other = products.find((p) => p.sku !== stepped.sku)!;
    await client.cart.change(cart.id, v1.version, [{ op: 'add', sku: other.sku, quantity: lowestValidQuantity(other.quantityRules) }]);
    const changed = oneEvent(el, 'kontor-cart-change');
    await typeQuantity(el, stepped.sku, min + stepped.quantityRules.step);
    const { detail } = await changed;
    expect(detail.cart.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).to.deep.equal([
      [stepped.sku, min + stepped.quantityRules.step],
      [other.sku, lowestValidQuantity(other.quantityRules)],
    ]);
    expect(el.shadowRoot!.querySelector('[part=error]')).to.equal(null);
  });

  it('survives a reload: the remembered cart comes back while it is current, a cart made current elsewhere takes over', async () => {
    const cart = await freshCart('mueller');
    const { el } = await mount();
    expect(el.value!.id).to.equal(cart.id);
    // A saved cart created elsewhere changes nothing: this browser's cart is still the current one.
    const client = await clientOf('mueller');
    await client.cart.create({ name: 'Gespeichert', active: false });
    const again = await mount();
    expect(again.el.value!.id).to.equal(cart.id);
    expect(localStorage.getItem(`kontor.cart:${endpoint()}`)).to.equal(cart.id);
    // Another device makes a cart current: the remembered id no longer wins.
    const elsewhere = await client.cart.create({ name: 'Anderswo', active: true });
    const third = await mount();
    expect(third.el.value!.id).to.equal(elsewhere.id);
  });

  it('keeps two tabs in sync', async () => {
    const cart = await freshCart('mueller');
    const token = await tokenOf('mueller');
    const page = await fixture<HTMLElement>(html`<div>
      <kontor-shop endpoint=${endpoint()} token=${token} lang="de"><kontor-cart></kontor-cart></kontor-shop>
      <kontor-shop endpoint=${endpoint()} token=${token} lang="de"><kontor-cart></kontor-cart></kontor-shop>
    </div>`);
    const [first, second] = [...page.querySelectorAll('kontor-cart')] as KontorCart[];
    await settled(first!);
    await settled(second!);
    expect(first!.value!.id).to.equal(cart.id);
    const store = cartStoreOf((page.querySelector('kontor-shop') as KontorShop).client!);
    await store.add(products[5]!.sku, lowestValidQuantity(products[5]!.quantityRules));
    await waitUntil(() => second!.value?.lines.some((l) => l.sku === products[5]!.sku), 'the other tab did not follow');
  });

  it('read-only shows lines without any control', async () => {
    const cart = await freshCart('mueller');
    await (await clientOf('mueller')).cart.change(cart.id, cart.version, [{ op: 'add', sku: products[0]!.sku, quantity: lowestValidQuantity(products[0]!.quantityRules) }]);
    const { el } = await mount('mueller', { readonly: true });
    expect(rows(el)).to.have.length(1);
    expect(el.shadowRoot!.querySelector('kontor-quantity, [part=remove], [part=actions], [part=claim]')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('[part=title]'))).to.contain('Nur zur Ansicht');
    // No column a screen reader would announce as "Entfernen".
    expect([...el.shadowRoot!.querySelectorAll('[role=columnheader]')].map((h) => text(h))).to.not.include('Entfernen');
  });

  it('is read-only through readOnly too, the property Angular binds [readonly] to', async () => {
    const cart = await freshCart('mueller');
    await (await clientOf('mueller')).cart.change(cart.id, cart.version, [{ op: 'add', sku: products[0]!.sku, quantity: lowestValidQuantity(products[0]!.quantityRules) }]);
    const { el } = await mount('mueller');
    expect(el.shadowRoot!.querySelector('kontor-quantity')).to.not.equal(null);
    (el as unknown as { readOnly: boolean }).readOnly = true;
    await settled(el);
    expect(el.readonly).to.equal(true);
    expect(el.shadowRoot!.querySelector('kontor-quantity, [part=remove], [part=actions], [part=claim]')).to.equal(null);
  });

  it('renders a 1,000-line cart in chunks; every line is reachable and editable', async () => {
    const cart = await freshCart('mueller');
    const thousand = products.slice(0, 1000);
    expect(thousand).to.have.length(1000);
    await (await clientOf('mueller')).cart.change(
      cart.id,
      cart.version,
      thousand.map((p) => ({ op: 'add' as const, sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) })),
    );
    const { el } = await mount();
    expect(rows(el).length).to.be.below(1000);
    await waitUntil(() => rows(el).length === 1000, 'not all lines rendered', { timeout: 15_000 });
    const last = rows(el)[999]!.querySelector<HTMLButtonElement>('[part=remove]')!;
    last.focus();
    expect(el.shadowRoot!.activeElement).to.equal(last);
    const p = thousand[900]!;
    const changed = oneEvent(el, 'kontor-cart-change');
    await typeQuantity(el, p.sku, lowestValidQuantity(p.quantityRules) + p.quantityRules.step);
    const { detail } = await changed;
    expect(detail.cart.lines[900]!.quantity).to.equal(lowestValidQuantity(p.quantityRules) + p.quantityRules.step);
    expect(detail.cart.lineCount).to.equal(1000);
  });

  it('hands the cart to a partner portal by code; the portal continues it with its history', async () => {
    const cart = await freshCart('baulicht');
    const buyer = await clientOf('baulicht');
    const p = products[3]!;
    await buyer.cart.change(cart.id, cart.version, [{ op: 'add', sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) }]);
    const { el } = await mount('baulicht');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.hand-off')!.click();
    await el.updateComplete; // the dialogs load on first use
    const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.hand-off')!;
    await waitUntil(() => dialog.open);
    const handedOff = oneEvent(el, 'kontor-cart-handoff');
    dialog.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const { detail } = await handedOff;
    expect(detail.handOff.code).to.match(/^KH-/);
    await el.updateComplete;
    expect(text(dialog.querySelector('.code'))).to.equal(detail.handOff.code);
    expect(dialog.querySelector<HTMLAnchorElement>('.handoff-link')!.href).to.contain(encodeURIComponent(detail.handOff.code!));

    // The partner portal: a customer token of the same company, the code from the link.
    const claimed = oneEvent(document, 'kontor-cart-claim');
    const portal = await mount({ token: await customerTokenForBaulicht() }, { handoffCode: detail.handOff.code! });
    await waitUntil(() => portal.el.value?.id === cart.id, 'the portal did not take the cart over', { timeout: 10_000 });
    const claim = await claimed;
    expect(claim.detail.code).to.equal(detail.handOff.code);
    expect(claim.detail.cart.id).to.equal(cart.id);
    expect(portal.el.value!.owner.kind).to.equal('partner');
    expect(rows(portal.el).map((r) => r.dataset.sku)).to.deep.equal([p.sku]);
    const store = cartStoreOf(portal.shop.client!);
    await store.add(products[4]!.sku, lowestValidQuantity(products[4]!.quantityRules));
    const history = await (await import('@kontor/core')).createKontorClient({ endpoint: endpoint(), token: portal.shop.token }).cart.history(cart.id);
    expect(history.map((e) => [e.kind, e.via.channel])).to.deep.include.members([
      ['created', 'web'],
      ['handed_off', 'web'],
      ['claimed', 'partner'],
      ['changed', 'partner'],
    ]);
  });

  it('says in words about the code why a hand-off code does not work, once', async () => {
    await freshCart('mueller');
    const { el } = await mount();
    const form = el.shadowRoot!.querySelector<HTMLFormElement>('form.claim')!;
    const alerts = () => [...el.shadowRoot!.querySelectorAll('[role=alert]')].map((n) => text(n));
    const submit = async (code: string, expected: string) => {
      form.querySelector<HTMLInputElement>('input[name=code]')!.value = code;
      form.requestSubmit();
      await waitUntil(() => text(el.shadowRoot!.querySelector('form.claim [role=alert]')) === expected, `not explained: ${alerts().join(' | ')}`);
      await el.updateComplete;
      expect(alerts()).to.deep.equal([expected]);
    };
    await submit('KH-0000-0000', 'Dieser Code ist unbekannt, abgelaufen oder schon eingelöst. Bitte lassen Sie sich den Warenkorb erneut übergeben.');
    await submit('not a code!', 'Das ist kein Übergabe-Code; er sieht so aus: KH-7F3K-92QX.');
  });

  it('hands the cart to a named colleague', async () => {
    const cart = await freshCart('mueller');
    const { el } = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.hand-off')!.click();
    await el.updateComplete; // the dialogs load on first use
    const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.hand-off')!;
    await waitUntil(() => dialog.querySelectorAll('select[name=userId] option').length > 0, 'no colleagues listed');
    const options = [...dialog.querySelectorAll<HTMLOptionElement>('select[name=userId] option')];
    const anna = options.find((o) => o.textContent!.includes('Anna'))!;
    dialog.querySelector<HTMLSelectElement>('select[name=userId]')!.value = anna.value;
    dialog.querySelector<HTMLInputElement>('input[value=colleague]')!.checked = true;
    const handedOff = oneEvent(el, 'kontor-cart-handoff');
    dialog.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const { detail } = await handedOff;
    expect(detail.handOff.owner.name).to.equal('Anna Müller');
    const annas = await (await clientOf('anna')).cart.list();
    expect(annas.map((c) => c.id)).to.include(cart.id);
    await waitUntil(() => el.value?.id !== cart.id, 'the cart stayed with the sender');
  });

  it('saves a copy under a name, switches to it and announces the switch', async () => {
    const cart = await freshCart('mueller');
    const p = products[7]!;
    await (await clientOf('mueller')).cart.change(cart.id, cart.version, [{ op: 'add', sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) }]);
    const { el } = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.save-as')!.click();
    await el.updateComplete; // the dialogs load on first use
    const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.save-as')!;
    const name = `Vorlage ${Date.now()}`;
    dialog.querySelector<HTMLInputElement>('input[name=name]')!.value = name;
    dialog.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => [...el.shadowRoot!.querySelectorAll('[part=switcher] option')].some((o) => o.textContent!.includes(name)), 'the copy is not offered');
    expect(el.value!.id).to.equal(cart.id);
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('[part=switcher]')!;
    select.value = [...select.options].find((o) => o.textContent!.includes(name))!.value;
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => el.value?.name === name, 'did not switch');
    expect(el.value!.lines.map((l) => l.sku)).to.deep.equal([p.sku]);
    expect(el.value!.active).to.equal(true);
    // The live region said "Als „…“ gespeichert." before; now it says which cart is current.
    const live = el.shadowRoot!.querySelector('[aria-live=polite].visually-hidden')!;
    await waitUntil(() => text(live) === `„${name}“ ist jetzt der aktuelle Warenkorb.`, `the switch was not announced: ${text(live)}`);
  });

  it('renames the current cart in place and says so', async () => {
    const cart = await freshCart('mueller');
    const { el } = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.rename')!.click();
    await el.updateComplete; // the dialogs load on first use
    const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.save-as')!;
    await waitUntil(() => dialog.open, 'no dialog');
    expect(text(dialog.querySelector('h3'))).to.equal('Umbenennen');
    const name = `Baustelle ${Date.now()}`;
    dialog.querySelector<HTMLInputElement>('input[name=name]')!.value = name;
    dialog.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => el.value?.name === name, 'not renamed');
    expect(el.value!.id).to.equal(cart.id, 'the same cart, no copy');
    expect(dialog.open).to.equal(false);
    expect((await (await clientOf('mueller')).cart.get(cart.id)).name).to.equal(name);
    const live = el.shadowRoot!.querySelector('[aria-live=polite].visually-hidden')!;
    await waitUntil(() => text(live) === `Umbenannt in „${name}“.`, `not announced: ${text(live)}`);
  });

  it('loads its dialogs on first use, with their styles', async () => {
    await freshCart('mueller');
    const { el } = await mount();
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null, 'no dialog before it is asked for');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.hand-off')!.click();
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.hand-off')!;
    await waitUntil(() => dialog.open, 'no dialog');
    expect(getComputedStyle(dialog).width).to.equal('512px', 'the dialog styles were adopted (32rem)');
    dialog.querySelector<HTMLButtonElement>('.buttons button[type=button]')!.click();
    expect(dialog.open).to.equal(false);
  });

  it('shows a preview cart without any server', async () => {
    const el = await fixture<KontorCart>(html`<kontor-cart lang="en" .preview=${sampleCart(4, 'en') as Cart}></kontor-cart>`);
    expect(rows(el)).to.have.length(4);
    expect(el.shadowRoot!.querySelectorAll('[part=issue]').length).to.be.greaterThan(0);
    expect(el.shadowRoot!.querySelector('kontor-quantity')).to.equal(null);
  });

  describe('delivery promises', () => {
    /** A fetch that counts availability requests (and fails the first `failFirst` of them). */
    function counting(failFirst = 0) {
      const seen = { bodies: [] as { items: { sku: string; quantity: number }[] }[], fetch: undefined as unknown as typeof fetch };
      seen.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = input instanceof Request ? input : new Request(input, init);
        if (new URL(request.url).pathname === '/v1/availability') {
          seen.bodies.push((await request.clone().json()) as { items: { sku: string; quantity: number }[] });
          if (seen.bodies.length <= failFirst) throw new TypeError('Failed to fetch');
        }
        return fetch(request);
      };
      return seen;
    }
    async function mountCounting(seen: ReturnType<typeof counting>, attrs = '') {
      const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('mueller')} lang="de" .clientOptions=${{ fetch: seen.fetch, retries: 0 }}>
        <kontor-cart ?no-availability=${attrs === 'no-availability'}></kontor-cart>
      </kontor-shop>`);
      const el = shop.querySelector('kontor-cart')!;
      await settled(el);
      return { shop, el };
    }
    const promiseOf = (el: KontorCart, sku: string) => text(row(el, sku)?.querySelector('[part~=availability]'));
    const answered = (el: KontorCart) => rows(el).every((r) => !/geprüft/.test(text(r.querySelector('[part~=availability]'))) && r.querySelector('[part~=availability]'));

    it("shows every line's promise as text in its row, from one request, the same text a badge shows", async () => {
      const cart = await freshCart('mueller');
      const five = products.slice(0, 5);
      await (await clientOf('mueller')).cart.change(cart.id, cart.version, five.map((p) => ({ op: 'add' as const, sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) })));
      const seen = counting();
      const { shop, el } = await mountCounting(seen);
      await waitUntil(() => answered(el), 'promises did not render', { timeout: 10_000 });
      expect(seen.bodies).to.have.length(1);
      expect(seen.bodies[0]!.items).to.deep.equal(five.map((p) => ({ sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) })));
      expect(el.shadowRoot!.querySelector('kontor-availability')).to.equal(null);
      // A badge for the same line says the same (and asks nothing: the cart's answers are cached page-wide).
      const badge = document.createElement('kontor-availability');
      badge.sku = five[0]!.sku;
      badge.quantity = lowestValidQuantity(five[0]!.quantityRules);
      shop.append(badge);
      await waitUntil(() => badge.shadowRoot?.querySelector('[part~=text]'), 'badge did not render');
      expect(promiseOf(el, five[0]!.sku)).to.equal(text(badge.shadowRoot!.querySelector('[part~=text]')));
      const tone = row(el, five[0]!.sku)!.querySelector('[part~=availability]')!.getAttribute('part')!.split(' ')[1];
      expect(badge.shadowRoot!.querySelector('[part~=base]')!.getAttribute('part')).to.contain(tone);
      expect(seen.bodies).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('asks again only for the line whose quantity changed', async () => {
      const cart = await freshCart('mueller');
      const three = products.slice(0, 3);
      await (await clientOf('mueller')).cart.change(cart.id, cart.version, three.map((p) => ({ op: 'add' as const, sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) })));
      const seen = counting();
      const { el } = await mountCounting(seen);
      await waitUntil(() => answered(el), 'promises did not render', { timeout: 10_000 });
      const p = three[1]!;
      const next = lowestValidQuantity(p.quantityRules) + p.quantityRules.step;
      const changed = oneEvent(el, 'kontor-cart-change');
      await typeQuantity(el, p.sku, next);
      await changed;
      await waitUntil(() => answered(el), 'the changed line did not get its promise', { timeout: 10_000 });
      expect(seen.bodies).to.have.length(2);
      expect(seen.bodies[1]!.items).to.deep.equal([{ sku: p.sku, quantity: next }]);
    });

    it('asks for all 1,000 lines of a big cart in one request', async () => {
      const cart = await freshCart('mueller');
      const thousand = products.slice(0, 1000);
      await (await clientOf('mueller')).cart.change(cart.id, cart.version, thousand.map((p) => ({ op: 'add' as const, sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) })));
      const seen = counting();
      const { el } = await mountCounting(seen);
      await waitUntil(() => rows(el).length === 1000 && answered(el), 'not every line got its promise', { timeout: 20_000 });
      expect(seen.bodies.map((b) => b.items.length)).to.deep.equal([1000]);
    });

    it('says why promises are missing and retries', async () => {
      const cart = await freshCart('mueller');
      await (await clientOf('mueller')).cart.change(cart.id, cart.version, [{ op: 'add', sku: products[0]!.sku, quantity: lowestValidQuantity(products[0]!.quantityRules) }]);
      const seen = counting(1);
      const { el } = await mountCounting(seen);
      await waitUntil(() => el.shadowRoot!.querySelector('[part=availability-error]'), 'no availability error', { timeout: 10_000 });
      const note = el.shadowRoot!.querySelector('[part=availability-error]')!;
      expect(text(note)).to.contain('Lieferzeiten sind gerade nicht verfügbar.').and.contain('Der Server ist nicht erreichbar.');
      expect(promiseOf(el, products[0]!.sku)).to.equal('');
      note.querySelector('button')!.click();
      await waitUntil(() => answered(el), 'retry did not bring the promise', { timeout: 10_000 });
      expect(el.shadowRoot!.querySelector('[part=availability-error]')).to.equal(null);
    });

    it('shows no promises with no-availability, nor in a preview', async () => {
      const cart = await freshCart('mueller');
      await (await clientOf('mueller')).cart.change(cart.id, cart.version, [{ op: 'add', sku: products[0]!.sku, quantity: lowestValidQuantity(products[0]!.quantityRules) }]);
      const seen = counting();
      const { el } = await mountCounting(seen, 'no-availability');
      await new Promise((r) => setTimeout(r, 200));
      expect(el.shadowRoot!.querySelector('[part~=availability]')).to.equal(null);
      expect(seen.bodies).to.have.length(0);
      const preview = await fixture<KontorCart>(html`<kontor-cart lang="de" .preview=${sampleCart(3, 'de') as Cart}></kontor-cart>`);
      expect(preview.shadowRoot!.querySelector('[part~=availability]')).to.equal(null);
    });
  });

  it('says it is not configured outside any shop', async () => {
    const el = await fixture<KontorCart>(html`<kontor-cart lang="en"></kontor-cart>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'));
    expect(text(el.shadowRoot!.querySelector('[part=error]'))).to.contain('not configured');
  });
});
