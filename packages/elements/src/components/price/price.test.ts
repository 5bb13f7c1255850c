import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Product } from '@kontor/core/catalogue';
import { formatMoney } from '@kontor/core/money';
import { lineNet, tierAt } from '@kontor/core/pricing';
import { clientOf, endpoint, findProduct, tokenOf } from '../../testing/server.js';
import '../shop/kontor-shop.js';
import './kontor-price.js';
import type { KontorPrice } from './price.component.js';

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/[ \t\r\n]+/g, ' ').trim();
const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~=${name}]`)?.textContent?.replace(/[ \t\r\n]+/g, ' ').trim();

describe('<kontor-price>', () => {
  let tiered: Product;
  let cable: Product;

  before(async () => {
    const client = await clientOf('schmidt');
    tiered = await findProduct(client, (p) => p.price !== null && p.price.tiers.length > 1 && p.price.priceUnit === 1);
    cable = await findProduct(client, (p) => p.price !== null && p.price.priceUnit === 100);
  });

  it('is accessible', async () => {
    const el = await fixture<KontorPrice>(html`<kontor-price .product=${tiered} lang="de"></kontor-price>`);
    await expect(el).to.be.accessible();
  });

  it('shows the tier price per unit, labelled net, and the line total in German', async () => {
    const quantity = tiered.price!.tiers[1]!.minQuantity;
    const el = await fixture<KontorPrice>(html`<kontor-price .product=${tiered} .quantity=${quantity} lang="de"></kontor-price>`);
    const tier = tierAt(tiered.price!.tiers, quantity);
    expect(part(el, 'unit-price')).to.equal(`${formatMoney(tier.price, 'de')} / ${unitDe(tiered)} netto`);
    expect(part(el, 'line-total')).to.contain(`${formatMoney(lineNet(tiered.price!, quantity), 'de')} netto`);
  });

  it('quotes cable per 100 m', async () => {
    const el = await fixture<KontorPrice>(html`<kontor-price .product=${cable} .quantity=${500} lang="de"></kontor-price>`);
    const tier = tierAt(cable.price!.tiers, 500);
    expect(part(el, 'unit-price')).to.equal(`${formatMoney(tier.price, 'de')} / 100 m netto`);
    expect(part(el, 'line-total')).to.equal(`Summe für 500 m: ${formatMoney(lineNet(cable.price!, 500), 'de')} netto`);
  });

  it('speaks English with a net label', async () => {
    const el = await fixture<KontorPrice>(html`<kontor-price .product=${cable} .quantity=${500} lang="en"></kontor-price>`);
    expect(part(el, 'unit-price')).to.equal(`${formatMoney(tierAt(cable.price!.tiers, 500).price, 'en')} / 100 m net`);
    expect(part(el, 'line-total')).to.match(/^Total for 500 m: .+ net$/);
  });

  it('puts the tier table behind a disclosure with collapse-tiers', async () => {
    const el = await fixture<KontorPrice>(html`<kontor-price .product=${tiered} collapse-tiers lang="de"></kontor-price>`);
    const details = el.shadowRoot!.querySelector('details')!;
    expect(details.open).to.equal(false);
    expect(part(el, 'tiers-summary')).to.equal(`Staffelpreise (${tiered.price!.tiers.length})`);
    expect(details.querySelectorAll('tbody tr')).to.have.length(tiered.price!.tiers.length);
    await expect(el).to.be.accessible();
  });

  it('highlights the current tier with aria-current and hints at the next tier', async () => {
    const tiers = tiered.price!.tiers;
    const el = await fixture<KontorPrice>(html`<kontor-price .product=${tiered} .quantity=${tiers[0]!.minQuantity} lang="de"></kontor-price>`);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')];
    expect(rows).to.have.length(tiers.length);
    expect(rows.map((r) => r.getAttribute('aria-current'))).to.deep.equal(tiers.map((_, i) => (i === 0 ? 'true' : 'false')));
    expect(part(el, 'next-tier')).to.contain(`ab ${new Intl.NumberFormat('de-DE').format(tiers[1]!.minQuantity)}`);
    expect(part(el, 'next-tier')).to.contain(formatMoney(tiers[1]!.price, 'de'));

    el.quantity = tiers[tiers.length - 1]!.minQuantity;
    await el.updateComplete;
    expect(rows[tiers.length - 1]!.getAttribute('aria-current')).to.equal('true');
    expect(part(el, 'next-tier')).to.equal(undefined);
  });

  it('says "price on request" when the buyer has no price', async () => {
    const el = await fixture<KontorPrice>(html`<kontor-price .product=${{ ...tiered, price: null }} lang="de"></kontor-price>`);
    expect(text(el)).to.equal('Preis auf Anfrage');
  });

  it("shows the company's own price for Elektro Müller", async () => {
    const mueller = await clientOf('mueller');
    const own = await findProduct(mueller, (p) => p.price?.source === 'company');
    const base = await (await clientOf('schmidt')).catalogue.get(own.sku);
    expect(own.price!.tiers[0]!.price.amount).to.be.below(base.price!.tiers[0]!.price.amount);

    const shop = await fixture(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('mueller')} lang="de">
      <kontor-price sku=${own.sku} quantity="1"></kontor-price>
    </kontor-shop>`);
    const el = shop.querySelector('kontor-price')!;
    await waitUntil(() => part(el, 'unit-price'), 'price did not load', { timeout: 10_000 });
    expect(part(el, 'unit-price')).to.contain(formatMoney(own.price!.tiers[0]!.price, 'de'));
    expect(part(el, 'unit-price')).not.to.contain(formatMoney(base.price!.tiers[0]!.price, 'de'));
    expect(text(el)).to.contain('Ihr Firmenpreis');
  });

  it('emits kontor-error and shows an error for an unknown SKU', async () => {
    const shop = await fixture(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('schmidt')} lang="en"></kontor-shop>`);
    const el = document.createElement('kontor-price');
    el.sku = 'NO-SUCH-SKU-4711';
    const event = oneEvent(shop, 'kontor-error');
    shop.append(el);
    expect((await event).detail.error.code).to.equal('not_found');
    await el.updateComplete;
    expect(part(el, 'error')).to.contain('Not found.');
  });
});

function unitDe(p: Product): string {
  return { piece: 'Stk', meter: 'm', roll: 'Rolle', pack: 'Packung', box: 'Karton', kg: 'kg', liter: 'l' }[p.unit];
}
