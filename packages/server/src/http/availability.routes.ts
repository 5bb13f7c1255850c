import { ValidationError, errorMessage, issueMessage, routes, type ErrorIssue, type Lang, type StockUpdatePosition } from '@kontor/core';
import type { FastifyInstance } from 'fastify';
import { checkAvailability } from '../availability/availability.service.js';
import { existingSkus, listWarehouses, writeStock } from '../db/availability.queries.js';
import type { Db } from '../db/database.js';
import { idempotent, readIdempotencyKey } from './idempotency.js';
import { addRoute, type AppDeps } from './route.js';

/** At most this many issues in one refusal of a stock update; the rest is left out. */
const MAX_ISSUES = 100;

/** Idempotency keys of stock updates belong to the seller, not to one ERP key: a retry after a key rotation is still a retry. */
const ERP_KEY_SCOPE = 'erp';

function issue(path: ErrorIssue['path'], code: string, params: Record<string, unknown>, lang: Lang): ErrorIssue {
  return { path, code, message: issueMessage(code, params, lang), params };
}

/**
 * Why a stock update cannot be applied: an unknown warehouse or SKU, or a position twice in the
 * batch. Empty when all is well.
 */
async function stockUpdateIssues(db: Db, positions: readonly StockUpdatePosition[], lang: Lang): Promise<ErrorIssue[]> {
  const warehouses = new Set((await listWarehouses(db)).map((w) => w.id));
  const skus = await existingSkus(db, positions.map((p) => p.sku));
  const issues: ErrorIssue[] = [];
  const seen = new Map<string, number>();
  positions.forEach((p, i) => {
    if (!warehouses.has(p.warehouseId)) issues.push(issue(['positions', i, 'warehouseId'], 'unknown_warehouse', { warehouseId: p.warehouseId, supported: [...warehouses] }, lang));
    if (!skus.has(p.sku)) issues.push(issue(['positions', i, 'sku'], 'unknown_sku', { sku: p.sku }, lang));
    const key = `${p.warehouseId}|${p.sku}`;
    const first = seen.get(key);
    if (first !== undefined) issues.push(issue(['positions', i], 'duplicate_position', { warehouseId: p.warehouseId, sku: p.sku, first }, lang));
    else seen.set(key, i);
  });
  return issues;
}

export function availabilityRoutes(app: FastifyInstance, deps: AppDeps): void {
  addRoute(app, deps, routes.checkAvailability, async ({ body, caller, lang, deps: { db, now } }) => checkAvailability(db, caller, body, now(), lang));

  addRoute(app, deps, routes.updateStock, async ({ body, lang, req, reply, deps: { db, now } }) => {
    const at = now();
    const key = readIdempotencyKey(req, ERP_KEY_SCOPE, lang);
    return idempotent(db, key, { now: at, lang, reply, status: 200 }, async (record) => {
      const issues = await stockUpdateIssues(db, body.positions, lang);
      if (issues.length) {
        throw new ValidationError(`${errorMessage('validation', lang)} ${issues[0]!.message}`, issues.slice(0, MAX_ISSUES), { status: 422 });
      }
      // Written in (warehouse, SKU) order, so two concurrent updates lock rows in the same order.
      const positions = [...body.positions]
        .sort((a, b) => (a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
        .map((p) => ({ warehouseId: p.warehouseId, sku: p.sku, onHand: p.onHand, reserved: p.reserved, receipts: p.receipts }));
      const result = { updated: positions.length, asOf: at.toISOString() };
      await db.transaction().execute(async (trx) => {
        await writeStock(trx, positions, result.asOf);
        await record(trx, result);
      });
      return result;
    });
  });
}
