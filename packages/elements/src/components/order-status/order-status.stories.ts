import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { sampleCart } from '../../testing/sample-cart.js';
import { sampleOrder as orderOf, storyApi } from './order.samples.js';

const sampleOrder = ({ lines = 4, ...options }: Parameters<typeof orderOf>[1] & { lines?: number } = {}) => orderOf(sampleCart(lines, 'de'), options);
import '../shop/kontor-shop.js';
import './kontor-order-status.js';

/**
 * `<kontor-order-status order-id>` loads one order from a Kontor server inside `<kontor-shop>`.
 * These stories need no server: `.order` (presentational) shows a fixed order, a `fetch` in
 * `.clientOptions` answers GET /v1/orders/{id}, one that never answers shows loading.
 */
const meta: Meta = {
  title: 'Orders/kontor-order-status',
  component: 'kontor-order-status',
};
export default meta;
type Story = StoryObj;

export const Placed: Story = { render: () => html`<kontor-order-status lang="de" .order=${sampleOrder({ status: 'placed' })}></kontor-order-status>` };
export const Shipped: Story = {
  name: 'Shipped (with tracking)',
  render: () => html`<kontor-order-status lang="de" .order=${sampleOrder({ status: 'shipped' })}></kontor-order-status>`,
};
export const DeliveredEnglish: Story = {
  name: 'Delivered (English)',
  render: () => html`<kontor-order-status lang="en" .order=${sampleOrder({ status: 'delivered', method: 'sepa_debit' })}></kontor-order-status>`,
};
export const Cancelled: Story = { render: () => html`<kontor-order-status lang="de" .order=${sampleOrder({ status: 'cancelled' })}></kontor-order-status>` };
export const ThousandLines: Story = {
  name: '1,000 lines',
  render: () => html`<kontor-order-status lang="de" .order=${sampleOrder({ lines: 1000, status: 'in_fulfilment' })}></kontor-order-status>`,
};

export const FromTheServer: Story = {
  name: 'From the (fake) server',
  render: () => {
    const order = sampleOrder({ status: 'shipped' });
    return html`<kontor-shop endpoint="https://kontor.invalid" token="story" lang="de" .clientOptions=${{ fetch: storyApi({ cart: sampleCart(4, 'de'), orders: [order] }) }}>
      <kontor-order-status order-id=${order.id}></kontor-order-status>
    </kontor-shop>`;
  },
};

export const Loading: Story = {
  render: () => html`<kontor-shop endpoint="https://kontor.invalid" lang="de" .clientOptions=${{ fetch: () => new Promise<Response>(() => {}) }}>
    <kontor-order-status order-id="ord_loading"></kontor-order-status>
  </kontor-shop>`,
};

export const NotFound: Story = {
  render: () => html`<kontor-shop endpoint="https://kontor.invalid" token="story" lang="de" .clientOptions=${{ fetch: storyApi({ cart: sampleCart(4, 'de') }) }}>
    <kontor-order-status order-id="ord_missing"></kontor-order-status>
  </kontor-shop>`,
};
