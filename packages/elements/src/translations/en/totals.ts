import type { TotalsStrings } from '../translation.js';

/** English: totals. */
export const totals: TotalsStrings = {
  item: 'Item',
  unitPrice: 'Unit price',
  total: 'Total',
  netTotal: 'Net total',
  vat: (rate) => `plus ${rate} VAT`,
  grossTotal: 'Total incl. VAT',
  lineCount: (count) => (count === 1 ? '1 line' : `${count.toLocaleString('en-GB')} lines`),
  orderTotals: 'Totals',
};
