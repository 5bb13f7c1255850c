import { ValidationError, errorMessage, quote, routes } from '@kontor/core';
import type { FastifyInstance } from 'fastify';
import { lineIssues, loadLineProducts, suggestSkus } from './line-check.js';
import { addRoute, type AppDeps } from './route.js';

export function pricingRoutes(app: FastifyInstance, deps: AppDeps): void {
  addRoute(app, deps, routes.quotePrices, async ({ body, caller, lang, deps: { db } }) => {
    // Two queries for any number of lines (per 1,000 SKUs): products, then prices.
    const products = await loadLineProducts(db, caller, body.lines.map((l) => l.sku));
    // One quote, one currency: the first priced line's. A price list in another currency is an issue, not a 500.
    const currency = body.lines.map((l) => products.get(l.sku)?.price?.currency).find(Boolean);
    const issues = lineIssues(body.lines.map((l, i) => ({ sku: l.sku, quantity: l.quantity, path: ['lines', i] })), products, currency ?? '', lang);
    if (issues.length) {
      await suggestSkus(db, caller, issues);
      throw new ValidationError(`${errorMessage('validation', lang)} ${issues[0]!.message}`, issues, { status: 422 });
    }
    return quote(body.lines.map((l) => ({ product: products.get(l.sku)!, quantity: l.quantity })), currency!);
  });
}
