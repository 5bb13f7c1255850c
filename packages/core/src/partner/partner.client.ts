import { routes } from '../api/routes.js';
import { partnerRoutes } from '../api/partner.routes.js';
import { KontorError } from '../errors/kontor-error.js';
import { accessIssues } from '../errors/issues/access.js';
import { messageIn, type Lang } from '../errors/messages.js';
import { createHttpClient, type CallOptions, type HttpClient, type HttpClientOptions } from '../http/http-client.js';
import type { Company, CustomerToken, CustomerTokenRequest } from '../identity/identity.schema.js';
import type { Order, OrderListQuery, OrderPage } from '../orders/order.schema.js';
import type { CustomerTokenRevocation } from './partner.schema.js';

export interface PartnerClientOptions extends Omit<HttpClientOptions, 'token' | 'refreshToken' | 'onUnauthorized'> {
  /** The partner API key (`kpk_…`). It stays on the partner's server: the server refuses it from any browser origin. */
  partnerKey: string;
}

/** What a partner's server does with Kontor: hand its customers tokens, see their orders. */
export interface PartnerClient {
  /**
   * A short-lived customer token for one company the partner serves, to hand to that customer's
   * browser. `externalUserRef` names the partner's own user (kept on the token, shown by `/v1/me`
   * and recorded on the orders placed with it). `ttlSeconds` 60–3600, default 900.
   * @throws {@link HttpError} `not_found` for a company the partner does not serve.
   */
  mintCustomerToken(request: CustomerTokenRequest, options?: CallOptions): Promise<CustomerToken>;
  /** The companies the partner serves. */
  customers(options?: CallOptions): Promise<Company[]>;
  /**
   * A customer's orders, newest first, cursor-paged and filtered like the buyer's own history.
   * @throws {@link HttpError} `not_found` for a company the partner does not serve.
   */
  orders(companyId: string, query?: OrderListQuery, options?: CallOptions): Promise<OrderPage>;
  /** One order of a customer with lines and timeline. @throws {@link HttpError} `not_found` for another company's order. */
  order(companyId: string, orderId: string, options?: CallOptions): Promise<Order>;
  /**
   * Ends every customer token minted for the company so far (a portal user left, a device was
   * lost): each is refused from the next request on. Tokens minted afterwards work.
   */
  revokeCustomerTokens(companyId: string, options?: CallOptions): Promise<CustomerTokenRevocation>;
  /** The HTTP client underneath (partner key as its token). */
  readonly http: HttpClient;
}

/**
 * `true` where a page's script would run: a window or a document exists. A partner key there is
 * readable by every script on the page and by its visitor, who could act for every customer of
 * the partner; so the partner client refuses to run there at all, and the server refuses the key
 * from any request that carries an Origin.
 */
const inBrowser = (): boolean => typeof (globalThis as { window?: unknown }).window !== 'undefined' || typeof (globalThis as { document?: unknown }).document !== 'undefined';

/**
 * The Kontor client for a partner's server (Node, Deno, Bun — never a browser): mints customer
 * tokens, lists the partner's customers and reads their orders with the partner API key.
 *
 * @throws {@link KontorError} `forbidden` when created in a browser (a `window` or `document` exists).
 * @example
 * ```ts
 * import { createPartnerClient } from '@kontor/core/partner';
 * const partner = createPartnerClient({ endpoint: 'https://api.example.com', partnerKey: process.env.KONTOR_PARTNER_KEY! });
 * const [customer] = await partner.customers();
 * const { token, expiresAt } = await partner.mintCustomerToken({ companyId: customer.id, externalUserRef: 'portal-user-4711' });
 * const { items } = await partner.orders(customer.id, { limit: 10 });
 * ```
 */
export function createPartnerClient(options: PartnerClientOptions): PartnerClient {
  const { partnerKey, ...rest } = options;
  if (inBrowser()) {
    const origin = (globalThis as { location?: { origin?: string } }).location?.origin ?? 'a browser';
    const lang: Lang = typeof rest.lang === 'string' ? rest.lang : 'en';
    throw new KontorError('forbidden', `createPartnerClient(): ${messageIn([accessIssues], 'partner_key_in_browser', { origin }, lang)}`);
  }
  if (!partnerKey?.startsWith('kpk_')) throw new KontorError('not_configured', 'createPartnerClient(): partnerKey must be a partner API key (kpk_…).');
  const http = createHttpClient({ ...rest, token: partnerKey });
  return {
    http,
    mintCustomerToken: (body, callOptions) => http.call(routes.mintCustomerToken, { body }, callOptions),
    customers: async (callOptions) => (await http.call(routes.partnerCompanies, {}, callOptions)).items,
    orders: (companyId, query = {}, callOptions) => http.call(partnerRoutes.partnerCustomerOrders, { params: { companyId }, query }, callOptions),
    order: (companyId, orderId, callOptions) => http.call(partnerRoutes.partnerCustomerOrder, { params: { companyId, orderId } }, callOptions),
    revokeCustomerTokens: (companyId, callOptions) => http.call(partnerRoutes.revokeCustomerTokens, { params: { companyId } }, callOptions),
  };
}
