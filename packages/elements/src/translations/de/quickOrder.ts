import type { QuickOrderStrings } from '../translation.js';

/** German: quickOrder. */
export const quickOrder: QuickOrderStrings = {
  quickOrderLabel: 'Artikelnummer und Menge, eine Position je Zeile',
  quickOrderHint: 'Zum Beispiel „KL-1001;100“, „KL-1001 100“ oder aus Excel kopiert. Oder eine CSV-Datei hochladen.',
  uploadCsv: 'CSV-Datei hochladen',
  addLines: 'In den Warenkorb übernehmen',
  checking: 'Wird geprüft …',
  linesAdded: (count) => (count === 1 ? '1 Position in den Warenkorb übernommen.' : `${count.toLocaleString('de-DE')} Positionen in den Warenkorb übernommen.`),
  rowsRejected: (count) =>
    count === 1 ? '1 Zeile wurde nicht übernommen; sie steht zur Korrektur im Eingabefeld.' : `${count.toLocaleString('de-DE')} Zeilen wurden nicht übernommen; sie stehen zur Korrektur im Eingabefeld.`,
  rowsMerged: (lines, sku, quantity) => `Zeilen ${lines} zusammengefasst: ${sku} × ${quantity}`,
  mergedIntoCart: (sku, from, to) => `${sku} war schon im Warenkorb: ${from} → ${to}`,
  row: (line) => `Zeile ${line}`,
  rowsAddedUp: (lines, quantity) => `(Zeilen ${lines} zusammen: ${quantity})`,
  useSuggestion: (value) => `${value} übernehmen`,
  noRows: 'Keine Positionen erkannt.',
};
