import type { Product } from '@kontor/core';
import type { PriceRows, ProductRow } from '../db/catalogue.queries.js';

/** A product row plus its price rows as the API shows it. */
export function toProduct(row: ProductRow, price: PriceRows | undefined): Product {
  return {
    id: row.id,
    sku: row.sku,
    name: { de: row.name_de, en: row.name_en },
    description: { de: row.description_de, en: row.description_en },
    category: row.category,
    brand: row.brand,
    ean: row.ean,
    unit: row.unit,
    packSize: Number(row.pack_size),
    taxClass: row.tax_class,
    status: row.status,
    replacementSku: row.replacement_sku,
    quantityRules: { min: Number(row.qty_min), step: Number(row.qty_step), max: row.qty_max == null ? null : Number(row.qty_max) },
    price: price
      ? {
          currency: price.currency,
          priceUnit: Number(row.price_unit),
          source: price.source,
          tiers: price.tiers.map((t) => ({ minQuantity: t.minQuantity, price: { amount: t.amount, currency: price.currency } })),
        }
      : null,
  };
}
