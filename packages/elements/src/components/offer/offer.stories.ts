import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Cart } from '@kontor/core/cart';
import type { Offer } from '@kontor/core/offers';
import { html } from 'lit';
import { offerApi, sampleOffer, sampleVersion } from '../offers/offers.samples.js';
import { sampleOrder } from '../order-status/order.samples.js';
import '../shop/kontor-shop.js';
import './kontor-offer.js';

/**
 * `<kontor-offer>` shows one offer and lets the buyer answer it. These stories need no server: a
 * `fetch` in `.clientOptions` answers from offers kept in memory (the list's sample API) and takes
 * the answers — accept, reject, ask for changes — as the server would.
 */
const meta: Meta = {
  title: 'Offers/kontor-offer',
  component: 'kontor-offer',
};
export default meta;
type Story = StoryObj;

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The list's sample API plus the buyer's answers and the request; `refuse` answers every accept with that error. */
function answeringApi(offers: Offer[], refuse?: { code: string; message: string }): Fetch {
  const read = offerApi(offers);
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const answer = url.pathname.match(/^\/v1\/offers\/([^/]+)\/(accept|reject|change-requests)$/);
    const asked = url.pathname.match(/^\/v1\/offer-requests\/([^/]+)$/);
    if (asked) {
      const first = offers.find((o) => o.requestId === asked[1])?.versions[0];
      return json({
        id: asked[1], status: 'offered', company: { id: 'cmp_story', name: 'Elektro Müller GmbH', customerNumber: '10001' },
        lines: (first?.lines ?? []).map((l) => ({ sku: l.sku, quantity: l.quantity })), message: 'Bitte um Angebot', desiredDate: null,
        requestedBy: { name: 'Eva Einkauf' }, cartId: null, offerId: offers.find((o) => o.requestId === asked[1])?.id ?? null, createdAt: new Date().toISOString(),
      });
    }
    if (!answer || request.method !== 'POST') return read(input, init);
    await new Promise((r) => setTimeout(r, 400));
    const index = offers.findIndex((o) => o.id === answer[1]);
    const offer = offers[index]!;
    const body = (await request.json()) as { version: number; versionNumber: number; reason?: string; comment?: string; into?: { kind: string } };
    if (body.version !== offer.version) return json({ status: 409, code: 'conflict', message: 'Dies wurde zwischenzeitlich geändert.', issues: [] }, 409);
    const at = new Date().toISOString();
    const by = { side: 'buyer' as const, name: 'Eva Einkauf' };
    const kind = answer[2] === 'accept' ? 'accepted' : answer[2] === 'reject' ? 'rejected' : 'changes_requested';
    if (kind === 'accepted' && refuse) return json({ status: 409, ...refuse, issues: [] }, 409);
    const v = offer.versions.at(-1)!;
    const order =
      kind === 'accepted' && body.into?.kind === 'order'
        ? {
            ...sampleOrder({ lines: [], totals: { net: v.totals.net, taxes: v.totals.taxes, tax: v.totals.tax, gross: v.totals.gross } } as unknown as Cart, { number: 131 }),
            lineCount: v.lines.length,
            lines: v.lines.map((l) => ({ sku: l.sku, name: l.name, unit: l.unit, quantity: l.quantity, priceUnit: l.priceUnit, unitPrice: l.unitPrice, net: l.net, taxClass: l.taxClass, taxRate: l.taxRate, promisedDelivery: null })),
          }
        : null;
    const next: Offer = {
      ...offer,
      version: offer.version + 1,
      status: kind,
      updatedAt: at,
      history: [...offer.history, { at, kind, versionNumber: body.versionNumber, by, text: body.reason ?? body.comment ?? null, lines: null }],
      ...(kind === 'accepted'
        ? { acceptedVersion: body.versionNumber, result: order ? { kind: 'order' as const, orderId: order.id, orderNumber: order.number } : { kind: 'standing_order' as const, standingOrderId: 'sto_story9' } }
        : {}),
    };
    offers[index] = next;
    return json(kind === 'accepted' ? { offer: next, order, standingOrderId: order ? null : 'sto_story9' } : next);
  };
}

const shop = (lang: 'de' | 'en', id: string, fetch: Fetch) => html`<kontor-shop endpoint="https://kontor.invalid" token="story" lang=${lang} .clientOptions=${{ fetch, retries: 0 }}>
  <kontor-offer offer-id=${id} order-url="#/orders/{id}" standing-order-url="#/standing-orders/{id}"></kontor-offer>
</kontor-shop>`;

const single = sampleOffer({
  id: 'ofr_story5', number: 'ANG-2026-000050', requestId: 'orq_story5', currentVersion: 1,
  versions: [sampleVersion(1, [['NYM-J-3x1.5', 'Mantelleitung NYM-J 3×1,5 mm²', 46, 500, 500], ['KL-1010', 'Kabelbinder 200 mm', 180, 40, 0]])],
});

/** Version 2 after a request for changes: the differences to version 1 and to the request. */
export const SecondVersion: Story = { render: () => shop('de', 'ofr_story1', answeringApi([sampleOffer()])) };
export const English: Story = { render: () => shop('en', 'ofr_story1', answeringApi([sampleOffer()])) };
export const FirstVersion: Story = { render: () => shop('de', 'ofr_story5', answeringApi([single])) };
export const Accepted: Story = {
  render: () => shop('de', 'ofr_story3', answeringApi([sampleOffer({ id: 'ofr_story3', status: 'accepted', acceptedVersion: 2, result: { kind: 'order', orderId: 'ord_story', orderNumber: 'K-2026-000120' } })])),
};
export const Expired: Story = {
  render: () => shop('de', 'ofr_story4', answeringApi([sampleOffer({ id: 'ofr_story4', status: 'expired', validUntil: '2026-01-31', versions: [sampleVersion(1, [['KL-1010', 'Kabelbinder 200 mm', 180, 100, 300]], '2026-01-31')], currentVersion: 1 })])),
};
export const AcceptRefused: Story = {
  name: 'Accept refused (expired meanwhile)',
  render: () => shop('de', 'ofr_story5', answeringApi([{ ...single }], { code: 'offer_expired', message: 'Dieses Angebot ist abgelaufen. Dieses Angebot galt bis 2026-12-07.' })),
};
export const Loading: Story = { render: () => shop('de', 'ofr_story1', () => new Promise<Response>(() => {})) };
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="de" .clientOptions=${{ retries: 0 }}><kontor-offer offer-id="ofr_story1"></kontor-offer></kontor-shop>`,
};
