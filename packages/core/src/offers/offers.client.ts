import { offerRoutes as routes } from '../api/offer.routes.js';
import { HttpError } from '../errors/http-error.js';
import { isKontorError } from '../errors/kontor-error.js';
import type { Lang } from '../errors/messages.js';
import { ValidationError } from '../errors/validation-error.js';
import type { CallOptions, HttpClient } from '../http/http-client.js';
import { offerIssueMessage } from './offer.logic.js';
import type {
  AcceptOfferBody,
  AcceptOfferResult,
  CreateOfferRequestBody,
  Offer,
  OfferComparison,
  OfferCompareQuery,
  OfferListQuery,
  OfferPage,
  OfferRequest,
  OfferRequestListQuery,
  OfferRequestPage,
  RejectOfferBody,
  RequestOfferChangesBody,
} from './offer.schema.js';

/** Client-side validation issues (nothing was sent) with the offer codes worded in `lang`. */
export function localizeOfferIssues(error: ValidationError, lang: Lang): ValidationError {
  const issues = error.issues.map((i) => ({ ...i, message: offerIssueMessage(i.code, i.params ?? {}, lang) }));
  return new ValidationError(error.message, issues, { status: error.status, cause: error.cause });
}

/** Wraps `http.call` so issues found before sending speak the offer table's words. */
export function offerCall(http: HttpClient): HttpClient['call'] {
  const lang = (): Lang => {
    const l = http.options.lang;
    return (typeof l === 'function' ? l() : l) ?? 'en';
  };
  return async (route, input, options) => {
    try {
      return await http.call(route, input, options);
    } catch (error) {
      if (!isKontorError(error) || error.code !== 'validation' || error instanceof HttpError) throw error;
      throw localizeOfferIssues(error as ValidationError, lang());
    }
  };
}

/** The buyer's side of offers. Every id outside the caller's company is a 404 `not_found`. */
export interface OffersClient {
  /**
   * Asks for an offer exactly once per `idempotencyKey` (pass the same key on a retry or a double
   * click): `from` a cart of the caller (its lines unless `lines` are given) or from scratch.
   * @throws {@link ValidationError} with issues at their paths (`lines.1.sku` `offer_duplicate_sku`, `from.cartId` `cart_empty` …).
   */
  request(body: CreateOfferRequestBody, options: CallOptions & { idempotencyKey: string }): Promise<OfferRequest>;
  /** The company's requests, newest first. */
  requests(query?: OfferRequestListQuery, options?: CallOptions): Promise<OfferRequestPage>;
  getRequest(requestId: string, options?: CallOptions): Promise<OfferRequest>;
  /** The company's offers (only sent ones), newest first; filter by `status`. */
  list(query?: OfferListQuery, options?: CallOptions): Promise<OfferPage>;
  /** One offer with every sent version and its history. */
  get(offerId: string, options?: CallOptions): Promise<Offer>;
  /** Two versions line by line; `from: 0` is the request. Default: the current version against the one before. */
  compare(offerId: string, query?: OfferCompareQuery, options?: CallOptions): Promise<OfferComparison>;
  /**
   * Accepts the current version exactly once per `idempotencyKey`, into an order or a standing order.
   * @throws {@link HttpError} `offer_expired` (409) past its validity; `offer_not_acceptable` (409)
   * when withdrawn, rejected, already accepted, superseded (`versionNumber` is not the current one)
   * or a line can no longer be ordered (`issues`); `conflict` (409, `details.offer`) for a stale `version`.
   * @example
   * ```ts
   * const { order } = await offers.accept(offer.id, {
   *   version: offer.version, versionNumber: offer.currentVersion!,
   *   into: { kind: 'order', deliveryAddress: { addressId }, payment: { method: 'invoice' } },
   * }, { idempotencyKey: newIdempotencyKey() });
   * ```
   */
  accept(offerId: string, body: AcceptOfferBody, options: CallOptions & { idempotencyKey: string }): Promise<AcceptOfferResult>;
  /** Rejects the current version with a reason. @throws {@link HttpError} `offer_expired`, `offer_invalid_transition`, `conflict`. */
  reject(offerId: string, body: RejectOfferBody, options?: CallOptions): Promise<Offer>;
  /** Asks for changes with a comment (and the lines wished for); the rep drafts the next version. */
  requestChanges(offerId: string, body: RequestOfferChangesBody, options?: CallOptions): Promise<Offer>;
  /** The printable offer (HTML with the seller's letterhead), of the current or a given version. */
  document(offerId: string, query?: { lang?: Lang; version?: number }, options?: CallOptions): Promise<string>;
}

/**
 * Offer calls of a buyer over `/v1/offer-requests…` and `/v1/offers…` (core's `offerRoutes`).
 * @example
 * ```ts
 * const offers = createOffersClient(createHttpClient({ endpoint, token, lang: 'de' }));
 * await offers.request({ from: { kind: 'cart', cartId }, message: 'Bitte um Angebot' }, { idempotencyKey: newIdempotencyKey() });
 * const { items } = await offers.list({ status: 'sent' });
 * ```
 */
export function createOffersClient(http: HttpClient): OffersClient {
  const call = offerCall(http);
  const byId = (offerId: string) => ({ offerId });
  return {
    request: (body, options) => call(routes.createOfferRequest, { body }, options),
    requests: (query = {}, options) => call(routes.listOfferRequests, { query }, options),
    getRequest: (requestId, options) => call(routes.getOfferRequest, { params: { requestId } }, options),
    list: (query = {}, options) => call(routes.listOffers, { query }, options),
    get: (id, options) => call(routes.getOffer, { params: byId(id) }, options),
    compare: (id, query = {}, options) => call(routes.compareOffer, { params: byId(id), query }, options),
    accept: (id, body, options) => call(routes.acceptOffer, { params: byId(id), body }, options),
    reject: (id, body, options) => call(routes.rejectOffer, { params: byId(id), body }, options),
    requestChanges: (id, body, options) => call(routes.requestOfferChanges, { params: byId(id), body }, options),
    document: (id, query = {}, options) => call(routes.offerDocument, { params: byId(id), query }, options),
  };
}
