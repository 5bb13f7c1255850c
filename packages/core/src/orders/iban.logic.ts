import { electronicFormatIBAN, isValidIBAN } from 'ibantools';

/** An IBAN without spaces, upper case (`DE89 3704 0044 0532 0130 00` → `DE89370400440532013000`). */
export function normalizeIban(value: string): string {
  return electronicFormatIBAN(value) ?? value.replace(/\s+/g, '').toUpperCase();
}

/** True for an IBAN whose country, length, format and check digits are right (ibantools). */
export function isValidIban(value: string): boolean {
  return isValidIBAN(normalizeIban(value));
}

/** `DE89 3704 0044 0532 0130 00` → `DE89 **** **** **** **30 00`: enough to recognise, not to use. */
export function maskIban(value: string): string {
  const iban = normalizeIban(value);
  const masked = iban.slice(0, 4) + iban.slice(4, -4).replace(/./g, '*') + iban.slice(-4);
  return masked.replace(/(.{4})/g, '$1 ').trim();
}
