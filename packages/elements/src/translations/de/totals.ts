import type { TotalsStrings } from '../translation.js';

/** German: totals. */
export const totals: TotalsStrings = {
  item: 'Artikel',
  unitPrice: 'Einzelpreis',
  total: 'Gesamt',
  netTotal: 'Warenwert netto',
  vat: (rate) => `zzgl. ${rate} MwSt.`,
  grossTotal: 'Gesamtbetrag',
  lineCount: (count) => (count === 1 ? '1 Position' : `${count.toLocaleString('de-DE')} Positionen`),
  orderTotals: 'Summen',
};
