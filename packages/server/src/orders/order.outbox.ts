import type { Order, OrderStatus } from '@kontor/core';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AppDeps } from '../http/route.js';

export interface OrderChange {
  type: 'order.placed' | 'order.status_changed';
  companyId: string;
  /** The whole order after the change. */
  order: Order;
  /** `null` for `order.placed`. */
  previousStatus: OrderStatus | null;
}

/**
 * OUTBOX CALL SITE: records `order.placed` / `order.status_changed` in the transaction of the
 * change. Until src/outbox lands (migration 0006_outbox, `enqueueOrderEvent`), this records nothing.
 */
export async function enqueueOrderChange(_trx: Transaction<Database>, _deps: AppDeps, _change: OrderChange): Promise<void> {
  // TODO(outbox): await enqueueOrderEvent(trx, deps, change);
}
