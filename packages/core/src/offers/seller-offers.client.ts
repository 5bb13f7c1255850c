import { sellerOfferRoutes as routes } from '../api/offer.routes.js';
import type { Lang } from '../errors/messages.js';
import type { CallOptions, HttpClient } from '../http/http-client.js';
import { offerCall } from './offers.client.js';
import type {
  CompanyRef,
  CreateOfferBody,
  OfferRequestListQuery,
  OfferRequestPage,
  SellerLoginRequest,
  SellerOffer,
  SellerOfferListQuery,
  SellerOfferPage,
  SellerSession,
  SellerUser,
  UpdateOfferDraftBody,
} from './offer.schema.js';

/**
 * The seller's side of offers (a sales rep's session token; `login` makes one). A storefront
 * never needs it: it lives in its own entry of `@kontor/core/offers` and its own route table.
 */
export interface SellerOffersClient {
  /** Signs a rep in; pass the token to the HTTP client (`token`). @throws {@link HttpError} `unauthorized` for a wrong e-mail or password. */
  login(body: SellerLoginRequest, options?: CallOptions): Promise<SellerSession>;
  logout(options?: CallOptions): Promise<void>;
  me(options?: CallOptions): Promise<SellerUser>;
  /** The customer companies (to draft an offer from scratch for). */
  companies(options?: CallOptions): Promise<CompanyRef[]>;
  /** Offer requests of every company, newest first; `status: 'open'` for those without an offer. */
  requests(query?: OfferRequestListQuery, options?: CallOptions): Promise<OfferRequestPage>;
  /**
   * Drafts an offer exactly once per `idempotencyKey`: from a request (its lines at list price
   * unless `content` is given) or from scratch for a company. @throws {@link HttpError} `conflict` when the request already has an offer.
   */
  create(body: CreateOfferBody, options: CallOptions & { idempotencyKey: string }): Promise<SellerOffer>;
  list(query?: SellerOfferListQuery, options?: CallOptions): Promise<SellerOfferPage>;
  get(offerId: string, options?: CallOptions): Promise<SellerOffer>;
  /**
   * Writes the draft of the next version against `version` (drops an approval).
   * @throws {@link ValidationError} / {@link HttpError} 422 `validation` for a negative price (`price_negative`), a discount over 100 % (`discount_range`), a validity in the past (`valid_until_past`); 409 `conflict` for a stale version.
   */
  updateDraft(offerId: string, body: UpdateOfferDraftBody, options?: CallOptions): Promise<SellerOffer>;
  /** Approves a colleague's draft above their limit (not one's own: `offer_invalid_transition`). */
  approve(offerId: string, version: number, options?: CallOptions): Promise<SellerOffer>;
  /** Sends the draft as the next version and mails the buyer. @throws {@link HttpError} `offer_approval_required` (409) when it needs a second rep's approval. */
  send(offerId: string, version: number, options?: CallOptions): Promise<SellerOffer>;
  /** Withdraws the offer; the buyer is mailed. */
  withdraw(offerId: string, version: number, reason?: string, options?: CallOptions): Promise<SellerOffer>;
  /** The printable document of a version (default: the current one, else the draft). */
  document(offerId: string, query?: { lang?: Lang; version?: number }, options?: CallOptions): Promise<string>;
}

/**
 * Offer calls of the seller's staff over `/v1/seller/…` (core's `sellerOfferRoutes`).
 * @example
 * ```ts
 * const rep = createSellerOffersClient(createHttpClient({ endpoint, token: () => session?.token }));
 * const session = await rep.login({ email: 'vertrieb.nord@hansen.example', password });
 * const offer = await rep.create({ from: { kind: 'request', requestId } }, { idempotencyKey: newIdempotencyKey() });
 * await rep.send(offer.id, offer.version);
 * ```
 */
export function createSellerOffersClient(http: HttpClient): SellerOffersClient {
  const call = offerCall(http);
  const byId = (offerId: string) => ({ offerId });
  return {
    login: (body, options) => call(routes.sellerLogin, { body }, options),
    logout: (options) => call(routes.sellerLogout, {}, options),
    me: (options) => call(routes.sellerMe, {}, options),
    companies: async (options) => (await call(routes.sellerCompanies, {}, options)).items,
    requests: (query = {}, options) => call(routes.sellerListOfferRequests, { query }, options),
    create: (body, options) => call(routes.sellerCreateOffer, { body }, options),
    list: (query = {}, options) => call(routes.sellerListOffers, { query }, options),
    get: (id, options) => call(routes.sellerGetOffer, { params: byId(id) }, options),
    updateDraft: (id, body, options) => call(routes.sellerUpdateDraft, { params: byId(id), body }, options),
    approve: (id, version, options) => call(routes.sellerApproveOffer, { params: byId(id), body: { version } }, options),
    send: (id, version, options) => call(routes.sellerSendOffer, { params: byId(id), body: { version } }, options),
    withdraw: (id, version, reason, options) => call(routes.sellerWithdrawOffer, { params: byId(id), body: reason === undefined ? { version } : { version, reason } }, options),
    document: (id, query = {}, options) => call(routes.sellerOfferDocument, { params: byId(id), query }, options),
  };
}
