import { ValidationError, errorMessage, issueMessage, routes, type Lang } from '@kontor/core';
import type { FastifyInstance } from 'fastify';
import { categoryCounts, findPrices, findVisibleProducts, listVisibleProducts, type SortKey } from '../db/catalogue.queries.js';
import { httpError } from './errors.js';
import { toProduct } from './product-view.js';
import { addRoute, type AppDeps } from './route.js';

interface Cursor {
  /** Sort column the cursor belongs to. */
  c: SortKey;
  /** Value of the sort column of the last row. */
  v: string;
  /** SKU of the last row (tie-breaker). */
  k: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(raw: string, sort: SortKey, lang: Lang): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (c.c === sort && typeof c.v === 'string' && typeof c.k === 'string') return c as Cursor;
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError(errorMessage('validation', lang), [{ path: ['cursor'], code: 'invalid', message: issueMessage('invalid', {}, lang) }], { status: 400 });
}

export function catalogueRoutes(app: FastifyInstance, deps: AppDeps): void {
  addRoute(app, deps, routes.listProducts, async ({ query, caller, lang, deps: { db } }) => {
    const sort: SortKey = query.sort === 'name' ? (lang === 'de' ? 'name_de' : 'name_en') : (query.sort ?? 'sku');
    const limit = query.limit ?? 20;
    const after = query.cursor ? decodeCursor(query.cursor, sort, lang) : undefined;
    const rows = await listVisibleProducts(db, caller.company.id, {
      q: query.q,
      category: query.category,
      status: query.status,
      sort,
      limit,
      after: after && { value: after.v, sku: after.k },
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const prices = await findPrices(db, caller.company.priceListId, page.map((r) => r.sku));
    return {
      items: page.map((r) => toProduct(r, prices.get(r.sku))),
      nextCursor: rows.length > limit && last ? encodeCursor({ c: sort, v: String(last[sort]), k: last.sku }) : null,
    };
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
