import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { CreateOfferRequestBody } from '@kontor/core/offers';
import { html } from 'lit';
import { sampleCart } from '../../testing/sample-cart.js';
import { storyApi } from '../order-status/order.samples.js';
import '../cart/kontor-cart.js';
import '../shop/kontor-shop.js';
import './kontor-request-offer.js';

/**
 * `<kontor-request-offer>` asks for an offer from the page's cart. These stories need no server:
 * a `fetch` in `.clientOptions` answers the cart from fixed data and takes one request per
 * Idempotency-Key, as the server does.
 */
const meta: Meta = {
  title: 'Offers/kontor-request-offer',
  component: 'kontor-request-offer',
};
export default meta;
type Story = StoryObj;

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function requestApi(lines: number, refuse = false): Fetch {
  const cart = sampleCart(lines);
  const cartApi = storyApi({ cart });
  const byKey = new Map<string, unknown>();
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    if (new URL(request.url).pathname !== '/v1/offer-requests' || request.method !== 'POST') return cartApi(input, init);
    await new Promise((r) => setTimeout(r, 500));
    if (refuse) return json({ status: 422, code: 'validation', message: 'Die Eingaben sind nicht gültig.', issues: [{ path: ['desiredDate'], code: 'custom', message: 'Der Wunschtermin liegt in der Vergangenheit.' }] }, 422);
    const key = request.headers.get('idempotency-key') ?? '';
    const body = (await request.json()) as CreateOfferRequestBody;
    if (!byKey.has(key)) {
      byKey.set(key, {
        id: `orq_story${byKey.size + 1}`, status: 'open', company: { id: 'cmp_story', name: 'Elektro Müller GmbH', customerNumber: '10001' },
        lines: cart.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })), message: body.message ?? null, desiredDate: body.desiredDate ?? null,
        requestedBy: { name: 'Eva Einkauf' }, cartId: cart.id, offerId: null, createdAt: new Date().toISOString(),
      });
    }
    return json(byKey.get(key), 201);
  };
}

const shop = (lang: 'de' | 'en', fetch: Fetch) => html`<kontor-shop endpoint="https://kontor.invalid" token="story" lang=${lang} .clientOptions=${{ fetch, retries: 0 }}>
  <kontor-cart></kontor-cart>
  <kontor-request-offer></kontor-request-offer>
</kontor-shop>`;

export const German: Story = { render: () => shop('de', requestApi(3)) };
export const English: Story = { render: () => shop('en', requestApi(3)) };
export const EmptyCart: Story = { render: () => shop('de', requestApi(0)) };
export const Refused: Story = { render: () => shop('de', requestApi(2, true)) };
