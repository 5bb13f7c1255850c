import type { Order, OrderStatus } from '@kontor/core';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { enqueueOrderEvent, type OutboxDeps } from '../outbox/outbox.js';

export interface OrderChange {
  type: 'order.placed' | 'order.status_changed';
  companyId: string;
  /** The whole order after the change. */
  order: Order;
  /** `null` for `order.placed`. */
  previousStatus: OrderStatus | null;
}

/**
 * Records `order.placed` / `order.status_changed` in the outbox, in the transaction of the change
 * (see outbox/outbox.ts): the event exists exactly when the change committed, and is delivered to
 * the webhooks and as mail afterwards.
 */
export async function enqueueOrderChange(trx: Transaction<Database>, deps: OutboxDeps, change: OrderChange): Promise<void> {
  await enqueueOrderEvent(trx, deps, change);
}
