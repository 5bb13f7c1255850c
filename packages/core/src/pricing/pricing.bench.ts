// pnpm bench: pricing rules on large B2B carts. Reports, never asserts.
import { checkQuantity } from './quantity.logic.js';
import { lineNet, totals } from './pricing.logic.js';
import { quote } from './quote.logic.js';
import { bench, benchPrice } from '../internal/bench.js';

const lines = Array.from({ length: 10_000 }, (_, i) => ({
  product: { sku: `SKU-${i}`, taxClass: (i % 10 === 0 ? 'reduced' : 'standard') as 'reduced' | 'standard', price: benchPrice(i) },
  quantity: 1 + ((i * 37) % 900),
}));
const nets = lines.map((l) => ({ net: lineNet(l.product.price, l.quantity), taxRate: l.product.taxClass === 'reduced' ? 700 : 1900 }));

bench('totals() of 10,000 priced lines', 200, () => totals(nets, 'EUR'));
bench('quote() of 10,000 lines (tier, net, tax, totals)', 100, () => quote(lines, 'EUR'));
bench('checkQuantity() × 10,000', 200, () => {
  for (const l of lines) checkQuantity({ min: 10, step: 10, max: 5000 }, l.quantity);
});
