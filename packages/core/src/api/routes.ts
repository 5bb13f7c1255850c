import { z } from 'zod/mini';
import { CategoryListSchema, ProductListQuerySchema, ProductPageSchema, ProductSchema, SkuSchema } from '../catalogue/product.schema.js';
import { ErrorBodySchema } from '../errors/error-body.schema.js';
import type { ErrorCode } from '../errors/kontor-error.js';
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
 * partner's API key, `erp` the seller's ERP key (server to server), `any` any of them.
 */
export type RouteAuth = 'none' | 'buyer' | 'partner' | 'erp' | 'any';

/**
 * One route of the Kontor HTTP API: the contract the server implements, the client calls and
 * the OpenAPI document describes. Paths use `{param}`.
 */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  tag: string;
  auth: RouteAuth;
  params?: z.core.$ZodType;
  query?: z.core.$ZodType;
  body?: z.core.$ZodType;
  /** Success status and body; `null` body means 204. */
  status: number;
  response: z.core.$ZodType | null;
  /** Error codes this route answers with besides the common ones. */
  errors: ErrorCode[];
  /** Takes an `Idempotency-Key` header: a repeated key gets the first answer, without a second effect. */
  idempotent?: boolean;
}

const def = <R extends RouteDef>(r: R): R => r;

/** The Kontor HTTP API, `/v1`. */
export const routes = {
  login: def({
    method: 'POST', path: '/v1/auth/login', tag: 'identity', auth: 'none', summary: 'Sign in with e-mail and password; returns a session token.',
    body: LoginRequestSchema, status: 201, response: SessionSchema, errors: ['validation', 'unauthorized', 'rate_limited'],
  }),
  logout: def({
    method: 'POST', path: '/v1/auth/logout', tag: 'identity', auth: 'buyer', summary: 'End the current session.',
    status: 204, response: null, errors: ['unauthorized'],
  }),
  me: def({
    method: 'GET', path: '/v1/me', tag: 'identity', auth: 'any', summary: 'Who the bearer token belongs to.',
    status: 200, response: CallerSchema, errors: ['unauthorized'],
  }),
  mintCustomerToken: def({
    method: 'POST', path: '/v1/partner/customer-tokens', tag: 'partners', auth: 'partner',
    summary: "Mint a short-lived token for one of the partner's customer companies (partner API key; server to server only).",
    body: CustomerTokenRequestSchema, status: 201, response: CustomerTokenSchema, errors: ['validation', 'unauthorized', 'forbidden', 'not_found'],
  }),
  partnerCompanies: def({
    method: 'GET', path: '/v1/partner/companies', tag: 'partners', auth: 'partner', summary: 'The companies a partner serves.',
    status: 200, response: PartnerCompanyListSchema, errors: ['unauthorized', 'forbidden'],
  }),
  listProducts: def({
    method: 'GET', path: '/v1/products', tag: 'catalogue', auth: 'buyer', summary: "List and search products with the caller's prices.",
    query: ProductListQuerySchema, status: 200, response: ProductPageSchema, errors: ['validation', 'unauthorized'],
  }),
  getProduct: def({
    method: 'GET', path: '/v1/products/{sku}', tag: 'catalogue', auth: 'buyer', summary: "One product by SKU with the caller's prices.",
    params: z.object({ sku: SkuSchema }), status: 200, response: ProductSchema, errors: ['validation', 'unauthorized', 'not_found'],
  }),
  listCategories: def({
    method: 'GET', path: '/v1/categories', tag: 'catalogue', auth: 'buyer', summary: 'Categories with the number of products the caller sees.',
    status: 200, response: CategoryListSchema, errors: ['unauthorized'],
  }),
  quotePrices: def({
    method: 'POST', path: '/v1/price-quotes', tag: 'pricing', auth: 'buyer',
    summary: "Price lines at the caller's prices; quantities are checked against each product's rules.",
    body: PriceQuoteRequestSchema, status: 200, response: PriceQuoteSchema, errors: ['validation', 'unauthorized', 'not_found'],
  }),
  listCarts: def({
    method: 'GET', path: '/v1/carts', tag: 'carts', auth: 'buyer', summary: "The caller's open carts: the active one and the saved ones.",
    status: 200, response: CartListSchema, errors: ['unauthorized'],
  }),
  createCart: def({
    method: 'POST', path: '/v1/carts', tag: 'carts', auth: 'buyer',
    summary: 'Start a cart, empty or as a copy of another ("save as"); takes an Idempotency-Key.',
    body: CreateCartRequestSchema, status: 201, response: CartSchema, errors: ['validation', 'unauthorized', 'not_found'], idempotent: true,
  }),
  getCart: def({
    method: 'GET', path: '/v1/carts/{cartId}', tag: 'carts', auth: 'buyer', summary: "One cart with its lines at the caller's current prices.",
    params: z.object({ cartId: CartIdSchema }), status: 200, response: CartSchema, errors: ['validation', 'unauthorized', 'not_found'],
  }),
  updateCart: def({
    method: 'PATCH', path: '/v1/carts/{cartId}', tag: 'carts', auth: 'buyer', summary: 'Rename a cart or make it the active one.',
    params: z.object({ cartId: CartIdSchema }), body: UpdateCartRequestSchema, status: 200, response: CartSchema,
    errors: ['validation', 'unauthorized', 'not_found', 'conflict'],
  }),
  deleteCart: def({
    method: 'DELETE', path: '/v1/carts/{cartId}', tag: 'carts', auth: 'buyer', summary: 'Delete a cart.',
    params: z.object({ cartId: CartIdSchema }), status: 204, response: null, errors: ['validation', 'unauthorized', 'not_found'],
  }),
  changeCart: def({
    method: 'POST', path: '/v1/carts/{cartId}/changes', tag: 'carts', auth: 'buyer',
    summary: 'Add, set and remove lines against a version, all or nothing; takes an Idempotency-Key. A stale version is a 409 with the current cart in details.cart.',
    params: z.object({ cartId: CartIdSchema }), body: CartChangeRequestSchema, status: 200, response: CartSchema,
    errors: ['validation', 'unauthorized', 'not_found', 'conflict'], idempotent: true,
  }),
  cartHistory: def({
    method: 'GET', path: '/v1/carts/{cartId}/history', tag: 'carts', auth: 'buyer', summary: "A cart's history, newest first (at most 500 entries).",
    params: z.object({ cartId: CartIdSchema }), status: 200, response: CartHistorySchema, errors: ['validation', 'unauthorized', 'not_found'],
  }),
  handOffCart: def({
    method: 'POST', path: '/v1/carts/{cartId}/handoffs', tag: 'carts', auth: 'buyer',
    summary: 'Hand a cart to a colleague (at once) or to another channel (a code valid for 30 minutes, used once). Takes an Idempotency-Key: a colleague hand-off retried with it answers the same; a channel hand-off retried makes a new code (codes are kept only hashed).',
    params: z.object({ cartId: CartIdSchema }), body: HandOffRequestSchema, status: 201, response: HandOffSchema,
    errors: ['validation', 'unauthorized', 'not_found'], idempotent: true,
  }),
  claimCart: def({
    method: 'POST', path: '/v1/cart-handoffs/claim', tag: 'carts', auth: 'buyer',
    summary: "Continue a handed-off cart: it becomes the caller's active cart, with its history. Only within the same company. Takes an Idempotency-Key: a retried claim answers the same cart instead of 404 for a used code.",
    body: ClaimHandOffRequestSchema, status: 200, response: CartSchema, errors: ['validation', 'unauthorized', 'not_found'], idempotent: true,
  }),
  listColleagues: def({
    method: 'GET', path: '/v1/company/users', tag: 'identity', auth: 'buyer', summary: "The users of the caller's company (to hand a cart to).",
    status: 200, response: ColleagueListSchema, errors: ['unauthorized'],
  }),
  checkAvailability: def({
    method: 'POST', path: '/v1/availability', tag: 'availability', auth: 'buyer',
    summary: 'Availability and the delivery date for many (sku, quantity) pairs to one destination country; an unknown SKU is an error of its item, not of the batch.',
    body: AvailabilityRequestSchema, status: 200, response: AvailabilityResponseSchema, errors: ['validation', 'unauthorized'],
  }),
  updateStock: def({
    method: 'PUT', path: '/v1/erp/stock', tag: 'availability', auth: 'erp',
    summary: "The seller's ERP sets stock on hand, reservations and incoming receipts per warehouse and SKU (absolute numbers, all or nothing; ERP key).",
    body: StockUpdateRequestSchema, status: 200, response: StockUpdateResultSchema, errors: ['validation', 'unauthorized', 'forbidden'], idempotent: true,
  }),
  listAddresses: def({
    method: 'GET', path: '/v1/company/addresses', tag: 'orders', auth: 'buyer', summary: "The caller's company's saved delivery addresses, the default first.",
    status: 200, response: SavedAddressListSchema, errors: ['unauthorized'],
  }),
  checkoutOptions: def({
    method: 'GET', path: '/v1/checkout/options', tag: 'orders', auth: 'buyer',
    summary: 'What the checkout offers for a cart: saved addresses, payment methods with the credit left, the earliest delivery date, bank details for prepayment.',
    query: CheckoutOptionsQuerySchema, status: 200, response: CheckoutOptionsSchema, errors: ['validation', 'unauthorized', 'not_found'],
  }),
  placeOrder: def({
    method: 'POST', path: '/v1/orders', tag: 'orders', auth: 'buyer',
    summary: 'Place a cart as an order, exactly once per Idempotency-Key: prices, tax and address are snapshotted, stock reserved and the cart emptied in one transaction. A cart changed since display is a 409 with details.changes.',
    body: PlaceOrderRequestSchema, status: 201, response: OrderSchema, errors: ['validation', 'unauthorized', 'not_found', 'conflict'], idempotent: true,
  }),
  listOrders: def({
    method: 'GET', path: '/v1/orders', tag: 'orders', auth: 'buyer', summary: "The caller's company's orders, newest first; filter by status, days, PO number, text.",
    query: OrderListQuerySchema, status: 200, response: OrderPageSchema, errors: ['validation', 'unauthorized'],
  }),
  getOrder: def({
    method: 'GET', path: '/v1/orders/{orderId}', tag: 'orders', auth: 'buyer', summary: 'One order with its lines, payment and timeline.',
    params: z.object({ orderId: OrderIdSchema }), status: 200, response: OrderSchema, errors: ['validation', 'unauthorized', 'not_found'],
  }),
  updateOrderStatuses: def({
    method: 'POST', path: '/v1/erp/order-status', tag: 'orders', auth: 'erp',
    summary: "The seller's ERP moves orders along (confirmed, in fulfilment, shipped with carrier and tracking, delivered, cancelled), all or nothing (ERP key).",
    body: OrderStatusUpdateRequestSchema, status: 200, response: OrderStatusUpdateResultSchema, errors: ['validation', 'unauthorized', 'forbidden'], idempotent: true,
  }),
  listOutboxDeliveries: def({
    method: 'GET', path: '/v1/erp/outbox/deliveries', tag: 'outbox', auth: 'erp',
    summary: 'Deliveries of order events to webhooks and mail, newest event first; default the dead ones (retries used up) (ERP key).',
    query: OutboxDeliveryListQuerySchema, status: 200, response: OutboxDeliveryPageSchema, errors: ['validation', 'unauthorized', 'forbidden'],
  }),
  retryOutboxDelivery: def({
    method: 'POST', path: '/v1/erp/outbox/retry', tag: 'outbox', auth: 'erp',
    summary: 'Send one delivery again from now on with a fresh set of attempts, e.g. a dead one after the receiver was fixed (ERP key).',
    body: OutboxRetryRequestSchema, status: 200, response: OutboxDeliverySchema, errors: ['validation', 'unauthorized', 'forbidden', 'not_found'],
  }),
} as const satisfies Record<string, RouteDef>;

export type RouteId = keyof typeof routes;

/** The error body every route may answer with. */
export { ErrorBodySchema };
