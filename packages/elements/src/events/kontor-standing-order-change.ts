import type { StandingOrderRun, StandingOrderView } from '@kontor/core/standing-orders';

/** What the buyer did. */
export type StandingOrderChangeKind = 'created' | 'updated' | 'paused' | 'resumed' | 'skipped' | 'unskipped' | 'ordered' | 'cancelled';

export interface KontorStandingOrderChangeDetail {
  /** The standing order as the server answered after the change. */
  standingOrder: StandingOrderView;
  change: StandingOrderChangeKind;
  /** For `ordered` (order now): the run and the order it placed; else `null`. */
  run: StandingOrderRun | null;
}

/** The server accepted a change made in `<kontor-standing-order>` (created, edited, paused, resumed, a run skipped or unskipped, ordered now, cancelled). */
export type KontorStandingOrderChangeEvent = CustomEvent<KontorStandingOrderChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-standing-order-change': KontorStandingOrderChangeEvent;
  }
}
