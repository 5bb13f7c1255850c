import type { RequestOfferStrings } from '../translation.js';

/** English: requestOffer. */
export const requestOffer: RequestOfferStrings = {
  requestOffer: 'Request an offer',
  requestOfferTitle: 'Request an offer for the cart',
  requestMessage: 'Message to sales (optional)',
  desiredDate: 'Desired delivery date (optional)',
  sendRequest: 'Send request',
  requestSending: 'Sending …',
  requestNeedsCart: 'Add products to the cart first.',
  requestSent: (id, lines) =>
    `Your request ${id} for ${lines === 1 ? '1 line' : `${lines.toLocaleString('en-GB')} lines`} has arrived. You will get the offer by e-mail and in your account.`,
  requestCancel: 'Cancel',
};
