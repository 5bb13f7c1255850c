import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';
import { BASE_PRICE_LIST } from './schema.js';
import { searchTerms, searchText } from './search-key.js';

export type ProductRow = Database['products'];
export type SortKey = 'sku' | 'name_de' | 'name_en' | 'category';

/** Public products plus restricted ones the company was granted. Every catalogue query goes through this. */
const visibleTo = (companyId: string) => (eb: ExpressionBuilder<Database, 'products'>) =>
  eb.or([
    eb('products.visibility', '=', 'public'),
    eb.exists(
      eb
        .selectFrom('product_companies')
        .select('product_companies.product_id')
        .where('product_companies.company_id', '=', companyId)
        .whereRef('product_companies.product_id', '=', 'products.id'),
    ),
  ]);

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

export interface ListFilter {
  q?: string | undefined;
  category?: string | undefined;
  status?: 'active' | 'discontinued' | undefined;
  sort: SortKey;
  /** Keyset position: products strictly after (value, sku). */
  after?: { value: string; sku: string } | undefined;
  limit: number;
}

/**
 * Per search term, the categories whose name (German or English, folded like the products'
 * search text) contains it. One read of the small `categories` table; not stored in the
 * products' search text, so a renamed category is found by its new name at once.
 */
async function categoriesMatching(db: Db, terms: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!terms.length) return out;
  const categories = await db.selectFrom('categories').select(['slug', 'name_de', 'name_en']).execute();
  const keys = categories.map((c) => ({ slug: c.slug, key: searchText([c.name_de, c.name_en]) }));
  for (const term of terms) out.set(term, keys.filter((c) => c.key.includes(term)).map((c) => c.slug));
  return out;
}

/** One page (plus one row to know whether there is more) in a stable order: sort column, then SKU. */
export async function listVisibleProducts(db: Db, companyId: string, f: ListFilter): Promise<ProductRow[]> {
  let query: SelectQueryBuilder<Database, 'products', ProductRow> = db.selectFrom('products').selectAll('products').where(visibleTo(companyId));
  // Every term must occur (AND), each in any field: SKU, names, brand, EAN (the stored search
  // text) or the category's name. "nym 3x1,5" finds NYM-J 3x1.5, "Kabel NYM" the NYM cables
  // of "Kabel & Leitungen" (their names say "Mantelleitung" / "cable").
  const terms = f.q ? searchTerms(f.q) : [];
  const inCategories = await categoriesMatching(db, terms);
  for (const term of terms) {
    const inText = sql<boolean>`products.search_text like ${`%${escapeLike(term)}%`} escape '\\'`;
    const slugs = inCategories.get(term) ?? [];
    query = query.where((eb) => (slugs.length ? eb.or([inText, eb('products.category', 'in', slugs)]) : inText));
  }
  if (f.category) query = query.where('products.category', '=', f.category);
  if (f.status) query = query.where('products.status', '=', f.status);
  const col = `products.${f.sort}` as const;
  if (f.after) {
    const { value, sku } = f.after;
    query = f.sort === 'sku'
      ? query.where('products.sku', '>', sku)
      : query.where((eb) => eb.or([eb(col, '>', value), eb.and([eb(col, '=', value), eb('products.sku', '>', sku)])]));
  }
  if (f.sort !== 'sku') query = query.orderBy(col);
  return query.orderBy('products.sku').limit(f.limit + 1).execute();
}

/** The visible products among `skus`, in one query. */
export async function findVisibleProducts(db: Db, companyId: string, skus: readonly string[]): Promise<ProductRow[]> {
  if (!skus.length) return [];
  return db.selectFrom('products').selectAll('products').where('products.sku', 'in', [...new Set(skus)]).where(visibleTo(companyId)).execute();
}

/**
 * The visible SKUs equal to one of `skus` but for case (`fl-1005` finds `FL-1005`). Compares `upper()` of every visible SKU: no index helps, so call it only for SKUs the
 * exact look-up did not find. SKUs are ASCII, which `upper()` folds alike in SQLite and PostgreSQL.
 */
export async function findVisibleSkusIgnoringCase(db: Db, companyId: string, skus: readonly string[]): Promise<string[]> {
  const upper = [...new Set(skus.map((s) => s.toUpperCase()))];
  if (!upper.length) return [];
  const rows = await db
    .selectFrom('products')
    .select('products.sku')
    .where((eb) => eb(eb.fn<string>('upper', ['products.sku']), 'in', upper))
    .where(visibleTo(companyId))
    .execute();
  return rows.map((r) => r.sku);
}

/** What availability needs of the visible products among `skus`, in one query (no texts). */
export async function findVisibleSupply(db: Db, companyId: string, skus: readonly string[]) {
  if (!skus.length) return [];
  return db
    .selectFrom('products')
    .select(['products.sku', 'products.status', 'products.replacement_sku', 'products.lead_time_days'])
    .where('products.sku', 'in', [...new Set(skus)])
    .where(visibleTo(companyId))
    .execute();
}

export interface PriceRows {
  source: 'company' | 'base';
  tiers: { minQuantity: number; amount: number }[];
  currency: string;
}

/**
 * Prices of `skus` for a company, in one query: the company's list entry where it has one,
 * else the base list. A SKU on neither list is absent from the map (price on request).
 */
export async function findPrices(db: Db, companyPriceListId: string | null, skus: readonly string[]): Promise<Map<string, PriceRows>> {
  const out = new Map<string, PriceRows>();
  if (!skus.length) return out;
  const lists = companyPriceListId ? [companyPriceListId, BASE_PRICE_LIST] : [BASE_PRICE_LIST];
  const rows = await db
    .selectFrom('price_list_tiers')
    .innerJoin('price_lists', 'price_lists.id', 'price_list_tiers.price_list_id')
    .select(['price_list_tiers.price_list_id', 'price_list_tiers.sku', 'price_list_tiers.min_quantity', 'price_list_tiers.amount', 'price_lists.currency'])
    .where('price_list_tiers.price_list_id', 'in', lists)
    .where('price_list_tiers.sku', 'in', [...new Set(skus)])
    .orderBy('price_list_tiers.sku')
    .orderBy('price_list_tiers.min_quantity')
    .execute();
  const company = new Map<string, PriceRows>();
  const base = new Map<string, PriceRows>();
  for (const row of rows) {
    const isCompany = row.price_list_id === companyPriceListId;
    const target = isCompany ? company : base;
    let entry = target.get(row.sku);
    if (!entry) target.set(row.sku, (entry = { source: isCompany ? 'company' : 'base', tiers: [], currency: row.currency }));
    entry.tiers.push({ minQuantity: Number(row.min_quantity), amount: Number(row.amount) });
  }
  for (const sku of skus) {
    const entry = company.get(sku) ?? base.get(sku);
    if (entry) out.set(sku, entry);
  }
  return out;
}

/** Categories with the number of products the company sees (zero counts included). */
export async function categoryCounts(db: Db, companyId: string) {
  const counts = await db
    .selectFrom('products')
    .select(['products.category', (eb) => eb.fn.countAll<number>().as('n')])
    .where(visibleTo(companyId))
    .groupBy('products.category')
    .execute();
  const byCategory = new Map(counts.map((c) => [c.category, Number(c.n)]));
  const categories = await db.selectFrom('categories').selectAll().orderBy('position').execute();
  return categories.map((c) => ({ slug: c.slug, name: { de: c.name_de, en: c.name_en }, productCount: byCategory.get(c.slug) ?? 0 }));
}
