import type { ProductListStrings } from '../translation.js';

/** English: productList. */
export const productList: ProductListStrings = {
  searchPlaceholder: 'Product, SKU, brand …',
  category: 'Category',
  allCategories: 'All categories',
  products: 'Products',
  packSize: (count, unit) => `Pack: ${count} ${unit}`,
  discontinued: 'Discontinued',
  replacedBy: (sku) => `Replaced by ${sku}`,
  loadMore: 'Load more products',
  productsShown: (count) => (count === 1 ? '1 product shown' : `${count} products shown`),
  noProducts: 'No products found.',
  brand: 'Brand',
  details: 'Details',
  ean: 'EAN',
  orderQuantities: 'Order quantity',
  quantityRule: (min, step, unit) => `from ${min}, in steps of ${step} ${unit}`,
};
