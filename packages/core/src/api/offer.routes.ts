import * as z from 'zod/mini';
import {
  AcceptOfferBodySchema,
  AcceptOfferResultSchema,
  CreateOfferBodySchema,
  CreateOfferRequestBodySchema,
  OfferComparisonSchema,
  OfferCompareQuerySchema,
  OfferDocumentQuerySchema,
  OfferIdSchema,
  OfferListQuerySchema,
  OfferPageSchema,
  OfferRequestIdSchema,
  OfferRequestListQuerySchema,
  OfferRequestPageSchema,
  OfferRequestSchema,
  OfferSchema,
  OfferVersionBodySchema,
  RejectOfferBodySchema,
  RequestOfferChangesBodySchema,
  SellerCompanyListSchema,
  SellerLoginRequestSchema,
  SellerOfferListQuerySchema,
  SellerOfferPageSchema,
  SellerOfferSchema,
  SellerSessionSchema,
  SellerUserSchema,
  UpdateOfferDraftBodySchema,
  WithdrawOfferBodySchema,
} from '../offers/offer.schema.js';
import type { RouteDef } from './routes.js';

const def = <R extends RouteDef>(r: R): R => r;
const byId = z.object({ offerId: OfferIdSchema });

/**
 * The buyer's offer routes, `/v1/offer-requests…` and `/v1/offers…` (a company user or a
 * partner's customer token; another company's id is a 404): a table of their own beside
 * `routes`, so only pages with offers carry their schemas. The seller's routes are
 * {@link sellerOfferRoutes}, so no rep route reaches a shop page.
 */
export const offerRoutes = {
  createOfferRequest: def({
    method: 'POST', path: '/v1/offer-requests', auth: 'buyer', body: CreateOfferRequestBodySchema, status: 201, response: OfferRequestSchema, idempotent: true,
  }),
  listOfferRequests: def({
    method: 'GET', path: '/v1/offer-requests', auth: 'buyer', query: OfferRequestListQuerySchema, status: 200, response: OfferRequestPageSchema,
  }),
  getOfferRequest: def({
    method: 'GET', path: '/v1/offer-requests/{requestId}', auth: 'buyer', params: z.object({ requestId: OfferRequestIdSchema }), status: 200, response: OfferRequestSchema,
  }),
  listOffers: def({
    method: 'GET', path: '/v1/offers', auth: 'buyer', query: OfferListQuerySchema, status: 200, response: OfferPageSchema,
  }),
  getOffer: def({
    method: 'GET', path: '/v1/offers/{offerId}', auth: 'buyer', params: byId, status: 200, response: OfferSchema,
  }),
  compareOffer: def({
    method: 'GET', path: '/v1/offers/{offerId}/compare', auth: 'buyer', params: byId, query: OfferCompareQuerySchema, status: 200, response: OfferComparisonSchema,
  }),
  acceptOffer: def({
    method: 'POST', path: '/v1/offers/{offerId}/accept', auth: 'buyer', params: byId, body: AcceptOfferBodySchema, status: 200, response: AcceptOfferResultSchema, idempotent: true,
  }),
  rejectOffer: def({
    method: 'POST', path: '/v1/offers/{offerId}/reject', auth: 'buyer', params: byId, body: RejectOfferBodySchema, status: 200, response: OfferSchema,
  }),
  requestOfferChanges: def({
    method: 'POST', path: '/v1/offers/{offerId}/change-requests', auth: 'buyer', params: byId, body: RequestOfferChangesBodySchema, status: 200, response: OfferSchema,
  }),
  offerDocument: def({
    method: 'GET', path: '/v1/offers/{offerId}/document', auth: 'buyer', params: byId, query: OfferDocumentQuerySchema, status: 200, response: z.string(), contentType: 'text/html',
  }),
} as const satisfies Record<string, RouteDef>;

export type OfferRouteId = keyof typeof offerRoutes;

/**
 * The seller's staff (sales reps), `/v1/seller/…`: sign in, the companies and their requests,
 * draft an offer from a request or from scratch, change the draft, approve a colleague's, send,
 * withdraw, and the printable document. Seller sessions are good for these routes only.
 */
export const sellerOfferRoutes = {
  sellerLogin: def({
    method: 'POST', path: '/v1/seller/auth/login', auth: 'none', body: SellerLoginRequestSchema, status: 201, response: SellerSessionSchema,
  }),
  sellerLogout: def({
    method: 'POST', path: '/v1/seller/auth/logout', auth: 'seller', status: 204, response: null,
  }),
  sellerMe: def({
    method: 'GET', path: '/v1/seller/me', auth: 'seller', status: 200, response: SellerUserSchema,
  }),
  sellerCompanies: def({
    method: 'GET', path: '/v1/seller/companies', auth: 'seller', status: 200, response: SellerCompanyListSchema,
  }),
  sellerListOfferRequests: def({
    method: 'GET', path: '/v1/seller/offer-requests', auth: 'seller', query: OfferRequestListQuerySchema, status: 200, response: OfferRequestPageSchema,
  }),
  sellerCreateOffer: def({
    method: 'POST', path: '/v1/seller/offers', auth: 'seller', body: CreateOfferBodySchema, status: 201, response: SellerOfferSchema, idempotent: true,
  }),
  sellerListOffers: def({
    method: 'GET', path: '/v1/seller/offers', auth: 'seller', query: SellerOfferListQuerySchema, status: 200, response: SellerOfferPageSchema,
  }),
  sellerGetOffer: def({
    method: 'GET', path: '/v1/seller/offers/{offerId}', auth: 'seller', params: byId, status: 200, response: SellerOfferSchema,
  }),
  sellerUpdateDraft: def({
    method: 'PUT', path: '/v1/seller/offers/{offerId}/draft', auth: 'seller', params: byId, body: UpdateOfferDraftBodySchema, status: 200, response: SellerOfferSchema,
  }),
  sellerApproveOffer: def({
    method: 'POST', path: '/v1/seller/offers/{offerId}/approve', auth: 'seller', params: byId, body: OfferVersionBodySchema, status: 200, response: SellerOfferSchema,
  }),
  sellerSendOffer: def({
    method: 'POST', path: '/v1/seller/offers/{offerId}/send', auth: 'seller', params: byId, body: OfferVersionBodySchema, status: 200, response: SellerOfferSchema, idempotent: true,
  }),
  sellerWithdrawOffer: def({
    method: 'POST', path: '/v1/seller/offers/{offerId}/withdraw', auth: 'seller', params: byId, body: WithdrawOfferBodySchema, status: 200, response: SellerOfferSchema,
  }),
  sellerOfferDocument: def({
    method: 'GET', path: '/v1/seller/offers/{offerId}/document', auth: 'seller', params: byId, query: OfferDocumentQuerySchema, status: 200, response: z.string(), contentType: 'text/html',
  }),
} as const satisfies Record<string, RouteDef>;

export type SellerOfferRouteId = keyof typeof sellerOfferRoutes;
