import { ValidationError, checkQuantity, errorMessage, issueMessage, quote, routes, type ErrorIssue, type Product } from '@kontor/core';
import type { FastifyInstance } from 'fastify';
import { findPrices, findVisibleProducts } from '../db/catalogue.queries.js';
import { toProduct } from './product-view.js';
import { addRoute, type AppDeps } from './route.js';

export function pricingRoutes(app: FastifyInstance, deps: AppDeps): void {
  addRoute(app, deps, routes.quotePrices, async ({ body, caller, lang, deps: { db } }) => {
    const skus = body.lines.map((l) => l.sku);
    // Two queries for any number of lines: products, then prices.
    const rows = await findVisibleProducts(db, caller.company.id, skus);
    const prices = await findPrices(db, caller.company.priceListId, rows.map((r) => r.sku));
    const products = new Map<string, Product>(rows.map((r) => [r.sku, toProduct(r, prices.get(r.sku))]));

    const issues: ErrorIssue[] = [];
    // One quote, one currency: the first priced line's. A price list in another currency is an issue, not a 500.
    const currency = body.lines.map((l) => products.get(l.sku)?.price?.currency).find(Boolean);
    body.lines.forEach((line, i) => {
      const product = products.get(line.sku);
      if (!product) {
        issues.push({ path: ['lines', i, 'sku'], code: 'unknown_sku', message: issueMessage('unknown_sku', { sku: line.sku }, lang), params: { sku: line.sku } });
        return;
      }
      if (product.status === 'discontinued') {
        const params = { replacementSku: product.replacementSku };
        issues.push({
          path: ['lines', i, 'sku'], code: 'discontinued', message: issueMessage('discontinued', params, lang), params,
          ...(product.replacementSku ? { suggestions: [product.replacementSku] } : {}),
        });
        return;
      }
      if (!product.price) {
        issues.push({ path: ['lines', i, 'sku'], code: 'no_price', message: issueMessage('no_price', { sku: line.sku }, lang), params: { sku: line.sku } });
        return;
      }
      if (product.price.currency !== currency) {
        const params = { currency: product.price.currency, expected: currency };
        issues.push({ path: ['lines', i, 'sku'], code: 'currency_mismatch', message: issueMessage('currency_mismatch', params, lang), params });
        return;
      }
      const problem = checkQuantity(product.quantityRules, line.quantity);
      if (problem) {
        issues.push({
          path: ['lines', i, 'quantity'], code: problem.code, message: issueMessage(problem.code, problem.params, lang),
          params: problem.params, suggestions: problem.suggestions,
        });
      }
    });
    if (issues.length) throw new ValidationError(`${errorMessage('validation', lang)} ${issues[0]!.message}`, issues, { status: 422 });

    return quote(body.lines.map((l) => ({ product: products.get(l.sku)!, quantity: l.quantity })), currency!);
  });
}
