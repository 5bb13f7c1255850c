import type { OfferRequest } from '@kontor/core/offers';

export interface KontorOfferRequestDetail {
  /** The request the server took (its `id`, the cart's lines, the message and desired date). */
  request: OfferRequest;
}

/** The buyer asked for an offer from the cart in `<kontor-request-offer>` (once per attempt: a double click makes one request). */
export type KontorOfferRequestEvent = CustomEvent<KontorOfferRequestDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-offer-request': KontorOfferRequestEvent;
  }
}
