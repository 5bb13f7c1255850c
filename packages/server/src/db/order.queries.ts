import { sql, type Transaction } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';

type Tx = Transaction<Database> | Db;
export type OrderRow = Database['orders'];
export type OrderLineRow = Database['order_lines'];
export type OrderEventRow = Database['order_events'];
export type AddressRow = Database['company_addresses'];

/** Rows per multi-row insert: far below both databases' bind-parameter limits (16 columns a line). */
const INSERT_CHUNK = 200;
const chunked = <T>(rows: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
};
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

// ── addresses, credit, seller ────────────────────────────────────────────────────────────────

/** A company's saved addresses: the default first, then by label. */
export async function companyAddresses(db: Tx, companyId: string): Promise<AddressRow[]> {
  return db
    .selectFrom('company_addresses')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('is_default', 'desc')
    .orderBy('label')
    .orderBy('id')
    .execute();
}

export async function findCompanyAddress(db: Tx, companyId: string, addressId: string): Promise<AddressRow | undefined> {
  return db.selectFrom('company_addresses').selectAll().where('company_id', '=', companyId).where('id', '=', addressId).executeTakeFirst();
}

export async function insertCompanyAddress(db: Tx, row: AddressRow): Promise<void> {
  await db.insertInto('company_addresses').values(row).execute();
}

/** The company's credit limit in minor units; `null` when it may not buy on account. */
export async function creditLimit(db: Tx, companyId: string): Promise<number | null> {
  const row = await db.selectFrom('companies').select('credit_limit').where('id', '=', companyId).executeTakeFirst();
  return row?.credit_limit == null ? null : Number(row.credit_limit);
}

/**
 * Locks the company row until the transaction ends (a no-op update), so two invoice orders of
 * one company check the credit one after the other (PostgreSQL; SQLite writes one at a time anyway).
 */
export async function lockCompany(trx: Tx, companyId: string): Promise<void> {
  await trx.updateTable('companies').set({ credit_limit: sql<number | null>`credit_limit` }).where('id', '=', companyId).execute();
}

/** Gross of the company's invoice orders that are neither delivered nor cancelled: the credit in use. */
export async function creditUsed(db: Tx, companyId: string): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('gross_amount'), sql<number>`0`).as('used'))
    .where('company_id', '=', companyId)
    .where('payment_method', '=', 'invoice')
    .where('status', 'not in', ['delivered', 'cancelled'])
    .executeTakeFirst();
  return Number(row?.used ?? 0);
}

export async function sellerProfile(db: Tx): Promise<Database['seller_profile'] | undefined> {
  return db.selectFrom('seller_profile').selectAll().where('id', '=', 'seller').executeTakeFirst();
}

// ── placing ──────────────────────────────────────────────────────────────────────────────────

/**
 * The next running number of `year`: the year's row is created on first use and incremented
 * after, in one statement (an upsert), so concurrent placements never get the same number; the
 * row stays locked until the placing transaction ends.
 */
export async function nextOrderSequence(trx: Tx, year: number): Promise<number> {
  const row = await trx
    .insertInto('order_sequences')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql<number>`order_sequences.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

export async function insertOrder(trx: Tx, order: OrderRow, lines: readonly OrderLineRow[]): Promise<void> {
  await trx.insertInto('orders').values(order).execute();
  for (const batch of chunked(lines, INSERT_CHUNK)) await trx.insertInto('order_lines').values([...batch]).execute();
}

/** Sets the number (and the payment that names it) of an order inserted under a provisional one. */
export async function setOrderNumber(trx: Tx, order: Pick<OrderRow, 'id' | 'company_id' | 'number' | 'payment'>): Promise<void> {
  await trx.updateTable('orders').set({ number: order.number, payment: order.payment }).where('company_id', '=', order.company_id).where('id', '=', order.id).execute();
}

/** Appends to an order's timeline (call in the transaction that changed the order row). */
export async function insertOrderEvent(trx: Tx, event: Omit<OrderEventRow, 'seq'>): Promise<void> {
  const last = await trx
    .selectFrom('order_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('company_id', '=', event.company_id)
    .where('order_id', '=', event.order_id)
    .executeTakeFirst();
  await trx.insertInto('order_events').values({ ...event, seq: Number(last?.seq ?? 0) + 1 }).execute();
}

export async function insertSepaMandate(trx: Tx, row: Database['sepa_mandates']): Promise<void> {
  await trx.insertInto('sepa_mandates').values(row).execute();
}

/** Units per warehouse and SKU, e.g. the reservations of an order. */
export interface StockMove {
  warehouseId: string;
  sku: string;
  quantity: number;
}

/** Sorted by warehouse and SKU, so concurrent writers lock rows in the same order. */
const sortedMoves = (moves: readonly StockMove[]) =>
  [...moves].sort((a, b) => (a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));

/**
 * reserved += quantity per position, one multi-row upsert per 200 positions (a position that does
 * not exist yet is created with nothing on hand). `moves` must name each position once.
 */
export async function reserveStock(trx: Tx, moves: readonly StockMove[], at: string): Promise<void> {
  for (const batch of chunked(sortedMoves(moves), INSERT_CHUNK)) {
    await trx
      .insertInto('stock_positions')
      .values(batch.map((m) => ({ warehouse_id: m.warehouseId, sku: m.sku, on_hand: 0, reserved: m.quantity, updated_at: at })))
      .onConflict((oc) => oc.columns(['warehouse_id', 'sku']).doUpdateSet((eb) => ({ reserved: sql<number>`stock_positions.reserved + ${eb.ref('excluded.reserved')}`, updated_at: eb.ref('excluded.updated_at') })))
      .execute();
  }
}

/**
 * Takes reservations back (`consume: false`, a cancelled order) or takes the goods out
 * (`consume: true`, shipped: on hand and reserved both go down). Never below 0.
 */
export async function releaseStock(trx: Tx, moves: readonly StockMove[], options: { consume: boolean; at: string }): Promise<void> {
  for (const m of sortedMoves(moves)) {
    const q = sql<number>`cast(${m.quantity} as integer)`;
    await trx
      .updateTable('stock_positions')
      .set({
        reserved: sql<number>`case when reserved > ${q} then reserved - ${q} else 0 end`,
        ...(options.consume ? { on_hand: sql<number>`case when on_hand > ${q} then on_hand - ${q} else 0 end` } : {}),
        updated_at: options.at,
      })
      .where('warehouse_id', '=', m.warehouseId)
      .where('sku', '=', m.sku)
      .execute();
  }
}

// ── reading ──────────────────────────────────────────────────────────────────────────────────

export async function findOrder(db: Tx, companyId: string, orderId: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('company_id', '=', companyId).where('id', '=', orderId).executeTakeFirst();
}

/** Orders by number, of any company (the seller's ERP). */
export async function findOrdersByNumber(db: Tx, numbers: readonly string[]): Promise<OrderRow[]> {
  const out: OrderRow[] = [];
  for (const chunk of chunked([...new Set(numbers)], 1000)) out.push(...(await db.selectFrom('orders').selectAll().where('number', 'in', chunk).execute()));
  return out;
}

export async function orderLines(db: Tx, companyId: string, orderId: string): Promise<OrderLineRow[]> {
  return db.selectFrom('order_lines').selectAll().where('company_id', '=', companyId).where('order_id', '=', orderId).orderBy('position').execute();
}

export async function orderEvents(db: Tx, companyId: string, orderId: string): Promise<OrderEventRow[]> {
  return db.selectFrom('order_events').selectAll().where('company_id', '=', companyId).where('order_id', '=', orderId).orderBy('seq').execute();
}

export interface OrderFilter {
  status?: OrderRow['status'] | undefined;
  /** Placed at or after this instant. */
  fromInstant?: string | undefined;
  /** Placed before this instant. */
  beforeInstant?: string | undefined;
  /** Purchase-order number, exact, case-insensitive. */
  po?: string | undefined;
  /** Contained in number, PO number, cost center or a line's SKU, case-insensitive. */
  q?: string | undefined;
  /** Continue after this (placed_at, id). */
  after?: { placedAt: string; id: string } | undefined;
  limit: number;
}

/** A company's orders, newest first (placed_at, then id, both descending). */
export async function listOrders(db: Tx, companyId: string, f: OrderFilter): Promise<OrderRow[]> {
  let q = db.selectFrom('orders').selectAll('orders').where('orders.company_id', '=', companyId);
  if (f.status) q = q.where('orders.status', '=', f.status);
  if (f.fromInstant) q = q.where('orders.placed_at', '>=', f.fromInstant);
  if (f.beforeInstant) q = q.where('orders.placed_at', '<', f.beforeInstant);
  if (f.po) q = q.where(sql<string>`lower(orders.po_number)`, '=', f.po.toLowerCase());
  if (f.q) {
    const pattern = `%${escapeLike(f.q.toLowerCase())}%`;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`lower(orders.number) like ${pattern} escape '\\'`,
        sql<boolean>`lower(orders.po_number) like ${pattern} escape '\\'`,
        sql<boolean>`lower(orders.cost_center) like ${pattern} escape '\\'`,
        eb.exists(
          eb
            .selectFrom('order_lines')
            .select(sql`1`.as('one'))
            .whereRef('order_lines.company_id', '=', 'orders.company_id')
            .whereRef('order_lines.order_id', '=', 'orders.id')
            .where(sql<boolean>`lower(order_lines.sku) like ${pattern} escape '\\'`),
        ),
      ]),
    );
  }
  if (f.after) {
    const { placedAt, id } = f.after;
    q = q.where((eb) => eb.or([eb('orders.placed_at', '<', placedAt), eb.and([eb('orders.placed_at', '=', placedAt), eb('orders.id', '<', id)])]));
  }
  return q.orderBy('orders.placed_at', 'desc').orderBy('orders.id', 'desc').limit(f.limit).execute();
}

/** Writes an order's new status (only while it still has `from`); `false` when someone else moved it. */
export async function moveOrder(trx: Tx, order: Pick<OrderRow, 'id' | 'company_id'>, from: OrderRow['status'], set: Pick<OrderRow, 'status' | 'updated_at'> & Partial<Pick<OrderRow, 'tracking'>>): Promise<boolean> {
  const result = await trx.updateTable('orders').set(set).where('company_id', '=', order.company_id).where('id', '=', order.id).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
