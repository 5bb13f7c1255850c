export * from './cart.schema.js';
export {
  applyCartChanges,
  toCartProduct,
  cartLineIssues,
  priceCartLines,
  previewCartChanges,
  reuseUnchangedLines,
  changesBetween,
  cartChangeRules,
  type StoredCartLine,
  type CartLineEffect,
  type AppliedChanges,
  type PricedCartLines,
} from './cart.logic.js';
export { createCartClient, type CartClient } from './cart.client.js';
export {
  createBaseCartStore,
  createCartStore,
  newIdempotencyKey,
  type CartChangeRules,
  type CartStore,
  type CartState,
  type CartStoreOptions,
  type ChangeOptions,
  type CartIdStorage,
} from './cart.store.js';
export {
  parseOrderText,
  parseOrderCsv,
  parseQuantityText,
  mergeDuplicates,
  MAX_IMPORT_QUANTITY,
  SKU_HEADERS,
  QUANTITY_HEADERS,
  type QuickOrderLine,
  type OrderRow,
  type AcceptedOrderRow,
  type RejectedOrderRow,
  type MergedDuplicate,
  type MergedOrder,
  type ParsedOrder,
  type ParseOrderOptions,
  type ParseOrderCsvOptions,
  type QuantityReading,
} from './import.logic.js';
export { cartToCsv, type CartCsvOptions } from './export.logic.js';
