import type { Db } from './database.js';

/** A company as the API shows it. */
const companyColumns = ['companies.id as company_id', 'companies.name as company_name', 'companies.customer_number', 'companies.price_list_id', 'companies.partner_id'] as const;

export async function findUserForLogin(db: Db, email: string) {
  return db
    .selectFrom('users')
    .innerJoin('companies', 'companies.id', 'users.company_id')
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.locale', 'users.password_hash', ...companyColumns])
    .where('users.email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function insertSession(db: Db, s: { tokenHash: string; userId: string; companyId: string; expiresAt: string; createdAt: string }) {
  await db
    .insertInto('sessions')
    .values({ token_hash: s.tokenHash, user_id: s.userId, company_id: s.companyId, expires_at: s.expiresAt, created_at: s.createdAt })
    .execute();
}

/** A live session with its user and company; `null` when unknown or expired. */
export async function findSession(db: Db, tokenHash: string, nowIso: string) {
  return (
    (await db
      .selectFrom('sessions')
      .innerJoin('users', (j) => j.onRef('users.id', '=', 'sessions.user_id').onRef('users.company_id', '=', 'sessions.company_id'))
      .innerJoin('companies', 'companies.id', 'sessions.company_id')
      .select(['sessions.expires_at', 'users.id', 'users.email', 'users.name', 'users.role', 'users.locale', ...companyColumns])
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', nowIso)
      .executeTakeFirst()) ?? null
  );
}

export async function deleteSession(db: Db, companyId: string, tokenHash: string) {
  await db.deleteFrom('sessions').where('company_id', '=', companyId).where('token_hash', '=', tokenHash).execute();
}

export async function findPartnerByKeyHash(db: Db, keyHash: string) {
  return (
    (await db
      .selectFrom('partner_api_keys')
      .innerJoin('partners', 'partners.id', 'partner_api_keys.partner_id')
      .select(['partners.id', 'partners.name', 'partner_api_keys.key_id'])
      .where('partner_api_keys.key_hash', '=', keyHash)
      .where('partner_api_keys.revoked_at', 'is', null)
      .executeTakeFirst()) ?? null
  );
}

/** The ERP key with this hash, unless revoked; `null` otherwise. */
export async function findErpKeyByHash(db: Db, keyHash: string) {
  return (
    (await db
      .selectFrom('erp_api_keys')
      .select(['erp_api_keys.name'])
      .where('erp_api_keys.key_hash', '=', keyHash)
      .where('erp_api_keys.revoked_at', 'is', null)
      .executeTakeFirst()) ?? null
  );
}

export async function findPartner(db: Db, partnerId: string) {
  return (await db.selectFrom('partners').select(['id', 'name']).where('id', '=', partnerId).executeTakeFirst()) ?? null;
}

/** A company the partner serves; `null` for any other company (the caller cannot tell them apart). */
export async function findPartnerCompany(db: Db, partnerId: string, companyId: string) {
  return (
    (await db
      .selectFrom('companies')
      .select([...companyColumns])
      .where('companies.partner_id', '=', partnerId)
      .where('companies.id', '=', companyId)
      .executeTakeFirst()) ?? null
  );
}

export async function listPartnerCompanies(db: Db, partnerId: string) {
  return db.selectFrom('companies').select([...companyColumns]).where('companies.partner_id', '=', partnerId).orderBy('companies.id').execute();
}

/**
 * What a customer token needs to still hold: the company the partner serves (with the instant its
 * tokens are valid from), the partner, and the state of the key that minted it (`key_revoked_at`
 * `undefined` when there is no such key of this partner). `null` when the partner does not serve
 * the company (any more).
 */
export async function findCustomerAccess(db: Db, partnerId: string, companyId: string, keyId: string) {
  return (
    (await db
      .selectFrom('companies')
      .innerJoin('partners', 'partners.id', 'companies.partner_id')
      .leftJoin('partner_api_keys', (j) => j.onRef('partner_api_keys.partner_id', '=', 'partners.id').on('partner_api_keys.key_id', '=', keyId))
      .select([...companyColumns, 'companies.partner_tokens_valid_from', 'partners.name as partner_name', 'partner_api_keys.key_id as key_id', 'partner_api_keys.revoked_at as key_revoked_at'])
      .where('companies.partner_id', '=', partnerId)
      .where('companies.id', '=', companyId)
      .executeTakeFirst()) ?? null
  );
}

export type CompanyRow = NonNullable<Awaited<ReturnType<typeof findPartnerCompany>>>;
