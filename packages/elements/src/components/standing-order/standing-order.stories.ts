import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { sampleStandingOrder, standingOrderApi, type StandingOrderApiOptions } from './standing-order.samples.js';
import '../shop/kontor-shop.js';
import './kontor-standing-order.js';

/**
 * `<kontor-standing-order>` shows one standing order or sets one up. These stories need no
 * server: a `fetch` in `.clientOptions` answers the standing-order routes from memory, expanding
 * schedules with core's rules on a calendar with German holidays (moves show their reason).
 */
const meta: Meta = {
  title: 'Standing orders/kontor-standing-order',
  component: 'kontor-standing-order',
};
export default meta;
type Story = StoryObj;

const shop = (lang: 'de' | 'en', attrs: { id?: string; fromCart?: boolean; sourceOrder?: string }, api: ((...args: Parameters<typeof fetch>) => Promise<Response>) | StandingOrderApiOptions = {}) =>
  html`<kontor-shop endpoint="https://kontor.invalid" token="story" lang=${lang} .clientOptions=${{ fetch: typeof api === 'function' ? api : standingOrderApi({ lang, ...api }), retries: 0 }}>
    ${attrs.fromCart
      ? html`<kontor-standing-order from-cart="cart_story"></kontor-standing-order>`
      : attrs.sourceOrder
        ? html`<kontor-standing-order source-order-id=${attrs.sourceOrder}></kontor-standing-order>`
        : html`<kontor-standing-order standing-order-id=${attrs.id ?? 'sto_story1'}></kontor-standing-order>`}
  </kontor-shop>`;

export const Active: Story = { render: () => shop('de', {}) };
export const English: Story = { render: () => shop('en', {}, { lang: 'en' }) };
export const PausedUntil: Story = {
  name: 'Paused until a day',
  render: () => shop('de', {}, { standingOrders: [sampleStandingOrder({ status: 'paused', pausedUntil: new Date(Date.now() + 70 * 86_400_000).toISOString().slice(0, 10) })] }),
};
export const HolidayMoves: Story = {
  name: 'Runs moved by holidays',
  render: () => shop('de', {}, { standingOrders: [sampleStandingOrder({ name: 'Monatsende', rrule: 'DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=MONTHLY;BYMONTHDAY=25' })] }),
};
export const RruleOnly: Story = {
  name: 'A schedule only RRULE text can say',
  render: () => shop('de', {}, { standingOrders: [sampleStandingOrder({ rrule: 'DTSTART;VALUE=DATE:20260105\nRRULE:FREQ=YEARLY;BYWEEKNO=2,28;BYDAY=MO' })] }),
};
export const Cancelled: Story = { render: () => shop('de', {}, { standingOrders: [sampleStandingOrder({ status: 'cancelled' })] }) };
export const Stale: Story = {
  name: 'Changed elsewhere (409 on the next change)',
  render: () => shop('de', {}, { stale: true }),
};
export const FromCart: Story = { name: 'New from a cart', render: () => shop('de', { fromCart: true }) };
export const FromOrder: Story = { name: 'New from a past order', render: () => shop('de', { sourceOrder: 'ord_story122' }) };
export const Loading: Story = { render: () => shop('de', {}, () => new Promise<Response>(() => {})) };
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="de" .clientOptions=${{ retries: 0 }}><kontor-standing-order standing-order-id="sto_story1"></kontor-standing-order></kontor-shop>`,
};
