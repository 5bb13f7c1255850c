import type { PriceStrings } from '../translation.js';

/** English: price. */
export const price: PriceStrings = {
  net: 'net',
  pricePer: (price, priceUnit, unit) => (priceUnit === 1 ? `${price} / ${unit}` : `${price} / ${priceUnit} ${unit}`),
  lineTotal: (quantity, unit) => `Total for ${quantity} ${unit}`,
  priceTiers: 'Volume prices',
  fromQuantity: (quantity, unit) => `from ${quantity} ${unit}`,
  tierPrice: 'Price',
  quantityColumn: 'Quantity',
  nextTierHint: (quantity, unit, price) => `from ${quantity} ${unit}: ${price}`,
  companyPrice: 'Your company price',
};
