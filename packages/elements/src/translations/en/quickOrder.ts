import type { QuickOrderStrings } from '../translation.js';

/** English: quickOrder. */
export const quickOrder: QuickOrderStrings = {
  quickOrderLabel: 'Article number and quantity, one line each',
  quickOrderHint: 'For example "KL-1001;100", "KL-1001 100" or copied from Excel. Or upload a CSV file.',
  uploadCsv: 'Upload a CSV file',
  addLines: 'Add to cart',
  checking: 'Checking …',
  linesAdded: (count) => (count === 1 ? '1 line added to the cart.' : `${count.toLocaleString('en-GB')} lines added to the cart.`),
  rowsRejected: (count) =>
    count === 1 ? '1 row was not added; it stays in the box to be corrected.' : `${count.toLocaleString('en-GB')} rows were not added; they stay in the box to be corrected.`,
  rowsMerged: (lines, sku, quantity) => `Rows ${lines} merged: ${sku} × ${quantity}`,
  mergedIntoCart: (sku, from, to) => `${sku} was already in the cart: ${from} → ${to}`,
  row: (line) => `Row ${line}`,
  rowsAddedUp: (lines, quantity) => `(rows ${lines} added up: ${quantity})`,
  useSuggestion: (value) => `Use ${value}`,
  noRows: 'No lines found.',
};
