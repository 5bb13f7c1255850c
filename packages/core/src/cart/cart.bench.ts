// pnpm bench: cart rules and quick-order import/export on large B2B carts. Reports, never asserts.
import { totals } from '../pricing/pricing.logic.js';
import { priceCartLines, type StoredCartLine } from './cart.logic.js';
import type { CartLine, CartProduct } from './cart.schema.js';
import { cartToCsv } from './export.logic.js';
import { parseOrderCsv, parseOrderText } from './import.logic.js';
import { bench, benchPrice } from '../internal/bench.js';

const product = (i: number): CartProduct => ({
  name: { de: `Kabel NYM-J 3x1,5 "grau" Nr. ${i}`, en: `Cable NYM-J 3x1.5 "grey" no. ${i}` },
  unit: i % 7 === 0 ? 'meter' : 'piece',
  packSize: 1,
  taxClass: i % 10 === 0 ? 'reduced' : 'standard',
  status: 'active',
  replacementSku: null,
  quantityRules: { min: 1, step: i % 5 === 0 ? 10 : 1, max: null },
  price: benchPrice(i),
});

const stored: StoredCartLine[] = Array.from({ length: 10_000 }, (_, i) => ({
  sku: `SKU-${i}`,
  quantity: 10 * (1 + ((i * 37) % 90)),
  addedAt: '2026-03-02T08:00:00.000Z',
}));
const products = new Map(stored.map((l, i) => [l.sku, product(i)]));
const priced = priceCartLines(stored, products, 'EUR', 'de');
const nets = priced.lines.map((l) => ({ net: l.net!, taxRate: l.taxRate! }));

bench('totals() of a 10,000-line cart', 200, () => totals(nets, 'EUR'));
bench('priceCartLines() of a 10,000-line cart', 50, () => priceCartLines(stored, products, 'EUR', 'de'));

// A paste as buyers make it: Excel copies (TAB), semicolons, spaces, German thousands, a few duplicates and mistakes.
const pasted = Array.from({ length: 5000 }, (_, i) => {
  const sku = `ART-${i % 4900}/${i % 13}.${i % 7}`;
  switch (i % 6) {
    case 0: return `${sku}\t${1 + (i % 300)}`;
    case 1: return `${sku};${(1000 + i).toLocaleString('de-DE')}`;
    case 2: return `${sku} ${1 + (i % 50)} Stk`;
    case 3: return `${sku},${1 + (i % 99)}`;
    case 4: return i % 100 === 4 ? `${sku};1,5` : `  ${sku} ; ${i}  `;
    default: return `${sku}\t${i % 250 === 5 ? 'viele' : 12}`;
  }
});
const pasteText = `Artikelnummer;Menge\r\n${pasted.join('\r\n')}\r\n`;
bench('parseOrderText() of a 5,000-line paste', 100, () => parseOrderText(pasteText, { lang: 'de' }));

// A CSV as German Excel saves it: BOM, `;`, quoted names with separators, quotes and line breaks.
const csvRows = Array.from({ length: 5000 }, (_, i) => {
  const name = i % 3 === 0 ? `"Kabel ""NYM-J""; 3x1,5\nRing ${i}"` : i % 3 === 1 ? `"Lampe; warmweiß ${i}"` : `Schalter ${i}`;
  return `${name};ART-${i}/${i % 13};${1 + (i % 500)};Stück;"12,34"`;
});
const csvText = `\uFEFFBezeichnung;Artikelnummer;Menge;Einheit;Einzelpreis\r\n${csvRows.join('\r\n')}\r\n`;
bench('parseOrderCsv() of a 5,000-line CSV (BOM, quoting)', 100, () => parseOrderCsv(csvText, { lang: 'de' }));

const exportCart: { lines: CartLine[] } = { lines: priced.lines.slice(0, 1000) };
bench('cartToCsv() of a 1,000-line cart', 200, () => cartToCsv(exportCart, { lang: 'de' }));

const roundTrip = parseOrderCsv(cartToCsv({ lines: priced.lines.slice(0, 5000) }, { lang: 'de' }), { lang: 'de' });
console.log(`(round trip of 5,000 lines: ${roundTrip.lines.length} lines, ${roundTrip.rows.filter((r) => !r.ok).length} rejected rows)`);
