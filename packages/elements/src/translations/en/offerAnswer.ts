import type { OfferAnswerStrings } from '../translation.js';

const day = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** English: offerAnswer (the answer forms of <kontor-offer>). */
export const offerAnswer: OfferAnswerStrings = {
  acceptTitle: 'Accept the offer',
  intoLabel: 'Accept as',
  intoOrder: 'Order (once)',
  intoStandingOrder: 'Standing order at the offer’s prices',
  deliveryAddress: 'Delivery address',
  noSavedAddress: 'Your company has no saved delivery address. Please add one in your account.',
  paymentLabel: 'Payment',
  offerPaymentName: (m) => ({ invoice: 'Invoice', prepayment: 'Prepayment' })[m],
  offerDeliveryDate: 'Requested delivery date (optional)',
  offerPoNumber: 'Your purchase order number (optional)',
  offerStandingOrderName: 'Name of the standing order (optional)',
  offerSchedule: 'Schedule',
  scheduleChoice: (k) => ({ weekly: 'every week', biweekly: 'every 2 weeks', fourweekly: 'every 4 weeks', monthly: 'every month' })[k],
  firstRun: 'First delivery on',
  standingOrderPrices: (d) => `At this offer’s prices until ${day(d)}; the standing order ends then.`,
  confirmAccept: 'Place binding order',
  confirmStandingOrder: 'Set up binding standing order',
  accepting: 'Accepting …',
  rejectReason: 'Reason for rejecting',
  confirmReject: 'Reject offer',
  changesComment: 'What should change?',
  sendChanges: 'Send request for changes',
  cancel: 'Cancel',
  addressesLoading: 'Loading the delivery addresses …',
  rejectTitle: 'Reject the offer',
  changesTitle: 'Ask for changes',
  answerSending: 'Sending …',
};
