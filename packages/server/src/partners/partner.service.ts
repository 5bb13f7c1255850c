import { randomBytes } from 'node:crypto';
import type { CustomerTokenRevocation } from '@kontor/core/partner';
import { hashToken, newPartnerKey } from '../auth/tokens.js';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

type Tx = Transaction<Database>;

/**
 * Revocations count in whole seconds, as customer tokens carry their issue time (`iat`): the
 * instant is the start of the next second, so every token minted up to the revocation is refused
 * (and one minted in the same second after it too; it asks again).
 */
const nextWholeSecond = (now: Date): string => new Date((Math.floor(now.getTime() / 1000) + 1) * 1000).toISOString();

/**
 * Ends every customer token minted for the company so far, by any key of the partner: each is
 * refused (401 `token_revoked`) from its next request on. `null` when the partner does not serve
 * the company.
 */
export async function revokeCustomerTokens(db: Db | Tx, partnerId: string, companyId: string, now: Date): Promise<CustomerTokenRevocation | null> {
  const revokedBefore = nextWholeSecond(now);
  const result = await db
    .updateTable('companies')
    .set({ partner_tokens_valid_from: revokedBefore })
    .where('id', '=', companyId)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) ? { companyId, revokedBefore } : null;
}

/**
 * Ends the partner's link to a customer company (the seller's decision): the partner no longer
 * sees it, cannot mint tokens for it, and every token it minted for it is refused at once — also
 * after a later new link (their issue time lies before this). `false` when there was no such link.
 */
export async function unlinkPartnerCustomer(db: Db | Tx, partnerId: string, companyId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('companies')
    .set({ partner_id: null, partner_tokens_valid_from: nextWholeSecond(now) })
    .where('id', '=', companyId)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Links a company to a partner (the seller's decision); tokens minted before stay refused. */
export async function linkPartnerCustomer(db: Db | Tx, partnerId: string, companyId: string, now: Date): Promise<void> {
  await db.updateTable('companies').set({ partner_id: partnerId, partner_tokens_valid_from: nextWholeSecond(now) }).where('id', '=', companyId).execute();
}

/** A new API key for a partner: the key (shown once, stored only as its hash) and its public id. */
export async function createPartnerKey(db: Db | Tx, partnerId: string, now: Date): Promise<{ key: string; keyId: string }> {
  const key = newPartnerKey();
  const keyId = `pk_${randomBytes(12).toString('base64url')}`;
  await db.insertInto('partner_api_keys').values({ key_hash: hashToken(key), key_id: keyId, partner_id: partnerId, created_at: now.toISOString(), revoked_at: null }).execute();
  return { key, keyId };
}

/**
 * Revokes a partner key (by the key itself or its public id): the key stops working, and so does
 * every customer token it minted, at once. `false` when there is no such unrevoked key.
 */
export async function revokePartnerKey(db: Db | Tx, key: { key: string } | { keyId: string }, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('partner_api_keys')
    .set({ revoked_at: now.toISOString() })
    .where('revoked_at', 'is', null)
    .where((eb) => ('key' in key ? eb('key_hash', '=', hashToken(key.key)) : eb('key_id', '=', key.keyId)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Registers a browser origin (`https://portal.example.com`) for a partner's customer tokens; repeating it changes nothing. */
export async function registerPartnerOrigin(db: Db | Tx, partnerId: string, origin: string, now: Date): Promise<void> {
  const parsed = new URL(origin);
  if (parsed.origin !== origin) throw new Error(`"${origin}" is not an origin (scheme://host[:port], no path)`);
  await db.insertInto('partner_origins').values({ partner_id: partnerId, origin, created_at: now.toISOString() }).onConflict((oc) => oc.columns(['partner_id', 'origin']).doNothing()).execute();
}

/** Removes a registered origin: the partner's customer tokens stop working from it at once. */
export async function removePartnerOrigin(db: Db | Tx, partnerId: string, origin: string): Promise<void> {
  await db.deleteFrom('partner_origins').where('partner_id', '=', partnerId).where('origin', '=', origin).execute();
}
