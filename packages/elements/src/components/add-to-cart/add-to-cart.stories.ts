import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../quantity/kontor-quantity.js';
import '../shop/kontor-shop.js';
import './kontor-add-to-cart.js';

/** Adds to the buyer's cart on a Kontor server; without one these stories show the button and its error state. */
const meta: Meta = {
  title: 'Cart/kontor-add-to-cart',
  component: 'kontor-add-to-cart',
};
export default meta;
type Story = StoryObj;

export const German: Story = {
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="de" .clientOptions=${{ retries: 0 }}>
    <kontor-add-to-cart sku="KL-1001" quantity="100" item-name="Mantelleitung NYM-J 3x1,5 mm²"></kontor-add-to-cart>
  </kontor-shop>`,
};

export const English: Story = {
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="en" .clientOptions=${{ retries: 0 }}>
    <kontor-add-to-cart sku="KL-1001" quantity="100"></kontor-add-to-cart>
  </kontor-shop>`,
};

export const NotConfigured: Story = {
  render: () => html`<kontor-shop lang="en"><kontor-add-to-cart sku="KL-1001"></kontor-add-to-cart></kontor-shop>`,
};

/** Linked to a quantity input by `for`: a quantity off the rules (75 for a 50 m step) adds nothing; the button, still focusable, says why. */
export const LinkedInvalidQuantity: Story = {
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="de" .clientOptions=${{ retries: 0 }}>
    <kontor-quantity id="qty-nym" min="50" step="50" quantity="75" unit="meter" item-name="Mantelleitung NYM-J 3x1,5 mm²"></kontor-quantity>
    <kontor-add-to-cart sku="KL-1001" for="qty-nym" item-name="Mantelleitung NYM-J 3x1,5 mm²"></kontor-add-to-cart>
  </kontor-shop>`,
};
