import type { QuantityStrings } from '../translation.js';

/** German: quantity. */
export const quantity: QuantityStrings = {
  quantityFor: (name) => `für ${name}`,
  decrease: 'Menge verringern',
  increase: 'Menge erhöhen',
  suggestions: 'Vorschläge',
  quantityRulesHint: (min, step, unit) => `Mindestmenge ${min}${unit ? ` ${unit}` : ''}, in Schritten von ${step}`,
};
