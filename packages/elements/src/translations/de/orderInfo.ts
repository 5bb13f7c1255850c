import type { OrderInfoStrings } from '../translation.js';

/** German: orderInfo. */
export const orderInfo: OrderInfoStrings = {
  purchaseOrderNumber: 'Ihre Bestellnummer',
  orderNumber: 'Bestellnummer',
  requestedDeliveryDate: 'Wunschliefertermin',
  promisedDelivery: 'Voraussichtliche Lieferung',
  noDate: '—',
  linesOrdered: 'Bestellte Positionen',
  showAllLines: (count) => `Alle ${count.toLocaleString('de-DE')} Positionen anzeigen`,
  orderStatusName: (status) =>
    ({ placed: 'Eingegangen', confirmed: 'Bestätigt', in_fulfilment: 'In Bearbeitung', shipped: 'Versandt', delivered: 'Zugestellt', cancelled: 'Storniert' })[status],
};
