import type { OfferInfoStrings } from '../translation.js';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
};

/** German: offerInfo. */
export const offerInfo: OfferInfoStrings = {
  offerStatus: (s) =>
    ({ draft: 'Entwurf', sent: 'Offen', changes_requested: 'Änderung angefragt', accepted: 'Angenommen', rejected: 'Abgelehnt', expired: 'Abgelaufen', withdrawn: 'Zurückgezogen' })[s],
  daysLeftText: (days) => (days < 0 ? 'abgelaufen' : days === 0 ? 'nur noch heute' : days === 1 ? 'noch 1 Tag' : `noch ${days.toLocaleString('de-DE')} Tage`),
  validUntilText: (d) => `gültig bis ${day(d)}`,
  offerNumberLabel: 'Angebot',
  validityLabel: 'Gültigkeit',
  offerStatusLabel: 'Status',
  totalLabel: 'Summe brutto',
  repLabel: 'Ansprechpartner',
  versionName: (n) => `Version ${n}`,
};
