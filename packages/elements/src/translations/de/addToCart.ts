import type { AddToCartStrings } from '../translation.js';

/** German: addToCart. */
export const addToCart: AddToCartStrings = {
  addToCart: 'In den Warenkorb',
  adding: 'Wird hinzugefügt …',
  added: (quantity) => `${quantity} hinzugefügt.`,
  addedMerged: (quantity, total) => `${quantity} hinzugefügt – jetzt ${total} im Warenkorb.`,
  invalidQuantityFirst: 'Erst eine gültige Menge wählen.',
};
