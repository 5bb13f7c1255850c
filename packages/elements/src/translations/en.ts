import type { Translation } from './translation.js';

const plural = (one: string, many: string) => (n: number) => (n === 1 ? one : many);
const units = {
  piece: plural('pc', 'pcs'),
  meter: () => 'm',
  roll: plural('roll', 'rolls'),
  pack: plural('pack', 'packs'),
  box: plural('box', 'boxes'),
  kg: () => 'kg',
  liter: () => 'l',
} as const;

/** English. */
export const en: Translation = {
  $lang: 'en',
  $locale: 'en-GB',
  unit: (unit, count) => units[unit](count),
  net: 'net',
  priceOnRequest: 'Price on request',
  pricePer: (price, priceUnit, unit) => (priceUnit === 1 ? `${price} / ${unit}` : `${price} / ${priceUnit} ${unit}`),
  lineTotal: (quantity, unit) => `Total for ${quantity} ${unit}`,
  priceTiers: 'Volume prices',
  fromQuantity: (quantity, unit) => `from ${quantity} ${unit}`,
  tierPrice: 'Price',
  quantityColumn: 'Quantity',
  nextTierHint: (quantity, unit, price) => `from ${quantity} ${unit}: ${price}`,
  companyPrice: 'Your company price',

  quantity: 'Quantity',
  quantityFor: (name) => `for ${name}`,
  decrease: 'Decrease quantity',
  increase: 'Increase quantity',
  useQuantity: (quantity) => `Use quantity ${quantity}`,
  suggestions: 'Suggestions',
  quantityRulesHint: (min, step, unit) => `Minimum ${min} ${unit}, in steps of ${step}`,

  search: 'Search',
  searchPlaceholder: 'Product, SKU, brand …',
  category: 'Category',
  allCategories: 'All categories',
  products: 'Products',
  sku: 'SKU',
  packSize: (count, unit) => `Pack: ${count} ${unit}`,
  discontinued: 'Discontinued',
  replacedBy: (sku) => `Replaced by ${sku}`,
  loadMore: 'Load more products',
  loading: 'Loading …',
  productsShown: (count) => (count === 1 ? '1 product shown' : `${count} products shown`),
  noProducts: 'No products found.',
  retry: 'Try again',
  errorTitle: 'That did not work.',
};
