import type { Offer } from '@kontor/core/offers';
import type { Order } from '@kontor/core/orders';

export interface KontorOfferAcceptDetail {
  /** The offer, now `accepted`, with its `result`. */
  offer: Offer;
  /** The order placed from it (accepted into an order), else `null`. */
  order: Order | null;
  /** The standing order set up from it (accepted into a standing order), else `null`; read it with the standing-orders client or show it in `<kontor-standing-order>`. */
  standingOrderId: string | null;
}

/** The buyer accepted an offer in `<kontor-offer>`: the server placed the order or set up the standing order (once: a retry with the same key gets the same answer). */
export type KontorOfferAcceptEvent = CustomEvent<KontorOfferAcceptDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-offer-accept': KontorOfferAcceptEvent;
  }
}
