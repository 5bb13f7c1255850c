import type { OffersStrings } from '../translation.js';

/** German: offers. */
export const offers: OffersStrings = {
  offers: 'Angebote',
  statusFilter: 'Status',
  allStatuses: 'Alle',
  noOffers: 'Keine Angebote.',
  loadMoreOffers: 'Weitere Angebote laden',
  offersShown: (count) => (count === 1 ? '1 Angebot angezeigt.' : `${count.toLocaleString('de-DE')} Angebote angezeigt.`),
};
