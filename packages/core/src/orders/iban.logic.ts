/*
 * IBAN checks light enough for the browser bundle: structure and the ISO 7064 mod-97 check digits,
 * which catch every single wrong digit and nearly every swap of two. The server checks again
 * with ibantools (`isValidIbanStrict`), which also knows each country's length and format.
 */

/** An IBAN without spaces, upper case (`de89 3704 0044 0532 0130 00` → `DE89370400440532013000`). */
export function normalizeIban(value: string): string {
  return value.replace(/[\s-]+/g, '').toUpperCase();
}

/** True when the IBAN has a country code, two check digits, 11–30 letters or digits, and its check digits are right. */
export function isValidIban(value: string): boolean {
  const iban = normalizeIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  // Move the first four characters to the end, letters to numbers (A = 10 … Z = 35), mod 97 must be 1.
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : char;
    for (const d of digits) remainder = (remainder * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

/** `DE89 3704 0044 0532 0130 00` → `DE89 **** **** **** **30 00`: enough to recognise, not to use. */
export function maskIban(value: string): string {
  const iban = normalizeIban(value);
  const masked = iban.slice(0, 4) + iban.slice(4, -4).replace(/./g, '*') + iban.slice(-4);
  return masked.replace(/(.{4})/g, '$1 ').trim();
}
