import type { ReorderCandidates, ReorderResult } from '@kontor/core/reorder';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../shop/kontor-shop.js';
import './kontor-reorder.js';

/**
 * `<kontor-reorder>`: recent orders, the products the company orders most and the due ones, and
 * what a reorder did line by line. These stories need no server: a `fetch` in `.clientOptions`
 * answers the reorder routes from the samples below (a cart call answers an empty cart).
 */
const meta: Meta = { title: 'Reorder/kontor-reorder', component: 'kontor-reorder' };
export default meta;
type Story = StoryObj;

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const today = (over: Partial<ReorderCandidates['products'][number]['today']> = {}) => ({
  status: 'orderable' as const, unitPrice: eur(3420), priceUnit: 1, priceChange: { amount: eur(5), basisPoints: 15 }, promisedDelivery: '2026-05-20', replacementSku: null, reason: null, ...over,
});
const cadence = (bucket: 'overdue' | 'due_soon' | 'on_track' | 'not_predictable', intervalDays: number | null, daysSinceLast: number) => ({
  bucket, orders: 4, intervalDays, confidence: 0.8, lastOrderedAt: '2026-03-30T08:00:00.000Z', daysSinceLast, dueOn: null,
});
const candidates: ReorderCandidates = {
  asOf: '2026-05-18T09:00:00.000Z',
  recentOrders: [{
    orderId: 'ord_story1', number: 'K-2026-000123', placedAt: '2026-05-04T08:00:00.000Z', gross: eur(48_790),
    lines: [
      { position: 0, sku: 'FL-1003', name: { de: 'LED-Röhre T8 150 cm', en: 'LED tube T8 150 cm' }, unit: 'piece', quantity: 12, unitPrice: eur(3415), today: today() },
      { position: 1, sku: 'KB-2040', name: { de: 'NYM-J 3×1,5 mm²', en: 'NYM-J 3×1.5 mm²' }, unit: 'meter', quantity: 100, unitPrice: eur(62), today: today({ status: 'later', unitPrice: eur(62), priceChange: { amount: eur(0), basisPoints: 0 }, promisedDelivery: '2026-06-15' }) },
      { position: 2, sku: 'SP-0007', name: { de: 'Einbauspot alt', en: 'Old downlight' }, unit: 'piece', quantity: 4, unitPrice: eur(1290), today: today({ status: 'discontinued', replacementSku: 'SP-0008', unitPrice: eur(1350) }) },
    ],
  }],
  products: [
    { sku: 'FL-1003', name: { de: 'LED-Röhre T8 150 cm', en: 'LED tube T8 150 cm' }, unit: 'piece', orderCount: 4, lastQuantity: 12, lastOrderedAt: '2026-03-30T08:00:00.000Z', lastOrderId: 'ord_story0', lastUnitPrice: eur(3415), today: today(), cadence: cadence('overdue', 42, 49) },
    { sku: 'KB-2040', name: { de: 'NYM-J 3×1,5 mm²', en: 'NYM-J 3×1.5 mm²' }, unit: 'meter', orderCount: 3, lastQuantity: 100, lastOrderedAt: '2026-05-04T08:00:00.000Z', lastOrderId: 'ord_story1', lastUnitPrice: eur(62), today: today({ unitPrice: eur(62), priceChange: null }), cadence: cadence('on_track', 28, 14) },
    { sku: 'DS-3300', name: { de: 'Dosenklemme 3-fach', en: 'Splice connector 3-way' }, unit: 'piece', orderCount: 2, lastQuantity: 50, lastOrderedAt: '2026-04-01T08:00:00.000Z', lastOrderId: 'ord_story0', lastUnitPrice: eur(21), today: today({ unitPrice: eur(19), priceChange: { amount: eur(-2), basisPoints: -952 } }), cadence: cadence('not_predictable', 30, 47) },
  ],
  due: ['FL-1003'],
};
const result: ReorderResult = {
  target: 'new_cart', order: null, cart: null,
  lines: [
    { sku: 'FL-1003', name: candidates.recentOrders[0]!.lines[0]!.name, outcome: 'merged', requested: 12, quantity: 12, replacedBy: null, cartQuantity: 20, repriced: { before: eur(3415), after: eur(3420) }, availableOn: null, reason: null },
    { sku: 'KB-2040', name: candidates.recentOrders[0]!.lines[1]!.name, outcome: 'later', requested: 100, quantity: 100, replacedBy: null, cartQuantity: null, repriced: null, availableOn: '2026-06-15', reason: null },
    { sku: 'SP-0007', name: candidates.recentOrders[0]!.lines[2]!.name, outcome: 'added', requested: 4, quantity: 4, replacedBy: 'SP-0008', cartQuantity: null, repriced: { before: eur(1290), after: eur(1350) }, availableOn: null, reason: null },
  ],
};
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const api = (data: ReorderCandidates) => async (input: RequestInfo | URL) => {
  const url = String(input instanceof Request ? input.url : input);
  if (url.includes('/v1/reorder/candidates')) return json(data);
  if (url.includes('/v1/reorder')) return json(result);
  return new Response(JSON.stringify({ code: 'not_found', message: 'story' }), { status: 404, headers: { 'content-type': 'application/json' } });
};
const shop = (lang: 'de' | 'en', fetch: (input: RequestInfo | URL) => Promise<Response>, attrs: { compact?: boolean; allowOrder?: boolean } = {}) => html`<kontor-shop endpoint="https://kontor.invalid" token="story" lang=${lang} .clientOptions=${{ fetch, retries: 0 }}>
  <kontor-reorder ?compact=${attrs.compact ?? false} ?allow-order=${attrs.allowOrder ?? false}></kontor-reorder>
</kontor-shop>`;

export const German: Story = { render: () => shop('de', api(candidates), { allowOrder: true }) };
export const English: Story = { render: () => shop('en', api(candidates)) };
export const Compact: Story = { render: () => html`<div style="max-width: 18rem">${shop('de', api(candidates), { compact: true })}</div>` };
export const Empty: Story = { render: () => shop('de', api({ asOf: candidates.asOf, recentOrders: [], products: [], due: [] })) };
export const Loading: Story = { render: () => shop('de', () => new Promise<Response>(() => {})) };
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="de" .clientOptions=${{ retries: 0 }}><kontor-reorder></kontor-reorder></kontor-shop>`,
};
