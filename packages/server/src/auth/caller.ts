import type { Caller } from '@kontor/core';
import type { Db } from '../db/database.js';
import { findErpKeyByHash, findPartner, findPartnerByKeyHash, findPartnerCompany, findSession, type CompanyRow } from '../db/identity.queries.js';
import { verifyCustomerToken } from './customer-token.js';
import { ERP_KEY_PREFIX, PARTNER_KEY_PREFIX, hashToken } from './tokens.js';

interface CompanyScope {
  id: string;
  name: string;
  customerNumber: string;
  priceListId: string | null;
}

/** Who is calling, as the handlers need it: the scope every query is filtered by. */
export type AuthCaller =
  | { kind: 'user'; company: CompanyScope; user: NonNullable<Caller['user']>; tokenHash: string; expiresAt: string }
  | { kind: 'customer'; company: CompanyScope; partner: { id: string; name: string }; expiresAt: string }
  | { kind: 'partner'; partner: { id: string; name: string } }
  /** The seller's ERP (an ERP API key): stock updates only, never buyer or partner routes. */
  | { kind: 'erp'; erp: { name: string } };

/** A caller that acts for a company (buyer routes). */
export type BuyerCaller = Extract<AuthCaller, { company: CompanyScope }>;

const scope = (row: Pick<CompanyRow, 'company_id' | 'company_name' | 'customer_number' | 'price_list_id'>): CompanyScope => ({
  id: row.company_id,
  name: row.company_name,
  customerNumber: row.customer_number,
  priceListId: row.price_list_id,
});

/** Reads `Authorization: Bearer …`; `undefined` when absent or not a bearer header. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

/**
 * Resolves a bearer token: a partner API key (`kpk_…`), an ERP API key (`kek_…`), a customer JWT
 * (three dot-separated parts) or a session token. `null` for anything unknown, expired or revoked.
 */
export async function resolveCaller(db: Db, jwtSecret: string, token: string, now: Date): Promise<AuthCaller | null> {
  if (token.length > 4096) return null;
  if (token.startsWith(PARTNER_KEY_PREFIX)) {
    const partner = await findPartnerByKeyHash(db, hashToken(token));
    return partner ? { kind: 'partner', partner } : null;
  }
  if (token.startsWith(ERP_KEY_PREFIX)) {
    const key = await findErpKeyByHash(db, hashToken(token));
    return key ? { kind: 'erp', erp: { name: key.name } } : null;
  }
  if (token.split('.').length === 3) {
    const claims = await verifyCustomerToken(jwtSecret, token, now);
    if (!claims) return null;
    // The partner must still serve the company; a moved company's tokens die at once.
    const [company, partner] = await Promise.all([findPartnerCompany(db, claims.partnerId, claims.companyId), findPartner(db, claims.partnerId)]);
    if (!company || !partner) return null;
    return { kind: 'customer', company: scope(company), partner, expiresAt: claims.expiresAt };
  }
  const tokenHash = hashToken(token);
  const row = await findSession(db, tokenHash, now.toISOString());
  if (!row) return null;
  return {
    kind: 'user',
    company: scope(row),
    user: { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale },
    tokenHash,
    expiresAt: row.expires_at,
  };
}

/** The public Caller shape of `GET /v1/me`. */
export function toCallerBody(caller: AuthCaller): Caller {
  const company = 'company' in caller ? { id: caller.company.id, name: caller.company.name, customerNumber: caller.company.customerNumber } : null;
  switch (caller.kind) {
    case 'user':
      return { kind: 'user', channel: 'web', user: caller.user, company, partner: null, expiresAt: caller.expiresAt };
    case 'customer':
      return { kind: 'customer', channel: 'partner', user: null, company, partner: caller.partner, expiresAt: caller.expiresAt };
    case 'partner':
      return { kind: 'partner', channel: 'api', user: null, company: null, partner: caller.partner, expiresAt: null };
    case 'erp':
      return { kind: 'erp', channel: 'api', user: null, company: null, partner: null, expiresAt: null };
  }
}
