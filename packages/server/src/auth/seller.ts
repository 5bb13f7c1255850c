import { randomBytes } from 'node:crypto';
import type { Lang } from '@kontor/core';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import { httpError } from '../http/errors.js';
import { bearerToken } from './caller.js';
import { hashToken } from './tokens.js';

/** Prefix of a seller session token: a rep's token is recognisable and never mistaken for a buyer's. */
export const SELLER_SESSION_PREFIX = 'kss_';

/** A new seller session token. */
export const newSellerSessionToken = (): string => SELLER_SESSION_PREFIX + randomBytes(32).toString('base64url');

/** A member of the seller's staff calling a `seller` route. */
export interface SellerCaller {
  kind: 'seller';
  rep: { id: string; email: string; name: string; locale: 'de' | 'en'; approvalLimitBp: number };
  tokenHash: string;
}

/** The rep of a live seller session; `null` when unknown, expired or no seller token. */
export async function resolveSellerCaller(db: Db, token: string, now: Date): Promise<SellerCaller | null> {
  if (!token.startsWith(SELLER_SESSION_PREFIX) || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('seller_sessions')
    .innerJoin('seller_users', 'seller_users.id', 'seller_sessions.seller_user_id')
    .select(['seller_users.id', 'seller_users.email', 'seller_users.name', 'seller_users.locale', 'seller_users.approval_limit_bp'])
    .where('seller_sessions.token_hash', '=', tokenHash)
    .where('seller_sessions.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row) return null;
  return { kind: 'seller', rep: { id: row.id, email: row.email, name: row.name, locale: row.locale, approvalLimitBp: Number(row.approval_limit_bp) }, tokenHash };
}

/** Authenticates a `seller` route: a seller session, else 401 (a buyer's token, a partner or ERP key included). */
export async function authenticateSeller(req: FastifyRequest, deps: { db: Db; now: () => Date }, lang: Lang): Promise<SellerCaller> {
  const token = bearerToken(req.headers.authorization);
  const caller = token ? await resolveSellerCaller(deps.db, token, deps.now()) : null;
  if (!caller) throw httpError('unauthorized', lang);
  return caller;
}
