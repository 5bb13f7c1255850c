import type { CartCountStrings } from '../translation.js';

/** German: cartCount. */
export const cartCount: CartCountStrings = {
  cartCountLabel: (count) => (count === 1 ? 'Warenkorb: 1 Position' : `Warenkorb: ${count} Positionen`),
};
