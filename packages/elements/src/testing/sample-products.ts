// Offline sample products for stories (the tests use the real server instead).
import type { Product } from '@kontor/core/catalogue';

const eur = (amount: number) => ({ amount, currency: 'EUR' as const });
let n = 0;

function product(p: Partial<Product> & Pick<Product, 'sku' | 'name' | 'unit'>): Product {
  n++;
  return {
    id: `prd_story${n}`,
    description: { de: '', en: '' },
    category: 'leuchtmittel',
    brand: 'Kontor',
    ean: null,
    packSize: 1,
    taxClass: 'standard',
    status: 'active',
    replacementSku: null,
    quantityRules: { min: 1, step: 1, max: null },
    price: { currency: 'EUR', priceUnit: 1, source: 'base', tiers: [{ minQuantity: 1, price: eur(499) }] },
    ...p,
  };
}

export const ledBulb = product({
  sku: 'LED-E27-806',
  name: { de: 'LED-Lampe E27 806 lm warmweiß', en: 'LED bulb E27 806 lm warm white' },
  unit: 'piece',
  packSize: 10,
  quantityRules: { min: 10, step: 10, max: null },
  price: {
    currency: 'EUR',
    priceUnit: 1,
    source: 'base',
    tiers: [
      { minQuantity: 1, price: eur(349) },
      { minQuantity: 100, price: eur(319) },
      { minQuantity: 500, price: eur(289) },
    ],
  },
});

export const nymCable = product({
  sku: 'NYM-J-3X1.5',
  name: { de: 'Mantelleitung NYM-J 3×1,5 mm²', en: 'Sheathed cable NYM-J 3×1.5 mm²' },
  category: 'kabel',
  unit: 'meter',
  packSize: 50,
  quantityRules: { min: 50, step: 50, max: 5000 },
  price: {
    currency: 'EUR',
    priceUnit: 100,
    source: 'company',
    tiers: [
      { minQuantity: 1, price: eur(4567) },
      { minQuantity: 500, price: eur(4190) },
      { minQuantity: 1000, price: eur(3890) },
    ],
  },
});

export const discontinuedSpot = product({
  sku: 'HAL-GU10-50',
  name: { de: 'Halogen-Reflektor GU10 50 W', en: 'Halogen reflector GU10 50 W' },
  unit: 'piece',
  status: 'discontinued',
  replacementSku: 'LED-GU10-5',
  price: { currency: 'EUR', priceUnit: 1, source: 'base', tiers: [{ minQuantity: 1, price: eur(229) }] },
});

export const onRequest = product({
  sku: 'UV-FLOOR-24',
  name: { de: 'Unterverteiler Standgehäuse 24 TE', en: 'Floor-standing sub-distribution 24 modules' },
  category: 'verteiler',
  unit: 'piece',
  price: null,
});

export const sampleProducts: Product[] = [ledBulb, nymCable, discontinuedSpot, onRequest];

/** `count` products for "many items" stories. */
export function manyProducts(count: number): Product[] {
  return Array.from({ length: count }, (_, i) => {
    const base = sampleProducts[i % sampleProducts.length]!;
    return { ...base, id: `prd_many${i}`, sku: `${base.sku}-${i + 1}` };
  });
}
