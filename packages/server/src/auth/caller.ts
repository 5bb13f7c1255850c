import type { Caller } from '@kontor/core';
import type { Db } from '../db/database.js';
import { findCustomerAccess, findErpKeyByHash, findPartnerByKeyHash, findSession, type CompanyRow } from '../db/identity.queries.js';
import { verifyCustomerToken, type TokenRefusal } from './customer-token.js';
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
  | { kind: 'customer'; company: CompanyScope; partner: { id: string; name: string }; expiresAt: string; externalUserRef?: string | null }
  /** `keyId`: the key's public id, the `kid` of the customer tokens it mints. */
  | { kind: 'partner'; partner: { id: string; name: string }; keyId: string }
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
  const result = await identifyCaller(db, jwtSecret, token, now);
  return 'refused' in result ? null : result.caller;
}

/**
 * Like {@link resolveCaller}, with the reason of a refusal: `token_expired` (a genuine customer
 * token past its time), `token_revoked` (its partner key was revoked, the partner no longer serves
 * the company, or the partner revoked the company's tokens since it was minted), `token_invalid`
 * (unknown, malformed, forged; an unknown or ended session).
 */
export async function identifyCaller(db: Db, jwtSecret: string, token: string, now: Date): Promise<{ caller: AuthCaller } | { refused: TokenRefusal }> {
  const invalid = { refused: 'token_invalid' as const };
  if (token.length > 4096) return invalid;
  if (token.startsWith(PARTNER_KEY_PREFIX)) {
    const partner = await findPartnerByKeyHash(db, hashToken(token));
    return partner?.key_id ? { caller: { kind: 'partner', partner: { id: partner.id, name: partner.name }, keyId: partner.key_id } } : invalid;
  }
  if (token.startsWith(ERP_KEY_PREFIX)) {
    const key = await findErpKeyByHash(db, hashToken(token));
    return key ? { caller: { kind: 'erp', erp: { name: key.name } } } : invalid;
  }
  if (token.split('.').length === 3) {
    const verified = await verifyCustomerToken(jwtSecret, token, now);
    if (!verified.ok) return { refused: verified.reason };
    const { claims } = verified;
    // Checked on every request, so a revocation ends every token of it at once: the partner must
    // still serve the company, the minting key must be unrevoked, and the token must be newer
    // than the company's last revocation.
    const access = await findCustomerAccess(db, claims.partnerId, claims.companyId, claims.keyId);
    if (!access || !access.key_id || access.key_revoked_at !== null) return { refused: 'token_revoked' };
    if (access.partner_tokens_valid_from && claims.issuedAt < access.partner_tokens_valid_from) return { refused: 'token_revoked' };
    return {
      caller: {
        kind: 'customer',
        company: scope(access),
        partner: { id: claims.partnerId, name: access.partner_name },
        expiresAt: claims.expiresAt,
        externalUserRef: claims.externalUserRef ?? null,
      },
    };
  }
  const tokenHash = hashToken(token);
  const row = await findSession(db, tokenHash, now.toISOString());
  if (!row) return invalid;
  return {
    caller: {
      kind: 'user',
      company: scope(row),
      user: { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale },
      tokenHash,
      expiresAt: row.expires_at,
    },
  };
}

/** The public Caller shape of `GET /v1/me`. */
export function toCallerBody(caller: AuthCaller): Caller {
  const company = 'company' in caller ? { id: caller.company.id, name: caller.company.name, customerNumber: caller.company.customerNumber } : null;
  switch (caller.kind) {
    case 'user':
      return { kind: 'user', channel: 'web', user: caller.user, company, partner: null, expiresAt: caller.expiresAt };
    case 'customer':
      return { kind: 'customer', channel: 'partner', user: null, company, partner: caller.partner, expiresAt: caller.expiresAt, externalUserRef: caller.externalUserRef ?? null };
    case 'partner':
      return { kind: 'partner', channel: 'api', user: null, company: null, partner: caller.partner, expiresAt: null };
    case 'erp':
      return { kind: 'erp', channel: 'api', user: null, company: null, partner: null, expiresAt: null };
  }
}
