import { isValidIBAN } from 'ibantools';
import { normalizeIban } from './iban.logic.js';

/**
 * The full IBAN check of ibantools: country, the country's length and BBAN format, check digits.
 * For servers; browsers use the lighter {@link isValidIban} (it stays out of their bundle as long
 * as they do not import this).
 */
export function isValidIbanStrict(value: string): boolean {
  return isValidIBAN(normalizeIban(value));
}
