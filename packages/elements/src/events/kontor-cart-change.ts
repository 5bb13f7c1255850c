import type { Cart, CartLineEffect } from '@kontor/core/cart';

export interface KontorCartChangeDetail {
  /** The cart as the server accepted it. */
  cart: Cart;
  /** Per SKU what the change did (`from` → `to`; a merge shows `from > 0`). */
  effects: CartLineEffect[];
}

/** The server accepted a change to the cart (lines added, changed or removed). */
export type KontorCartChangeEvent = CustomEvent<KontorCartChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-cart-change': KontorCartChangeEvent;
  }
}
