import type { ReorderResult } from '@kontor/core/reorder';

export interface KontorReorderCompleteDetail {
  /** What happened to each line, and the cart or order it went to. */
  result: ReorderResult;
}

/** The buyer reordered in `<kontor-reorder>` and the server answered (also when no line could go in: the result says why). */
export type KontorReorderCompleteEvent = CustomEvent<KontorReorderCompleteDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-reorder-complete': KontorReorderCompleteEvent;
  }
}
