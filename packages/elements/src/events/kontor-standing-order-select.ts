import type { StandingOrderView } from '@kontor/core/standing-orders';

export interface KontorStandingOrderSelectDetail {
  /** The standing order the buyer chose in the list, as the list shows it. */
  standingOrder: StandingOrderView;
}

/** The buyer chose a standing order in `<kontor-standing-orders>`: the page opens `<kontor-standing-order standing-order-id>`. */
export type KontorStandingOrderSelectEvent = CustomEvent<KontorStandingOrderSelectDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-standing-order-select': KontorStandingOrderSelectEvent;
  }
}
