import type { OrderStatusStrings } from '../translation.js';

/** English: orderStatus. */
export const orderStatus: OrderStatusStrings = {
  orderStatus: 'Order status',
  placedOnBy: (when, name) => `Ordered on ${when} by ${name}`,
  timeline: 'History',
  tracking: 'Tracking',
  trackShipment: (carrier, number) => `Track shipment ${number} with ${carrier}`,
  shipmentOf: (carrier, number) => `${carrier}, tracking number ${number}`,
  refresh: 'Refresh',
  updated: 'Updated.',
};
