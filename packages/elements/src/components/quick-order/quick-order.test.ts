import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { cartToCsv } from '@kontor/core/cart';
import type { Product } from '@kontor/core/catalogue';
import { lowestValidQuantity } from '@kontor/core/pricing';
import { clientOf, endpoint, freshCart, orderableProducts, tokenOf } from '../../testing/server.js';
import { cartStoreOf } from '../../internal/cart-controller.js';
import { clickKeepingFocus } from '../../testing/focus.js';
import '../shop/kontor-shop.js';
import type { KontorShop } from '../shop/shop.component.js';
import type { KontorQuickOrder } from './quick-order.component.js';
import './kontor-quick-order.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function mount(lang = 'de') {
  const shop = await fixture(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('mueller')} lang=${lang}>
    <kontor-quick-order></kontor-quick-order>
  </kontor-shop>`);
  // Loaded, so nothing of this test is still on its way when the next one starts.
  await waitUntil(() => cartStoreOf((shop as KontorShop).client!).$state.get().status === 'ready', 'cart did not load');
  return shop.querySelector('kontor-quick-order')!;
}

/** Types into the box and submits, as a buyer does; resolves when the element is idle again. */
async function paste(el: KontorQuickOrder, value: string) {
  const area = el.shadowRoot!.querySelector('textarea')!;
  area.value = value;
  area.dispatchEvent(new Event('input'));
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
  await waitUntil(() => el.shadowRoot!.querySelector('form[aria-busy=false]') && el.shadowRoot!.querySelector('[part=summary], [part=error]'), 'import did not finish', {
    timeout: 20_000,
  });
}

/** Chooses a file in the upload input, as a buyer does; resolves with the cart change it causes. */
async function upload(el: KontorQuickOrder, content: string, name: string) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part=file]')!;
  const transfer = new DataTransfer();
  transfer.items.add(new File([content], name, { type: 'text/csv' }));
  input.files = transfer.files;
  const changed = oneEvent(el, 'kontor-cart-change');
  input.dispatchEvent(new Event('change'));
  return changed;
}

const box = (el: KontorQuickOrder) => el.shadowRoot!.querySelector('textarea')!.value;
const issues = (el: KontorQuickOrder) => [...el.shadowRoot!.querySelectorAll('[part=issue]')].map(text);

describe('<kontor-quick-order>', () => {
  let products: Product[];
  let simple: Product[];
  let stepped: Product;
  before(async () => {
    products = await orderableProducts(await clientOf('mueller'), 600);
    simple = products.filter((p) => p.quantityRules.min === 1 && p.quantityRules.step === 1);
    // A stepped article whose maximum (if any) leaves room for the sums these tests paste: ten
    // times its lowest quantity plus a step and one more (the catalogue's order is not the SKUs').
    stepped = products.find((p) => {
      const { step, max } = p.quantityRules;
      return step > 1 && (max == null || max >= lowestValidQuantity(p.quantityRules) * 10 + 2 * step + 2);
    })!;
  });

  it('is accessible', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
  });

  it('adds pasted lines in every format in one request and empties the box', async () => {
    const cart = await freshCart('mueller');
    const el = await mount();
    const [a, b, c, d] = simple;
    const changed = oneEvent(el, 'kontor-cart-change');
    await paste(el, `Artikelnummer;Menge\r\n${a!.sku};3\n${b!.sku}\t12\n\n${c!.sku} 7\n${d!.sku};1.000`);
    const { detail } = await changed;
    expect(detail.cart.id).to.equal(cart.id);
    expect(detail.cart.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).to.deep.equal([
      [a!.sku, 3],
      [b!.sku, 12],
      [c!.sku, 7],
      [d!.sku, 1000],
    ]);
    expect(box(el)).to.equal('');
    expect(text(el.shadowRoot!.querySelector('[part=summary]'))).to.contain('4 Positionen in den Warenkorb übernommen');
  });

  it('keeps every row it could not add exactly as typed, with the reason and a fix', async () => {
    const cart = await freshCart('mueller');
    const el = await mount();
    const [a] = simple;
    const typo = `${stepped.sku}X`;
    const offStep = lowestValidQuantity(stepped.quantityRules) + 1;
    const rows = [`${a!.sku};5`, `${typo};1`, `${stepped.sku};${offStep}`, `${a!.sku.toLowerCase()}zz;0`, `${simple[1]!.sku};-4`, `${simple[2]!.sku};viele`, `${simple[3]!.sku};2,5`];
    await paste(el, rows.join('\n'));
    const server = await (await clientOf('mueller')).cart.get(cart.id);
    expect(server.lines.map((l) => [l.sku, l.quantity])).to.deep.equal([[a!.sku, 5]]);
    // Everything else stays, verbatim, in input order.
    expect(box(el)).to.equal(rows.slice(1).join('\n'));
    const shown = issues(el);
    expect(shown).to.have.length(6);
    expect(shown[0]).to.contain(typo);
    expect(shown[1]).to.contain(String(stepped.quantityRules.step));
    // The off-step row offers the nearest valid quantities; taking one rewrites the row.
    const fix = el.shadowRoot!.querySelectorAll('[part=issue]')[1]!.querySelector<HTMLButtonElement>('[part=suggestion]')!;
    fix.click();
    await el.updateComplete;
    expect(box(el).split('\n')[1]).to.match(new RegExp(`^${stepped.sku.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')};\\d+$`));
    expect(el.shadowRoot!.querySelector('[part=summary]')!.textContent).to.contain('1 Position');
  });

  it('offers the closest article numbers for an unknown one and adds the chosen one', async () => {
    await freshCart('mueller');
    const el = await mount();
    const p = simple[4]!;
    const typo = p.sku.replace('-', '');
    await paste(el, `${typo};2`);
    const suggestion = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=suggestion]')].find((b) => b.textContent!.includes(p.sku));
    expect(suggestion, `no suggestion ${p.sku} for ${typo}: ${issues(el).join(' | ')}`).to.exist;
    suggestion!.click();
    await el.updateComplete;
    expect(box(el)).to.equal(`${p.sku};2`);
    const changed = oneEvent(el, 'kontor-cart-change');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    const { detail } = await changed;
    expect(detail.cart.lines.some((l: { sku: string }) => l.sku === p.sku)).to.equal(true);
  });

  it('after adding some rows, numbers the rows it kept as they stand in the box now, not as they stood in the paste', async () => {
    await freshCart('mueller');
    const el = await mount();
    const [a, b, c] = simple;
    const typo = `${stepped.sku}X`;
    await paste(el, `Artikelnummer;Menge\n${a!.sku};2\n${typo};1\n\n${b!.sku};3\n${c!.sku};viele`);
    expect(box(el)).to.equal(`${typo};1\n${c!.sku};viele`);
    const shown = issues(el);
    expect(shown).to.have.length(2);
    expect(shown[0]).to.match(/^Zeile 1: /).and.contain(typo);
    expect(shown[1]).to.match(/^Zeile 2: /).and.contain('viele');
  });

  it("adds an article number typed in another case as the catalogue's article", async () => {
    const cart = await freshCart('mueller');
    const el = await mount();
    const p = simple.find((x) => /[A-Z]/.test(x.sku))!;
    const changed = oneEvent(el, 'kontor-cart-change');
    await paste(el, `${p.sku.toLowerCase()};2`);
    const { detail } = await changed;
    expect(detail.cart.id).to.equal(cart.id);
    expect(detail.cart.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).to.deep.equal([[p.sku, 2]]);
    expect(box(el)).to.equal('');
    expect(issues(el)).to.deep.equal([]);
  });

  it('merges duplicate rows and quantities already in the cart, and says so', async () => {
    const cart = await freshCart('mueller');
    const [a, b] = simple;
    await (await clientOf('mueller')).cart.change(cart.id, cart.version, [{ op: 'add', sku: b!.sku, quantity: 10 }]);
    const el = await mount();
    await paste(el, `${a!.sku};3\n${b!.sku};5\n${a!.sku};4`);
    const summary = text(el.shadowRoot!.querySelector('[part=summary]'));
    expect(summary).to.contain(`Zeilen 1, 3 zusammengefasst: ${a!.sku} × 7`);
    expect(summary).to.contain(`${b!.sku} war schon im Warenkorb: 10 → 15`);
    const server = await (await clientOf('mueller')).cart.get(cart.id);
    expect(server.lines.map((l) => [l.sku, l.quantity])).to.deep.equal([
      [b!.sku, 15],
      [a!.sku, 7],
    ]);
  });

  it('a quantity suggested for rows that were added up replaces them with one row, and that row goes in', async () => {
    await freshCart('mueller');
    const el = await mount();
    const { min, step } = stepped.quantityRules;
    // Each row alone may be fine; their sum is off the step.
    const first = lowestValidQuantity(stepped.quantityRules) * 10;
    await paste(el, `${stepped.sku};${first}\n${simple[0]!.sku};1\n${stepped.sku};${step + 1}`);
    const sum = first + step + 1;
    const shown = issues(el);
    expect(shown).to.have.length(2);
    // Numbered as the rows stand in the box now (the middle row went into the cart).
    expect(box(el)).to.equal(`${stepped.sku};${first}\n${stepped.sku};${step + 1}`);
    expect(shown[0]).to.contain(`Zeile 1:`).and.to.contain(`(Zeilen 1, 2 zusammen: ${sum.toLocaleString('de-DE')})`);
    expect(shown[1]).to.contain(`Zeile 2:`);
    const offered = [...el.shadowRoot!.querySelectorAll('[part=issue]')[0]!.querySelectorAll<HTMLButtonElement>('[part=suggestion]')];
    const nearest = Math.max(min, sum - ((sum - min) % step));
    const take = offered.find((b) => b.textContent!.includes(nearest.toLocaleString('de-DE')))!;
    expect(take, offered.map((b) => b.textContent).join(' | ')).to.exist;
    take.click();
    await el.updateComplete;
    expect(box(el)).to.equal(`${stepped.sku};${nearest}`);
    const changed = oneEvent(el, 'kontor-cart-change');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    const { detail } = await changed;
    expect(detail.cart.lines.find((l: { sku: string }) => l.sku === stepped.sku).quantity).to.equal(nearest);
  });

  it('offers the quantity for rows that were added up only at the first of them; the others keep their message and note', async () => {
    await freshCart('mueller');
    const el = await mount();
    const first = lowestValidQuantity(stepped.quantityRules) * 10;
    const sum = first + stepped.quantityRules.step + 1;
    await paste(el, `${stepped.sku};${first}\n${stepped.sku};${stepped.quantityRules.step + 1}`);
    const [one, two] = [...el.shadowRoot!.querySelectorAll('[part=issue]')];
    expect(one!.querySelectorAll('[part=suggestion]').length).to.be.greaterThan(0);
    expect(two!.querySelectorAll('[part=suggestion]')).to.have.length(0);
    expect(text(two)).to.contain('Zeile 2:').and.contain(`(Zeilen 1, 2 zusammen: ${sum.toLocaleString('de-DE')})`).and.contain(String(stepped.quantityRules.step));
    await expect(el).to.be.accessible();
  });

  it("after a suggestion is taken, moves the focus to the next row's first suggestion, then to the box while rows need typing", async () => {
    await freshCart('mueller');
    const el = await mount();
    const typo = simple[4]!.sku.replace('-', '');
    await paste(el, `${stepped.sku};${lowestValidQuantity(stepped.quantityRules) + 1}\n${typo};2\n${simple[2]!.sku};viele`);
    const suggestion = (row: number) => el.shadowRoot!.querySelectorAll('[part=issue]')[row]!.querySelector<HTMLButtonElement>('[part=suggestion]')!;
    expect(el.shadowRoot!.querySelectorAll('[part=issue]')).to.have.length(3);
    const taken = suggestion(0);
    taken.focus();
    taken.click();
    await el.updateComplete;
    // The row is fixed and gone from the list; the next row's first suggestion has the focus, not <body>.
    expect(el.shadowRoot!.querySelectorAll('[part=issue]')).to.have.length(2);
    expect(el.shadowRoot!.activeElement).to.equal(suggestion(0));
    expect(text(el.shadowRoot!.activeElement)).to.contain(simple[4]!.sku);
    suggestion(0).click();
    await el.updateComplete;
    // Left: "viele", which only typing fixes.
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('textarea'));
  });

  it('after the last row is fixed by a suggestion, moves the focus to the submit button', async () => {
    await freshCart('mueller');
    const el = await mount();
    await paste(el, `${stepped.sku};${lowestValidQuantity(stepped.quantityRules) + 1}`);
    const taken = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=suggestion]')!;
    taken.focus();
    taken.click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('[part=submit]'));
  });

  it("offers only the reading of an ambiguous number that the article's order rules allow", async () => {
    await freshCart('mueller');
    const el = await mount();
    // "1,000" in German is 1 or 1000; for an article ordered from more than 1, only 1000 can be meant.
    const p = products.find((x) => x.quantityRules.min > 1 && 1000 % x.quantityRules.step === 0 && 1000 >= x.quantityRules.min && (x.quantityRules.max ?? Infinity) >= 1000)!;
    expect(p, 'no article with a minimum above 1 that takes 1000').to.exist;
    await paste(el, `${p.sku};1,000\n${simple[0]!.sku};1,000`);
    const [rules, plain] = [...el.shadowRoot!.querySelectorAll('[part=issue]')].map((row) => [...row.querySelectorAll('[part=suggestion]')].map(text));
    expect(rules).to.deep.equal(['1.000 übernehmen']);
    expect(plain).to.deep.equal(['1 übernehmen', '1.000 übernehmen']);
  });

  it('keeps the focus on the button while it checks and after', async () => {
    await freshCart('mueller');
    const el = await mount();
    const area = el.shadowRoot!.querySelector('textarea')!;
    area.value = `${simple[0]!.sku};2`;
    area.dispatchEvent(new Event('input'));
    await clickKeepingFocus(el, el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!);
  });

  it('refuses more than 5,000 lines as a whole and keeps the text', async () => {
    const cart = await freshCart('mueller');
    const el = await mount();
    const many = Array.from({ length: 5001 }, (_, i) => `ART-${i};1`).join('\n');
    await paste(el, many);
    expect(text(el.shadowRoot!.querySelector('[part=error]'))).to.match(/5[.,]?000/);
    expect(box(el)).to.equal(many);
    const server = await (await clientOf('mueller')).cart.get(cart.id);
    expect(server.version).to.equal(cart.version);
  });

  it('holds the rows of an article whose merged quantity is too big and adds the rest', async () => {
    const cart = await freshCart('mueller');
    const el = await mount();
    const [a, b] = simple;
    await paste(el, `${a!.sku};9000000\n${b!.sku};2\n${a!.sku};2000000`);
    const server = await (await clientOf('mueller')).cart.get(cart.id);
    expect(server.lines.map((l) => [l.sku, l.quantity])).to.deep.equal([[b!.sku, 2]]);
    expect(box(el)).to.equal(`${a!.sku};9000000\n${a!.sku};2000000`);
    expect(issues(el)).to.have.length(2);
  });

  it('imports a CSV file with BOM, semicolons and quotes; a broken row stays', async () => {
    const cart = await freshCart('mueller');
    const el = await mount();
    const [a, b, c] = simple;
    const csv = `\uFEFF"Artikelnummer";"Menge";"Bezeichnung"\r\n"${a!.sku}";"2";"Kabel ""grau"""\r\n${b!.sku};3;x\r\n"${c!.sku};4\r\n`;
    const { detail } = await upload(el, csv, 'bestellung.csv');
    expect(detail.cart.id).to.equal(cart.id);
    expect(detail.cart.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).to.deep.equal([
      [a!.sku, 2],
      [b!.sku, 3],
    ]);
    await el.updateComplete;
    expect(issues(el)).to.have.length(1);
    expect(box(el)).to.contain(c!.sku);
  });

  it('re-imports an exported cart to the same lines', async () => {
    const source = await freshCart('mueller');
    const client = await clientOf('mueller');
    const lines = products.slice(0, 40).map((p) => ({ op: 'add' as const, sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) * 2 }));
    const filled = await client.cart.change(source.id, source.version, lines);
    const csv = cartToCsv(filled, { lang: 'de' });
    const target = await freshCart('mueller');
    const el = await mount();
    const { detail } = await upload(el, csv, 'export.csv');
    expect(detail.cart.id).to.equal(target.id);
    expect(detail.cart.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).to.deep.equal(filled.lines.map((l) => [l.sku, l.quantity]));
  });

  it('takes a 500-line paste', async () => {
    await freshCart('mueller');
    const el = await mount('en');
    const five = products.slice(0, 500);
    await paste(el, five.map((p) => `${p.sku}\t${lowestValidQuantity(p.quantityRules)}`).join('\n'));
    expect(text(el.shadowRoot!.querySelector('[part=summary]'))).to.contain('500 lines added to the cart');
    expect(issues(el)).to.have.length(0);
  });
});
