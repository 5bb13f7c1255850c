import type { QuantityStrings } from '../translation.js';

/** English: quantity. */
export const quantity: QuantityStrings = {
  quantityFor: (name) => `for ${name}`,
  decrease: 'Decrease quantity',
  increase: 'Increase quantity',
  suggestions: 'Suggestions',
  quantityRulesHint: (min, step, unit) => `Minimum ${min}${unit ? ` ${unit}` : ''}, in steps of ${step}`,
};
