import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createKontorClient } from '@kontor/core';
import { formatMoney } from '@kontor/core/money';
import { createHttpClient } from '@kontor/core/http';
import { partnerRoutes } from '@kontor/core/partner';
import { clientOf, customerTokenForBaulicht, demoUsers, endpoint, findProduct, tokenOf } from '../../testing/server.js';
import '../price/kontor-price.js';
import type { KontorPrice } from '../price/price.component.js';
import './kontor-shop.js';
import type { KontorShop } from './shop.component.js';

/** The product the price element fetched by its `sku`. */
const fetchedSku = (el: KontorPrice) => (el as unknown as { fetched?: { sku: string } }).fetched?.sku;
const unitPrice = (el: KontorPrice) => el.shadowRoot!.querySelector('[part=unit-price]')?.textContent?.replace(/[ \t\r\n]+/g, ' ').trim();

describe('<kontor-shop>', () => {
  it('is accessible', async () => {
    const el = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()}><p>Inhalt</p></kontor-shop>`);
    await expect(el).to.be.accessible();
  });

  it('emits kontor-token-expired once when requests answer 401', async () => {
    const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token="not-a-valid-token" lang="en"></kontor-shop>`);
    const expired = oneEvent(shop, 'kontor-token-expired');
    let count = 0;
    shop.addEventListener('kontor-token-expired', () => count++);
    const a = document.createElement('kontor-price');
    a.sku = 'ANY-1';
    const b = document.createElement('kontor-price');
    b.sku = 'ANY-2';
    shop.append(a, b);
    const event = await expired;
    expect(event.detail.error.status).to.equal(401);
    await waitUntil(() => a.shadowRoot!.querySelector('[part=error]') && b.shadowRoot!.querySelector('[part=error]'));
    expect(count).to.equal(1);
    expect(a.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('Please sign in again.');
  });

  describe('when the token is refused mid-session', () => {
    /** Revokes every customer token of Bau & Licht, as the partner's server does; waits out the second it counts in. */
    const revokeBaulichtTokens = async () => {
      // The demo partner key plays the partner's server here (the test server takes it from this page).
      await createHttpClient({ endpoint: endpoint(), token: 'kpk_demo_nord_2026' }).call(partnerRoutes.revokeCustomerTokens, { params: { companyId: 'cmp_baulicht' } });
      await new Promise((r) => setTimeout(r, 1100));
    };
    const pricedSkus = async () => {
      const client = createKontorClient({ endpoint: endpoint(), token: await customerTokenForBaulicht() });
      const page = await client.catalogue.list({ limit: 50, status: 'active' });
      return page.items.filter((p) => p.price).map((p) => p.sku);
    };

    it('continues the element with the fresh token the host answers with, without a new client', async () => {
      const [first, second] = await pricedSkus();
      const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${await customerTokenForBaulicht()} lang="en">
        <kontor-price sku=${first!} quantity="1"></kontor-price>
      </kontor-shop>`);
      const price = shop.querySelector('kontor-price')!;
      await waitUntil(() => unitPrice(price), 'the first price did not load');
      const client = shop.client;
      await revokeBaulichtTokens();
      const reasons: (string | undefined)[] = [];
      let fresh = '';
      shop.addEventListener('kontor-token-expired', (event) => {
        reasons.push(event.detail.reason);
        event.detail.respondWith(customerTokenForBaulicht().then((token) => (fresh = token)));
      });
      price.sku = second!;
      await waitUntil(() => price.shadowRoot!.querySelector('[part=unit-price]') && fetchedSku(price) === second, 'the element did not continue', { timeout: 10_000 });
      expect(reasons).to.deep.equal(['token_revoked']);
      expect(price.shadowRoot!.querySelector('[part=error]')).to.equal(null);
      expect(shop.token).to.equal(fresh);
      expect(shop.client).to.equal(client);
      // Later requests use the fresh token without asking again.
      price.sku = first!;
      await waitUntil(() => fetchedSku(price) === first, 'the next request did not go through');
      expect(reasons).to.have.length(1);
    });

    it('shows why in the element when the host has no fresh token', async () => {
      const [sku] = await pricedSkus();
      const token = await customerTokenForBaulicht();
      await revokeBaulichtTokens();
      const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${token} lang="de"></kontor-shop>`);
      const expired = oneEvent(shop, 'kontor-token-expired');
      const price = document.createElement('kontor-price');
      price.sku = sku!;
      shop.append(price);
      expect((await expired).detail.reason).to.equal('token_revoked');
      await waitUntil(() => price.shadowRoot!.querySelector('[part=error]'), 'no error state');
      expect(price.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('Dieser Zugang wurde entzogen');
    });
  });

  it('reloads its elements with the new prices when the token changes', async () => {
    const mueller = await clientOf('mueller');
    const own = await findProduct(mueller, (p) => p.price?.source === 'company');
    const base = await (await clientOf('schmidt')).catalogue.get(own.sku);
    const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('schmidt')} lang="de">
      <kontor-price sku=${own.sku} quantity="1"></kontor-price>
    </kontor-shop>`);
    const price = shop.querySelector('kontor-price')!;
    await waitUntil(() => unitPrice(price), 'base price did not load');
    expect(unitPrice(price)).to.contain(formatMoney(base.price!.tiers[0]!.price, 'de'));
    shop.token = await tokenOf('mueller');
    await waitUntil(() => unitPrice(price)?.includes(formatMoney(own.price!.tiers[0]!.price, 'de')), 'company price did not load');
  });

  it('signs in with login() and gives its elements the session token', async () => {
    const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} lang="de"></kontor-shop>`);
    const session = await shop.login(demoUsers.mueller, 'kontor-demo');
    expect(session.token).to.be.a('string');
    expect(shop.token).to.equal(session.token);
    await shop.updateComplete;
    const me = await shop.client!.identity.me();
    expect(JSON.stringify(me)).to.contain('cmp_mueller');
  });

  it('rejects a wrong password with an unauthorized KontorError', async () => {
    const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()}></kontor-shop>`);
    let caught: unknown;
    try {
      await shop.login(demoUsers.mueller, 'wrong-password');
    } catch (error) {
      caught = error;
    }
    expect((caught as { code: string }).code).to.be.oneOf(['unauthorized', 'validation']);
    expect(shop.token).to.equal('');
  });

  it('tells its elements the language: German from lang="de"', async () => {
    const shop = await fixture<KontorShop>(html`<kontor-shop lang="de"><kontor-price .product=${null}></kontor-price></kontor-shop>`);
    const price = shop.querySelector('kontor-price')!;
    price.product = { ...(await findProduct(await clientOf('schmidt'), (p) => p.price !== null)), price: null };
    await price.updateComplete;
    expect(price.shadowRoot!.textContent!.trim()).to.equal('Preis auf Anfrage');
    shop.lang = 'en';
    await shop.updateComplete;
    await price.updateComplete;
    expect(price.shadowRoot!.textContent!.trim()).to.equal('Price on request');
  });
});
