import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { sampleStandingOrder, standingOrderApi, type StandingOrderApiOptions } from '../standing-order/standing-order.samples.js';
import '../shop/kontor-shop.js';
import './kontor-standing-orders.js';

/**
 * `<kontor-standing-orders>` lists the company's standing orders. These stories need no server:
 * a `fetch` in `.clientOptions` answers from standing orders kept in memory.
 */
const meta: Meta = {
  title: 'Standing orders/kontor-standing-orders',
  component: 'kontor-standing-orders',
};
export default meta;
type Story = StoryObj;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const several = [
  sampleStandingOrder(),
  sampleStandingOrder({ id: 'sto_story2', name: 'Leuchtmittel Filialen', rrule: 'DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=MONTHLY;BYMONTHDAY=25', lines: [{ sku: 'LM-1004', quantity: 200 }] }),
  sampleStandingOrder({ id: 'sto_story3', name: null, status: 'paused', pausedUntil: inDays(40), rrule: 'DTSTART;VALUE=DATE:20260105\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH', runCount: 0 }),
  sampleStandingOrder({ id: 'sto_story4', name: 'Alte Baustelle', status: 'cancelled' }),
];
const shop = (lang: 'de' | 'en', api: ((...args: Parameters<typeof fetch>) => Promise<Response>) | StandingOrderApiOptions) => html`<kontor-shop
  endpoint="https://kontor.invalid"
  token="story"
  lang=${lang}
  .clientOptions=${{ fetch: typeof api === 'function' ? api : standingOrderApi({ lang, ...api }), retries: 0 }}
>
  <kontor-standing-orders></kontor-standing-orders>
</kontor-shop>`;

export const German: Story = { render: () => shop('de', { standingOrders: several }) };
export const English: Story = { render: () => shop('en', { standingOrders: several, lang: 'en' }) };
export const Empty: Story = { render: () => shop('de', { standingOrders: [] }) };
export const Loading: Story = { render: () => shop('de', () => new Promise<Response>(() => {})) };
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="de" .clientOptions=${{ retries: 0 }}><kontor-standing-orders></kontor-standing-orders></kontor-shop>`,
};
