/** An article number's form: a letter or digit first, then letters, digits and `.-_/`. */
export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;
/** The longest article number. */
export const SKU_MAX_LENGTH = 64;

/**
 * Whether a text (trimmed) is a well-formed article number, without zod: for elements that only
 * need to know whether asking the server makes sense. `SkuSchema` applies the same rule.
 */
export function isWellFormedSku(sku: string): boolean {
  const trimmed = sku.trim();
  return trimmed.length >= 1 && trimmed.length <= SKU_MAX_LENGTH && SKU_PATTERN.test(trimmed);
}
