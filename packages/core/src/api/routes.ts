import * as z from 'zod/mini';
import { CategoryListSchema, ProductListQuerySchema, ProductPageSchema, ProductSchema, SkuSchema } from '../catalogue/product.schema.js';
import { ErrorBodySchema } from '../errors/error-body.schema.js';
import {
  CallerSchema,
  CustomerTokenRequestSchema,
  CustomerTokenSchema,
  LoginRequestSchema,
  PartnerCompanyListSchema,
  SessionSchema,
} from '../identity/identity.schema.js';
import { PriceQuoteRequestSchema, PriceQuoteSchema } from '../pricing/pricing.schema.js';
import {
  AvailabilityRequestSchema,
  AvailabilityResponseSchema,
  StockUpdateRequestSchema,
  StockUpdateResultSchema,
} from '../availability/availability.schema.js';
import {
  CheckoutOptionsQuerySchema,
  CheckoutOptionsSchema,
  OrderIdSchema,
  OrderListQuerySchema,
  OrderPageSchema,
  OrderSchema,
  OrderStatusUpdateRequestSchema,
  OrderStatusUpdateResultSchema,
  PlaceOrderRequestSchema,
  SavedAddressListSchema,
} from '../orders/order.schema.js';
import { OutboxDeliveryListQuerySchema, OutboxDeliveryPageSchema, OutboxDeliverySchema, OutboxRetryRequestSchema } from '../orders/outbox.schema.js';
import {
  CartChangeRequestSchema,
  CartHistorySchema,
  CartIdSchema,
  CartListSchema,
  CartSchema,
  ClaimHandOffRequestSchema,
  ColleagueListSchema,
  CreateCartRequestSchema,
  HandOffRequestSchema,
  HandOffSchema,
  UpdateCartRequestSchema,
} from '../cart/cart.schema.js';

/**
 * Who may call a route: `buyer` is a company user or a partner's end-customer token, `partner` a
 * partner's API key, `erp` the seller's ERP key (server to server), `seller` a session of the
 * seller's staff (a sales rep; good for `seller` routes only), `any` any of them but `seller`.
 */
export type RouteAuth = 'none' | 'buyer' | 'partner' | 'erp' | 'seller' | 'any';

/**
 * One route of the Kontor HTTP API: the contract the server implements, the client calls and
 * the OpenAPI document describes (its summary, tag and error codes are in `route-docs.ts`).
 * Paths use `{param}`.
 */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  auth: RouteAuth;
  params?: z.core.$ZodType;
  query?: z.core.$ZodType;
  body?: z.core.$ZodType;
  /** Success status and body; `null` body means 204. */
  status: number;
  response: z.core.$ZodType | null;
  /** Takes an `Idempotency-Key` header: a repeated key gets the first answer, without a second effect. */
  idempotent?: boolean;
  /** The largest body in bytes, when above {@link DEFAULT_BODY_LIMIT}; a larger one is a 413 `payload_too_large`. */
  bodyLimit?: number;
  /** The media type of the success body when it is not JSON (`text/calendar`, `text/html`); the body is then a string. */
  contentType?: string;
}

const def = <R extends RouteDef>(r: R): R => r;

/** The largest request body in bytes a route takes unless it says otherwise (`bodyLimit`). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** The longest value of one path parameter the server reads; a longer one is a 414 `validation` (`param_too_long`). */
export const MAX_PATH_PARAM_LENGTH = 100;

/** The Kontor HTTP API, `/v1`. */
export const routes = {
  login: def({
    method: 'POST', path: '/v1/auth/login', auth: 'none', body: LoginRequestSchema, status: 201, response: SessionSchema,
  }),
  logout: def({
    method: 'POST', path: '/v1/auth/logout', auth: 'buyer', status: 204, response: null,
  }),
  me: def({
    method: 'GET', path: '/v1/me', auth: 'any', status: 200, response: CallerSchema,
  }),
  mintCustomerToken: def({
    method: 'POST', path: '/v1/partner/customer-tokens', auth: 'partner',
    body: CustomerTokenRequestSchema, status: 201, response: CustomerTokenSchema,
  }),
  partnerCompanies: def({
    method: 'GET', path: '/v1/partner/companies', auth: 'partner', status: 200, response: PartnerCompanyListSchema,
  }),
  listProducts: def({
    method: 'GET', path: '/v1/products', auth: 'buyer', query: ProductListQuerySchema, status: 200, response: ProductPageSchema,
  }),
  getProduct: def({
    method: 'GET', path: '/v1/products/{sku}', auth: 'buyer', params: z.object({ sku: SkuSchema }), status: 200, response: ProductSchema,
  }),
  listCategories: def({
    method: 'GET', path: '/v1/categories', auth: 'buyer', status: 200, response: CategoryListSchema,
  }),
  quotePrices: def({
    method: 'POST', path: '/v1/price-quotes', auth: 'buyer',
    body: PriceQuoteRequestSchema, status: 200, response: PriceQuoteSchema,
  }),
  listCarts: def({
    method: 'GET', path: '/v1/carts', auth: 'buyer', status: 200, response: CartListSchema,
  }),
  createCart: def({
    method: 'POST', path: '/v1/carts', auth: 'buyer',
    body: CreateCartRequestSchema, status: 201, response: CartSchema, idempotent: true,
  }),
  getCart: def({
    method: 'GET', path: '/v1/carts/{cartId}', auth: 'buyer', params: z.object({ cartId: CartIdSchema }), status: 200, response: CartSchema,
  }),
  updateCart: def({
    method: 'PATCH', path: '/v1/carts/{cartId}', auth: 'buyer', params: z.object({ cartId: CartIdSchema }), body: UpdateCartRequestSchema, status: 200, response: CartSchema,
  }),
  deleteCart: def({
    method: 'DELETE', path: '/v1/carts/{cartId}', auth: 'buyer', params: z.object({ cartId: CartIdSchema }), status: 204, response: null,
  }),
  changeCart: def({
    method: 'POST', path: '/v1/carts/{cartId}/changes', auth: 'buyer',
    params: z.object({ cartId: CartIdSchema }), body: CartChangeRequestSchema, status: 200, response: CartSchema, idempotent: true,
  }),
  cartHistory: def({
    method: 'GET', path: '/v1/carts/{cartId}/history', auth: 'buyer', params: z.object({ cartId: CartIdSchema }), status: 200, response: CartHistorySchema,
  }),
  handOffCart: def({
    method: 'POST', path: '/v1/carts/{cartId}/handoffs', auth: 'buyer',
    params: z.object({ cartId: CartIdSchema }), body: HandOffRequestSchema, status: 201, response: HandOffSchema, idempotent: true,
  }),
  claimCart: def({
    method: 'POST', path: '/v1/cart-handoffs/claim', auth: 'buyer',
    body: ClaimHandOffRequestSchema, status: 200, response: CartSchema, idempotent: true,
  }),
  listColleagues: def({
    method: 'GET', path: '/v1/company/users', auth: 'buyer', status: 200, response: ColleagueListSchema,
  }),
  checkAvailability: def({
    method: 'POST', path: '/v1/availability', auth: 'buyer',
    // 10,000 items with long SKUs.
    body: AvailabilityRequestSchema, status: 200, response: AvailabilityResponseSchema, bodyLimit: 2 * 1024 * 1024,
  }),
  updateStock: def({
    method: 'PUT', path: '/v1/erp/stock', auth: 'erp',
    // 10,000 positions with receipts.
    body: StockUpdateRequestSchema, status: 200, response: StockUpdateResultSchema, idempotent: true, bodyLimit: 16 * 1024 * 1024,
  }),
  listAddresses: def({
    method: 'GET', path: '/v1/company/addresses', auth: 'buyer', status: 200, response: SavedAddressListSchema,
  }),
  checkoutOptions: def({
    method: 'GET', path: '/v1/checkout/options', auth: 'buyer',
    query: CheckoutOptionsQuerySchema, status: 200, response: CheckoutOptionsSchema,
  }),
  placeOrder: def({
    method: 'POST', path: '/v1/orders', auth: 'buyer',
    // 5,000 lines with expected prices and promises.
    body: PlaceOrderRequestSchema, status: 201, response: OrderSchema, idempotent: true, bodyLimit: 2 * 1024 * 1024,
  }),
  listOrders: def({
    method: 'GET', path: '/v1/orders', auth: 'buyer', query: OrderListQuerySchema, status: 200, response: OrderPageSchema,
  }),
  getOrder: def({
    method: 'GET', path: '/v1/orders/{orderId}', auth: 'buyer', params: z.object({ orderId: OrderIdSchema }), status: 200, response: OrderSchema,
  }),
  updateOrderStatuses: def({
    method: 'POST', path: '/v1/erp/order-status', auth: 'erp',
    body: OrderStatusUpdateRequestSchema, status: 200, response: OrderStatusUpdateResultSchema, idempotent: true,
  }),
  listOutboxDeliveries: def({
    method: 'GET', path: '/v1/erp/outbox/deliveries', auth: 'erp',
    query: OutboxDeliveryListQuerySchema, status: 200, response: OutboxDeliveryPageSchema,
  }),
  retryOutboxDelivery: def({
    method: 'POST', path: '/v1/erp/outbox/retry', auth: 'erp',
    body: OutboxRetryRequestSchema, status: 200, response: OutboxDeliverySchema,
  }),
} as const satisfies Record<string, RouteDef>;

export type RouteId = keyof typeof routes;

/** The error body every route may answer with. */
export { ErrorBodySchema };
