import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { formatMoney } from '@kontor/core/money';
import type { Offer, OfferContentInput, OfferRequest } from '@kontor/core/offers';
import { createStandingOrdersClient } from '@kontor/core/standing-orders';
import type { KontorOfferAcceptEvent } from '../../events/kontor-offer-accept.js';
import type { KontorOfferChangeRequestEvent } from '../../events/kontor-offer-change-request.js';
import type { KontorOfferRejectEvent } from '../../events/kontor-offer-reject.js';
import type { KontorOrderPlacedEvent } from '../../events/kontor-order-placed.js';
import { buyerOffersOf, contentOf, inDays, repOf, sentOfferOf } from '../../testing/offers.js';
import { clientOf, endpoint, orderableProducts, tokenOf, unreachableEndpoint, type demoUsers } from '../../testing/server.js';
import '../shop/kontor-shop.js';
import type { KontorShop } from '../shop/shop.component.js';
import type { KontorOffer } from './offer.component.js';
import './kontor-offer.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const euro = (amount: number) => formatMoney({ amount, currency: 'EUR' }, 'de-DE').replace(/\s/g, ' ');
const $ = <T extends HTMLElement = HTMLElement>(el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: HTMLElement, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const settled = (el: KontorOffer) =>
  waitUntil(() => $(el, '[part=base][aria-busy=false]') && $(el, '[part=title], [part=error], .muted'), 'offer did not settle', { timeout: 15_000 });
const idle = (el: KontorOffer) => waitUntil(() => $(el, '[part=base][aria-busy=false]'), 'still working', { timeout: 15_000 });
const type = (input: HTMLInputElement | HTMLTextAreaElement | null, value: string) => {
  if (!input) throw new Error('no such field');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
};
const choose = (input: HTMLInputElement | null) => {
  if (!input) throw new Error('no such choice');
  input.checked = true;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
};

interface Sent {
  method: string;
  path: string;
  key: string | null;
}

/** A `<kontor-offer>` in a shop of `user`, with a fetch that records what is sent. */
async function mount(offerId: string, options: { user?: keyof typeof demoUsers; lang?: string; endpoint?: string; loseAccepts?: number } = {}) {
  const sent: Sent[] = [];
  let lose = options.loseAccepts ?? 0;
  const recording = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname;
    sent.push({ method: request.method, path, key: request.headers.get('idempotency-key') });
    // An accept that reaches the server whose answer never reaches the element.
    if (request.method === 'POST' && path.endsWith('/accept') && lose > 0) {
      lose--;
      await fetch(request.clone());
      throw new TypeError('Failed to fetch');
    }
    return fetch(request);
  };
  const shop = await fixture<KontorShop>(html`<kontor-shop
    endpoint=${options.endpoint ?? endpoint()}
    token=${await tokenOf(options.user ?? 'mueller')}
    lang=${options.lang ?? 'de'}
    .clientOptions=${{ retries: 0, fetch: recording }}
  >
    <kontor-offer offer-id=${offerId}></kontor-offer>
  </kontor-shop>`);
  const el = shop.querySelector('kontor-offer')!;
  await settled(el);
  return { el, sent };
}

/** Opens the accept form and waits for the saved addresses. */
async function openAccept(el: KontorOffer) {
  $<HTMLButtonElement>(el, '[part=actions] [data-action=accept]')!.click();
  await waitUntil(() => $(el, '[part=accept-form] select[name=address]'), 'no addresses in the accept form', { timeout: 15_000 });
  choose($<HTMLInputElement>(el, '[part=accept-form] input[name=payment][value=prepayment]'));
  await el.updateComplete;
}

/** Version 2 as a rep answers a request for changes: the first line doubled at 10 % off, the last dropped, a new product added. */
async function secondVersion(offer: Offer, request: OfferRequest, added: string): Promise<{ offer: Offer; content: OfferContentInput }> {
  const buyer = await buyerOffersOf();
  await buyer.requestChanges(offer.id, { version: offer.version, versionNumber: 1, comment: 'Bitte mehr vom ersten Artikel' });
  const base = contentOf(request);
  const [first, ...rest] = base.lines;
  const content: OfferContentInput = {
    ...base,
    lines: [{ sku: first!.sku, quantity: first!.quantity * 2, pricing: { kind: 'discount', discountBp: 1000 } }, ...rest.slice(0, -1), { sku: added, quantity: 1, pricing: { kind: 'list' } }],
  };
  const rep = await repOf('jana');
  const current = await rep.get(offer.id);
  const updated = await rep.updateDraft(offer.id, { version: current.version, content });
  await rep.send(offer.id, updated.version);
  return { offer: await buyer.get(offer.id), content };
}

/** The page's clock moved by `days` while `run` runs (the element's countdown reads it; the server keeps its own). */
async function withPageClockAhead(days: number, run: () => Promise<void>) {
  const RealDate = Date;
  const offset = days * 86_400_000;
  class Shifted extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length) super(...(args as [string]));
      else super(RealDate.now() + offset);
    }
    static override now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = Shifted as DateConstructor;
  try {
    await run();
  } finally {
    globalThis.Date = RealDate;
  }
}

describe('<kontor-offer>', () => {
  it('is accessible', async () => {
    const { offer } = await sentOfferOf();
    const { el } = await mount(offer.id);
    await expect(el).to.be.accessible();
    await openAccept(el);
    await expect(el).to.be.accessible();
  });

  it('shows the sent offer: lines with list price, offered price and discount, extras, totals, validity, terms and status', async () => {
    const validUntil = inDays(10);
    const { offer } = await sentOfferOf('mueller', { validUntil, discountBp: 500 });
    const v = offer.versions[0]!;
    const { el } = await mount(offer.id);
    expect(text($(el, '[part=title]'))).to.equal(`Angebot ${offer.number}`);
    expect(text($(el, '[part=status]'))).to.equal('Offen');
    expect(text($(el, '[part=version]'))).to.equal('Version 1');
    const [y, m, d] = validUntil.split('-');
    expect(text($(el, '[part=validity]'))).to.match(new RegExp(`^gültig bis ${d}\\.${m}\\.${y} noch (9|10) Tage$`));
    const rows = $$(el, '[part=line]');
    expect(rows.map((r) => r.dataset.sku)).to.deep.equal(v.lines.map((l) => l.sku));
    for (const [i, line] of v.lines.entries()) {
      const cell = (c: string) => text(rows[i]!.querySelector(`.${c}`));
      expect(cell('list')).to.include(euro(line.listUnitPrice.amount));
      expect(cell('offered')).to.include(euro(line.unitPrice.amount));
      expect(cell('discount')).to.equal(`−${(line.discountBp / 100).toLocaleString('de-DE')} %`);
      expect(cell('net')).to.equal(euro(line.net.amount));
    }
    expect(text($(el, '[part=extra]'))).to.equal(`Fracht Fracht ${euro(2500)}`);
    const total = (key: string) => text($(el, `[part=totals] [data-total="${key}"] dd`));
    expect(total('net')).to.equal(euro(v.totals.net.amount));
    expect(total('tax-1900')).to.equal(euro(v.totals.tax.amount));
    expect(total('gross')).to.equal(euro(v.totals.gross.amount));
    expect(total('savings')).to.include(euro(v.totals.savings.amount));
    expect(text($(el, '[part=terms] [data-term=payment] dd'))).to.equal('30 Tage netto');
    // The request asked for these quantities: nothing changed against it.
    expect(text($(el, '[part=differences][data-from="0"]'))).to.equal('Änderungen zur Anfrage Keine Änderungen.');
    expect($(el, '[part=differences][data-from="1"]')).to.equal(null);
    expect($$(el, '[part=actions] button').map((b) => text(b))).to.deep.equal(['Annehmen', 'Änderungen anfragen', 'Ablehnen']);
  });

  it('shows the differences of version 2 to version 1 and to the request, line by line', async () => {
    const { offer, request } = await sentOfferOf('mueller', { lines: 3 });
    const client = await clientOf('mueller');
    const added = (await orderableProducts(client, 12)).map((p) => p.sku).find((sku) => !request.lines.some((l) => l.sku === sku))!;
    const { offer: v2offer } = await secondVersion(offer, request, added);
    const [v1, v2] = v2offer.versions;
    const { el } = await mount(offer.id);
    expect(text($(el, '[part=version]'))).to.equal('Version 2');
    const kinds = (from: number) => Object.fromEntries($$(el, `[part=differences][data-from="${from}"] [part=diff-line][data-sku]`).map((r) => [r.dataset.sku, r.dataset.kind]));
    const [first, middle, last] = request.lines;
    expect(kinds(1)).to.deep.equal({ [first!.sku]: 'changed', [added]: 'added', [last!.sku]: 'removed' });
    const row = $(el, `[part=differences][data-from="1"] [data-sku="${first!.sku}"]`)!;
    const cells = [...row.querySelectorAll('td')].map((c) => text(c));
    const l1 = v1!.lines[0]!;
    const l2 = v2!.lines[0]!;
    expect(cells[0]).to.equal('geändert');
    expect(cells[1]).to.match(new RegExp(`^${l1.quantity.toLocaleString('de-DE')} \\S+ → ${l2.quantity.toLocaleString('de-DE')} \\S+$`));
    expect(cells[2]).to.equal(`${euro(l1.unitPrice.amount)} → ${euro(l2.unitPrice.amount)}`);
    expect(text($(el, '[part=differences][data-from="1"]'))).to.include('1 Position unverändert.');
    expect(text($(el, '[part=differences][data-from="1"]'))).to.include(`Gesamt brutto ${euro(v1!.totals.gross.amount)} → ${euro(v2!.totals.gross.amount)}`);
    // Against the request: quantities only (a request has no prices).
    expect(kinds(0)).to.deep.equal({ [first!.sku]: 'changed', [added]: 'added', [last!.sku]: 'removed' });
    expect($(el, `[part=differences][data-from="0"] [data-sku="${middle!.sku}"]`)).to.equal(null);
    // The buyer's comment is in the history.
    expect(text($(el, '[part=history]'))).to.include('Bitte mehr vom ersten Artikel');
  });

  it('accepts into an order exactly once on a double click, at the offer’s prices', async () => {
    const { offer } = await sentOfferOf();
    const { el, sent } = await mount(offer.id);
    await openAccept(el);
    type($(el, '[part=accept-form] input[name=po]'), 'ANG-PO-1');
    await el.updateComplete;
    const accepted = oneEvent(el, 'kontor-offer-accept') as Promise<KontorOfferAcceptEvent>;
    const placed = oneEvent(el, 'kontor-order-placed') as Promise<KontorOrderPlacedEvent>;
    const button = $<HTMLButtonElement>(el, '[part=confirm]')!;
    button.click();
    button.click();
    button.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    const { detail } = await accepted;
    expect((await placed).detail.order.id).to.equal(detail.order!.id);
    const posts = sent.filter((s) => s.method === 'POST' && s.path.endsWith('/accept'));
    expect(posts).to.have.length(1);
    expect(posts[0]!.key).to.match(/^[0-9a-f-]{16,}$/);
    expect(detail.offer.status).to.equal('accepted');
    expect(detail.standingOrderId).to.equal(null);
    expect(detail.order!.purchaseOrderNumber).to.equal('ANG-PO-1');
    expect(detail.order!.lines.map((l) => [l.sku, l.unitPrice.amount])).to.deep.equal(offer.versions[0]!.lines.map((l) => [l.sku, l.unitPrice.amount]));
    await idle(el);
    await waitUntil(() => $(el, '[part=state-note][data-status=accepted]'), 'not shown as accepted');
    expect(text($(el, '[part=status]'))).to.equal('Angenommen');
    expect(text($(el, '[part=result]'))).to.equal(`Bestellung ${detail.order!.number}`);
    expect(text($(el, '[role=status]'))).to.equal(`Angenommen: Bestellung ${detail.order!.number}.`);
    expect($(el, '[part=actions]')).to.equal(null);
    // It was re-read after accepting.
    expect(sent.filter((s) => s.method === 'GET' && s.path === `/v1/offers/${offer.id}`).length).to.be.at.least(2);
  });

  it('retries an acceptance whose answer was lost with the same key: one order', async () => {
    const { offer } = await sentOfferOf();
    const { el, sent } = await mount(offer.id, { loseAccepts: 1 });
    await openAccept(el);
    $<HTMLButtonElement>(el, '[part=confirm]')!.click();
    await waitUntil(() => $(el, '[part=error][role=alert]'), 'no alert', { timeout: 15_000 });
    await idle(el);
    // The server accepted it; the element does not know and offers the same attempt again.
    expect((await (await buyerOffersOf()).get(offer.id)).status).to.equal('accepted');
    expect($(el, '[part=accept-form]')).to.not.equal(null);
    const accepted = oneEvent(el, 'kontor-offer-accept') as Promise<KontorOfferAcceptEvent>;
    $<HTMLButtonElement>(el, '[part=confirm]')!.click();
    const { detail } = await accepted;
    const posts = sent.filter((s) => s.method === 'POST' && s.path.endsWith('/accept'));
    expect(posts).to.have.length(2);
    expect(posts[1]!.key).to.equal(posts[0]!.key);
    const stored = await (await buyerOffersOf()).get(offer.id);
    expect(stored.result).to.deep.equal({ kind: 'order', orderId: detail.order!.id, orderNumber: detail.order!.number });
  });

  it('accepts into a standing order with the offer’s prices fixed until its price end', async () => {
    const { offer } = await sentOfferOf('mueller', { validUntil: inDays(60) });
    const v = offer.versions[0]!;
    const { el } = await mount(offer.id);
    await openAccept(el);
    choose($<HTMLInputElement>(el, '[part=accept-form] input[name=into][value=standing_order]'));
    await el.updateComplete;
    const schedule = $<HTMLSelectElement>(el, '[part=accept-form] select[name=schedule]')!;
    schedule.value = 'biweekly';
    schedule.dispatchEvent(new Event('change'));
    type($(el, '[part=accept-form] input[name=name]'), 'Kabel alle 2 Wochen');
    await el.updateComplete;
    expect(text($(el, '[part=accept-form] .hint'))).to.match(/^Zu den Preisen dieses Angebots bis \d\d\.\d\d\.\d{4}; dann endet der Dauerauftrag\.$/);
    const accepted = oneEvent(el, 'kontor-offer-accept') as Promise<KontorOfferAcceptEvent>;
    $<HTMLButtonElement>(el, '[part=confirm]')!.click();
    const { detail } = await accepted;
    expect(detail.order).to.equal(null);
    expect(detail.offer.result).to.deep.equal({ kind: 'standing_order', standingOrderId: detail.standingOrderId });
    const so = await createStandingOrdersClient((await clientOf('mueller')).http).get(detail.standingOrderId!);
    expect(so.name).to.equal('Kabel alle 2 Wochen');
    expect(so.schedule.rrule).to.include('INTERVAL=2');
    expect(so.priceMode).to.deep.include({ kind: 'fixed', validUntil: v.priceValidUntil, offerId: offer.id });
    expect(so.priceMode.kind === 'fixed' && so.priceMode.prices).to.deep.equal(v.lines.map((l) => ({ sku: l.sku, unitPrice: l.unitPrice })));
    await idle(el);
    expect(text($(el, '[role=status]'))).to.equal('Angenommen: Der Dauerauftrag ist angelegt.');
    expect(text($(el, '[part=result]'))).to.equal('Dauerauftrag');
  });

  it('rejects with a reason, and asks for one first', async () => {
    const { offer } = await sentOfferOf();
    const { el, sent } = await mount(offer.id);
    $<HTMLButtonElement>(el, '[part=actions] [data-action=reject]')!.click();
    await el.updateComplete;
    const textarea = $<HTMLTextAreaElement>(el, '[part=reject-form] textarea')!;
    expect(el.shadowRoot!.activeElement).to.equal(textarea);
    $<HTMLButtonElement>(el, '[part=confirm]')!.click();
    await el.updateComplete;
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el.shadowRoot!.getElementById(textarea.getAttribute('aria-describedby')!))).to.equal('Bitte ausfüllen.');
    expect(sent.filter((s) => s.method === 'POST')).to.have.length(0);
    type(textarea, 'Zu teuer');
    const rejected = oneEvent(el, 'kontor-offer-reject') as Promise<KontorOfferRejectEvent>;
    $<HTMLButtonElement>(el, '[part=confirm]')!.click();
    const { detail } = await rejected;
    expect(detail.offer.status).to.equal('rejected');
    await idle(el);
    expect(text($(el, '[part=status]'))).to.equal('Abgelehnt');
    expect(text($(el, '[part=state-note]'))).to.equal('Sie haben dieses Angebot abgelehnt: „Zu teuer“.');
    expect(text($(el, '[role=status]'))).to.equal('Angebot abgelehnt.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=title]'));
  });

  it('asks for changes with a comment', async () => {
    const { offer } = await sentOfferOf();
    const { el } = await mount(offer.id);
    $<HTMLButtonElement>(el, '[part=actions] [data-action=changes]')!.click();
    await el.updateComplete;
    type($(el, '[part=changes-form] textarea'), 'Bitte 10 % mehr Rabatt');
    const changes = oneEvent(el, 'kontor-offer-change-request') as Promise<KontorOfferChangeRequestEvent>;
    $<HTMLButtonElement>(el, '[part=confirm]')!.click();
    const { detail } = await changes;
    expect(detail.offer.status).to.equal('changes_requested');
    expect(detail.offer.history.at(-1)).to.deep.include({ kind: 'changes_requested', text: 'Bitte 10 % mehr Rabatt' });
    await idle(el);
    expect(text($(el, '[part=status]'))).to.equal('Änderung angefragt');
    expect($(el, '[part=state-note]')!.dataset.status).to.equal('changes_requested');
    expect($(el, '[part=actions]')).to.equal(null);
  });

  it('cannot accept an offer withdrawn meanwhile: the server’s words in an alert, then why', async () => {
    const { offer } = await sentOfferOf();
    const { el, sent } = await mount(offer.id);
    await openAccept(el);
    const rep = await repOf('jana');
    await rep.withdraw(offer.id, (await rep.get(offer.id)).version, 'Preise haben sich geändert');
    $<HTMLButtonElement>(el, '[part=confirm]')!.click();
    await waitUntil(() => $(el, '[part=error][role=alert]'), 'no alert', { timeout: 15_000 });
    await idle(el);
    // The withdrawal changed the offer: the server refuses the stale version, the element reads the offer again.
    expect(text($(el, '[part=error]'))).to.equal('Das hat nicht geklappt. Dies wurde zwischenzeitlich geändert.');
    expect(text($(el, '[part=notice]'))).to.equal('Das Angebot hat sich inzwischen geändert; der aktuelle Stand wird angezeigt.');
    expect(sent.filter((s) => s.method === 'POST' && s.path.endsWith('/accept'))).to.have.length(1);
    expect($(el, '[part=state-note]')!.dataset.status).to.equal('withdrawn');
    expect(text($(el, '[part=state-note]'))).to.equal('Der Anbieter hat dieses Angebot zurückgezogen: „Preise haben sich geändert“. Es kann nicht mehr angenommen werden.');
    expect($(el, '[part=accept-form]')).to.equal(null);
    expect($(el, '[part=actions]')).to.equal(null);

    // Opened later, it says so at once and offers no answer.
    const { el: later } = await mount(offer.id);
    expect(text($(later, '[part=status]'))).to.equal('Zurückgezogen');
    expect($(later, '[part=actions]')).to.equal(null);
  });

  it('cannot accept an offer past its validity and says until when it was valid', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    const { offer } = await sentOfferOf('mueller', { validUntil: today });
    const { el } = await mount(offer.id);
    expect(text($(el, '[part=validity] .countdown'))).to.equal('nur noch heute');
    expect($(el, '[part=actions]')).to.not.equal(null);
    await withPageClockAhead(2, async () => {
      el.requestUpdate();
      await el.updateComplete;
      const [y, m, d] = today.split('-');
      expect($(el, '[part=actions]')).to.equal(null);
      expect($(el, '[part=state-note]')!.dataset.status).to.equal('expired');
      expect(text($(el, '[part=state-note]'))).to.equal(`Dieses Angebot ist abgelaufen (gültig bis ${d}.${m}.${y}) und kann nicht mehr angenommen werden.`);
      expect(text($(el, '[part=validity] .countdown'))).to.equal('abgelaufen');
    });
  });

  it('keeps what the buyer typed when the offer changed meanwhile (409) and shows the current version', async () => {
    const { offer, request } = await sentOfferOf();
    const { el } = await mount(offer.id);
    $<HTMLButtonElement>(el, '[part=actions] [data-action=changes]')!.click();
    await el.updateComplete;
    type($(el, '[part=changes-form] textarea'), 'Lieferung in zwei Teilen?');
    // The rep sends version 2 while the buyer types.
    const rep = await repOf('jana');
    const current = await rep.get(offer.id);
    const updated = await rep.updateDraft(offer.id, { version: current.version, content: contentOf(request, { discountBp: 800 }) });
    await rep.send(offer.id, updated.version);
    $<HTMLButtonElement>(el, '[part=confirm]')!.click();
    await waitUntil(() => $(el, '[part=error][role=alert]'), 'no alert', { timeout: 15_000 });
    await idle(el);
    expect(text($(el, '[part=version]'))).to.equal('Version 2');
    expect($<HTMLTextAreaElement>(el, '[part=changes-form] textarea')!.value).to.equal('Lieferung in zwei Teilen?');
    // Sent again, it answers version 2.
    const changes = oneEvent(el, 'kontor-offer-change-request') as Promise<KontorOfferChangeRequestEvent>;
    $<HTMLButtonElement>(el, '[part=confirm]')!.click();
    expect((await changes).detail.offer.history.at(-1)).to.deep.include({ kind: 'changes_requested', versionNumber: 2 });
  });

  it('says when no offer is chosen, and shows an error with a retry when the server cannot be reached', async () => {
    const { el: none } = await mount('');
    expect(text($(none, '.muted'))).to.equal('Kein Angebot gewählt.');
    const { el } = await mount('ofr_x', { endpoint: unreachableEndpoint });
    expect(text($(el, '[part=error]'))).to.match(/^Das hat nicht geklappt\./);
    expect($(el, '[part=error] .retry')).to.not.equal(null);
  });

  it('does not show another company’s offer', async () => {
    const { offer } = await sentOfferOf();
    const { el } = await mount(offer.id, { user: 'schmidt' });
    expect($(el, '[part=title]')).to.equal(null);
    expect($(el, '[part=error][role=alert]')).to.not.equal(null);
  });

  it('speaks English', async () => {
    const { offer } = await sentOfferOf();
    const { el } = await mount(offer.id, { lang: 'en' });
    expect(text($(el, '[part=lines] thead'))).to.equal('Product Quantity List price Offer price Discount Net');
    expect(text($(el, '[part=status]'))).to.equal('Open');
    expect($$(el, '[part=actions] button').map((b) => text(b))).to.deep.equal(['Accept', 'Ask for changes', 'Reject']);
  });
});
