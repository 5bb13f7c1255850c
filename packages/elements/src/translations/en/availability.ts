import type { AvailabilityStrings } from '../translation.js';

/** English: availability. */
export const availability: AvailabilityStrings = {
  availabilityInStock: (day) => `In stock – delivery ${day}`,
  availabilityOnOrder: (day) => `Available from ${day}`,
  availabilityNow: (quantity) => `${quantity} now`,
  availabilityFrom: (quantity, day) => `${quantity} from ${day}`,
  availabilityShortfall: (quantity) => `${quantity} unavailable`,
  availabilityNone: 'Currently unavailable',
  availabilityDiscontinued: (sku) => (sku ? `No longer available – replacement: ${sku}` : 'No longer available'),
  availabilityInvalidQuantity: (max) => `Enter a whole quantity from 1 to ${max}.`,
};
