import { randomBytes } from 'node:crypto';
import { sql, type ExpressionBuilder, type Transaction } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';
import { BASE_PRICE_LIST } from './schema.js';

type Tx = Transaction<Database> | Db;
export type CartRow = Database['carts'] & { owner_name: string | null };
export type CartLineRow = { cart_id: string; sku: string; quantity: number; position: number; addedAt: string };

/** Who holds carts: a user of the company, or a partner's portal acting for it (customer tokens). */
export type CartOwnerRef = { kind: 'user'; userId: string } | { kind: 'partner'; partnerId: string };
/** What every cart query is filtered by. */
export interface CartScope {
  companyId: string;
  owner: CartOwnerRef;
}

/** SQLite's default limit is 32,766 bound parameters, PostgreSQL's 65,535: batches stay far below. */
const BATCH = 500;
const batches = <T>(rows: readonly T[], size = BATCH): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
};

/** A new opaque id with a type prefix (`cart_…`), 128 random bits. */
export const newId = (prefix: string): string => `${prefix}_${randomBytes(16).toString('hex')}`;

const ownedBy = (scope: CartScope) => (eb: ExpressionBuilder<Database, 'carts'>) =>
  scope.owner.kind === 'user'
    ? eb.and([eb('carts.company_id', '=', scope.companyId), eb('carts.owner_user_id', '=', scope.owner.userId)])
    : eb.and([eb('carts.company_id', '=', scope.companyId), eb('carts.owner_partner_id', '=', scope.owner.partnerId), eb('carts.owner_user_id', 'is', null)]);

const cartsWithOwner = (db: Tx) =>
  db
    .selectFrom('carts')
    .leftJoin('users', 'users.id', 'carts.owner_user_id')
    .leftJoin('partners', 'partners.id', 'carts.owner_partner_id')
    .selectAll('carts')
    .select((eb) => eb.fn.coalesce('users.name', 'partners.name').as('owner_name'));

/** One of the owner's carts; `undefined` when it does not exist or is someone else's. */
export async function findCart(db: Tx, scope: CartScope, cartId: string): Promise<CartRow | undefined> {
  return cartsWithOwner(db).where('carts.id', '=', cartId).where(ownedBy(scope)).executeTakeFirst();
}

/** A cart of the company whoever owns it (to claim a handed-off cart). */
export async function findCompanyCart(db: Tx, companyId: string, cartId: string): Promise<CartRow | undefined> {
  return cartsWithOwner(db).where('carts.id', '=', cartId).where('carts.company_id', '=', companyId).executeTakeFirst();
}

/** The owner's open carts: the active one first, then the most recently changed. */
export async function listOpenCarts(db: Tx, scope: CartScope): Promise<CartRow[]> {
  return cartsWithOwner(db)
    .where(ownedBy(scope))
    .where('carts.status', '=', 'open')
    .orderBy('carts.active', 'desc')
    .orderBy('carts.updated_at', 'desc')
    .orderBy('carts.id')
    .execute();
}

/** Lines of carts in their order. */
export async function cartLines(db: Tx, cartIds: readonly string[]): Promise<CartLineRow[]> {
  if (!cartIds.length) return [];
  const rows = await db
    .selectFrom('cart_lines')
    .select(['cart_id', 'sku', 'quantity', 'position', 'added_at as addedAt'])
    .where('cart_id', 'in', [...cartIds])
    .orderBy('cart_id')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ ...r, quantity: Number(r.quantity), position: Number(r.position) }));
}

export async function insertCart(trx: Tx, row: Database['carts']): Promise<void> {
  await trx.insertInto('carts').values(row).execute();
}

/** Makes the owner's active cart (other than `exceptId`) a saved one. */
export async function deactivateActiveCart(trx: Tx, scope: CartScope, exceptId?: string): Promise<void> {
  let q = trx.updateTable('carts').set({ active: 0 }).where(ownedBy(scope)).where('carts.active', '=', 1);
  if (exceptId) q = q.where('carts.id', '!=', exceptId);
  await q.execute();
}

/** True when the owner has an active cart other than `exceptId`. */
export async function hasActiveCart(trx: Tx, scope: CartScope, exceptId: string): Promise<boolean> {
  const row = await trx.selectFrom('carts').select('carts.id').where(ownedBy(scope)).where('carts.active', '=', 1).where('carts.id', '!=', exceptId).executeTakeFirst();
  return !!row;
}

/**
 * Bumps a cart's version and sets `set`, only while it still has `version` (when given) and still
 * belongs to `scope`. The row lock makes concurrent writers wait; the loser sees 0 rows.
 * @returns whether the cart was updated
 */
export async function bumpCart(
  trx: Tx,
  cartId: string,
  where: { version?: number; scope: CartScope },
  set: Partial<Omit<Database['carts'], 'id' | 'version' | 'company_id'>>,
): Promise<boolean> {
  let q = trx
    .updateTable('carts')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('carts.id', '=', cartId)
    .where(ownedBy(where.scope));
  if (where.version !== undefined) q = q.where('carts.version', '=', where.version);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface LineWrites {
  /** SKUs whose lines go (deleted before the inserts, so a removed and re-added SKU can be inserted anew). */
  deletes: string[];
  inserts: { sku: string; quantity: number; position: number; added_at: string }[];
  updates: { sku: string; quantity: number }[];
}

/** Writes only the touched lines of a cart, in batches. */
export async function writeCartLines(trx: Tx, cartId: string, writes: LineWrites): Promise<void> {
  for (const skus of batches(writes.deletes)) await trx.deleteFrom('cart_lines').where('cart_id', '=', cartId).where('sku', 'in', skus).execute();
  for (const rows of batches(writes.inserts, 200)) await trx.insertInto('cart_lines').values(rows.map((r) => ({ cart_id: cartId, ...r }))).execute();
  // One statement per batch: quantity = CASE sku WHEN … THEN … END.
  for (const rows of batches(writes.updates, 200)) {
    const cases = sql.join(rows.map((r) => sql`when ${r.sku} then cast(${r.quantity} as integer)`), sql` `);
    await trx
      .updateTable('cart_lines')
      .set({ quantity: sql<number>`case sku ${cases} end` })
      .where('cart_id', '=', cartId)
      .where('sku', 'in', rows.map((r) => r.sku))
      .execute();
  }
}

/** Copies lines into a new cart, keeping their order and when they were added. */
export async function insertCartLines(trx: Tx, cartId: string, lines: readonly { sku: string; quantity: number; addedAt: string }[]): Promise<void> {
  const rows = lines.map((l, i) => ({ cart_id: cartId, sku: l.sku, quantity: l.quantity, position: i, added_at: l.addedAt }));
  for (const batch of batches(rows, 200)) await trx.insertInto('cart_lines').values(batch).execute();
}

export type CartEventInsert = Omit<Database['cart_events'], 'id' | 'seq' | 'data'> & { data: Record<string, unknown> };

/**
 * Appends to a cart's history. Call it in the transaction that changed the cart row, so the
 * row lock orders the events of one cart (a unique index backs it up).
 */
export async function insertCartEvent(trx: Tx, event: CartEventInsert): Promise<void> {
  const last = await trx
    .selectFrom('cart_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('company_id', '=', event.company_id)
    .where('cart_id', '=', event.cart_id)
    .executeTakeFirst();
  await trx
    .insertInto('cart_events')
    .values({ ...event, id: newId('cev'), seq: Number(last?.seq ?? 0) + 1, data: JSON.stringify(event.data) })
    .execute();
}

/** A cart's history, newest first, with the names of the users who acted. */
export async function cartEvents(db: Tx, companyId: string, cartId: string, limit: number) {
  const rows = await db
    .selectFrom('cart_events')
    .leftJoin('users', 'users.id', 'cart_events.actor_user_id')
    .select(['cart_events.at', 'cart_events.kind', 'cart_events.version', 'cart_events.channel', 'cart_events.partner_id', 'cart_events.actor_user_id', 'cart_events.data', 'users.name as actor_name'])
    .where('cart_events.company_id', '=', companyId)
    .where('cart_events.cart_id', '=', cartId)
    .orderBy('cart_events.seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, version: Number(r.version), data: JSON.parse(r.data) as Record<string, unknown> }));
}

/** Deletes a cart with its lines, history and hand-off codes. */
export async function deleteCart(trx: Tx, companyId: string, cartId: string): Promise<void> {
  await trx.deleteFrom('cart_handoffs').where('company_id', '=', companyId).where('cart_id', '=', cartId).execute();
  await trx.deleteFrom('cart_events').where('company_id', '=', companyId).where('cart_id', '=', cartId).execute();
  await trx.deleteFrom('cart_lines').where('cart_id', '=', cartId).execute();
  await trx.deleteFrom('carts').where('company_id', '=', companyId).where('id', '=', cartId).execute();
}

export async function insertHandoff(trx: Tx, row: Database['cart_handoffs']): Promise<void> {
  await trx.insertInto('cart_handoffs').values(row).execute();
}

export async function findHandoff(db: Tx, codeHash: string): Promise<Database['cart_handoffs'] | undefined> {
  return db.selectFrom('cart_handoffs').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
}

/** Marks a code used; `false` when someone claimed it first. */
export async function markHandoffClaimed(trx: Tx, codeHash: string, at: string): Promise<boolean> {
  const result = await trx.updateTable('cart_handoffs').set({ claimed_at: at }).where('code_hash', '=', codeHash).where('claimed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Users of a company, by name. */
export async function companyUsers(db: Tx, companyId: string) {
  return db.selectFrom('users').select(['id', 'name', 'email']).where('company_id', '=', companyId).orderBy('name').orderBy('id').execute();
}

export async function findCompanyUser(db: Tx, companyId: string, userId: string) {
  return db.selectFrom('users').select(['id', 'name', 'email']).where('company_id', '=', companyId).where('id', '=', userId).executeTakeFirst();
}

/** The currency of a company's prices: its own price list's, else the base list's. */
export async function priceListCurrency(db: Tx, priceListId: string | null): Promise<string | undefined> {
  const row = await db.selectFrom('price_lists').select('currency').where('id', '=', priceListId ?? BASE_PRICE_LIST).executeTakeFirst();
  return row?.currency;
}

/**
 * Up to `limit` SKUs of the whole catalogue beginning with `prefix` in upper or lower case (an
 * index range on the unique SKU index), in order. Not filtered by visibility: callers pass the
 * result through the catalogue's visibility rule.
 */
export async function skusStartingWith(db: Tx, prefix: string, limit: number): Promise<string[]> {
  let q = db.selectFrom('products').select('sku');
  if (prefix) {
    const upper = prefix.toUpperCase();
    const lower = prefix.toLowerCase();
    const after = (s: string) => s.slice(0, -1) + String.fromCharCode(s.charCodeAt(s.length - 1) + 1);
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('sku', '>=', upper), eb('sku', '<', after(upper))]),
        ...(lower !== upper ? [eb.and([eb('sku', '>=', lower), eb('sku', '<', after(lower))])] : []),
      ]),
    );
  }
  const rows = await q.orderBy('sku').limit(limit).execute();
  return rows.map((r) => r.sku);
}
