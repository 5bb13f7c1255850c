import { KontorError, issueMessage, routes } from '@kontor/core';
import type { FastifyInstance } from 'fastify';
import { toCallerBody } from '../auth/caller.js';
import { signCustomerToken } from '../auth/customer-token.js';
import { verifyPassword } from '../auth/password.js';
import { SESSION_TTL_MS, hashToken, newSessionToken } from '../auth/tokens.js';
import { deleteSession, findPartnerCompany, findUserForLogin, insertSession, listPartnerCompanies, type CompanyRow } from '../db/identity.queries.js';
import { httpError } from './errors.js';
import { addRoute, type AppDeps } from './route.js';

const company = (row: Pick<CompanyRow, 'company_id' | 'company_name' | 'customer_number'>) => ({ id: row.company_id, name: row.company_name, customerNumber: row.customer_number });

export interface IdentityRouteOptions {
  /** Login attempts per IP and e-mail per window. */
  loginRateLimit: { max: number; timeWindowMs: number };
}

export function identityRoutes(app: FastifyInstance, deps: AppDeps, options: IdentityRouteOptions): void {
  addRoute(
    app,
    deps,
    routes.login,
    async ({ body, lang, deps: { db, now } }) => {
      const user = await findUserForLogin(db, body.email);
      // verifyPassword spends one scrypt even without a user, so timing does not reveal which e-mails exist.
      const ok = await verifyPassword(body.password, user?.password_hash);
      if (!user || !ok) {
        throw new KontorError('unauthorized', issueMessage('invalid_credentials', {}, lang), { status: 401 });
      }
      const token = newSessionToken();
      const created = now();
      const expiresAt = new Date(created.getTime() + SESSION_TTL_MS).toISOString();
      await insertSession(db, { tokenHash: hashToken(token), userId: user.id, companyId: user.company_id, expiresAt, createdAt: created.toISOString() });
      return {
        token,
        expiresAt,
        user: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale },
        company: company(user),
      };
    },
    {
      config: {
        rateLimit: {
          max: options.loginRateLimit.max,
          timeWindow: options.loginRateLimit.timeWindowMs,
          // Per IP and e-mail: one attacker cannot lock out everyone behind the same NAT.
          keyGenerator: (req: { ip: string; body?: unknown }) => {
            const email = (req.body as { email?: unknown } | undefined)?.email;
            return `${req.ip}|${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
          },
        },
      },
    },
  );

  addRoute(app, deps, routes.logout, async ({ caller, deps: { db } }) => {
    if (caller.kind === 'user') await deleteSession(db, caller.company.id, caller.tokenHash);
  });

  addRoute(app, deps, routes.me, async ({ caller }) => toCallerBody(caller));

  addRoute(app, deps, routes.mintCustomerToken, async ({ caller, body, lang, deps: { db, jwtSecret, now } }) => {
    const row = await findPartnerCompany(db, caller.partner.id, body.companyId);
    // Another partner's company and an unknown id look the same.
    if (!row) throw httpError('not_found', lang);
    const { token, expiresAt } = await signCustomerToken(
      jwtSecret,
      { companyId: row.company_id, partnerId: caller.partner.id, keyId: caller.keyId, externalUserRef: body.externalUserRef },
      body.ttlSeconds ?? 900,
      now(),
    );
    return { token, expiresAt, companyId: row.company_id };
  });

  addRoute(app, deps, routes.partnerCompanies, async ({ caller, deps: { db } }) => ({
    items: (await listPartnerCompanies(db, caller.partner.id)).map(company),
  }));
}
