import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { offerApi, sampleOffers } from './offers.samples.js';
import '../shop/kontor-shop.js';
import './kontor-offers.js';

/**
 * `<kontor-offers>` lists the company's offers. These stories need no server: a `fetch` in
 * `.clientOptions` answers from offers kept in memory.
 */
const meta: Meta = {
  title: 'Offers/kontor-offers',
  component: 'kontor-offers',
};
export default meta;
type Story = StoryObj;

const shop = (lang: 'de' | 'en', fetch: (...args: Parameters<typeof globalThis.fetch>) => Promise<Response>) => html`<kontor-shop
  endpoint="https://kontor.invalid"
  token="story"
  lang=${lang}
  .clientOptions=${{ fetch, retries: 0 }}
>
  <kontor-offers></kontor-offers>
</kontor-shop>`;

export const German: Story = { render: () => shop('de', offerApi(sampleOffers)) };
export const English: Story = { render: () => shop('en', offerApi(sampleOffers)) };
export const Empty: Story = { render: () => shop('de', offerApi([])) };
export const Loading: Story = { render: () => shop('de', () => new Promise<Response>(() => {})) };
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="de" .clientOptions=${{ retries: 0 }}><kontor-offers></kontor-offers></kontor-shop>`,
};
