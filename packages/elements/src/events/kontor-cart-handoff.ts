import type { HandOff } from '@kontor/core/cart';

export interface KontorCartHandoffDetail {
  /** To whom the cart went, or the code the other channel claims it with. */
  handOff: HandOff;
}

/** The buyer handed the cart to a colleague or created a hand-off code for another channel. */
export type KontorCartHandoffEvent = CustomEvent<KontorCartHandoffDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-cart-handoff': KontorCartHandoffEvent;
  }
}
