export interface KontorQuantityChangeDetail {
  /** The quantity the buyer committed (may be invalid, see `valid`). */
  quantity: number;
  /** Whether the quantity satisfies the product's quantity rules. */
  valid: boolean;
}

/** The buyer committed a quantity (change, Enter, − / +, or a suggestion). */
export type KontorQuantityChangeEvent = CustomEvent<KontorQuantityChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-quantity-change': KontorQuantityChangeEvent;
  }
}
