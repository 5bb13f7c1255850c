import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { OrderStatus } from '@kontor/core/orders';
import { html } from 'lit';
import { sampleCart } from '../../testing/sample-cart.js';
import { sampleOrder, storyApi } from '../order-status/order.samples.js';
import '../shop/kontor-shop.js';
import './kontor-order-history.js';

/**
 * `<kontor-order-history>` lists the company's orders from a Kontor server inside `<kontor-shop>`.
 * These stories need no server: a `fetch` in `.clientOptions` answers GET /v1/orders and
 * GET /v1/orders/{id} from fixed orders (a row expands its `<kontor-order-status>`).
 */
const meta: Meta = {
  title: 'Orders/kontor-order-history',
  component: 'kontor-order-history',
};
export default meta;
type Story = StoryObj;

const statuses: OrderStatus[] = ['placed', 'confirmed', 'in_fulfilment', 'shipped', 'delivered', 'cancelled'];
const orders = statuses.map((status, i) => sampleOrder(sampleCart(3 + i, 'de'), { status, number: 130 - i }));
const shop = (lang: string, api: ReturnType<typeof storyApi> | (() => Promise<Response>)) => html`<kontor-shop
  endpoint="https://kontor.invalid"
  token="story"
  lang=${lang}
  .clientOptions=${{ fetch: api, retries: 0 }}
>
  <kontor-order-history></kontor-order-history>
</kontor-shop>`;

export const German: Story = { render: () => shop('de', storyApi({ cart: sampleCart(4, 'de'), orders })) };
export const English: Story = { render: () => shop('en', storyApi({ cart: sampleCart(4, 'de'), orders })) };
export const Empty: Story = { render: () => shop('de', storyApi({ cart: sampleCart(4, 'de'), orders: [] })) };
export const Loading: Story = { render: () => shop('de', () => new Promise<Response>(() => {})) };
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="de" .clientOptions=${{ retries: 0 }}><kontor-order-history></kontor-order-history></kontor-shop>`,
};
