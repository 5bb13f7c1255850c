import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { nymCable } from '../../testing/sample-products.js';
import './kontor-quantity.js';

const meta: Meta = {
  title: 'Catalogue/kontor-quantity',
  component: 'kontor-quantity',
};
export default meta;
type Story = StoryObj;

export const German: Story = {
  render: () => html`<kontor-quantity lang="de" min="10" step="10"></kontor-quantity>`,
};

export const English: Story = {
  render: () => html`<kontor-quantity lang="en" min="10" step="10"></kontor-quantity>`,
};

export const FromProduct: Story = {
  name: 'From a product (cable, steps of 50 m)',
  render: () => html`<kontor-quantity lang="de" .product=${nymCable}></kontor-quantity>`,
};

/** The buyer typed 25 where only multiples of 10 are allowed. */
export const InvalidQuantity: Story = {
  render: () => html`<kontor-quantity lang="de" min="10" step="10"></kontor-quantity>`,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('kontor-quantity')!;
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector('input')!;
    input.value = '25';
    input.dispatchEvent(new Event('change'));
  },
};

export const BelowMinimum: Story = {
  render: () => html`<kontor-quantity lang="en" min="10" step="10"></kontor-quantity>`,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('kontor-quantity')!;
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector('input')!;
    input.value = '4';
    input.dispatchEvent(new Event('change'));
  },
};
