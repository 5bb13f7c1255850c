import type { StandingOrdersStrings } from '../translation.js';

/** English: standingOrders. */
export const standingOrders: StandingOrdersStrings = {
  standingOrders: 'Standing orders',
  nameLabel: 'Name',
  lastResult: 'Last result',
  noRunYet: 'Not run yet',
  noStandingOrders: 'No standing orders yet.',
  loadMoreStandingOrders: 'Load more standing orders',
  standingOrdersShown: (count) => (count === 1 ? '1 standing order shown.' : `${count.toLocaleString('en-GB')} standing orders shown.`),
};
