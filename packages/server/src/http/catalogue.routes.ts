import { ValidationError, errorMessage, issueMessage, routes, type Lang } from '@kontor/core';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import {
  categoryCounts, facetCounts, findPrices, findVisibleProducts, listInCatalogueOrder, listVisibleProducts, matchQuery, searchVisibleProducts,
  type ListFilter, type ProductRow, type SortKey,
} from '../db/catalogue.queries.js';
import { httpError } from './errors.js';
import { toProduct } from './product-view.js';
import { addRoute, type AppDeps } from './route.js';

/** Where the next page starts; `c` names the order it belongs to. */
type Cursor =
  | { c: Exclude<SortKey, 'relevance' | 'catalogue'>; v: string; k: string }
  /** Relevance: score and SKU of the last row; `s: null` is the start of the ranked rows (after the exact matches). */
  | { c: 'relevance'; s: number | null; k: string }
  /** Catalogue order: category, name and SKU of the last row. */
  | { c: 'catalogue'; g: string; v: string; k: string };

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(raw: string, sort: SortKey, lang: Lang): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (c.c === sort && typeof c.k === 'string') {
      if (sort === 'relevance' ? c.s === null || (typeof c.s === 'number' && Number.isFinite(c.s)) : typeof c.v === 'string' && (sort !== 'catalogue' || typeof c.g === 'string')) {
        return c as unknown as Cursor;
      }
    }
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError(errorMessage('validation', lang), [{ path: ['cursor'], code: 'invalid', message: issueMessage('invalid', {}, lang) }], { status: 400 });
}

/** A comma-separated filter as a list (empty entries dropped), at most 50. */
const list = (raw: string | undefined) => (raw ? [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))].slice(0, 50) : undefined);

export function catalogueRoutes(app: FastifyInstance, deps: AppDeps): void {
  addRoute(app, deps, routes.listProducts, async ({ query, caller, lang, deps: { db } }) => {
    const q = query.q?.trim() ? query.q : undefined;
    const asked = query.sort ?? (q ? 'relevance' : 'catalogue');
    const sort: SortKey = asked === 'name' ? (lang === 'de' ? 'name_de' : 'name_en') : asked === 'relevance' && !q ? 'catalogue' : asked;
    const name = lang === 'de' ? 'name_de' : 'name_en';
    const limit = query.limit ?? 20;
    const after = query.cursor ? decodeCursor(query.cursor, sort, lang) : undefined;
    const filter = { q, category: query.category, brands: list(query.brand), units: list(query.unit), status: query.status, limit };
    const match = q ? await matchQuery(db, q) : null;
    let page: ProductRow[];
    let nextCursor: string | null = null;
    if (sort === 'relevance') {
      const { exact, ranked } = await searchVisibleProducts(db, caller.company.id, filter, match!, after?.c === 'relevance' ? { score: after.s, sku: after.k } : undefined);
      const room = limit - exact.length;
      const shown = ranked.slice(0, room);
      page = [...exact, ...shown];
      const last = shown[shown.length - 1];
      if (ranked.length > room) nextCursor = encodeCursor(last ? { c: 'relevance', s: last.score, k: last.sku } : { c: 'relevance', s: null, k: '' });
    } else if (sort === 'catalogue') {
      const rows = await listInCatalogueOrder(db, caller.company.id, filter, name, match, after?.c === 'catalogue' ? { category: after.g, value: after.v, sku: after.k } : undefined);
      page = rows.slice(0, limit);
      const last = page[page.length - 1];
      if (rows.length > limit && last) nextCursor = encodeCursor({ c: 'catalogue', g: last.category, v: last[name], k: last.sku });
    } else {
      const rows = await listVisibleProducts(db, caller.company.id, { ...filter, sort, after: after && 'v' in after ? { value: after.v, sku: after.k } : undefined }, match);
      page = rows.slice(0, limit);
      const last = page[page.length - 1];
      if (rows.length > limit && last) nextCursor = encodeCursor({ c: sort, v: String(last[sort]), k: last.sku });
    }
    const [prices, facets] = await Promise.all([
      findPrices(db, caller.company.priceListId, page.map((r) => r.sku)),
      query.facets === 'true' ? facetsOf(db, caller.company.id, filter, match) : undefined,
    ]);
    return { items: page.map((r) => toProduct(r, prices.get(r.sku))), nextCursor, ...(facets ? { facets } : {}) };
  });

  addRoute(app, deps, routes.getProduct, async ({ params, caller, lang, deps: { db } }) => {
    const [row] = await findVisibleProducts(db, caller.company.id, [params.sku]);
    // Unknown and not visible answer alike: no existence leak.
    if (!row) throw httpError('not_found', lang);
    const prices = await findPrices(db, caller.company.priceListId, [row.sku]);
    return toProduct(row, prices.get(row.sku));
  });

  addRoute(app, deps, routes.listCategories, async ({ caller, deps: { db } }) => ({ items: await categoryCounts(db, caller.company.id) }));
}

/** Facet counts with the categories' names, in the API's shape. */
async function facetsOf(db: Db, companyId: string, filter: Omit<ListFilter, 'sort' | 'after' | 'limit'>, match: Awaited<ReturnType<typeof matchQuery>> | null) {
  const [counts, categories] = await Promise.all([facetCounts(db, companyId, filter, match), db.selectFrom('categories').select(['slug', 'name_de', 'name_en']).execute()]);
  const names = new Map(categories.map((c) => [c.slug, { de: c.name_de, en: c.name_en }]));
  return { ...counts, category: counts.category.map((c) => ({ ...c, ...(names.has(c.value) ? { name: names.get(c.value)! } : {}) })) };
}
