import type { Cart } from '@kontor/core/cart';

export interface KontorCartClaimDetail {
  /** The claimed cart, now the caller's current cart. */
  cart: Cart;
  /** The hand-off code it was claimed with (used up now). */
  code: string;
}

/** A handed-off cart was claimed (from the `handoff-code` attribute or the claim form). */
export type KontorCartClaimEvent = CustomEvent<KontorCartClaimDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-cart-claim': KontorCartClaimEvent;
  }
}
