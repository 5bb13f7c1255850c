import type { Translation } from './translation.js';

const units = {
  piece: () => 'Stk',
  meter: () => 'm',
  roll: (n: number) => (n === 1 ? 'Rolle' : 'Rollen'),
  pack: (n: number) => (n === 1 ? 'Packung' : 'Packungen'),
  box: (n: number) => (n === 1 ? 'Karton' : 'Kartons'),
  kg: () => 'kg',
  liter: () => 'l',
} as const;

/** German. */
export const de: Translation = {
  $lang: 'de',
  $locale: 'de-DE',
  unit: (unit, count) => units[unit](count),
  net: 'netto',
  priceOnRequest: 'Preis auf Anfrage',
  pricePer: (price, priceUnit, unit) => (priceUnit === 1 ? `${price} / ${unit}` : `${price} / ${priceUnit} ${unit}`),
  lineTotal: (quantity, unit) => `Summe für ${quantity} ${unit}`,
  priceTiers: 'Staffelpreise',
  fromQuantity: (quantity, unit) => `ab ${quantity} ${unit}`,
  tierPrice: 'Preis',
  quantityColumn: 'Menge',
  nextTierHint: (quantity, unit, price) => `ab ${quantity} ${unit}: ${price}`,
  companyPrice: 'Ihr Firmenpreis',

  quantity: 'Menge',
  quantityFor: (name) => `für ${name}`,
  decrease: 'Menge verringern',
  increase: 'Menge erhöhen',
  useQuantity: (quantity) => `Menge ${quantity} übernehmen`,
  suggestions: 'Vorschläge',
  quantityRulesHint: (min, step, unit) => `Mindestmenge ${min} ${unit}, in Schritten von ${step}`,

  search: 'Suche',
  searchPlaceholder: 'Artikel, Artikelnummer, Marke …',
  category: 'Kategorie',
  allCategories: 'Alle Kategorien',
  products: 'Artikel',
  sku: 'Art.-Nr.',
  packSize: (count, unit) => `VE: ${count} ${unit}`,
  discontinued: 'Auslaufartikel',
  replacedBy: (sku) => `Ersatz: ${sku}`,
  loadMore: 'Weitere Artikel laden',
  loading: 'Wird geladen …',
  productsShown: (count) => (count === 1 ? '1 Artikel angezeigt' : `${count} Artikel angezeigt`),
  noProducts: 'Keine Artikel gefunden.',
  retry: 'Erneut versuchen',
  errorTitle: 'Das hat nicht geklappt.',
};
