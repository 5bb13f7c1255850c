import { partnerRoutes } from '@kontor/core/partner';
import type { FastifyInstance } from 'fastify';
import { findPartnerCompany } from '../db/identity.queries.js';
import { revokeCustomerTokens } from '../partners/partner.service.js';
import { httpError } from './errors.js';
import { idempotent, readIdempotencyKey } from './idempotency.js';
import { companyOrder, companyOrderPage } from './order.routes.js';
import { addRoute, type AppDeps } from './route.js';

/**
 * A partner's server reads its customers' orders and revokes their tokens (partner API key).
 * A company the partner does not serve answers 404 like an unknown one.
 */
export function partnerRoutesOf(app: FastifyInstance, deps: AppDeps): void {
  const served = async (partnerId: string, companyId: string, lang: Parameters<typeof httpError>[1]) => {
    if (!(await findPartnerCompany(deps.db, partnerId, companyId))) throw httpError('not_found', lang);
  };

  addRoute(app, deps, partnerRoutes.partnerCustomerOrders, async ({ params, query, caller, lang, deps: { db } }) => {
    await served(caller.partner.id, params.companyId, lang);
    return companyOrderPage(db, params.companyId, query, lang);
  });

  addRoute(app, deps, partnerRoutes.partnerCustomerOrder, async ({ params, caller, lang, deps: { db } }) => {
    await served(caller.partner.id, params.companyId, lang);
    return companyOrder(db, params.companyId, params.orderId, lang);
  });

  addRoute(app, deps, partnerRoutes.revokeCustomerTokens, async ({ params, caller, lang, req, reply, deps: { db, now } }) => {
    const at = now();
    return idempotent(db, readIdempotencyKey(req, `partner:${caller.partner.id}`, lang), { now: at, lang, reply, status: 201 }, async (record) =>
      db.transaction().execute(async (trx) => {
        const revocation = await revokeCustomerTokens(trx, caller.partner.id, params.companyId, at);
        if (!revocation) throw httpError('not_found', lang);
        await record(trx, revocation);
        return revocation;
      }),
    );
  });
}
