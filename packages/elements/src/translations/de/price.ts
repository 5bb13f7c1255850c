import type { PriceStrings } from '../translation.js';

/** German: price. */
export const price: PriceStrings = {
  net: 'netto',
  pricePer: (price, priceUnit, unit) => (priceUnit === 1 ? `${price} / ${unit}` : `${price} / ${priceUnit} ${unit}`),
  lineTotal: (quantity, unit) => `Summe für ${quantity} ${unit}`,
  priceTiers: 'Staffelpreise',
  fromQuantity: (quantity, unit) => `ab ${quantity} ${unit}`,
  tierPrice: 'Preis',
  quantityColumn: 'Menge',
  nextTierHint: (quantity, unit, price) => `ab ${quantity} ${unit}: ${price}`,
  companyPrice: 'Ihr Firmenpreis',
};
