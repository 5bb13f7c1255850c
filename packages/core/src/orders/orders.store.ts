import { atom, type ReadableAtom } from 'nanostores';
import type { CallOptions } from '../http/http-client.js';
import type { OrdersClient } from './orders.client.js';
import type { Order, PlaceOrderRequest } from './order.schema.js';

/** Orders a store remembers; an order history needs only the latest few. */
const MAX_PLACED = 50;

/**
 * A page-wide view of a client's orders: one per client, shared by every element that places or
 * shows orders, so an order placed by a checkout reaches the order history on the same page
 * without the two knowing each other.
 */
export interface OrdersStore {
  /** The orders placed on this page, newest first (the last 50). */
  readonly $placed: ReadableAtom<readonly Order[]>;
  /**
   * Places an order (see {@link OrdersClient.place}) and, once the server has it, lists it in `$placed`.
   * @throws what {@link OrdersClient.place} throws; nothing is listed then.
   */
  place(request: PlaceOrderRequest, options: CallOptions & { idempotencyKey: string }): Promise<Order>;
  /** Lists an order placed some other way (integrator code, another SDK call) in `$placed`. */
  placed(order: Order): void;
}

/**
 * Creates the orders store of a client.
 *
 * @example
 * ```ts
 * const orders = createOrdersStore(kontor);
 * orders.$placed.listen(([latest]) => showAtTop(latest));
 * await orders.place(request, { idempotencyKey });
 * ```
 */
export function createOrdersStore(client: { orders: OrdersClient }): OrdersStore {
  const $placed = atom<readonly Order[]>([]);

  const placed = (order: Order) => {
    const list = $placed.get();
    const at = list.findIndex((o) => o.id === order.id);
    // A retry answered with the same order replaces it where it is: it was placed once.
    $placed.set(at >= 0 ? list.map((o, i) => (i === at ? order : o)) : [order, ...list].slice(0, MAX_PLACED));
  };

  return {
    $placed,
    placed,
    place: async (request, options) => {
      const order = await client.orders.place(request, options);
      placed(order);
      return order;
    },
  };
}
