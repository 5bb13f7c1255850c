import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { formatMoney } from '@kontor/core/money';
import { tierAt } from '@kontor/core/pricing';
import './components/price/kontor-price.js';
import type { KontorPrice } from './components/price/price.component.js';
import { configure } from './configure.js';
import { clientOf, endpoint, findProduct, tokenOf } from './testing/server.js';

const unitPrice = (el: KontorPrice) => el.shadowRoot!.querySelector('[part=unit-price]')?.textContent?.replace(/[ \t\r\n]+/g, ' ').trim();

describe('configure()', () => {
  afterEach(() => configure(null));

  it('lets an element outside any kontor-shop load with the page-wide client', async () => {
    const product = await findProduct(await clientOf('mueller'), (p) => p.price !== null && p.price.priceUnit === 1);
    configure({ endpoint: endpoint(), token: await tokenOf('mueller'), lang: 'de' });
    const el = await fixture<KontorPrice>(html`<kontor-price sku=${product.sku} quantity="1"></kontor-price>`);
    await waitUntil(() => unitPrice(el), 'the price never rendered');
    expect(unitPrice(el)).to.contain(formatMoney(tierAt(product.price!.tiers, 1).price, 'de'));
  });

  it('reloads elements with the new token when called again', async () => {
    configure({ endpoint: endpoint(), token: 'not-a-valid-token', clientOptions: { retries: 0 } });
    const el = await fixture<KontorPrice>(html`<kontor-price sku="KL-1001" lang="en"></kontor-price>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'), 'no error state with a bad token');
    configure({ endpoint: endpoint(), token: await tokenOf('schmidt') });
    await waitUntil(() => unitPrice(el), 'the price never rendered after the new token');
  });

  it('dispatches kontor-token-expired on document when the server rejects the token', async () => {
    const expired = oneEvent(document, 'kontor-token-expired');
    configure({ endpoint: endpoint(), token: 'not-a-valid-token', clientOptions: { retries: 0 } });
    await fixture<KontorPrice>(html`<kontor-price sku="KL-1001"></kontor-price>`);
    const event = await expired;
    expect(event.detail.error.code).to.equal('unauthorized');
    expect(event.detail.error.status).to.equal(401);
  });
});
