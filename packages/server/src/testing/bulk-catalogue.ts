import type { Db } from '../db/database.js';
import { BASE_PRICE_LIST } from '../db/schema.js';
import { indexProducts } from '../db/search-index.js';

/**
 * Adds `count` plain public products (`BK-00001` …: piece, min 1, step 1, no maximum, one base
 * price) for tests and benchmarks that need more lines than the demo catalogue has. Returns the SKUs.
 */
export async function addBulkProducts(db: Db, count: number, prefix = 'BK'): Promise<string[]> {
  const skus = Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(5, '0')}`);
  for (let i = 0; i < skus.length; i += 100) {
    const batch = skus.slice(i, i + 100);
    await db
      .insertInto('products')
      .values(
        batch.map((sku) => ({
          id: `prd_${sku.replace('-', '')}`, sku, name_de: `Testartikel ${sku}`, name_en: `Test item ${sku}`, description_de: '', description_en: '',
          category: 'kabel-leitungen', brand: null, ean: null, unit: 'piece' as const, pack_size: 1, price_unit: 1, tax_class: 'standard' as const,
          status: 'active' as const, replacement_sku: null, qty_min: 1, qty_step: 1, qty_max: null, visibility: 'public' as const, search_text: sku.toLowerCase(),
        })),
      )
      .execute();
    await db
      .insertInto('price_list_tiers')
      .values(batch.map((sku, j) => ({ price_list_id: BASE_PRICE_LIST, sku, min_quantity: 1, amount: 100 + ((i + j) % 900) })))
      .execute();
  }
  await indexProducts(db, skus.map((sku) => `prd_${sku.replace('-', '')}`));
  return skus;
}
