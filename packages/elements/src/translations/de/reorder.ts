import type { ReorderStrings } from '../translation.js';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
};
const n = (count: number) => count.toLocaleString('de-DE');

/** German: reorder. */
export const reorder: ReorderStrings = {
  reorder: 'Nachbestellen',
  dueProducts: 'Fällig',
  recentOrders: 'Letzte Bestellungen',
  topProducts: 'Häufig bestellt',
  orderHeading: (number, d) => `Bestellung ${number} vom ${day(d)}`,
  reorderWholeOrder: 'Ganze Bestellung nachbestellen',
  pick: (name) => `${name} auswählen`,
  lastOrdered: (quantity, d) => `zuletzt ${quantity} am ${day(d)}`,
  priceChange: (change, up) => `${up ? '+' : '−'}${change} seit damals`,
  priceUnchanged: 'Preis unverändert',
  todayStatus: (status, d, replacement) =>
    status === 'orderable' ? (d ? `lieferbar, Lieferung am ${day(d)}` : 'lieferbar')
      : status === 'later' ? (d ? `nicht vorrätig, kommt am ${day(d)}` : 'nicht vorrätig')
        : status === 'discontinued' ? (replacement ? `nicht mehr lieferbar, Ersatz: ${replacement}` : 'nicht mehr lieferbar')
          : 'derzeit nicht bestellbar',
  bucket: (b) => ({ overdue: 'Überfällig', due_soon: 'Bald fällig', on_track: 'Im Rhythmus', not_predictable: 'Kein Rhythmus erkennbar' })[b],
  target: 'Wohin?',
  targetCart: 'In den aktuellen Warenkorb',
  targetNewCart: 'In einen neuen gespeicherten Warenkorb',
  targetOrder: 'Direkt bestellen (Lieferadresse und Zahlung der letzten Bestellung)',
  reorderSelection: (count) => `Auswahl nachbestellen (${n(count)})`,
  working: 'Wird nachbestellt …',
  noReorderHistory: 'Noch keine Bestellungen zum Nachbestellen.',
  resultHeading: 'Was passiert ist',
  resultSummary: (c) =>
    [c.added && `${n(c.added)} hinzugefügt`, c.merged && `${n(c.merged)} zusammengeführt`, c.later && `${n(c.later)} später lieferbar`, c.refused && `${n(c.refused)} nicht möglich`]
      .filter(Boolean).join(', ') || 'Nichts nachbestellt',
  outcome: (o, quantity, cartQuantity) =>
    o === 'added' ? `${quantity} hinzugefügt`
      : o === 'merged' ? `${quantity} zur vorhandenen Position, jetzt ${cartQuantity ?? quantity}`
        : o === 'later' ? (quantity === '0' ? 'nicht bestellt' : `${quantity} hinzugefügt, später lieferbar`)
          : 'nicht nachbestellt',
  replacedBy: (sku) => `ersetzt durch Nachfolger ${sku}`,
  repriced: (before, after) => `Preis geändert: ${before} → ${after}`,
  availableOn: (d) => `lieferbar am ${day(d)}`,
  reorderOrderPlaced: (number) => `Bestellung ${number} aufgegeben.`,
  savedCart: (name) => `Gespeichert im Warenkorb „${name}“.`,
  nothingWent: 'Keine Position konnte übernommen werden.',
};
