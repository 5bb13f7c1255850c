import type { Order } from '@kontor/core/orders';

export interface KontorOrderPlacedDetail {
  /** The order as the server placed it: number, snapshotted lines, totals, payment, timeline. */
  order: Order;
}

/** The buyer placed an order in `<kontor-checkout>` (fired once per order, also when a retry got the same order back). */
export type KontorOrderPlacedEvent = CustomEvent<KontorOrderPlacedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-order-placed': KontorOrderPlacedEvent;
  }
}
