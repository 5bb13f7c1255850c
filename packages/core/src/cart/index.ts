export * from './cart.schema.js';
export {
  applyCartChanges,
  toCartProduct,
  cartLineIssues,
  priceCartLines,
  previewCartChanges,
  changesBetween,
  type StoredCartLine,
  type CartLineEffect,
  type AppliedChanges,
  type PricedCartLines,
} from './cart.logic.js';
export { createCartClient, type CartClient } from './cart.client.js';
export { createCartStore, newIdempotencyKey, type CartStore, type CartState, type CartStoreOptions, type ChangeOptions } from './cart.store.js';
