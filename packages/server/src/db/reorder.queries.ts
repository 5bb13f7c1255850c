import type { Transaction } from 'kysely';
import type { Db } from './database.js';
import type { OrderLineRow, OrderRow } from './order.queries.js';
import type { Database } from './schema.js';

type Tx = Transaction<Database> | Db;

/** The company's latest orders (not cancelled), newest first, with their lines in order. */
export async function recentOrders(db: Tx, companyId: string, limit: number): Promise<{ order: OrderRow; lines: OrderLineRow[] }[]> {
  const orders = await db
    .selectFrom('orders')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('status', '!=', 'cancelled')
    .orderBy('placed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  if (!orders.length) return [];
  const lines = await db
    .selectFrom('order_lines')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('order_id', 'in', orders.map((o) => o.id))
    .orderBy('order_id')
    .orderBy('position')
    .execute();
  return orders.map((order) => ({ order, lines: lines.filter((l) => l.order_id === order.id) }));
}

/** One order of a product: when, which order, how many, at what unit price. */
export interface ProductOrderRow {
  sku: string;
  order_id: string;
  placed_at: string;
  quantity: number;
  unit_amount: number;
  currency: string;
  name_de: string;
  name_en: string;
  unit: OrderLineRow['unit'];
}

/**
 * The SKUs the company ordered in most orders (not cancelled; ties: the latest order first), up to
 * `limit`, and every order of each of them, oldest first.
 */
export async function mostOrdered(db: Tx, companyId: string, limit: number): Promise<Map<string, ProductOrderRow[]>> {
  const top = await db
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .select((eb) => ['order_lines.sku', eb.fn.count<number>('order_lines.order_id').distinct().as('n'), eb.fn.max('orders.placed_at').as('last')])
    .where('order_lines.company_id', '=', companyId)
    .where('orders.company_id', '=', companyId)
    .where('orders.status', '!=', 'cancelled')
    .groupBy('order_lines.sku')
    .orderBy('n', 'desc')
    .orderBy('last', 'desc')
    .orderBy('order_lines.sku')
    .limit(limit)
    .execute();
  const out = new Map<string, ProductOrderRow[]>(top.map((t) => [t.sku, []]));
  if (!top.length) return out;
  const rows = await db
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .select(['order_lines.sku', 'order_lines.order_id', 'orders.placed_at', 'order_lines.quantity', 'order_lines.unit_amount', 'orders.currency', 'order_lines.name_de', 'order_lines.name_en', 'order_lines.unit'])
    .where('order_lines.company_id', '=', companyId)
    .where('orders.company_id', '=', companyId)
    .where('orders.status', '!=', 'cancelled')
    .where('order_lines.sku', 'in', top.map((t) => t.sku))
    .orderBy('orders.placed_at')
    .orderBy('orders.id')
    .execute();
  for (const r of rows) out.get(r.sku)!.push({ ...r, quantity: Number(r.quantity), unit_amount: Number(r.unit_amount) });
  return out;
}

/** The company's last order (not cancelled), for "straight to an order" from products. */
export async function lastOrder(db: Tx, companyId: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('company_id', '=', companyId).where('status', '!=', 'cancelled').orderBy('placed_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

/** The full IBAN and holder of an order's SEPA mandate (the only copy). */
export async function orderMandate(db: Tx, companyId: string, orderId: string) {
  return db.selectFrom('sepa_mandates').select(['account_holder', 'iban']).where('company_id', '=', companyId).where('order_id', '=', orderId).executeTakeFirst();
}

export async function findReorderSettings(db: Tx, companyId: string): Promise<Database['reorder_settings'] | undefined> {
  return db.selectFrom('reorder_settings').selectAll().where('company_id', '=', companyId).executeTakeFirst();
}

/**
 * Sets the company's reminders while its version is still `version` (no row counts as version 0).
 * @returns whether it was written
 */
export async function writeReorderSettings(trx: Tx, companyId: string, version: number, reminders: boolean, at: string): Promise<boolean> {
  const values = { reminders: reminders ? 1 : 0, version: version + 1, updated_at: at };
  if (version === 0) {
    const res = await trx.insertInto('reorder_settings').values({ company_id: companyId, ...values }).onConflict((oc) => oc.column('company_id').doNothing()).executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  const res = await trx.updateTable('reorder_settings').set(values).where('company_id', '=', companyId).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Companies with reminders on. */
export async function remindedCompanies(db: Tx): Promise<string[]> {
  const rows = await db.selectFrom('reorder_settings').select('company_id').where('reminders', '=', 1).orderBy('company_id').execute();
  return rows.map((r) => r.company_id);
}

/** Records a product's reminder for its cycle; `false` when it was sent already (by us or another process). */
export async function insertReorderReminder(trx: Tx, row: Database['reorder_reminders']): Promise<boolean> {
  const res = await trx.insertInto('reorder_reminders').values(row).onConflict((oc) => oc.columns(['company_id', 'sku', 'cycle']).doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The cycles of the company's products reminded already, as `sku|cycle`. */
export async function remindedCycles(db: Tx, companyId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('reorder_reminders').select(['sku', 'cycle']).where('company_id', '=', companyId).execute();
  return new Set(rows.map((r) => `${r.sku}|${r.cycle}`));
}

export async function setReminderEvent(trx: Tx, companyId: string, keys: readonly { sku: string; cycle: string }[], eventId: string): Promise<void> {
  for (const k of keys) await trx.updateTable('reorder_reminders').set({ event_id: eventId }).where('company_id', '=', companyId).where('sku', '=', k.sku).where('cycle', '=', k.cycle).execute();
}

/** The company's admins: who reorder reminders go to. */
export async function companyAdmins(db: Tx, companyId: string) {
  return db.selectFrom('users').select(['id', 'email', 'name', 'locale']).where('company_id', '=', companyId).where('role', '=', 'admin').orderBy('email').execute();
}

export async function insertReorderLinks(trx: Tx, rows: readonly Database['reorder_links'][]): Promise<void> {
  if (rows.length) await trx.insertInto('reorder_links').values([...rows]).execute();
}

export async function findReorderLink(db: Tx, id: string): Promise<Database['reorder_links'] | undefined> {
  return db.selectFrom('reorder_links').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks a link used with the cart it made, while unused; `false` when another click was first. */
export async function useReorderLink(trx: Tx, id: string, at: string, cartId: string): Promise<boolean> {
  const res = await trx.updateTable('reorder_links').set({ used_at: at, cart_id: cartId }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
