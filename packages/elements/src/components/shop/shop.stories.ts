import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ledBulb } from '../../testing/sample-products.js';
import '../price/kontor-price.js';
import './kontor-shop.js';

/** `<kontor-shop>` renders nothing itself; it configures the elements inside and sets their language. */
const meta: Meta = {
  title: 'Identity/kontor-shop',
  component: 'kontor-shop',
};
export default meta;
type Story = StoryObj;

export const LanguageFromShop: Story = {
  render: () => html`<kontor-shop lang="de"><kontor-price .product=${ledBulb} quantity="100"></kontor-price></kontor-shop>
    <hr />
    <kontor-shop lang="en"><kontor-price .product=${ledBulb} quantity="100"></kontor-price></kontor-shop>`,
};
