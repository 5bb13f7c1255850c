import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ledBulb, nymCable, onRequest } from '../../testing/sample-products.js';
import '../shop/kontor-shop.js';
import './kontor-price.js';

/** Pass `product` directly: no server needed. With `sku` instead, the element fetches the product. */
const meta: Meta = {
  title: 'Catalogue/kontor-price',
  component: 'kontor-price',
};
export default meta;
type Story = StoryObj;

export const German: Story = {
  render: () => html`<kontor-price lang="de" .product=${ledBulb} quantity="120"></kontor-price>`,
};

export const English: Story = {
  render: () => html`<kontor-price lang="en" .product=${ledBulb} quantity="120"></kontor-price>`,
};

export const CablePer100Metres: Story = {
  render: () => html`<kontor-price lang="de" .product=${nymCable} quantity="250"></kontor-price>`,
};

export const PriceOnRequest: Story = {
  render: () => html`<kontor-price lang="de" .product=${onRequest}></kontor-price>`,
};

export const Loading: Story = {
  render: () => html`<kontor-shop endpoint="https://kontor.invalid" .clientOptions=${{ fetch: () => new Promise<Response>(() => {}) }}>
    <kontor-price sku="LED-E27-806"></kontor-price>
  </kontor-shop>`,
};

export const ErrorState: Story = {
  name: "Error",
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="de" .clientOptions=${{ retries: 0 }}>
    <kontor-price sku="LED-E27-806"></kontor-price>
  </kontor-shop>`,
};
