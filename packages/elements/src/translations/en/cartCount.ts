import type { CartCountStrings } from '../translation.js';

/** English: cartCount. */
export const cartCount: CartCountStrings = {
  cartCountLabel: (count) => (count === 1 ? 'Cart: 1 line' : `Cart: ${count} lines`),
};
