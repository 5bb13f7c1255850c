import type { OfferInfoStrings } from '../translation.js';

const day = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** English: offerInfo. */
export const offerInfo: OfferInfoStrings = {
  offerStatus: (s) =>
    ({ draft: 'Draft', sent: 'Open', changes_requested: 'Changes requested', accepted: 'Accepted', rejected: 'Rejected', expired: 'Expired', withdrawn: 'Withdrawn' })[s],
  daysLeftText: (days) => (days < 0 ? 'expired' : days === 0 ? 'today only' : days === 1 ? '1 day left' : `${days.toLocaleString('en-GB')} days left`),
  validUntilText: (d) => `valid until ${day(d)}`,
  offerNumberLabel: 'Offer',
  validityLabel: 'Validity',
  offerStatusLabel: 'Status',
  totalLabel: 'Total gross',
  repLabel: 'Contact',
  versionName: (n) => `Version ${n}`,
};
