/**
 * The outbox: events written in the same transaction as the change they describe, delivered
 * afterwards (at least once) by the worker in `outbox/worker.ts` to every target — `mail`
 * (order confirmation, shipping confirmation) and `webhook:<name>` (the seller's ERP).
 *
 * For the code that changes orders, one call inside its transaction:
 *
 * ```ts
 * await db.transaction().execute(async (trx) => {
 *   // … insert or update the order …
 *   await enqueueOrderEvent(trx, deps, { type: 'order.placed', companyId, order, previousStatus: null });
 *   // or, on a status change:
 *   await enqueueOrderEvent(trx, deps, { type: 'order.status_changed', companyId, order, previousStatus });
 * });
 * ```
 *
 * - `deps` is the app's `AppDeps` (createApp adds the configured `outbox` to it; without one the
 *   event is recorded with no deliveries). `order` is the full order after the change (core's
 *   `Order`, e.g. as `GET /v1/orders/{id}` answers it), `previousStatus` the status before it
 *   (`null` for `order.placed`), `companyId` the order's company.
 * - The event and its deliveries commit or roll back with the caller's transaction: an event
 *   exists exactly when its change committed, and nothing is sent for a rolled-back change.
 * - Targets: every configured webhook gets every event; `mail` gets `order.placed` and
 *   `order.status_changed` to `shipped` or `cancelled` (when a mailer is configured).
 * - After the call the in-process worker is woken (a little later, so the transaction has
 *   committed); polling is the fallback.
 */
import { randomBytes } from 'node:crypto';
import type { Order, OrderStatus, OrderWebhookEvent, OutboxEventType } from '@kontor/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

export type OrderEventType = OrderWebhookEvent['type'];

/** A delivery target: `mail` or `webhook:<name>`. */
export type OutboxTarget = 'mail' | `webhook:${string}`;

/** What the app knows about its outbox: the targets and how to wake its worker. */
export interface Outbox {
  /** Every webhook's target (`webhook:<name>`). */
  webhookTargets: readonly OutboxTarget[];
  /** Whether mails are sent (a mailer is configured). */
  mail: boolean;
  /** Wakes the in-process worker soon (after the caller's commit); no-op without one. */
  notify(): void;
}

/** The part of the app's dependencies enqueue needs; `AppDeps` fits. */
export interface OutboxDeps {
  now: () => Date;
  outbox?: Outbox | undefined;
}

export interface OutboxEventInput {
  type: OrderEventType;
  aggregateId: string;
  companyId: string;
  payload: OrderWebhookEvent['data'];
}

export const newEventId = (): string => `evt_${randomBytes(16).toString('hex')}`;

/**
 * Inserts an event (numbered after its aggregate's last one) and one pending delivery per target,
 * in the given transaction (or directly on the database). Returns the event id.
 */
export async function enqueue(
  db: Kysely<Database> | Transaction<Database>,
  event: OutboxEventInput,
  targets: readonly string[],
  now: Date,
): Promise<string> {
  const id = newEventId();
  const at = now.toISOString();
  // The next number of the aggregate's events. Changes of one order are serialised by its row
  // (placement creates it, status changes lock it), and the unique index guards the rest.
  const last = await db
    .selectFrom('outbox_events')
    .select((eb) => eb.fn.max('sequence').as('last'))
    .where('aggregate_id', '=', event.aggregateId)
    .executeTakeFirst();
  const sequence = Number(last?.last ?? 0) + 1;
  await db
    .insertInto('outbox_events')
    .values({ id, type: event.type, aggregate_id: event.aggregateId, company_id: event.companyId, payload: JSON.stringify(event.payload), created_at: at, sequence })
    .execute();
  const unique = [...new Set(targets)];
  if (unique.length) {
    await db
      .insertInto('outbox_deliveries')
      .values(
        unique.map((target) => ({
          event_id: id,
          target,
          status: 'pending' as const,
          attempts: 0,
          next_attempt_at: at,
          locked_until: null,
          last_error: null,
          delivered_at: null,
        })),
      )
      .execute();
  }
  return id;
}

/**
 * A mail-only event of another domain (a standing order's reminder, an offer sent, a reorder
 * reminder, an assistant hand-off): recorded in the caller's transaction with one `mail`
 * delivery when mails are configured (else the event alone), and the worker woken. Returns the
 * event id. Order events go through `enqueueOrderEvent`, which also reaches the webhooks.
 */
export async function enqueueMail(
  db: Kysely<Database> | Transaction<Database>,
  deps: OutboxDeps,
  event: { type: Exclude<OutboxEventType, OrderEventType>; aggregateId: string; companyId: string; payload: unknown },
  now: Date,
): Promise<string> {
  // The payload column is JSON text of any shape; its type names the order events' data.
  const id = await enqueue(db, { ...event, type: event.type as never, payload: event.payload as OutboxEventInput['payload'] }, deps.outbox?.mail ? ['mail'] : [], now);
  deps.outbox?.notify();
  return id;
}

/** Whether an order event is worth a mail: the confirmation, the shipping confirmation, the cancellation. */
export function mailsFor(type: OrderEventType, order: Pick<Order, 'status'>, previousStatus: OrderStatus | null): boolean {
  if (type === 'order.placed') return true;
  return (order.status === 'shipped' || order.status === 'cancelled') && previousStatus !== order.status;
}

/** The targets of an order event under the configured outbox. */
export function targetsFor(outbox: Outbox | undefined, type: OrderEventType, order: Pick<Order, 'status'>, previousStatus: OrderStatus | null): OutboxTarget[] {
  if (!outbox) return [];
  const targets: OutboxTarget[] = [...outbox.webhookTargets];
  if (outbox.mail && mailsFor(type, order, previousStatus)) targets.push('mail');
  return targets;
}

export interface OrderEventInput {
  type: OrderEventType;
  /** The order's company (orders.company_id); the order snapshot itself does not carry it. */
  companyId: string;
  /** The whole order after the change. */
  order: Order;
  /** The status before the change; `null` for `order.placed`. */
  previousStatus: OrderStatus | null;
}

/**
 * Records an order event in the caller's transaction, for every configured target, and wakes the
 * worker. See the top of this file.
 */
export async function enqueueOrderEvent(trx: Kysely<Database> | Transaction<Database>, deps: OutboxDeps, input: OrderEventInput): Promise<string> {
  const { type, companyId, order, previousStatus } = input;
  const id = await enqueue(
    trx,
    { type, aggregateId: order.id, companyId, payload: { order, previousStatus } },
    targetsFor(deps.outbox, type, order, previousStatus),
    deps.now(),
  );
  deps.outbox?.notify();
  return id;
}
