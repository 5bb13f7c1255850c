// pnpm bench: delivery promises for a 10,000-item batch (the server benchmark, without the
// database). Reports, never asserts.
import Holidays from 'date-holidays';
import { safeParse } from 'zod/mini';
import { bench } from '../internal/bench.js';
import { AvailabilityRequestSchema, AvailabilityResponseSchema, type AvailabilityRequest, type ProductSupply, type StockPosition, type Warehouse } from './availability.schema.js';
import { answerAvailability, deliveryPromise } from './availability.logic.js';
import { calendarFromHolidays } from './holidays.js';

const years = [2026, 2027];
const warehouses: Warehouse[] = [
  { id: 'wh_muc', name: 'München', country: 'DE', region: 'DE-BY', timeZone: 'Europe/Berlin', cutoff: '14:00', transitDays: { DE: 1, AT: 2 } },
  { id: 'wh_ber', name: 'Berlin', country: 'DE', region: 'DE-BE', timeZone: 'Europe/Berlin', cutoff: '15:30', transitDays: { DE: 1, PL: 2 } },
  { id: 'wh_vie', name: 'Wien', country: 'AT', region: 'AT-9', timeZone: 'Europe/Vienna', cutoff: '12:00', transitDays: { AT: 1, DE: 2 } },
];
const calendars = {
  wh_muc: calendarFromHolidays(new Holidays('DE', 'BY'), { years, types: ['public', 'bank'] }),
  wh_ber: calendarFromHolidays(new Holidays('DE', 'BE'), { years }),
  wh_vie: calendarFromHolidays(new Holidays('AT', '9'), { years }),
};

// Mixed: in stock, partial with receipts, back orders, procurement only, discontinued, not procurable.
const products = new Map<string, ProductSupply>();
const stock = new Map<string, StockPosition[]>();
for (let i = 0; i < 10_000; i++) {
  const sku = `SKU-${i}`;
  const kind = i % 6;
  products.set(sku, {
    sku, status: kind === 4 ? 'discontinued' : 'active', replacementSku: kind === 4 ? `SKU-${i + 1}` : null,
    leadTimeDays: kind === 5 ? null : 3 + (i % 25),
  });
  if (kind === 3) continue; // procurement only
  const positions: StockPosition[] = [];
  for (const [w, wh] of warehouses.entries()) {
    if ((i + w) % 3 === 0) continue;
    positions.push({
      warehouseId: wh.id, sku, onHand: (i * 7 + w * 13) % 60, reserved: (i * 3 + w) % 25,
      receipts: kind === 1 || kind === 2 ? [{ date: `2026-12-${String(1 + ((i + w) % 28)).padStart(2, '0')}`, quantity: 10 + (i % 40) }, { date: '2027-01-11', quantity: 100 }] : [],
    });
  }
  stock.set(sku, positions);
}
const request: AvailabilityRequest = {
  destination: 'DE',
  // 1 % unknown SKUs; three in four quantities 1…20, the rest up to 500.
  items: Array.from({ length: 10_000 }, (_, i) => ({ sku: i % 100 === 99 ? `NOPE-${i}` : `SKU-${(i * 7919) % 10_000}`, quantity: i % 4 === 0 ? 1 + ((i * 37) % 500) : 1 + ((i * 13) % 20) })),
};
const now = new Date('2026-12-22T13:45:00Z'); // Tuesday before Christmas, 14:45 in Munich: after its cut-off

const response = answerAvailability(request, { now, warehouses, calendars, products, stock });
const count = (s: string) => response.items.filter((i) => 'status' in i && i.status === s).length;
console.log(`mix: ${count('in_stock')} in stock, ${count('partial')} partial, ${count('on_order')} on order, ${count('discontinued')} discontinued, ${response.items.filter((i) => 'error' in i).length} unknown`);

bench('answerAvailability() of 10,000 mixed items', 50, () => answerAvailability(request, { now, warehouses, calendars, products, stock }));
bench('deliveryPromise() × 10,000 (one call per item)', 20, () => {
  for (const { sku, quantity } of request.items) {
    const product = products.get(sku);
    if (product) deliveryPromise({ sku, quantity, destination: 'DE', now, product, stock: stock.get(sku) ?? [], warehouses, calendars });
  }
});
bench('AvailabilityRequestSchema of 10,000 items', 50, () => safeParse(AvailabilityRequestSchema, request));
bench('AvailabilityResponseSchema of 10,000 answers', 20, () => safeParse(AvailabilityResponseSchema, response));
