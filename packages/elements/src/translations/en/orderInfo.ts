import type { OrderInfoStrings } from '../translation.js';

/** English: orderInfo. */
export const orderInfo: OrderInfoStrings = {
  purchaseOrderNumber: 'Your PO number',
  orderNumber: 'Order number',
  requestedDeliveryDate: 'Requested delivery date',
  promisedDelivery: 'Expected delivery',
  noDate: '—',
  linesOrdered: 'Ordered lines',
  showAllLines: (count) => `Show all ${count.toLocaleString('en-GB')} lines`,
  orderStatusName: (status) =>
    ({ placed: 'Received', confirmed: 'Confirmed', in_fulfilment: 'In fulfilment', shipped: 'Shipped', delivered: 'Delivered', cancelled: 'Cancelled' })[status],
};
