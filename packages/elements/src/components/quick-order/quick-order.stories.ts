import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../shop/kontor-shop.js';
import './kontor-quick-order.js';

/**
 * Quick order adds to the buyer's cart on a Kontor server. Without one these stories show the
 * form with a typical paste; submitting shows the error state (nothing is lost from the box).
 */
const meta: Meta = {
  title: 'Cart/kontor-quick-order',
  component: 'kontor-quick-order',
};
export default meta;
type Story = StoryObj;

const paste = 'Artikelnummer;Menge\nKL-1001;100\nLM-1003\t20\nIM-1010 1.000\nXX-9999;5';

export const German: Story = {
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="de" .clientOptions=${{ retries: 0 }}>
    <kontor-quick-order .value=${paste}></kontor-quick-order>
  </kontor-shop>`,
};

export const English: Story = {
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="en" .clientOptions=${{ retries: 0 }}>
    <kontor-quick-order .value=${paste}></kontor-quick-order>
  </kontor-shop>`,
};

export const NotConfigured: Story = {
  render: () => html`<kontor-shop lang="en"><kontor-quick-order></kontor-quick-order></kontor-shop>`,
};
