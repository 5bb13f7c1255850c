// Offers: requests, versioned offers, their prices and lifecycle, comparing versions; the buyer's
// client and, apart, the seller's (sales reps). Schemas and rules need nothing but zod.
export * from './offer.schema.js';
export {
  priceOffer,
  approvalOf,
  approvalSatisfied,
  offerTransition,
  isFinalOfferStatus,
  isPastValidity,
  daysLeft,
  localDayOf,
  diffLines,
  compareVersions,
  offerIssue,
  offerIssueMessage,
  OFFER_TIME_ZONE,
  OFFER_TRANSITIONS,
  type OfferAction,
  type OfferState,
  type OfferLineFacts,
  type PricedOffer,
  type ComparableLine,
} from './offer.logic.js';
export { createOffersClient, localizeOfferIssues, type OffersClient } from './offers.client.js';
export { createSellerOffersClient, type SellerOffersClient } from './seller-offers.client.js';
