export type KontorStandingOrderRequestDetail = { cartId: string } | { orderId: string };

/**
 * The buyer asked to order something regularly ("Regelmäßig bestellen"): from the cart in
 * `<kontor-cart>` (`{ cartId }`) or from a past order in `<kontor-order-history>` (`{ orderId }`).
 * The page opens `<kontor-standing-order from-cart="…">` or `<kontor-standing-order source-order-id="…">`.
 */
export type KontorStandingOrderRequestEvent = CustomEvent<KontorStandingOrderRequestDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-standing-order-request': KontorStandingOrderRequestEvent;
  }
}
