import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { daysLeft } from '@kontor/core/offers/offer.logic.js';
import { buyerOffersOf, inDays, sentOfferOf } from '../../testing/offers.js';
import { endpoint, tokenOf, unreachableEndpoint, type demoUsers } from '../../testing/server.js';
import '../shop/kontor-shop.js';
import type { KontorShop } from '../shop/shop.component.js';
import type { KontorOffers } from './offers.component.js';
import './kontor-offers.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends HTMLElement = HTMLElement>(el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const row = (el: KontorOffers, id: string) => $(el, `[part=row][data-id="${id}"]`);
const settled = (el: KontorOffers) =>
  waitUntil(() => $(el, '[part=base][aria-busy=false]') && $(el, '[part=table], [part=empty], [part=error]'), 'list did not settle', { timeout: 15_000 });

async function mount(options: { user?: keyof typeof demoUsers; lang?: string; endpoint?: string; url?: string; status?: string } = {}) {
  const shop = await fixture<KontorShop>(html`<kontor-shop
    endpoint=${options.endpoint ?? endpoint()}
    token=${await tokenOf(options.user ?? 'mueller')}
    lang=${options.lang ?? 'de'}
    .clientOptions=${{ retries: 0 }}
  >
    <kontor-offers page-size="100" offer-url=${options.url ?? ''} status-filter=${options.status ?? ''}></kontor-offers>
  </kontor-shop>`);
  const el = shop.querySelector('kontor-offers')!;
  await settled(el);
  return el;
}

describe('<kontor-offers>', () => {
  it('is accessible', async () => {
    await sentOfferOf();
    const el = await mount();
    await expect(el).to.be.accessible();
  });

  it('shows number, version, contact, the gross total, the validity and the days left to accept', async () => {
    const validUntil = inDays(9);
    const { offer } = await sentOfferOf('mueller', { validUntil });
    const el = await mount();
    const r = row(el, offer.id)!;
    expect(text(r.querySelector('[part=number]'))).to.equal(`${offer.number} Version 1`);
    expect(text(r.querySelector('[part=rep]'))).to.equal('Jana Petersen');
    const gross = offer.versions[0]!.totals.gross.amount / 100;
    expect(text(r.querySelector('[part=total]'))).to.equal(`${gross.toLocaleString('de-DE', { minimumFractionDigits: 2 })} €`);
    const [y, m, d] = validUntil.split('-');
    const left = daysLeft(validUntil, new Date());
    expect(left).to.be.within(8, 9);
    expect(r.querySelector('[part=validity] time')!.getAttribute('datetime')).to.equal(validUntil);
    expect(text(r.querySelector('[part=validity]'))).to.equal(`gültig bis ${d}.${m}.${y} noch ${left} Tage`);
    expect(r.querySelector('[part=validity]')!.getAttribute('data-days-left')).to.equal(String(left));
    expect(text(r.querySelector('[part=status]'))).to.equal('Offen');
  });

  it('says "today only" on the last day and no countdown once answered', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    const { offer: last } = await sentOfferOf('mueller', { validUntil: today });
    const { offer: answered } = await sentOfferOf();
    await (await buyerOffersOf()).reject(answered.id, { version: answered.version, versionNumber: 1, reason: 'Zu teuer' });
    const el = await mount();
    expect(text(row(el, last.id)!.querySelector('.countdown'))).to.equal('nur noch heute');
    expect(row(el, answered.id)!.querySelector('.countdown')).to.equal(null);
    expect(text(row(el, answered.id)!.querySelector('[part=status]'))).to.equal('Abgelehnt');
  });

  it('filters by status with the select', async () => {
    const { offer: open } = await sentOfferOf();
    const { offer: rejected } = await sentOfferOf();
    await (await buyerOffersOf()).reject(rejected.id, { version: rejected.version, versionNumber: 1, reason: 'Nicht mehr nötig' });
    const el = await mount();
    expect(row(el, open.id)).to.not.equal(null);
    const select = $<HTMLSelectElement>(el, '[part=filter]')!;
    select.value = 'rejected';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => el.value.length && el.value.every((o) => o.status === 'rejected'), 'not filtered');
    await settled(el);
    expect(row(el, rejected.id)).to.not.equal(null);
    expect(row(el, open.id)).to.equal(null);
    expect(el.statusFilter).to.equal('rejected');
  });

  it('fires kontor-offer-select with the offer id, or links with offer-url', async () => {
    const { offer } = await sentOfferOf();
    const el = await mount();
    const selected = oneEvent(el, 'kontor-offer-select');
    row(el, offer.id)!.querySelector<HTMLButtonElement>('[part=number] button')!.click();
    expect((await selected).detail).to.deep.equal({ offerId: offer.id });

    const linked = await mount({ url: '/angebote/{id}?n={number}' });
    expect(row(linked, offer.id)!.querySelector('[part=number] a')!.getAttribute('href')).to.equal(`/angebote/${offer.id}?n=${offer.number}`);
  });

  it('says when the company has none', async () => {
    const el = await mount({ user: 'schmidt' });
    expect(text($(el, '[part=empty]'))).to.equal('Keine Angebote.');
    expect(text($(el, '[role=status]'))).to.equal('Keine Angebote.');
  });

  it('shows an error with a retry when the server cannot be reached', async () => {
    const el = await mount({ endpoint: unreachableEndpoint });
    expect(text($(el, '[part=error]'))).to.match(/^Das hat nicht geklappt\./);
    expect($(el, '[part=error] .retry')).to.not.equal(null);
  });

  it('speaks English', async () => {
    const { offer } = await sentOfferOf('mueller', { validUntil: inDays(20) });
    const el = await mount({ lang: 'en' });
    expect(text($(el, 'thead'))).to.equal('Offer Contact Total gross Validity Status');
    expect(text(row(el, offer.id)!.querySelector('[part=status]'))).to.equal('Open');
    expect(text(row(el, offer.id)!.querySelector('.countdown'))).to.match(/^\d+ days left$/);
  });
});
