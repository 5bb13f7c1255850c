import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { manyProducts, sampleProducts } from '../../testing/sample-products.js';
import '../shop/kontor-shop.js';
import './kontor-product-list.js';

/**
 * The list loads from a Kontor server inside `<kontor-shop>`. These stories need no server: they
 * use the `items` property (presentational mode), a `fetch` that never answers (loading) or an
 * endpoint where nothing listens (error).
 */
const meta: Meta = {
  title: 'Catalogue/kontor-product-list',
  component: 'kontor-product-list',
};
export default meta;
type Story = StoryObj;

const neverAnswers = { fetch: () => new Promise<Response>(() => {}) };

export const German: Story = {
  render: () => html`<kontor-product-list lang="de" .items=${sampleProducts}></kontor-product-list>`,
};

export const English: Story = {
  render: () => html`<kontor-product-list lang="en" .items=${sampleProducts}></kontor-product-list>`,
};

export const Loading: Story = {
  render: () => html`<kontor-shop endpoint="https://kontor.invalid" lang="de" .clientOptions=${neverAnswers}>
    <kontor-product-list></kontor-product-list>
  </kontor-shop>`,
};

export const ErrorState: Story = {
  name: "Error",
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="de" .clientOptions=${{ retries: 0 }}>
    <kontor-product-list></kontor-product-list>
  </kontor-shop>`,
};

export const NotConfigured: Story = {
  render: () => html`<kontor-shop lang="en"><kontor-product-list></kontor-product-list></kontor-shop>`,
};

export const Empty: Story = {
  render: () => html`<kontor-product-list lang="de" .items=${[]}></kontor-product-list>`,
};

export const ManyItems: Story = {
  render: () => html`<kontor-product-list lang="de" .items=${manyProducts(120)}></kontor-product-list>`,
};
