import { routes } from '../api/routes.js';
import type { CallOptions, HttpClient } from '../http/http-client.js';
import type {
  Cart,
  CartChange,
  CartEvent,
  CartSummary,
  Colleague,
  CreateCartRequest,
  HandOff,
  HandOffRequest,
  UpdateCartRequest,
} from './cart.schema.js';

export interface CartClient {
  /** The caller's open carts (active and saved), without lines. */
  list(options?: CallOptions): Promise<CartSummary[]>;
  /** Starts a cart; pass `idempotencyKey` to make a retry safe. */
  create(request?: CreateCartRequest, options?: CallOptions): Promise<Cart>;
  get(cartId: string, options?: CallOptions): Promise<Cart>;
  /** Renames or activates. @throws {@link HttpError} `conflict` (409) with `details.cart` when `version` is stale. */
  update(cartId: string, request: UpdateCartRequest, options?: CallOptions): Promise<Cart>;
  remove(cartId: string, options?: CallOptions): Promise<void>;
  /**
   * Applies changes against `version`, all or nothing. Pass `null` as `version` when every change
   * is an `add`: the server merges them into the current cart (no 409).
   * @throws {@link ValidationError} (422) with an issue per rejected change at `changes.N.sku|quantity`.
   * @throws {@link HttpError} `conflict` (409) with the current cart in `details.cart`.
   */
  change(cartId: string, version: number | null, changes: CartChange[], options?: CallOptions): Promise<Cart>;
  history(cartId: string, options?: CallOptions): Promise<CartEvent[]>;
  /** Hands a cart to a colleague or creates a code for another channel. Pass `idempotencyKey` to make a retry safe. */
  handOff(cartId: string, request: HandOffRequest, options?: CallOptions): Promise<HandOff>;
  /** Continues a cart handed off with a code; it becomes the caller's active cart. Pass `idempotencyKey` to make a retry safe. */
  claim(code: string, options?: CallOptions): Promise<Cart>;
  /** Users of the caller's company. */
  colleagues(options?: CallOptions): Promise<Colleague[]>;
}

/** Cart calls: saved carts, line changes with optimistic concurrency, hand-off. */
export function createCartClient(http: HttpClient): CartClient {
  return {
    list: async (options) => (await http.call(routes.listCarts, {}, options)).items,
    create: (body = {}, options) => http.call(routes.createCart, { body }, options),
    get: (cartId, options) => http.call(routes.getCart, { params: { cartId } }, options),
    update: (cartId, body, options) => http.call(routes.updateCart, { params: { cartId }, body }, options),
    remove: (cartId, options) => http.call(routes.deleteCart, { params: { cartId } }, options),
    change: (cartId, version, changes, options) => http.call(routes.changeCart, { params: { cartId }, body: version === null ? { changes } : { version, changes } }, options),
    history: async (cartId, options) => (await http.call(routes.cartHistory, { params: { cartId } }, options)).items,
    handOff: (cartId, body, options) => http.call(routes.handOffCart, { params: { cartId }, body }, options),
    claim: (code, options) => http.call(routes.claimCart, { body: { code } }, options),
    colleagues: async (options) => (await http.call(routes.listColleagues, {}, options)).items,
  };
}
