export interface KontorOrderSelectDetail {
  orderId: string;
  /** The order's number (`K-2026-000123`). */
  number: string;
}

/** The buyer chose an order a standing order placed (its number, without `order-url`): the page opens `<kontor-order-status order-id>`. */
export type KontorOrderSelectEvent = CustomEvent<KontorOrderSelectDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-order-select': KontorOrderSelectEvent;
  }
}
