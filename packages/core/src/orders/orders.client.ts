import { routes } from '../api/routes.js';
import type { CallOptions, HttpClient } from '../http/http-client.js';
import type {
  CheckoutOptions,
  Order,
  OrderListQuery,
  OrderPage,
  OrderStatusUpdateRequest,
  PlaceOrderRequest,
  SavedAddress,
} from './order.schema.js';

export interface OrdersClient {
  /** Saved addresses, payment methods (with the credit left), earliest delivery and bank details for a cart. */
  checkoutOptions(cartId: string, country?: string, options?: CallOptions): Promise<CheckoutOptions>;
  /**
   * Places the cart as an order exactly once: pass the same `idempotencyKey` on every retry.
   * @throws {@link HttpError} `conflict` (409) with `details.changes` when the cart, a price or the availability changed since it was shown.
   * @throws {@link ValidationError} (422) for field errors, a delivery date too early, or `credit_limit` with `params.remaining`.
   */
  place(request: PlaceOrderRequest, options: CallOptions & { idempotencyKey: string }): Promise<Order>;
  list(query?: OrderListQuery, options?: CallOptions): Promise<OrderPage>;
  get(orderId: string, options?: CallOptions): Promise<Order>;
  addresses(options?: CallOptions): Promise<SavedAddress[]>;
  /** ERP only (ERP key, server side): status and tracking of many orders, all or nothing. */
  updateStatuses(request: OrderStatusUpdateRequest, options?: CallOptions): Promise<{ updated: number }>;
}

/** Checkout and order calls. */
export function createOrdersClient(http: HttpClient): OrdersClient {
  return {
    checkoutOptions: (cartId, country, options) =>
      http.call(routes.checkoutOptions, { query: { cartId, ...(country ? { country } : {}) } }, options),
    place: (body, options) => http.call(routes.placeOrder, { body }, options),
    list: (query = {}, options) => http.call(routes.listOrders, { query }, options),
    get: (orderId, options) => http.call(routes.getOrder, { params: { orderId } }, options),
    addresses: async (options) => (await http.call(routes.listAddresses, {}, options)).items,
    updateStatuses: (body, options) => http.call(routes.updateOrderStatuses, { body }, options),
  };
}
