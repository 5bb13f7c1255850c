import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../shop/kontor-shop.js';
import './kontor-cart-count.js';

/** Counts the lines of the buyer's cart on a Kontor server; without one it shows 0. */
const meta: Meta = {
  title: 'Cart/kontor-cart-count',
  component: 'kontor-cart-count',
};
export default meta;
type Story = StoryObj;

export const AsLink: Story = {
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="de" .clientOptions=${{ retries: 0 }}>
    <kontor-cart-count href="#warenkorb" label="Warenkorb"></kontor-cart-count>
  </kontor-shop>`,
};

export const Plain: Story = {
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="en" .clientOptions=${{ retries: 0 }}>
    <kontor-cart-count></kontor-cart-count>
  </kontor-shop>`,
};
