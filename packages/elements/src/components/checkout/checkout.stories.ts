import type { Cart } from '@kontor/core/cart';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { sampleCart } from '../../testing/sample-cart.js';
import { storyApi, type StoryApiOptions } from '../order-status/order.samples.js';
import '../shop/kontor-shop.js';
import './kontor-checkout.js';

/**
 * `<kontor-checkout>` checks out the buyer's cart from a Kontor server inside `<kontor-shop>`.
 * These stories need no server: a `fetch` in `.clientOptions` answers the cart, the checkout
 * options, availability and placing from fixed data (placing can answer with an order, a stale
 * cart, a credit limit or never).
 */
const meta: Meta = {
  title: 'Orders/kontor-checkout',
  component: 'kontor-checkout',
};
export default meta;
type Story = StoryObj;

/** A sample cart of the lines that can be ordered (no "price on request", nothing discontinued). */
function orderable(lines: number): Cart {
  const cart = sampleCart(lines, 'de');
  const ok = cart.lines.filter((l) => !l.issues.length);
  return { ...cart, lines: ok, lineCount: ok.length };
}

/** The fake API with a cart of (up to) `lines` sample lines. */
const api = (lines = 4, options: Omit<StoryApiOptions, 'cart'> = {}) => storyApi({ cart: orderable(lines), ...options });

const shop = (lang: string, fetch: ReturnType<typeof storyApi>) => html`<kontor-shop endpoint="https://kontor.invalid" token="story" lang=${lang} .clientOptions=${{ fetch, retries: 0 }}>
  <kontor-checkout></kontor-checkout>
</kontor-shop>`;

export const German: Story = { render: () => shop('de', api()) };
export const English: Story = { render: () => shop('en', api()) };

export const InvoiceNotAvailable: Story = {
  name: 'On account not available (credit limit)',
  render: () =>
    shop(
      'de',
      api(4, {
        options: {
          payment: [
            { method: 'invoice', available: false, reason: 'credit_limit' },
            { method: 'prepayment', available: true, reason: null },
            { method: 'sepa_debit', available: true, reason: null },
          ],
          credit: { limit: { amount: 100_000, currency: 'EUR' }, used: { amount: 90_000, currency: 'EUR' }, remaining: { amount: 10_000, currency: 'EUR' } },
        },
      }),
    ),
};

export const NoSavedAddresses: Story = { render: () => shop('de', api(4, { options: { addresses: [] } })) };

export const StaleCart: Story = {
  name: 'Stale cart (409 on placing)',
  render: () => shop('de', api(4, { place: 'conflict' })),
};

export const CreditLimit: Story = {
  name: 'Credit limit exceeded (422 on placing)',
  render: () => shop('de', api(4, { place: 'credit_limit' })),
};

export const Placing: Story = {
  name: 'Placing (no answer)',
  render: () => shop('de', api(4, { place: 'never' })),
};

export const ThousandLines: Story = {
  name: '1,000 lines',
  render: () => shop('de', api(1000)),
};

export const Empty: Story = { render: () => shop('de', api(0)) };

export const Loading: Story = {
  render: () => shop('de', () => new Promise<Response>(() => {})),
};

export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="de" .clientOptions=${{ retries: 0 }}><kontor-checkout></kontor-checkout></kontor-shop>`,
};
