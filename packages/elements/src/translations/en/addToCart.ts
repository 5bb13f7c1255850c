import type { AddToCartStrings } from '../translation.js';

/** English: addToCart. */
export const addToCart: AddToCartStrings = {
  addToCart: 'Add to cart',
  adding: 'Adding …',
  added: (quantity) => `${quantity} added.`,
  addedMerged: (quantity, total) => `${quantity} added – now ${total} in the cart.`,
  invalidQuantityFirst: 'Choose a valid quantity first.',
};
