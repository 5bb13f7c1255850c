import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { assistantApi } from './chatbot.samples.js';
import '../shop/kontor-shop.js';
import './kontor-chatbot.js';

/**
 * `<kontor-chatbot>` is the shop assistant as a chat. These stories need no server: a `fetch` in
 * `.clientOptions` answers the assistant's routes from memory (ask for "letzte Bestellung",
 * "NYM-J", "nachbestellen", "Dauerauftrag" or "Person").
 */
const meta: Meta = {
  title: 'Assistant/kontor-chatbot',
  component: 'kontor-chatbot',
};
export default meta;
type Story = StoryObj;

const shop = (lang: 'de' | 'en', fetch: (...args: Parameters<typeof globalThis.fetch>) => Promise<Response>, floating = false) => html`<kontor-shop
  endpoint="https://kontor.invalid"
  token="story"
  lang=${lang}
  .clientOptions=${{ fetch, retries: 0 }}
>
  <kontor-chatbot ?floating=${floating} allowed-hosts="nolp.dhl.de"></kontor-chatbot>
</kontor-shop>`;

export const German: Story = { render: () => shop('de', assistantApi()) };
export const English: Story = { render: () => shop('en', assistantApi()) };
export const Floating: Story = { render: () => shop('de', assistantApi(), true) };
export const Answering: Story = { name: 'Slow answers', render: () => shop('de', assistantApi({ delay: 4000 })) };
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<kontor-shop endpoint="http://127.0.0.1:1" lang="de" .clientOptions=${{ retries: 0 }}><kontor-chatbot></kontor-chatbot></kontor-shop>`,
};
