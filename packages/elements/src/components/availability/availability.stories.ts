import type { AvailabilityAnswer, AvailabilityResponse } from '@kontor/core/availability';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../quantity/kontor-quantity.js';
import '../shop/kontor-shop.js';
import './kontor-availability.js';

/**
 * `<kontor-availability>` asks a Kontor server inside `<kontor-shop>`. These stories need no
 * server: a `fetch` in `.clientOptions` answers POST /v1/availability from a small fixed stock
 * (so the linked quantity story really changes the promise), a `fetch` that never answers shows
 * loading, one that fails shows the error with retry.
 */
const meta: Meta = {
  title: 'Availability/kontor-availability',
  component: 'kontor-availability',
};
export default meta;
type Story = StoryObj;

const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

/** Stock of the story world: on hand now, and what arrives on which day. */
const stock: Record<string, { now: number; later?: { quantity: number; days: number }; discontinued?: string | null }> = {
  'KL-1010': { now: 500 },
  'LM-1003': { now: 3, later: { quantity: 200, days: 9 } },
  'SD-2040': { now: 0, later: { quantity: 40, days: 9 } },
  'LM-1001': { now: 0, discontinued: 'LM-1004' },
};

function answer(sku: string, quantity: number): AvailabilityAnswer {
  const s = stock[sku];
  if (!s) return { sku, quantity, error: { path: ['sku'], code: 'unknown_sku', message: `There is no product with SKU ${sku}.`, params: { sku } } };
  const now = Math.min(s.now, quantity);
  const later = s.later ? Math.min(s.later.quantity, quantity - now) : 0;
  const split = [...(now ? [{ quantity: now, delivery: day(2) }] : []), ...(later ? [{ quantity: later, delivery: day(s.later!.days) }] : [])];
  const shortfall = quantity - now - later;
  const status = s.discontinued !== undefined ? 'discontinued' : now >= quantity ? 'in_stock' : now > 0 ? 'partial' : 'on_order';
  return {
    sku, quantity, status, availableNow: s.now, split, shortfall,
    earliestDelivery: shortfall ? null : (split.at(-1)?.delivery ?? null),
    ...(s.discontinued !== undefined ? { replacementSku: s.discontinued } : {}),
  };
}

/** Answers POST /v1/availability like the server would, from `stock`. */
const storyFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const request = input instanceof Request ? input : new Request(input, init);
  const body = (await request.json()) as { destination: string; items: { sku: string; quantity: number }[] };
  const response: AvailabilityResponse = { destination: body.destination, asOf: new Date().toISOString(), items: body.items.map((i) => answer(i.sku, i.quantity)) };
  return new Response(JSON.stringify(response), { status: 200, headers: { 'content-type': 'application/json' } });
};
const answers = { fetch: storyFetch };
const neverAnswers = { fetch: () => new Promise<Response>(() => {}) };

const all = html`<kontor-availability sku="KL-1010" quantity="100"></kontor-availability>
  <kontor-availability sku="LM-1003" quantity="10"></kontor-availability>
  <kontor-availability sku="SD-2040" quantity="5"></kontor-availability>
  <kontor-availability sku="LM-1001" quantity="2"></kontor-availability>
  <kontor-availability sku="XX-9999"></kontor-availability>
  <kontor-availability sku="KL-1010" quantity="0"></kontor-availability>`;

export const German: Story = {
  render: () => html`<kontor-shop endpoint="https://kontor.invalid" lang="de" .clientOptions=${answers}>${all}</kontor-shop>`,
};

export const English: Story = {
  render: () => html`<kontor-shop endpoint="https://kontor.invalid" lang="en" .clientOptions=${answers}>${all}</kontor-shop>`,
};

export const LinkedQuantity: Story = {
  name: 'Linked to a quantity',
  render: () => html`<kontor-shop endpoint="https://kontor.invalid" lang="de" .clientOptions=${answers}>
    <kontor-quantity id="qty-lm1003" min="1" step="1" quantity="2" item-name="LED-Modul"></kontor-quantity>
    <kontor-availability sku="LM-1003" for="qty-lm1003"></kontor-availability>
  </kontor-shop>`,
};

export const Loading: Story = {
  render: () => html`<kontor-shop endpoint="https://kontor.invalid" lang="de" .clientOptions=${neverAnswers}>
    <kontor-availability sku="KL-1010"></kontor-availability>
  </kontor-shop>`,
};

export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="de" .clientOptions=${{ retries: 0 }}>
    <kontor-availability sku="KL-1010"></kontor-availability>
  </kontor-shop>`,
};

export const UnsupportedDestination: Story = {
  render: () => html`<kontor-shop
    endpoint="https://kontor.invalid"
    lang="de"
    .clientOptions=${{
      fetch: async () =>
        new Response(
          JSON.stringify({
            status: 422, code: 'validation', message: 'We do not deliver to US.',
            issues: [{ path: ['destination'], code: 'unsupported_destination', message: 'We do not deliver to US.', params: { country: 'US', supported: ['AT', 'CH', 'DE', 'NL'] }, suggestions: ['AT', 'CH', 'DE', 'NL'] }],
          }),
          { status: 422, headers: { 'content-type': 'application/json' } },
        ),
    }}
  >
    <kontor-availability sku="KL-1010" destination="US"></kontor-availability>
  </kontor-shop>`,
};

export const NotConfigured: Story = {
  render: () => html`<kontor-shop lang="en"><kontor-availability sku="KL-1010"></kontor-availability></kontor-shop>`,
};

export const Themed: Story = {
  render: () => html`<style>
      .themed kontor-availability {
        --availability-font-size: 1rem;
        --availability-available-color: #0a7d32;
      }
      .themed kontor-availability::part(text) {
        font-weight: 600;
      }
    </style>
    <div class="themed">
      <kontor-shop endpoint="https://kontor.invalid" lang="de" .clientOptions=${answers}>${all}</kontor-shop>
    </div>`,
};
