import { cartChangeRules } from './cart.logic.js';
import { createBaseCartStore, type CartStore, type CartStoreOptions } from './cart.store.base.js';
import type { CartClient } from './cart.client.js';

export {
  createBaseCartStore,
  newIdempotencyKey,
  type CartChangeRules,
  type CartIdStorage,
  type CartState,
  type CartStore,
  type CartStoreOptions,
  type ChangeOptions,
} from './cart.store.base.js';

/**
 * Creates the cart store of a client: changes are shown at once (optimistic), sent in order,
 * rebased after a 409 and rolled back when refused.
 *
 * @example
 * ```ts
 * const cart = createCartStore(kontor);
 * cart.$state.subscribe(({ cart }) => render(cart));
 * await cart.add('NYM-J-3x1.5', 100);
 * ```
 */
export function createCartStore(client: { cart: CartClient }, options: CartStoreOptions = {}): CartStore {
  return createBaseCartStore(client, options, cartChangeRules);
}
