import type { Kysely, Transaction } from 'kysely';
import { PostgresAdapter } from 'kysely';
import type { Database } from '../db/schema.js';

type Tx = Kysely<Database> | Transaction<Database>;
export type OfferRow = Database['offers'];
export type OfferRequestRow = Database['offer_requests'];

const isPostgres = (db: Tx) => db.getExecutor().adapter instanceof PostgresAdapter;

/** An offer of the company (`companyId` null: any company, for the seller's reps). */
export async function findOffer(db: Tx, companyId: string | null, id: string): Promise<OfferRow | undefined> {
  let q = db.selectFrom('offers').selectAll().where('id', '=', id);
  if (companyId !== null) q = q.where('company_id', '=', companyId);
  return q.executeTakeFirst();
}

/** The offer locked for a change in this transaction (PostgreSQL: `for update`; SQLite serialises writers). */
export async function lockOffer(trx: Transaction<Database>, companyId: string | null, id: string): Promise<OfferRow | undefined> {
  let q = trx.selectFrom('offers').selectAll().where('id', '=', id);
  if (companyId !== null) q = q.where('company_id', '=', companyId);
  if (isPostgres(trx)) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Writes a change against the version read; `false` when someone else changed it first. */
export async function updateOffer(trx: Tx, row: Pick<OfferRow, 'id' | 'version'>, set: Partial<OfferRow>): Promise<boolean> {
  const result = await trx.updateTable('offers').set(set).where('id', '=', row.id).where('version', '=', row.version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listOffers(
  db: Tx,
  filter: { companyId?: string | undefined; status?: OfferRow['status'] | undefined; sentOnly?: boolean; after?: { createdAt: string; id: string } | undefined; limit: number },
): Promise<OfferRow[]> {
  let q = db.selectFrom('offers').selectAll();
  if (filter.companyId !== undefined) q = q.where('company_id', '=', filter.companyId);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  if (filter.sentOnly) q = q.where('current_version', 'is not', null);
  const after = filter.after;
  if (after) q = q.where((eb) => eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]));
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

/** The sent versions of offers, by offer id, oldest first. */
export async function versionsOf(db: Tx, offerIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(offerIds.map((id) => [id, []]));
  if (!offerIds.length) return out;
  const rows = await db.selectFrom('offer_versions').select(['offer_id', 'data']).where('offer_id', 'in', [...offerIds]).orderBy('offer_id').orderBy('number').execute();
  for (const r of rows) out.get(r.offer_id)?.push(r.data);
  return out;
}

export async function listRequests(
  db: Tx,
  filter: { companyId?: string | undefined; status?: OfferRequestRow['status'] | undefined; after?: { createdAt: string; id: string } | undefined; limit: number },
): Promise<OfferRequestRow[]> {
  let q = db.selectFrom('offer_requests').selectAll();
  if (filter.companyId !== undefined) q = q.where('company_id', '=', filter.companyId);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  const after = filter.after;
  if (after) q = q.where((eb) => eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]));
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

export async function findRequest(db: Tx, companyId: string | null, id: string): Promise<OfferRequestRow | undefined> {
  let q = db.selectFrom('offer_requests').selectAll().where('id', '=', id);
  if (companyId !== null) q = q.where('company_id', '=', companyId);
  return q.executeTakeFirst();
}

/**
 * The request locked for drafting its offer in this transaction (PostgreSQL: `for update`; SQLite
 * serialises writers): two reps drafting from one request at once wait for each other, and the
 * second finds it offered (409 `request_closed`) instead of hitting `offers.request_id`'s unique key.
 */
export async function lockRequest(trx: Transaction<Database>, id: string): Promise<OfferRequestRow | undefined> {
  let q = trx.selectFrom('offer_requests').selectAll().where('id', '=', id);
  if (isPostgres(trx)) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The next offer number of the year; the year's row stays locked until the commit. */
export async function nextOfferSequence(trx: Tx, year: number): Promise<number> {
  const row = await trx
    .insertInto('offer_sequences')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last: eb('offer_sequences.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

/** Companies by id, as offers name them. */
export async function companiesById(db: Tx, ids: readonly string[]) {
  if (!ids.length) return new Map<string, { id: string; name: string; customer_number: string; price_list_id: string | null }>();
  const rows = await db.selectFrom('companies').select(['id', 'name', 'customer_number', 'price_list_id']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Reps by id. */
export async function repsById(db: Tx, ids: readonly string[]) {
  if (!ids.length) return new Map<string, Database['seller_users']>();
  const rows = await db.selectFrom('seller_users').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Sent offers whose validity ended before `today` (the seller's day). */
export async function expiredOfferIds(db: Tx, today: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('offers').select('id').where('status', '=', 'sent').where('valid_until', '<', today).orderBy('valid_until').orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}
