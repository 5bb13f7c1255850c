import type { OrderStatusStrings } from '../translation.js';

/** German: orderStatus. */
export const orderStatus: OrderStatusStrings = {
  orderStatus: 'Bestellstatus',
  placedOnBy: (when, name) => `Bestellt am ${when} von ${name}`,
  timeline: 'Verlauf',
  tracking: 'Sendungsverfolgung',
  trackShipment: (carrier, number) => `Sendung ${number} bei ${carrier} verfolgen`,
  shipmentOf: (carrier, number) => `${carrier}, Sendungsnummer ${number}`,
  refresh: 'Aktualisieren',
  updated: 'Aktualisiert.',
};
