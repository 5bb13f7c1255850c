import type { StandingOrdersStrings } from '../translation.js';

/** German: standingOrders. */
export const standingOrders: StandingOrdersStrings = {
  standingOrders: 'Daueraufträge',
  nameLabel: 'Bezeichnung',
  lastResult: 'Letztes Ergebnis',
  noRunYet: 'Noch keine Ausführung',
  noStandingOrders: 'Noch keine Daueraufträge.',
  loadMoreStandingOrders: 'Weitere Daueraufträge laden',
  standingOrdersShown: (count) => (count === 1 ? '1 Dauerauftrag angezeigt.' : `${count.toLocaleString('de-DE')} Daueraufträge angezeigt.`),
};
