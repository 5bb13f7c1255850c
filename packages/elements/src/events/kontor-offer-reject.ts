import type { Offer } from '@kontor/core/offers';

export interface KontorOfferRejectDetail {
  /** The offer, now `rejected` (the reason is in its `history`). */
  offer: Offer;
}

/** The buyer rejected an offer in `<kontor-offer>` with a reason. */
export type KontorOfferRejectEvent = CustomEvent<KontorOfferRejectDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-offer-reject': KontorOfferRejectEvent;
  }
}
