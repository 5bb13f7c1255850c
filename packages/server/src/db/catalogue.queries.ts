import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';
import { BASE_PRICE_LIST } from './schema.js';
import { FIELD_WEIGHT, SEARCH_FIELDS, fts5Expression, queryWords, tsqueryExpression } from './search-analysis.js';
import { isPostgres, matchWords } from './search-index.js';

export type ProductRow = Database['products'];
export type SortKey = 'sku' | 'name_de' | 'name_en' | 'category' | 'relevance' | 'catalogue';

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

export interface ListFilter {
  q?: string | undefined;
  category?: string | undefined;
  brands?: readonly string[] | undefined;
  units?: readonly string[] | undefined;
  status?: 'active' | 'discontinued' | undefined;
  sort: SortKey;
  /** Keyset position: products strictly after (value, sku). */
  after?: { value: string; sku: string } | undefined;
  limit: number;
}

type Eb = ExpressionBuilder<Database, 'products'>;
type Condition = (eb: Eb) => ReturnType<Eb['and']>;

/** What a query matches: the engine's expression (null: some word matches nothing), or no query. */
export interface Match {
  /** FTS5 MATCH expression or tsquery literal. */
  expression: string | null;
  /** Candidates for an exact SKU or EAN match (the query as typed, upper-cased). */
  exact: string[];
  pg: boolean;
}

/** Analyses the query against the vocabulary (prefixes, typos): one to a few small look-ups. */
export async function matchQuery(db: Db, q: string): Promise<Match> {
  const pg = isPostgres(db);
  const words = queryWords(q);
  const matched = words.length ? await matchWords(db, words) : [];
  const expression = matched.length ? (pg ? tsqueryExpression(matched) : fts5Expression(matched)) : null;
  const typed = q.trim();
  const exact = typed && !/\s/.test(typed) ? [...new Set([typed, typed.toUpperCase()])] : [];
  return { expression, exact, pg };
}

const exactCondition = (m: Match) => (eb: Eb) => eb.or([eb('products.sku', 'in', m.exact), eb('products.ean', 'in', m.exact)]);

/** Products matching the full-text expression, as `products.id in (…)` (the engine's index). */
const textCondition = (m: Match) =>
  m.pg
    ? sql<SqlBool>`products.id in (select product_id from product_search where document @@ ${m.expression}::tsquery)`
    : sql<SqlBool>`products.id in (select product_id from product_search where product_search match ${m.expression})`;

/** Visible, matching and filtered as `f` says, leaving out the filters named in `except` (for facet counts). */
function conditions(companyId: string, f: Omit<ListFilter, 'sort' | 'limit' | 'after'>, m: Match | null, except: 'category' | 'brand' | 'unit' | null = null): Condition {
  return (eb) => {
    const all: Expression<SqlBool>[] = [visibleTo(companyId)(eb)];
    if (m) {
      const any: Expression<SqlBool>[] = [];
      if (m.expression) any.push(textCondition(m));
      if (m.exact.length) any.push(exactCondition(m)(eb));
      all.push(any.length ? eb.or(any) : sql<SqlBool>`1 = 0`);
    }
    if (f.category && except !== 'category') all.push(eb('products.category', '=', f.category));
    if (f.brands?.length && except !== 'brand') all.push(eb('products.brand', 'in', [...f.brands]));
    if (f.units?.length && except !== 'unit') all.push(eb('products.unit', 'in', [...f.units] as ProductRow['unit'][]));
    if (f.status) all.push(eb('products.status', '=', f.status));
    return eb.and(all);
  };
}

/** One page (plus one row to know whether there is more) in a stable order: sort column, then SKU. */
export async function listVisibleProducts(db: Db, companyId: string, f: ListFilter & { sort: Exclude<SortKey, 'relevance' | 'catalogue'> }, m: Match | null = null): Promise<ProductRow[]> {
  let query: SelectQueryBuilder<Database, 'products', ProductRow> = db.selectFrom('products').selectAll('products').where(conditions(companyId, f, m));
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

/**
 * The catalogue order: categories as the seller placed them (`categories.position`), within each
 * by name, then SKU. Walks the categories from the cursor's one, each an index range on
 * (category, name, sku), until the page is full: no sort of the whole catalogue per page.
 */
export async function listInCatalogueOrder(
  db: Db, companyId: string, f: Omit<ListFilter, 'sort' | 'after'>, name: 'name_de' | 'name_en', m: Match | null,
  after?: { category: string; value: string; sku: string },
): Promise<ProductRow[]> {
  const categories = (await db.selectFrom('categories').select('slug').orderBy('position').orderBy('slug').execute()).map((c) => c.slug);
  let from = after ? categories.indexOf(after.category) : 0;
  if (from < 0) from = 0;
  const out: ProductRow[] = [];
  for (let i = from; i < categories.length && out.length <= f.limit; i++) {
    const slug = categories[i]!;
    if (f.category && f.category !== slug) continue;
    let query = db.selectFrom('products').selectAll('products').where('products.category', '=', slug).where(conditions(companyId, f, m));
    if (after && i === from && after.category === slug) {
      const { value, sku } = after;
      query = query.where((eb) => eb.or([eb(`products.${name}`, '>', value), eb.and([eb(`products.${name}`, '=', value), eb('products.sku', '>', sku)])]));
    }
    out.push(...(await query.orderBy(`products.${name}`).orderBy('products.sku').limit(f.limit + 1 - out.length).execute()));
  }
  return out;
}

export type RankedRow = ProductRow & { score: number };

const GROUPS = ['A', 'B', 'C', 'D'] as const;
const groupWeight = (g: (typeof GROUPS)[number]) => Math.max(...SEARCH_FIELDS.filter((f) => FIELD_WEIGHT[f].pg === g).map((f) => FIELD_WEIGHT[f].fts)) / 10;
/**
 * bm25 saturates a term's frequency, so one call with per-column weights hardly tells a name from
 * a description. One call per weight group (its columns 1, the others 0), scaled by the group's
 * weight, counts where a word was found as ts_rank's A–D weights do.
 */
const FTS_SCORE = GROUPS.map((g) => `bm25(product_search, 0, ${SEARCH_FIELDS.map((f) => (FIELD_WEIGHT[f].pg === g ? 1 : 0)).join(', ')}) * ${groupWeight(g)}`).join(' + ');
const PG_WEIGHTS = `{${[...GROUPS].reverse().map(groupWeight).join(',')}}`;

/**
 * Products by relevance: exact SKU or EAN matches first (on the first page only), then the
 * engine's ranking — bm25 over the weighted FTS5 columns on SQLite, ts_rank over the weighted
 * tsvector on PostgreSQL (normalized by document length, as bm25 is) — then SKU. Keyset on (score, sku).
 */
export async function searchVisibleProducts(
  db: Db, companyId: string, f: Omit<ListFilter, 'sort' | 'after'>, m: Match, after?: { score: number | null; sku: string },
): Promise<{ exact: ProductRow[]; ranked: RankedRow[] }> {
  const exact = !after && m.exact.length
    ? await db.selectFrom('products').selectAll('products').where(conditions(companyId, f, null)).where(exactCondition(m)).orderBy('products.sku').limit(f.limit).execute()
    : [];
  const room = f.limit - exact.length;
  if (!m.expression) return { exact, ranked: [] };
  const exactIds = exact.map((r) => r.id);
  const filtered = conditions(companyId, f, null);
  const inner = m.pg
    ? db
        .selectFrom('product_search')
        .innerJoin('products', 'products.id', 'product_search.product_id')
        .selectAll('products')
        .select(sql<number>`ts_rank(${PG_WEIGHTS}::float4[], product_search.document, ${m.expression}::tsquery, 1)::float8`.as('score'))
        .where(sql<boolean>`product_search.document @@ ${m.expression}::tsquery`)
    : db
        .selectFrom('product_search')
        .innerJoin('products', 'products.id', 'product_search.product_id')
        .selectAll('products')
        .select(sql<number>`-(${sql.raw(FTS_SCORE)})`.as('score'))
        .where(sql<boolean>`product_search match ${m.expression}`);
  let query = db
    .selectFrom(
      inner
        .where((eb) => filtered(eb as unknown as Eb))
        .where((eb) => (exactIds.length ? eb('products.id', 'not in', exactIds) : eb.lit(true)))
        .as('r'),
    )
    .selectAll();
  if (after && after.score != null) {
    const { score, sku } = after;
    query = query.where((eb) => eb.or([eb('r.score', '<', score), eb.and([eb('r.score', '=', score), eb('r.sku', '>', sku)])]));
  }
  const ranked = (await query.orderBy('r.score', 'desc').orderBy('r.sku').limit(room + 1).execute()) as RankedRow[];
  return { exact, ranked };
}

export interface FacetCounts {
  total: number;
  category: { value: string; count: number }[];
  brand: { value: string; count: number }[];
  unit: { value: string; count: number }[];
}

/**
 * Counts per category, brand and unit of what the query and filters match. Each dimension is
 * counted without its own filter, so a buyer who picked one brand still sees the others' counts.
 */
export async function facetCounts(db: Db, companyId: string, f: Omit<ListFilter, 'sort' | 'after' | 'limit'>, m: Match | null): Promise<FacetCounts> {
  const count = (except: 'category' | 'brand' | 'unit', column: 'category' | 'brand' | 'unit') =>
    db
      .selectFrom('products')
      .select([`products.${column} as value`, (eb) => eb.fn.countAll<number>().as('n')])
      .where(conditions(companyId, f, m, except))
      .groupBy(`products.${column}`)
      .execute();
  const [total, category, brand, unit] = await Promise.all([
    db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).where(conditions(companyId, f, m)).executeTakeFirst(),
    count('category', 'category'),
    count('brand', 'brand'),
    count('unit', 'unit'),
  ]);
  const values = (rows: { value: string | null; n: number }[]) =>
    rows
      .filter((r): r is { value: string; n: number } => r.value != null)
      .map((r) => ({ value: r.value, count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  return { total: Number(total?.n ?? 0), category: values(category), brand: values(brand), unit: values(unit) };
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
