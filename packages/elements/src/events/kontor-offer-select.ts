export interface KontorOfferSelectDetail {
  /** The offer the buyer chose in the list. */
  offerId: string;
}

/** The buyer chose an offer in `<kontor-offers>`: the page opens `<kontor-offer offer-id>`. */
export type KontorOfferSelectEvent = CustomEvent<KontorOfferSelectDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-offer-select': KontorOfferSelectEvent;
  }
}
