import type { ProductListStrings } from '../translation.js';

/** German: productList. */
export const productList: ProductListStrings = {
  searchPlaceholder: 'Artikel, Artikelnummer, Marke …',
  category: 'Kategorie',
  allCategories: 'Alle Kategorien',
  products: 'Artikel',
  packSize: (count, unit) => `VE: ${count} ${unit}`,
  discontinued: 'Auslaufartikel',
  replacedBy: (sku) => `Ersatz: ${sku}`,
  loadMore: 'Weitere Artikel laden',
  productsShown: (count) => (count === 1 ? '1 Artikel angezeigt' : `${count} Artikel angezeigt`),
  noProducts: 'Keine Artikel gefunden.',
  brand: 'Marke',
  details: 'Details',
  ean: 'EAN',
  orderQuantities: 'Bestellmenge',
  quantityRule: (min, step, unit) => `ab ${min}, in Schritten von ${step} ${unit}`,
};
