import type { OffersStrings } from '../translation.js';

/** English: offers. */
export const offers: OffersStrings = {
  offers: 'Offers',
  statusFilter: 'Status',
  allStatuses: 'All',
  noOffers: 'No offers.',
  loadMoreOffers: 'Load more offers',
  offersShown: (count) => (count === 1 ? '1 offer shown.' : `${count.toLocaleString('en-GB')} offers shown.`),
};
