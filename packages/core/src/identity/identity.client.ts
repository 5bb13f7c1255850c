import { routes } from '../api/routes.js';
import type { CallOptions, HttpClient } from '../http/http-client.js';
import type { Caller, Company, CustomerToken, CustomerTokenRequest, LoginRequest, Session } from './identity.schema.js';

export interface IdentityClient {
  /** Signs in; keep the returned `token` and pass it as the client's token. */
  login(request: LoginRequest, options?: CallOptions): Promise<Session>;
  /** Ends the current session on the server. */
  logout(options?: CallOptions): Promise<void>;
  /** Who the current token belongs to. */
  me(options?: CallOptions): Promise<Caller>;
  /**
   * Partner servers only (partner API key as token): a short-lived token for one customer company,
   * to hand to that customer's browser. Never call this from a browser.
   */
  mintCustomerToken(request: CustomerTokenRequest, options?: CallOptions): Promise<CustomerToken>;
  /** Partner servers only: the companies the partner serves. */
  partnerCompanies(options?: CallOptions): Promise<Company[]>;
}

export function createIdentityClient(http: HttpClient): IdentityClient {
  return {
    login: (body, options) => http.call(routes.login, { body }, options),
    logout: (options) => http.call(routes.logout, {}, options),
    me: (options) => http.call(routes.me, {}, options),
    mintCustomerToken: (body, options) => http.call(routes.mintCustomerToken, { body }, options),
    partnerCompanies: async (options) => (await http.call(routes.partnerCompanies, {}, options)).items,
  };
}
