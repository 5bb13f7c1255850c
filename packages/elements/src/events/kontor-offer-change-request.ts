import type { Offer } from '@kontor/core/offers';

export interface KontorOfferChangeRequestDetail {
  /** The offer, now `changes_requested` (the comment is in its `history`). */
  offer: Offer;
}

/** The buyer asked for changes in `<kontor-offer>`: the rep drafts the next version. */
export type KontorOfferChangeRequestEvent = CustomEvent<KontorOfferChangeRequestDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-offer-change-request': KontorOfferChangeRequestEvent;
  }
}
