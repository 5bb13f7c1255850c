import { PostgresAdapter, type Kysely, type Transaction } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';

type Tx = Transaction<Database> | Db;
export type StandingOrderRow = Database['standing_orders'];
export type StandingOrderRunRow = Database['standing_order_runs'];
export type StandingOrderLinkRow = Database['standing_order_links'];

const isPostgres = (db: Kysely<Database>) => db.getExecutor().adapter instanceof PostgresAdapter;
/** Ids per `in (…)` list: far below both databases' bind-parameter limits. */
const CHUNK = 1000;

// ── standing orders ──────────────────────────────────────────────────────────────────────────

export async function insertStandingOrder(trx: Tx, row: StandingOrderRow): Promise<void> {
  await trx.insertInto('standing_orders').values(row).execute();
}

/** One of the company's standing orders; `undefined` for another company's (the caller cannot tell). */
export async function findStandingOrder(db: Tx, companyId: string, id: string): Promise<StandingOrderRow | undefined> {
  return db.selectFrom('standing_orders').selectAll().where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst();
}

/**
 * The company's standing order, locked until the transaction ends (PostgreSQL `for update`;
 * SQLite has one writer), so an edit and the scheduler's run of the same standing order take turns.
 */
export async function lockStandingOrder(trx: Transaction<Database>, companyId: string, id: string): Promise<StandingOrderRow | undefined> {
  let q = trx.selectFrom('standing_orders').selectAll().where('company_id', '=', companyId).where('id', '=', id);
  if (isPostgres(trx)) q = q.forUpdate();
  return q.executeTakeFirst();
}

/**
 * The scheduler's claim: the standing order while something of it is due at `now`, locked for
 * this transaction — on PostgreSQL `for update skip locked`, so another scheduler process busy with
 * it is passed by (it gets `undefined`) instead of waited for.
 */
export async function claimDueStandingOrder(trx: Transaction<Database>, id: string, now: string): Promise<StandingOrderRow | undefined> {
  let q = trx.selectFrom('standing_orders').selectAll().where('id', '=', id).where('next_at', '<=', now);
  if (isPostgres(trx)) q = q.forUpdate().skipLocked();
  return q.executeTakeFirst();
}

/** Ids of standing orders with something due at `now`, most overdue first. */
export async function dueStandingOrderIds(db: Tx, now: string, limit: number, after?: { nextAt: string; id: string }): Promise<{ id: string; next_at: string }[]> {
  let q = db.selectFrom('standing_orders').select(['id', 'next_at']).where('next_at', '<=', now);
  if (after) q = q.where((eb) => eb.or([eb('next_at', '>', after.nextAt), eb.and([eb('next_at', '=', after.nextAt), eb('id', '>', after.id)])]));
  const rows = await q.orderBy('next_at').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, next_at: r.next_at! }));
}

/** The earliest instant any standing order has something due, or `null`. */
export async function nextDueAt(db: Tx): Promise<string | null> {
  const row = await db.selectFrom('standing_orders').select((eb) => eb.fn.min('next_at').as('at')).where('next_at', 'is not', null).executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}

/**
 * Writes a standing order's changed columns, only while it still has `version` when given (two
 * concurrent edits: one wins); `false` when it did not.
 */
export async function updateStandingOrderRow(
  trx: Tx,
  key: { companyId: string; id: string; version?: number },
  set: Partial<Omit<StandingOrderRow, 'id' | 'company_id' | 'created_at'>>,
): Promise<boolean> {
  let q = trx.updateTable('standing_orders').set(set).where('company_id', '=', key.companyId).where('id', '=', key.id);
  if (key.version !== undefined) q = q.where('version', '=', key.version);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** The company's standing orders, newest first (created_at, then id), after a cursor. */
export async function listStandingOrders(
  db: Tx,
  companyId: string,
  f: { status?: StandingOrderRow['status'] | undefined; after?: { createdAt: string; id: string } | undefined; limit: number },
): Promise<StandingOrderRow[]> {
  let q = db.selectFrom('standing_orders').selectAll().where('company_id', '=', companyId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.after) {
    const { createdAt, id } = f.after;
    q = q.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

/** Active and paused standing orders with a run due by `until`, across companies, by next run (the ERP). */
export async function standingOrdersDueBy(db: Tx, until: string, limit: number, after?: { nextAt: string; id: string }) {
  let q = db
    .selectFrom('standing_orders as s')
    .innerJoin('companies as c', 'c.id', 's.company_id')
    .selectAll('s')
    .select(['c.name as company_name', 'c.customer_number'])
    .where('s.next_at', 'is not', null)
    .where('s.next_at', '<=', until)
    .where('s.status', 'in', ['active', 'paused']);
  if (after) q = q.where((eb) => eb.or([eb('s.next_at', '>', after.nextAt), eb.and([eb('s.next_at', '=', after.nextAt), eb('s.id', '>', after.id)])]));
  return q.orderBy('s.next_at').orderBy('s.id').limit(limit).execute();
}

/** A company's active and paused standing orders (the calendar feed). */
export async function liveStandingOrders(db: Tx, companyId: string, limit: number): Promise<StandingOrderRow[]> {
  return db
    .selectFrom('standing_orders')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('status', 'in', ['active', 'paused'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

// ── runs ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Records a run unless its occurrence has one: the unique (standing_order_id, occurrence) index
 * decides, so of two writers exactly one run is recorded. `true` when this one was.
 */
export async function insertRun(trx: Tx, row: StandingOrderRunRow): Promise<boolean> {
  const res = await trx.insertInto('standing_order_runs').values(row).onConflict((oc) => oc.columns(['standing_order_id', 'occurrence']).doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Keys of the occurrences from `fromKey` on that have a run, per standing order. */
export async function runKeys(db: Tx, companyId: string | null, standingOrderIds: readonly string[], fromKey: string): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>(standingOrderIds.map((id) => [id, new Set<string>()]));
  for (let i = 0; i < standingOrderIds.length; i += CHUNK) {
    let q = db
      .selectFrom('standing_order_runs')
      .select(['standing_order_id', 'occurrence'])
      .where('standing_order_id', 'in', standingOrderIds.slice(i, i + CHUNK))
      .where('occurrence', '>=', fromKey);
    if (companyId !== null) q = q.where('company_id', '=', companyId);
    for (const r of await q.execute()) out.get(r.standing_order_id)?.add(r.occurrence);
  }
  return out;
}

/** The newest run (by occurrence) of each of the given standing orders of a company; one query per chunk. */
export async function lastRuns(db: Tx, companyId: string, standingOrderIds: readonly string[]): Promise<Map<string, StandingOrderRunRow>> {
  const out = new Map<string, StandingOrderRunRow>();
  for (let i = 0; i < standingOrderIds.length; i += CHUNK) {
    const ids = standingOrderIds.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom('standing_order_runs as r')
      .innerJoin(
        (eb) =>
          eb
            .selectFrom('standing_order_runs')
            .select((e) => ['standing_order_id', e.fn.max('occurrence').as('last')])
            .where('company_id', '=', companyId)
            .where('standing_order_id', 'in', ids)
            .groupBy('standing_order_id')
            .as('m'),
        (join) => join.onRef('m.standing_order_id', '=', 'r.standing_order_id').onRef('m.last', '=', 'r.occurrence'),
      )
      .selectAll('r')
      .where('r.company_id', '=', companyId)
      .execute();
    for (const r of rows) out.set(r.standing_order_id, r);
  }
  return out;
}

/** A standing order's runs, newest occurrence first, after a cursor (the last occurrence seen). */
export async function listRuns(db: Tx, companyId: string, standingOrderId: string, f: { before?: string | undefined; limit: number }): Promise<StandingOrderRunRow[]> {
  let q = db.selectFrom('standing_order_runs').selectAll().where('company_id', '=', companyId).where('standing_order_id', '=', standingOrderId);
  if (f.before) q = q.where('occurrence', '<', f.before);
  return q.orderBy('occurrence', 'desc').limit(f.limit).execute();
}

export async function findRun(db: Tx, companyId: string, standingOrderId: string, occurrence: string): Promise<StandingOrderRunRow | undefined> {
  return db
    .selectFrom('standing_order_runs')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('standing_order_id', '=', standingOrderId)
    .where('occurrence', '=', occurrence)
    .executeTakeFirst();
}

// ── reminders and links ──────────────────────────────────────────────────────────────────────

/** Keys of occurrences from `fromKey` on whose reminder was sent. */
export async function reminderKeys(db: Tx, companyId: string, standingOrderId: string, fromKey: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('standing_order_reminders')
    .select('occurrence')
    .where('company_id', '=', companyId)
    .where('standing_order_id', '=', standingOrderId)
    .where('occurrence', '>=', fromKey)
    .execute();
  return new Set(rows.map((r) => r.occurrence));
}

/** Records an occurrence's reminder unless it has one (primary key); `true` when this one was. */
export async function insertReminder(trx: Tx, row: Database['standing_order_reminders']): Promise<boolean> {
  const res = await trx.insertInto('standing_order_reminders').values(row).onConflict((oc) => oc.columns(['standing_order_id', 'occurrence']).doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function insertLinks(trx: Tx, rows: readonly StandingOrderLinkRow[]): Promise<void> {
  if (rows.length) await trx.insertInto('standing_order_links').values([...rows]).execute();
}

export async function findLink(db: Tx, id: string): Promise<StandingOrderLinkRow | undefined> {
  return db.selectFrom('standing_order_links').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks a link used while it is unused; `false` when someone used it first. */
export async function useLink(trx: Tx, id: string, at: string): Promise<boolean> {
  const res = await trx.updateTable('standing_order_links').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Uses up every other link of the occurrence too (a skip makes its pause link pointless, and back). */
export async function retireLinks(trx: Tx, companyId: string, standingOrderId: string, occurrence: string, at: string): Promise<void> {
  await trx
    .updateTable('standing_order_links')
    .set({ used_at: at })
    .where('company_id', '=', companyId)
    .where('standing_order_id', '=', standingOrderId)
    .where('occurrence', '=', occurrence)
    .where('used_at', 'is', null)
    .execute();
}

// ── the calendar feed ────────────────────────────────────────────────────────────────────────

export async function findFeed(db: Tx, companyId: string): Promise<Database['standing_order_feeds'] | undefined> {
  return db.selectFrom('standing_order_feeds').selectAll().where('company_id', '=', companyId).executeTakeFirst();
}

export async function findFeedBySecretHash(db: Tx, secretHash: string): Promise<Database['standing_order_feeds'] | undefined> {
  return db.selectFrom('standing_order_feeds').selectAll().where('secret_hash', '=', secretHash).executeTakeFirst();
}

/** Creates the company's feed row, or replaces its secret (a rotation, or a server secret that changed). */
export async function writeFeed(trx: Tx, row: Database['standing_order_feeds']): Promise<void> {
  await trx
    .insertInto('standing_order_feeds')
    .values(row)
    .onConflict((oc) => oc.column('company_id').doUpdateSet({ generation: row.generation, secret_hash: row.secret_hash, rotated_at: row.rotated_at }))
    .execute();
}

/** Who the runs are placed as: the user (with the company), or the partner that still serves the company. */
export async function findRunner(db: Tx, row: Pick<StandingOrderRow, 'company_id' | 'created_by_user_id' | 'created_by_partner_id'>) {
  const company = await db
    .selectFrom('companies')
    .select(['id', 'name', 'customer_number', 'price_list_id', 'partner_id'])
    .where('id', '=', row.company_id)
    .executeTakeFirst();
  if (!company) return null;
  if (row.created_by_user_id) {
    const user = await db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'locale'])
      .where('company_id', '=', row.company_id)
      .where('id', '=', row.created_by_user_id)
      .executeTakeFirst();
    return user ? { company, user, partner: null } : null;
  }
  if (!row.created_by_partner_id || company.partner_id !== row.created_by_partner_id) return null;
  const partner = await db.selectFrom('partners').select(['id', 'name']).where('id', '=', row.created_by_partner_id).executeTakeFirst();
  return partner ? { company, user: null, partner } : null;
}
