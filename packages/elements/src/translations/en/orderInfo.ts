import type { OrderInfoStrings } from '../translation.js';

/** English: orderInfo. */
export const orderInfo: OrderInfoStrings = {
  purchaseOrderNumber: 'Your PO number',
  orderNumber: 'Order number',
  promisedDelivery: 'Expected delivery',
  noDate: '—',
  linesOrdered: 'Ordered lines',
  orderStatusName: (status) =>
    ({ placed: 'Received', confirmed: 'Confirmed', in_fulfilment: 'In fulfilment', shipped: 'Shipped', delivered: 'Delivered', cancelled: 'Cancelled' })[status],
};
