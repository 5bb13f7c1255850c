import {
  ValidationError,
  canMoveOrder,
  errorMessage,
  issueMessage,
  trackingOf,
  type ErrorIssue,
  type IssuePath,
  type Lang,
  type OrderStatus,
  type OrderStatusUpdate,
} from '@kontor/core';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import { findOrdersByNumber, insertOrderEvent, moveOrder, orderEvents, orderLines, releaseStock, type OrderRow, type StockMove } from '../db/order.queries.js';
import type { Database } from '../db/schema.js';
import { httpError } from '../http/errors.js';
import type { AppDeps } from '../http/route.js';
import { enqueueOrderChange } from './order.outbox.js';
import { orderOf } from './order.view.js';

/** At most this many issues in one refusal; the rest is left out. */
const MAX_ISSUES = 100;
const BEFORE_SHIPPING: readonly OrderStatus[] = ['placed', 'confirmed', 'in_fulfilment'];

const issue = (path: IssuePath, code: string, params: Record<string, unknown>, lang: Lang): ErrorIssue => ({ path, code, message: issueMessage(code, params, lang), params });

/**
 * Applies the ERP's status updates inside `trx`, all or nothing. Updates apply in the order given,
 * so one batch may move an order twice (confirmed, then shipped). Refused: an unknown number
 * (`unknown_order` at `['updates', i, 'number']`), a move `canMoveOrder` forbids
 * (`status_transition` at `['updates', i, 'status']`), shipped without carrier and tracking
 * number (`carrier_required` at the missing field). Each accepted update writes a timeline entry
 * (at the update's `at`, else now); shipped sets the tracking; cancelled releases the order's
 * reservations; the first move to shipped or delivered takes the reserved goods out of stock
 * (on hand and reserved, never below 0); each enqueues `order.status_changed`.
 */
export async function updateOrderStatuses(trx: Transaction<Database>, deps: AppDeps, updates: readonly OrderStatusUpdate[], now: Date, lang: Lang): Promise<{ updated: number }> {
  const db = trx as unknown as Db;
  const iso = now.toISOString();
  const rows = new Map((await findOrdersByNumber(db, updates.map((u) => u.number))).map((r) => [r.number, r]));
  const current = new Map<string, OrderStatus>([...rows].map(([n, r]) => [n, r.status]));
  const issues: ErrorIssue[] = [];
  const moves: { update: OrderStatusUpdate; row: OrderRow; from: OrderStatus }[] = [];
  updates.forEach((u, i) => {
    const row = rows.get(u.number);
    if (!row) return void issues.push(issue(['updates', i, 'number'], 'unknown_order', { number: u.number }, lang));
    const from = current.get(u.number)!;
    if (!canMoveOrder(from, u.status)) return void issues.push(issue(['updates', i, 'status'], 'status_transition', { number: u.number, from, to: u.status }, lang));
    if (u.status === 'shipped' && (!u.carrier || !u.trackingNumber)) return void issues.push(issue(['updates', i, u.carrier ? 'trackingNumber' : 'carrier'], 'carrier_required', { number: u.number }, lang));
    current.set(u.number, u.status);
    moves.push({ update: u, row, from });
  });
  if (issues.length) throw new ValidationError(`${errorMessage('validation', lang)} ${issues[0]!.message}`, issues.slice(0, MAX_ISSUES), { status: 422 });

  for (const { update, row, from } of moves) {
    const tracking = update.status === 'shipped' ? JSON.stringify(trackingOf(update.carrier!, update.trackingNumber!)) : undefined;
    const moved = await moveOrder(db, row, from, { status: update.status, updated_at: iso, ...(tracking ? { tracking } : {}) });
    // Someone else moved it since it was read: the batch is refused as a whole.
    if (!moved) throw httpError('conflict', lang, { status: 409 });
    await insertOrderEvent(db, {
      company_id: row.company_id, order_id: row.id, status: update.status, at: update.at ?? iso,
      note: update.note ?? null, carrier: update.carrier ?? null, tracking_number: update.trackingNumber ?? null,
    });
    const lines = await orderLines(db, row.company_id, row.id);
    const cancel = update.status === 'cancelled';
    const consume = BEFORE_SHIPPING.includes(from) && (update.status === 'shipped' || update.status === 'delivered');
    if (cancel || consume) {
      const stock: StockMove[] = lines.flatMap((l) => (JSON.parse(l.reserved) as { warehouseId: string; quantity: number }[]).map((r) => ({ ...r, sku: l.sku })));
      await releaseStock(db, stock, { consume, at: iso });
    }
    const next: OrderRow = { ...row, status: update.status, updated_at: iso, tracking: tracking ?? row.tracking };
    row.status = update.status;
    row.tracking = next.tracking;
    const order = orderOf(next, lines, await orderEvents(db, row.company_id, row.id));
    await enqueueOrderChange(trx, deps, { type: 'order.status_changed', companyId: row.company_id, order, previousStatus: from });
  }
  return { updated: moves.length };
}
