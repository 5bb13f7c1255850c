import type { Unit } from '../catalogue/product.schema.js';
import type { Lang } from '../errors/messages.js';
import { minorUnitDigits, mulDivRound } from '../money/money.logic.js';
import type { Money } from '../money/money.schema.js';
import type { Cart } from './cart.schema.js';

export interface CartCsvOptions {
  /** Language of the header, names and units, and the decimal separator of prices (default `en`). */
  lang?: Lang;
  /** Column separator; `;` for `de` (what Excel expects where `,` is the decimal comma), `,` for `en`. */
  separator?: ';' | ',';
}

const HEADERS: Record<Lang, readonly string[]> = {
  de: ['Artikelnummer', 'Menge', 'Bezeichnung', 'Einheit', 'Einzelpreis', 'Gesamt'],
  en: ['SKU', 'Quantity', 'Name', 'Unit', 'Unit price', 'Total'],
};

const UNITS: Record<Lang, Record<Unit, string>> = {
  de: { piece: 'Stück', meter: 'm', roll: 'Rolle', pack: 'Packung', box: 'Karton', kg: 'kg', liter: 'l' },
  en: { piece: 'pc', meter: 'm', roll: 'roll', pack: 'pack', box: 'box', kg: 'kg', liter: 'l' },
};

/** `amount / 10^scale` as a plain decimal: no grouping, at least `minScale` decimals. */
function decimal(amount: number, scale: number, minScale: number, point: string): string {
  const digits = String(Math.abs(amount)).padStart(scale + 1, '0');
  let int = digits.slice(0, digits.length - scale);
  let frac = digits.slice(digits.length - scale);
  while (frac.length > minScale && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (amount < 0) int = `-${int}`;
  return frac ? `${int}${point}${frac}` : int;
}

/** A price for one unit: exact when `priceUnit` is a power of ten (per 100 m), else to four more decimals. */
function perUnit(price: Money, priceUnit: number, point: string): string {
  const digits = minorUnitDigits(price.currency);
  const shift = Math.log10(priceUnit);
  if (Number.isInteger(shift)) return decimal(price.amount, digits + shift, digits, point);
  return decimal(mulDivRound(price.amount, 10_000, priceUnit), digits + 4, digits, point);
}

const money = (value: Money | null, point: string) => (value ? decimal(value.amount, minorUnitDigits(value.currency), minorUnitDigits(value.currency), point) : '');

/** Quotes a field when it holds the separator, a quote, a line break, or space at either end. */
function field(value: string, separator: string): string {
  const needsQuotes = value.includes(separator) || /["\r\n]/.test(value) || value !== value.trim();
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Free text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, TAB, CR first) gets a
 * leading `'` (OWASP "CSV injection"); only names are free text here.
 */
const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * The cart's lines as a CSV file for Excel: a BOM, a header
 * (`Artikelnummer;Menge;Bezeichnung;Einheit;Einzelpreis;Gesamt` in `de`,
 * `SKU,Quantity,Name,Unit,Unit price,Total` in `en`), one row per line in the cart's order, CRLF
 * line ends, RFC 4180 quoting. Quantities are plain integers; prices are plain decimals (no
 * grouping, no currency sign) with the language's decimal separator, so German Excel reads them as
 * numbers: the unit price per one unit (a price per 100 m becomes one per metre, exactly) and the
 * line's net total; both empty for a line without a price. {@link parseOrderCsv} reads the file
 * back to the same SKUs and quantities.
 *
 * @example
 * cartToCsv(cart, { lang: 'de' }) // '\uFEFFArtikelnummer;Menge;Bezeichnung;…\r\nLED-E27-9W;100;LED-Lampe E27;Stück;2,19;219,00\r\n'
 */
export function cartToCsv(cart: Pick<Cart, 'lines'>, options: CartCsvOptions = {}): string {
  const lang = options.lang ?? 'en';
  const separator = options.separator ?? (lang === 'de' ? ';' : ',');
  const point = lang === 'de' ? ',' : '.';
  const out: string[] = ['\uFEFF' + HEADERS[lang].map((h) => field(h, separator)).join(separator)];
  for (const line of cart.lines) {
    const product = line.product;
    const cells = [
      line.sku,
      String(line.quantity),
      inert(product?.name[lang] ?? ''),
      product ? UNITS[lang][product.unit] : '',
      line.unitPrice ? perUnit(line.unitPrice, line.priceUnit ?? 1, point) : '',
      money(line.net, point),
    ];
    out.push(cells.map((c) => field(c, separator)).join(separator));
  }
  return out.join('\r\n') + '\r\n';
}
