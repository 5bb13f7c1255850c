import type { StockPosition, Warehouse } from '@kontor/core';
import type { Db } from './database.js';

/** SKUs per look-up query: far below SQLite's (32,766) and PostgreSQL's (65,535) bind-parameter limits. */
export const SKU_CHUNK = 2000;
/** Rows per multi-row insert (5 columns each). */
const INSERT_CHUNK = 500;

export function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every warehouse, by id. A handful of rows: read on every request, so an edit counts at once. */
export async function listWarehouses(db: Db): Promise<Warehouse[]> {
  const rows = await db.selectFrom('warehouses').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, name: r.name, country: r.country, region: r.region, timeZone: r.time_zone, cutoff: r.cutoff,
    transitDays: JSON.parse(r.transit_days) as Record<string, number>,
  }));
}

/**
 * Stock positions (with their receipts, earliest first) of `skus` in every warehouse: two
 * queries per {@link SKU_CHUNK} SKUs. A SKU without positions is absent from the map.
 */
export async function findStock(db: Db, skus: readonly string[]): Promise<Map<string, StockPosition[]>> {
  const out = new Map<string, StockPosition[]>();
  const byKey = new Map<string, StockPosition>();
  for (const chunk of chunked([...new Set(skus)], SKU_CHUNK)) {
    const [positions, receipts] = await Promise.all([
      db.selectFrom('stock_positions').select(['warehouse_id', 'sku', 'on_hand', 'reserved']).where('sku', 'in', chunk).execute(),
      db.selectFrom('stock_receipts').select(['warehouse_id', 'sku', 'date', 'quantity']).where('sku', 'in', chunk).orderBy('sku').orderBy('warehouse_id').orderBy('date').execute(),
    ]);
    for (const p of positions) {
      const position: StockPosition = { warehouseId: p.warehouse_id, sku: p.sku, onHand: Number(p.on_hand), reserved: Number(p.reserved), receipts: [] };
      byKey.set(`${p.warehouse_id}|${p.sku}`, position);
      let list = out.get(p.sku);
      if (!list) out.set(p.sku, (list = []));
      list.push(position);
    }
    for (const r of receipts) {
      // A receipt belongs to a position; one without (written by hand) counts as a position with nothing on hand.
      let position = byKey.get(`${r.warehouse_id}|${r.sku}`);
      if (!position) {
        position = { warehouseId: r.warehouse_id, sku: r.sku, onHand: 0, reserved: 0, receipts: [] };
        byKey.set(`${r.warehouse_id}|${r.sku}`, position);
        let list = out.get(r.sku);
        if (!list) out.set(r.sku, (list = []));
        list.push(position);
      }
      position.receipts.push({ date: r.date, quantity: Number(r.quantity) });
    }
  }
  return out;
}

/** Which of `skus` exist at all (any status, any visibility): the ERP may report stock of every product. */
export async function existingSkus(db: Db, skus: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const chunk of chunked([...new Set(skus)], SKU_CHUNK)) {
    for (const row of await db.selectFrom('products').select('sku').where('sku', 'in', chunk).execute()) out.add(row.sku);
  }
  return out;
}

/** One position as the update writes it; `reserved: undefined` keeps the stored value (0 for a new position). */
export interface PositionWrite {
  warehouseId: string;
  sku: string;
  onHand: number;
  reserved: number | undefined;
  /** `undefined`: keep the position's receipts; else replace them (same-day receipts added up). */
  receipts: { date: string; quantity: number }[] | undefined;
}

/**
 * Writes positions (absolute values) with upserts in batches, and replaces the receipts of the
 * positions that bring their own. Call inside a transaction: the batch is all or nothing.
 */
export async function writeStock(db: Db, positions: readonly PositionWrite[], updatedAt: string): Promise<void> {
  const row = (p: PositionWrite) => ({ warehouse_id: p.warehouseId, sku: p.sku, on_hand: p.onHand, reserved: p.reserved ?? 0, updated_at: updatedAt });
  const withReserved = positions.filter((p) => p.reserved !== undefined);
  const keepReserved = positions.filter((p) => p.reserved === undefined);
  for (const batch of chunked(withReserved, INSERT_CHUNK)) {
    await db
      .insertInto('stock_positions')
      .values(batch.map(row))
      .onConflict((oc) => oc.columns(['warehouse_id', 'sku']).doUpdateSet((eb) => ({
        on_hand: eb.ref('excluded.on_hand'), reserved: eb.ref('excluded.reserved'), updated_at: eb.ref('excluded.updated_at'),
      })))
      .execute();
  }
  for (const batch of chunked(keepReserved, INSERT_CHUNK)) {
    await db
      .insertInto('stock_positions')
      .values(batch.map(row))
      .onConflict((oc) => oc.columns(['warehouse_id', 'sku']).doUpdateSet((eb) => ({ on_hand: eb.ref('excluded.on_hand'), updated_at: eb.ref('excluded.updated_at') })))
      .execute();
  }
  const replacing = positions.filter((p) => p.receipts !== undefined);
  const byWarehouse = new Map<string, string[]>();
  for (const p of replacing) {
    let skus = byWarehouse.get(p.warehouseId);
    if (!skus) byWarehouse.set(p.warehouseId, (skus = []));
    skus.push(p.sku);
  }
  for (const [warehouseId, skus] of byWarehouse) {
    for (const chunk of chunked(skus, SKU_CHUNK)) {
      await db.deleteFrom('stock_receipts').where('warehouse_id', '=', warehouseId).where('sku', 'in', chunk).execute();
    }
  }
  const receipts: { warehouse_id: string; sku: string; date: string; quantity: number }[] = [];
  for (const p of replacing) {
    const byDate = new Map<string, number>();
    for (const r of p.receipts!) byDate.set(r.date, (byDate.get(r.date) ?? 0) + r.quantity);
    for (const [date, quantity] of byDate) receipts.push({ warehouse_id: p.warehouseId, sku: p.sku, date, quantity });
  }
  for (const batch of chunked(receipts, INSERT_CHUNK)) await db.insertInto('stock_receipts').values(batch).execute();
}
