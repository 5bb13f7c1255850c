import type { OrderHistoryStrings } from '../translation.js';

/** English: orderHistory. */
export const orderHistory: OrderHistoryStrings = {
  orderHistory: 'My orders',
  status: 'Status',
  allStatuses: 'All',
  dateFrom: 'Ordered from',
  dateTo: 'Ordered until',
  loadMoreOrders: 'Load more orders',
  datesInverted: 'The end date is before the start date.',
  searchOrders: 'Search (order number, PO number, cost center, article)',
  orderDate: 'Date',
  gross: 'Gross',
  orderDetails: (number) => `Details of ${number}`,
  orderThisRegularly: 'Order regularly',
  noOrders: 'No orders found.',
  ordersShown: (count) => (count === 1 ? '1 order shown.' : `${count.toLocaleString('en-GB')} orders shown.`),
  orderAdded: (number) => `New order ${number} added at the top.`,
  filters: 'Filters',
};
