import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { sampleCart } from '../../testing/sample-cart.js';
import '../shop/kontor-shop.js';
import './kontor-cart.js';

/**
 * The cart shows the buyer's cart from a Kontor server inside `<kontor-shop>`. These stories need
 * no server: `preview` (presentational, read-only) takes a cart priced by core's own rules, a
 * `fetch` that never answers shows loading, an endpoint where nothing listens shows the error.
 */
const meta: Meta = {
  title: 'Cart/kontor-cart',
  component: 'kontor-cart',
};
export default meta;
type Story = StoryObj;

const neverAnswers = { fetch: () => new Promise<Response>(() => {}) };

export const German: Story = {
  render: () => html`<kontor-cart lang="de" .preview=${sampleCart(4, 'de')}></kontor-cart>`,
};

export const English: Story = {
  render: () => html`<kontor-cart lang="en" .preview=${sampleCart(4, 'en')}></kontor-cart>`,
};

export const ThousandLines: Story = {
  name: '1,000 lines',
  render: () => html`<kontor-cart lang="de" .preview=${sampleCart(1000, 'de')}></kontor-cart>`,
};

export const Empty: Story = {
  render: () => html`<kontor-cart lang="de" .preview=${{ ...sampleCart(0, 'de'), lines: [], lineCount: 0 }}></kontor-cart>`,
};

export const Loading: Story = {
  render: () => html`<kontor-shop endpoint="https://kontor.invalid" lang="de" .clientOptions=${neverAnswers}>
    <kontor-cart></kontor-cart>
  </kontor-shop>`,
};

export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="de" .clientOptions=${{ retries: 0 }}>
    <kontor-cart></kontor-cart>
  </kontor-shop>`,
};

export const NotConfigured: Story = {
  render: () => html`<kontor-shop lang="en"><kontor-cart></kontor-cart></kontor-shop>`,
};
