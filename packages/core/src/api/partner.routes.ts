import { OrderListQuerySchema, OrderPageSchema, OrderSchema } from '../orders/order.schema.js';
import { CustomerTokenRevocationSchema, PartnerCustomerOrderParamsSchema, PartnerCustomerParamsSchema } from '../partner/partner.schema.js';
import type { RouteDef } from './routes.js';

const def = <R extends RouteDef>(r: R): R => r;

/**
 * The partner's server-to-server routes beyond minting and the company list (in `routes`):
 * its customers' orders and the revocation of their tokens. A table of its own, so no storefront
 * bundle carries it; only `@kontor/core/partner` (Node) and the server import it. Every one takes
 * the partner API key and answers 404 for a company the partner does not serve.
 */
export const partnerRoutes = {
  partnerCustomerOrders: def({
    method: 'GET', path: '/v1/partner/companies/{companyId}/orders', auth: 'partner',
    params: PartnerCustomerParamsSchema, query: OrderListQuerySchema, status: 200, response: OrderPageSchema,
  }),
  partnerCustomerOrder: def({
    method: 'GET', path: '/v1/partner/companies/{companyId}/orders/{orderId}', auth: 'partner',
    params: PartnerCustomerOrderParamsSchema, status: 200, response: OrderSchema,
  }),
  revokeCustomerTokens: def({
    method: 'POST', path: '/v1/partner/companies/{companyId}/token-revocations', auth: 'partner',
    params: PartnerCustomerParamsSchema, status: 201, response: CustomerTokenRevocationSchema, idempotent: true,
  }),
} as const satisfies Record<string, RouteDef>;

export type PartnerRouteId = keyof typeof partnerRoutes;
