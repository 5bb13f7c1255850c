import type { AvailabilityStrings } from '../translation.js';

/** German: availability. */
export const availability: AvailabilityStrings = {
  availabilityInStock: (day) => `Auf Lager – Lieferung ${day}`,
  availabilityOnOrder: (day) => `Lieferbar ab ${day}`,
  availabilityNow: (quantity) => `${quantity} sofort`,
  availabilityFrom: (quantity, day) => `${quantity} ab ${day}`,
  availabilityShortfall: (quantity) => `${quantity} nicht lieferbar`,
  availabilityNone: 'Derzeit nicht lieferbar',
  availabilityDiscontinued: (sku) => (sku ? `Nicht mehr lieferbar – Ersatz: ${sku}` : 'Nicht mehr lieferbar'),
  availabilityInvalidQuantity: (max) => `Bitte eine ganze Menge von 1 bis ${max} angeben.`,
};
