import { addDays, nextRun, runContent, type ErpDueRun, type ErpDueRunPage } from '@kontor/core';
import type { Db } from '../db/database.js';
import { runKeys, standingOrdersDueBy } from '../db/standing-order.queries.js';
import { loadWarehouses, lookBackKey, standingOrderOf } from './context.js';

/** Most runs listed per standing order in one answer (a daily one over two weeks has 10). */
const MAX_RUNS_PER_ORDER = 40;

/**
 * Runs due from `now` up to the end of `until` (a UTC day), across companies, for the seller's
 * ERP: each standing order's coming runs in the window with what they order. Paged by standing
 * order (by next due instant, then id); `limit` counts standing orders.
 */
export async function erpDueRuns(db: Db, query: { until?: string | undefined; cursor?: { nextAt: string; id: string } | undefined; limit: number }, now: Date): Promise<{ page: ErpDueRunPage; last: { nextAt: string; id: string } | null }> {
  const until = query.until ?? addDays(now.toISOString().slice(0, 10), 14);
  const end = `${addDays(until, 1)}T00:00:00.000Z`;
  const rows = await standingOrdersDueBy(db, end, query.limit + 1, query.cursor);
  const page = rows.slice(0, query.limit);
  const warehouses = await loadWarehouses(db);
  const orders = page.map(standingOrderOf);
  const done = page.length ? await runKeys(db, null, page.map((r) => r.id), orders.map((o) => lookBackKey(o, now)).sort()[0]!) : new Map<string, Set<string>>();
  const items: ErpDueRun[] = [];
  const iso = now.toISOString();
  page.forEach((row, i) => {
    const order = orders[i]!;
    const calendar = warehouses.calendarOf(order.warehouseId, now);
    const passed = new Set(done.get(row.id));
    for (let k = 0; k < MAX_RUNS_PER_ORDER; k++) {
      const o = nextRun(order, { now: iso, ...(calendar ? { calendar } : {}), done: passed });
      if (!o || o.at >= end) break;
      passed.add(o.key);
      const content = runContent(order, o.key);
      items.push({
        standingOrderId: row.id,
        company: { id: row.company_id, name: row.company_name, customerNumber: row.customer_number },
        occurrence: o,
        lines: content.lines,
        warehouseId: order.warehouseId,
        deliveryAddress: content.deliveryAddress.address,
        priceMode: order.priceMode.kind,
        shortage: order.shortage,
      });
    }
  });
  const last = rows.length > query.limit ? page.at(-1)! : null;
  return { page: { items, nextCursor: null }, last: last ? { nextAt: last.next_at!, id: last.id } : null };
}
