import type { OrderHistoryStrings } from '../translation.js';

/** German: orderHistory. */
export const orderHistory: OrderHistoryStrings = {
  orderHistory: 'Meine Bestellungen',
  status: 'Status',
  allStatuses: 'Alle',
  dateFrom: 'Bestellt ab',
  dateTo: 'Bestellt bis',
  loadMoreOrders: 'Weitere Bestellungen laden',
  datesInverted: 'Das Enddatum liegt vor dem Anfangsdatum.',
  searchOrders: 'Suche (Bestellnummer, Ihre Bestellnummer, Kostenstelle, Artikel)',
  orderDate: 'Datum',
  gross: 'Brutto',
  orderDetails: (number) => `Details zu ${number}`,
  orderThisRegularly: 'Regelmäßig bestellen',
  noOrders: 'Keine Bestellungen gefunden.',
  ordersShown: (count) => (count === 1 ? '1 Bestellung angezeigt.' : `${count.toLocaleString('de-DE')} Bestellungen angezeigt.`),
  orderAdded: (number) => `Neue Bestellung ${number} oben in der Liste.`,
  filters: 'Filter',
};
