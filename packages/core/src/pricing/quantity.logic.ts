import type { QuantityRules } from '../catalogue/product.schema.js';

/** Why a quantity is not orderable; the codes are issue codes on the wire. */
export type QuantityProblem =
  | { code: 'not_integer' | 'not_positive'; params: Record<string, number>; suggestions: number[] }
  | { code: 'min_quantity'; params: { min: number }; suggestions: number[] }
  | { code: 'max_quantity'; params: { max: number }; suggestions: number[] }
  | { code: 'step'; params: { step: number }; suggestions: number[] };

/** The smallest orderable quantity: the first multiple of `step` at or above `min`. */
export function lowestValidQuantity(rules: QuantityRules): number {
  return Math.ceil(rules.min / rules.step) * rules.step;
}

/** The largest orderable quantity, or `Infinity`. */
export function highestValidQuantity(rules: QuantityRules): number {
  return rules.max == null ? Infinity : Math.floor(rules.max / rules.step) * rules.step;
}

/** True when `quantity` may be ordered under `rules`. */
export function isValidQuantity(rules: QuantityRules, quantity: number): boolean {
  return (
    Number.isInteger(quantity) &&
    quantity >= rules.min &&
    (rules.max == null || quantity <= rules.max) &&
    quantity % rules.step === 0
  );
}

/**
 * The valid quantities closest to `quantity`: itself when valid, else the next valid one below
 * and above (one of them at the edges). Sorted ascending, never empty.
 *
 * @example nearestValidQuantities({ min: 10, step: 10 }, 25) // [20, 30]
 */
export function nearestValidQuantities(rules: QuantityRules, quantity: number): number[] {
  const lowest = lowestValidQuantity(rules);
  const highest = highestValidQuantity(rules);
  if (!Number.isFinite(quantity) || quantity <= lowest) return [lowest];
  if (quantity >= highest) return [highest];
  const below = Math.floor(quantity / rules.step) * rules.step;
  const above = Math.ceil(quantity / rules.step) * rules.step;
  if (below === above) return [below];
  const out: number[] = [];
  if (below >= lowest) out.push(below);
  if (above <= highest) out.push(above);
  return out;
}

/**
 * Checks a quantity against the rules and says what is wrong and what would be right.
 * Returns `null` for a valid quantity.
 */
export function checkQuantity(rules: QuantityRules, quantity: number): QuantityProblem | null {
  if (isValidQuantity(rules, quantity)) return null;
  const suggestions = nearestValidQuantities(rules, quantity);
  if (!Number.isInteger(quantity)) return { code: 'not_integer', params: {}, suggestions };
  if (quantity <= 0) return { code: 'not_positive', params: {}, suggestions };
  if (quantity < rules.min) return { code: 'min_quantity', params: { min: rules.min }, suggestions };
  if (rules.max != null && quantity > rules.max) return { code: 'max_quantity', params: { max: rules.max }, suggestions };
  return { code: 'step', params: { step: rules.step }, suggestions };
}
