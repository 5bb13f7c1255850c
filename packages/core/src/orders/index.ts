export * from './order.schema.js';
export { canMoveOrder, nextOrderStatuses, formatOrderNumber, trackingOf, lineDrift, removedLines, ORDER_FLOW, type SeenLine } from './order.logic.js';
export {
  earliestOrderDelivery,
  expectedDelivery,
  nextDeliveryDay,
  requestedDeliveryIssue,
  deliveryCalendarData,
  deliveryCalendarOf,
  type DeliveryDays,
} from './delivery-date.logic.js';
export { isValidIban, normalizeIban, maskIban } from './iban.logic.js';
export { isValidIbanStrict } from './iban.strict.js';
export { createOrdersClient, type OrdersClient } from './orders.client.js';
export { createOrdersStore, type OrdersStore } from './orders.store.js';
export * from './outbox.schema.js';
