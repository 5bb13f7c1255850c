import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import Holidays from 'date-holidays';
import { isKontorError } from '../errors/kontor-error.js';
import { safeParse } from 'zod/mini';
import {
  AvailabilityRequestSchema,
  AvailabilityResponseSchema,
  StockPositionSchema,
  WarehouseSchema,
  type ProductSupply,
  type StockPosition,
  type Warehouse,
} from './availability.schema.js';
import { answerAvailability, deliveryCalendar, deliveryPromise, isAvailabilityError, planDelivery, shipDay, type DeliveryPromiseInput } from './availability.logic.js';
import { addBusinessDays, addDays, createBusinessCalendar, isBusinessDay, type BusinessCalendar, type Weekday } from './calendar.logic.js';
import { calendarFromHolidays } from './holidays.js';

const years = [2026, 2027];
const munich: Warehouse = {
  id: 'wh_muc', name: 'München', country: 'DE', region: 'DE-BY', timeZone: 'Europe/Berlin', cutoff: '14:00', transitDays: { DE: 1, AT: 2 },
};
const berlin: Warehouse = {
  id: 'wh_ber', name: 'Berlin', country: 'DE', region: 'DE-BE', timeZone: 'Europe/Berlin', cutoff: '14:00', transitDays: { DE: 1, PL: 2 },
};
/** Public holidays only: 24 and 31 December are business days. */
const calendars = {
  wh_muc: calendarFromHolidays(new Holidays('DE', 'BY'), { years }),
  wh_ber: calendarFromHolidays(new Holidays('DE', 'BE'), { years }),
};
/** Closed on 24 and 31 December as well, as most German warehouses are. */
const closedOnEves = { wh_muc: calendarFromHolidays(new Holidays('DE', 'BY'), { years, types: ['public', 'bank'] }) };

const active = (sku = 'KL-1010', leadTimeDays: number | null = 10): ProductSupply => ({ sku, status: 'active', replacementSku: null, leadTimeDays });
const position = (warehouseId: string, onHand: number, reserved = 0, receipts: StockPosition['receipts'] = [], sku = 'KL-1010'): StockPosition => ({ warehouseId, sku, onHand, reserved, receipts });

function promise(over: Partial<DeliveryPromiseInput> & Pick<DeliveryPromiseInput, 'now'>) {
  return deliveryPromise({
    sku: 'KL-1010', quantity: 1, destination: 'DE', product: active(), stock: [position('wh_muc', 100)],
    warehouses: [munich], calendars, ...over,
  });
}

describe('deliveryPromise() — the cut-off', () => {
  it('ships today before 14:00 and the next business day from 14:00 exactly', () => {
    // Wednesday 2.12.2026, CET (UTC+1)
    assert.equal(promise({ now: '2026-12-02T12:59:59.999Z' }).earliestDelivery, '2026-12-03');
    assert.equal(promise({ now: '2026-12-02T13:00:00.000Z' }).earliestDelivery, '2026-12-04');
    assert.equal(shipDay(munich, calendars.wh_muc, '2026-12-02T12:59:59Z'), '2026-12-02');
    assert.equal(shipDay(munich, calendars.wh_muc, '2026-12-02T13:00:00Z'), '2026-12-03');
  });

  it('ships on Monday after the cut-off on a Friday and at the weekend', () => {
    assert.equal(shipDay(munich, calendars.wh_muc, '2026-12-04T13:30:00Z'), '2026-12-07');
    assert.equal(shipDay(munich, calendars.wh_muc, '2026-12-05T08:00:00Z'), '2026-12-07');
    assert.equal(promise({ now: '2026-12-04T13:30:00Z' }).earliestDelivery, '2026-12-08');
  });

  it('reads the local time across the spring DST switch (29.3.2026)', () => {
    // Friday 27.3., still CET (UTC+1): 14:00 local is 13:00Z.
    assert.equal(shipDay(munich, calendars.wh_muc, '2026-03-27T12:59:00Z'), '2026-03-27');
    assert.equal(shipDay(munich, calendars.wh_muc, '2026-03-27T13:00:00Z'), '2026-03-30');
    // Monday 30.3., CEST (UTC+2): 14:00 local is 12:00Z — a fixed +1 offset would still ship today.
    assert.equal(shipDay(munich, calendars.wh_muc, '2026-03-30T11:59:00Z'), '2026-03-30');
    assert.equal(shipDay(munich, calendars.wh_muc, '2026-03-30T12:00:00Z'), '2026-03-31');
    // Sunday 22:30Z is already Monday 00:30 in Munich: ships Monday, not "next business day after Monday".
    assert.equal(shipDay(munich, calendars.wh_muc, '2026-03-29T22:30:00Z'), '2026-03-30');
  });

  it('reads the local time across the autumn DST switch (25.10.2026)', () => {
    // Friday 23.10., CEST: 14:00 local is 12:00Z.
    assert.equal(shipDay(munich, calendars.wh_muc, '2026-10-23T11:59:00Z'), '2026-10-23');
    assert.equal(shipDay(munich, calendars.wh_muc, '2026-10-23T12:00:00Z'), '2026-10-26');
    // Monday 26.10., CET: 14:00 local is 13:00Z.
    assert.equal(shipDay(munich, calendars.wh_muc, '2026-10-26T12:30:00Z'), '2026-10-26');
    assert.equal(shipDay(munich, calendars.wh_muc, '2026-10-26T13:00:00Z'), '2026-10-27');
  });

  it('uses the warehouse’s own time zone (New York on its DST day, 8.3.2026)', () => {
    const newYork: Warehouse = { ...munich, id: 'wh_nyc', region: 'US-NY', country: 'US', timeZone: 'America/New_York', cutoff: '16:00' };
    const weekdays = createBusinessCalendar();
    // Monday 9.3. 03:30Z is Sunday 8.3. 23:30 EDT: ships Monday.
    assert.equal(shipDay(newYork, weekdays, '2026-03-09T03:30:00Z'), '2026-03-09');
    // Monday 9.3. 19:59Z is 15:59 EDT (UTC−4): today; 20:00Z is 16:00: tomorrow.
    assert.equal(shipDay(newYork, weekdays, '2026-03-09T19:59:00Z'), '2026-03-09');
    assert.equal(shipDay(newYork, weekdays, '2026-03-09T20:00:00Z'), '2026-03-10');
  });
});

describe('deliveryPromise() — holidays', () => {
  it('delivers across Christmas on the public-holiday calendar (24.12. is a business day)', () => {
    // Wednesday 23.12.2026, 13:59 CET: ships 23.12., arrives Thursday 24.12.
    assert.equal(promise({ now: '2026-12-23T12:59:00Z' }).earliestDelivery, '2026-12-24');
    // 14:00: ships 24.12.; 25./26. are holidays, 27. a Sunday → Monday 28.12.
    assert.equal(promise({ now: '2026-12-23T13:00:00Z' }).earliestDelivery, '2026-12-28');
  });

  it('delivers across Christmas and New Year for a warehouse closed on 24 and 31 December', () => {
    const closed = { calendars: closedOnEves };
    assert.equal(promise({ ...closed, now: '2026-12-23T12:59:00Z' }).earliestDelivery, '2026-12-28');
    assert.equal(promise({ ...closed, now: '2026-12-23T13:00:00Z' }).earliestDelivery, '2026-12-29');
    // Wednesday 30.12. after the cut-off: 31.12. closed, 1.1. holiday, weekend → ships Monday 4.1.2027.
    assert.equal(planDelivery({ ...closed, now: '2026-12-30T13:30:00Z', sku: 'KL-1010', quantity: 1, destination: 'DE', product: active(), stock: [position('wh_muc', 5)], warehouses: [munich] }).parts[0]?.shipDay, '2027-01-04');
    assert.equal(promise({ ...closed, now: '2026-12-30T13:30:00Z' }).earliestDelivery, '2027-01-05');
    // To Austria (2 days): 5.1., then Epiphany (6.1., Bavaria) is skipped → 7.1.
    assert.equal(promise({ ...closed, now: '2026-12-30T13:30:00Z', destination: 'AT' }).earliestDelivery, '2027-01-07');
  });

  it('skips Bavarian holidays in Munich but not in Berlin', () => {
    // Wednesday 3.6.2026 12:00 CEST; Corpus Christi (Thu 4.6.) is a holiday in Bavaria only.
    const now = '2026-06-03T10:00:00Z';
    assert.equal(promise({ now }).earliestDelivery, '2026-06-05');
    assert.equal(promise({ now, warehouses: [berlin], stock: [position('wh_ber', 5)] }).earliestDelivery, '2026-06-04');
    // Tuesday 5.1.2027 after the cut-off: Munich ships after Epiphany (Thu 7.1.), Berlin on 6.1.
    assert.equal(shipDay(munich, calendars.wh_muc, '2027-01-05T14:00:00Z'), '2027-01-07');
    assert.equal(shipDay(berlin, calendars.wh_ber, '2027-01-05T14:00:00Z'), '2027-01-06');
    // All Saints' Day 2027 is a Monday: an order on Friday 29.10. after the cut-off ships Tuesday 2.11.
    assert.equal(promise({ now: '2027-10-29T13:00:00Z' }).earliestDelivery, '2027-11-03');
  });

  it('moves a delivery off a holiday of the destination when given its calendar', () => {
    // Friday 4.12.2026: ships 4.12., 2 days to Austria → Tuesday 8.12., Mariä Empfängnis in Austria.
    const now = '2026-12-04T09:00:00Z';
    assert.equal(promise({ now, destination: 'AT' }).earliestDelivery, '2026-12-08');
    const destinationCalendars = { AT: calendarFromHolidays(new Holidays('AT'), { years }) };
    assert.equal(promise({ now, destination: 'AT', destinationCalendars }).earliestDelivery, '2026-12-09');
  });
});

describe('deliveryPromise() — sources and status', () => {
  // Wednesday 25.11.2026, 10:00 CET.
  const now = '2026-11-25T09:00:00Z';

  it('answers in stock when the quantity is there now', () => {
    const item = promise({ now, quantity: 3, stock: [position('wh_muc', 3)] });
    assert.deepEqual(item, {
      sku: 'KL-1010', quantity: 3, status: 'in_stock', availableNow: 3, earliestDelivery: '2026-11-26',
      split: [{ quantity: 3, delivery: '2026-11-26' }], shortfall: 0,
    });
  });

  it('splits into what is there now and what arrives with a receipt ("3 now, 7 from 4.12.")', () => {
    const item = promise({ now, quantity: 10, stock: [position('wh_muc', 3, 0, [{ date: '2026-12-03', quantity: 20 }])] });
    assert.equal(item.status, 'partial');
    assert.equal(item.availableNow, 3);
    assert.equal(item.earliestDelivery, '2026-12-04');
    assert.deepEqual(item.split, [{ quantity: 3, delivery: '2026-11-26' }, { quantity: 7, delivery: '2026-12-04' }]);
  });

  it('ships a receipt due on a weekend or holiday on the next business day', () => {
    // Receipt on Saturday 5.12. → ships Monday 7.12. → arrives 8.12.
    const item = promise({ now, quantity: 2, stock: [position('wh_muc', 0, 0, [{ date: '2026-12-05', quantity: 5 }])] });
    assert.equal(item.status, 'on_order');
    assert.deepEqual(item.split, [{ quantity: 2, delivery: '2026-12-08' }]);
  });

  it('ships a receipt dated in the past like stock (it arrived but is not yet booked)', () => {
    const item = promise({ now, quantity: 2, stock: [position('wh_muc', 0, 0, [{ date: '2026-11-01', quantity: 5 }])] });
    assert.deepEqual(item.split, [{ quantity: 2, delivery: '2026-11-26' }]);
    assert.equal(item.availableNow, 0);
  });

  it('honours reservations, and fills reservations beyond stock from the next receipts first', () => {
    assert.equal(promise({ now, quantity: 5, stock: [position('wh_muc', 5, 2)] }).availableNow, 3);
    // 5 on hand, 9 reserved: the 4 back-ordered units take the 3 arriving on 1.12. and 1 of the 8 on 10.12.
    const item = promise({ now, quantity: 9, stock: [position('wh_muc', 5, 9, [{ date: '2026-12-10', quantity: 8 }, { date: '2026-12-01', quantity: 3 }])], product: active('KL-1010', null) });
    assert.equal(item.availableNow, 0);
    assert.deepEqual(item.split, [{ quantity: 7, delivery: '2026-12-11' }]);
    assert.equal(item.shortfall, 2);
    assert.equal(item.earliestDelivery, null);
  });

  it('procures what is missing: the ship day plus the lead time', () => {
    // 25.11. + 10 business days = 9.12. → arrives 10.12.
    const item = promise({ now, quantity: 4, stock: [], product: active('KL-1010', 10) });
    assert.equal(item.status, 'on_order');
    assert.deepEqual(item.split, [{ quantity: 4, delivery: '2026-12-10' }]);
  });

  it('takes procurement over a receipt that comes later', () => {
    const item = promise({ now, quantity: 4, stock: [position('wh_muc', 1, 0, [{ date: '2027-02-01', quantity: 50 }])], product: active('KL-1010', 5) });
    assert.deepEqual(item.split, [{ quantity: 1, delivery: '2026-11-26' }, { quantity: 3, delivery: '2026-12-03' }]);
  });

  it('takes each unit from the warehouse that delivers it first (Berlin on Corpus Christi)', () => {
    const plan = planDelivery({
      now: '2026-06-03T10:00:00Z', sku: 'KL-1010', quantity: 8, destination: 'DE', product: active(), warehouses: [munich, berlin], calendars,
      stock: [position('wh_muc', 5), position('wh_ber', 5)],
    });
    assert.equal(plan.availableNow, 10);
    assert.deepEqual(plan.parts.map((p) => [p.warehouseId, p.quantity, p.delivery]), [['wh_ber', 5, '2026-06-04'], ['wh_muc', 3, '2026-06-05']]);
  });

  it('ignores stock in warehouses that do not serve the destination', () => {
    const item = promise({ now, destination: 'AT', quantity: 2, warehouses: [munich, berlin], stock: [position('wh_ber', 50), position('wh_muc', 1)] });
    assert.equal(item.availableNow, 1);
    assert.equal(item.status, 'partial');
  });

  it('promises a discontinued product only from stock and receipts, and names its replacement', () => {
    const product: ProductSupply = { sku: 'KL-1010', status: 'discontinued', replacementSku: 'KL-2020', leadTimeDays: 5 };
    const short = promise({ now, product, quantity: 10, stock: [position('wh_muc', 4)] });
    assert.deepEqual(short, {
      sku: 'KL-1010', quantity: 10, status: 'discontinued', availableNow: 4, earliestDelivery: null,
      split: [{ quantity: 4, delivery: '2026-11-26' }], shortfall: 6, replacementSku: 'KL-2020',
    });
    const enough = promise({ now, product, quantity: 3, stock: [position('wh_muc', 4)] });
    assert.equal(enough.earliestDelivery, '2026-11-26');
    assert.equal(enough.status, 'discontinued');
  });

  it('promises nothing beyond stock for a product that cannot be procured', () => {
    const item = promise({ now, quantity: 2, stock: [], product: active('KL-1010', null) });
    assert.deepEqual([item.status, item.split, item.shortfall, item.earliestDelivery], ['on_order', [], 2, null]);
  });

  it('refuses a destination no warehouse serves, naming the served ones', () => {
    assert.throws(
      () => promise({ now, destination: 'FR', warehouses: [munich, berlin] }),
      (e: unknown) => isKontorError(e) && e.code === 'validation' && e.issues?.[0]?.code === 'unsupported_destination' &&
        e.issues[0].message === 'We do not deliver to FR; we deliver to AT, DE, PL.' && e.issues[0].suggestions?.join() === 'AT,DE,PL',
    );
  });

  it('refuses a quantity that is not a whole number ≥ 1', () => {
    for (const quantity of [0, -1, 1.5]) assert.throws(() => promise({ now, quantity }), RangeError);
  });
});

describe('answerAvailability()', () => {
  const now = new Date('2026-11-25T09:00:00Z');
  const products = new Map([['KL-1010', active()], ['KL-2020', active('KL-2020')]]);
  const stock = new Map([['KL-1010', [position('wh_muc', 3)]]]);

  it('answers every item in order, an unknown SKU as a per-item error', () => {
    const response = answerAvailability(
      { destination: 'DE', items: [{ sku: 'KL-1010', quantity: 2 }, { sku: 'KL-1011', quantity: 1 }, { sku: 'KL-2020', quantity: 5 }] },
      { now, warehouses: [munich], calendars, products, stock, lang: 'de', suggest: () => ['KL-1010'] },
    );
    assert.equal(response.asOf, '2026-11-25T09:00:00.000Z');
    assert.deepEqual(response.items.map((i) => (isAvailabilityError(i) ? i.error.code : i.status)), ['in_stock', 'unknown_sku', 'on_order']);
    const error = response.items[1]!;
    assert.ok(isAvailabilityError(error));
    assert.deepEqual(error.error, {
      path: ['items', 1, 'sku'], code: 'unknown_sku', message: 'Es gibt keinen Artikel mit der Nummer KL-1011.', params: { sku: 'KL-1011' }, suggestions: ['KL-1010'],
    });
    assert.equal(safeParse(AvailabilityResponseSchema, response).success, true);
  });

  it('gives each item the same answer as deliveryPromise()', () => {
    const response = answerAvailability({ destination: 'DE', items: [{ sku: 'KL-1010', quantity: 7 }] }, { now, warehouses: [munich], calendars, products, stock });
    assert.deepEqual(response.items[0], deliveryPromise({ now, sku: 'KL-1010', quantity: 7, destination: 'DE', product: active(), stock: stock.get('KL-1010')!, warehouses: [munich], calendars }));
  });

  it('refuses the batch for an unsupported destination, in the caller’s language', () => {
    assert.throws(
      () => answerAvailability({ destination: 'CH', items: [{ sku: 'KL-1010', quantity: 1 }] }, { now, warehouses: [munich], calendars, products, stock, lang: 'de' }),
      (e: unknown) => isKontorError(e) && e.issues?.[0]?.message === 'Wir liefern nicht nach CH; Lieferländer: AT, DE.',
    );
  });
});

describe('deliveryCalendar()', () => {
  it("is the destination's calendar when there is one", () => {
    const destinationCalendars = { AT: calendarFromHolidays(new Holidays('AT'), { years }) };
    assert.equal(deliveryCalendar({ warehouses: [munich], calendars, destinationCalendars }, 'AT'), destinationCalendars.AT);
  });

  it('else the days every warehouse serving the destination works', () => {
    const both = deliveryCalendar({ warehouses: [munich, berlin], calendars }, 'DE');
    // Heilige Drei Könige is a holiday in Bavaria only; Frauentag (8.3.) in Berlin only.
    assert.equal(isBusinessDay(both, '2027-01-06'), false);
    assert.equal(isBusinessDay(both, '2027-03-08'), false);
    assert.equal(isBusinessDay(both, '2027-01-07'), true);
    assert.equal(deliveryCalendar({ warehouses: [munich, berlin], calendars }, 'AT'), calendars.wh_muc);
  });
});

describe('availability schemas', () => {
  it('refuse a quantity of 0, negative or fractional, and a lower-case country', () => {
    for (const quantity of [0, -3, 1.5]) {
      assert.equal(safeParse(AvailabilityRequestSchema, { destination: 'DE', items: [{ sku: 'A-1', quantity }] }).success, false, String(quantity));
    }
    assert.equal(safeParse(AvailabilityRequestSchema, { destination: 'de', items: [{ sku: 'A-1', quantity: 1 }] }).success, false);
    assert.equal(safeParse(AvailabilityRequestSchema, { destination: 'DE', items: [] }).success, false);
    assert.equal(safeParse(AvailabilityRequestSchema, { destination: 'DE', items: [{ sku: 'A-1', quantity: 1 }] }).success, true);
  });

  it('refuse a warehouse with an unknown time zone or a cut-off that is no time', () => {
    assert.equal(safeParse(WarehouseSchema, munich).success, true);
    assert.equal(safeParse(WarehouseSchema, { ...munich, timeZone: 'Europe/Munich' }).success, false);
    assert.equal(safeParse(WarehouseSchema, { ...munich, cutoff: '24:00' }).success, false);
    assert.equal(safeParse(WarehouseSchema, { ...munich, transitDays: { de: 1 } }).success, false);
  });

  it('refuse a stock position with a negative on-hand or a receipt on no real day', () => {
    assert.equal(safeParse(StockPositionSchema, position('wh_muc', 5, 1, [{ date: '2026-12-03', quantity: 7 }])).success, true);
    assert.equal(safeParse(StockPositionSchema, position('wh_muc', -1)).success, false);
    assert.equal(safeParse(StockPositionSchema, position('wh_muc', 5, 0, [{ date: '2026-02-30', quantity: 7 }])).success, false);
  });
});

// ── properties ───────────────────────────────────────────────────────────────────────────────

const MS_PER_DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
const dayArb = fc.integer({ min: 0, max: 540 }).map((n) => new Date(START + n * MS_PER_DAY).toISOString().slice(0, 10));
const calendarArb = fc
  .record({ holidays: fc.uniqueArray(dayArb, { maxLength: 40 }), weekend: fc.constantFrom<Weekday[]>([6, 0], [5, 6], [0]) })
  .map(({ holidays, weekend }) => createBusinessCalendar({ holidays, weekend }));
const zones = ['Europe/Berlin', 'Europe/Vienna', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'UTC'];
const warehouseArb = (id: string) =>
  fc.record({
    timeZone: fc.constantFrom(...zones),
    cutoff: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 30, 59)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    transit: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    calendar: calendarArb,
  }).map(({ timeZone, cutoff, transit, calendar }) => ({
    warehouse: { id, name: id, country: 'DE', region: 'DE-BY', timeZone, cutoff, transitDays: transit === undefined ? { AT: 3 } : { DE: transit } } as Warehouse,
    calendar,
  }));
const positionArb = (warehouseId: string) =>
  fc.record({
    warehouseId: fc.constant(warehouseId), sku: fc.constant('P-1'), onHand: fc.nat(40), reserved: fc.nat(40),
    receipts: fc.array(fc.record({ date: dayArb, quantity: fc.integer({ min: 1, max: 30 }) }), { maxLength: 3 }),
  });
const worldArb = fc
  .tuple(warehouseArb('wh_a'), warehouseArb('wh_b'), warehouseArb('wh_c'), fc.integer({ min: 1, max: 3 }))
  .filter(([a, b, c, n]) => [a, b, c].slice(0, n).some((w) => 'DE' in w.warehouse.transitDays))
  .chain(([a, b, c, n]) => {
    const ws = [a, b, c].slice(0, n);
    return fc.record({
      warehouses: fc.constant(ws.map((w) => w.warehouse)),
      calendars: fc.constant(Object.fromEntries(ws.map((w) => [w.warehouse.id, w.calendar])) as Record<string, BusinessCalendar>),
      stock: fc.array(fc.constantFrom(...ws.map((w) => w.warehouse.id)).chain(positionArb), { maxLength: 4 }),
      product: fc.record({
        sku: fc.constant('P-1'), status: fc.constantFrom<ProductSupply['status']>('active', 'active', 'discontinued'),
        replacementSku: fc.constant(null), leadTimeDays: fc.option(fc.nat(30), { nil: null }),
      }),
      now: fc.integer({ min: START, max: START + 500 * MS_PER_DAY }).map((ms) => new Date(ms)),
      quantity: fc.integer({ min: 1, max: 150 }),
    });
  })
  .map((w) => ({ ...w, sku: 'P-1', destination: 'DE' }) satisfies DeliveryPromiseInput);

/** The first day a warehouse may ship, computed apart from the code under test (sv-SE prints local ISO). */
function firstShipDay(w: Warehouse, cal: BusinessCalendar, now: Date): string {
  const local = now.toLocaleString('sv-SE', { timeZone: w.timeZone }); // "2026-03-29 23:30:00"
  let day = local.slice(0, 10);
  if (!isBusinessDay(cal, day) || local.slice(11, 16) >= w.cutoff) {
    day = addDays(day, 1);
    while (!isBusinessDay(cal, day)) day = addDays(day, 1);
  }
  return day;
}

describe('deliveryPromise() properties', () => {
  it('never delivers on a non-business day of the shipping warehouse', () => {
    fc.assert(
      fc.property(worldArb, (input) => {
        for (const part of planDelivery(input).parts) {
          const cal = input.calendars[part.warehouseId]!;
          assert.ok(isBusinessDay(cal, part.delivery), `${part.delivery} from ${part.warehouseId}`);
          assert.ok(isBusinessDay(cal, part.shipDay), `ships ${part.shipDay}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never ships or delivers earlier than the cut-off allows', () => {
    fc.assert(
      fc.property(worldArb, (input) => {
        for (const part of planDelivery(input).parts) {
          const w = input.warehouses.find((x) => x.id === part.warehouseId)!;
          const cal = input.calendars[w.id]!;
          const first = firstShipDay(w, cal, input.now as Date);
          assert.ok(part.shipDay >= first, `ships ${part.shipDay}, first possible ${first}`);
          assert.ok(part.delivery >= addBusinessDays(cal, first, w.transitDays.DE!));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is monotone in quantity: more never arrives earlier', () => {
    fc.assert(
      fc.property(worldArb, fc.integer({ min: 1, max: 100 }), (input, more) => {
        const a = deliveryPromise(input);
        const b = deliveryPromise({ ...input, quantity: input.quantity + more });
        assert.equal(a.availableNow, b.availableNow);
        if (a.earliestDelivery === null) assert.equal(b.earliestDelivery, null);
        else if (b.earliestDelivery !== null) assert.ok(a.earliestDelivery <= b.earliestDelivery);
        assert.ok(b.shortfall >= a.shortfall);
      }),
      { numRuns: 300 },
    );
  });

  it('splits the quantity by ascending delivery days, short only when nothing more can come', () => {
    fc.assert(
      fc.property(worldArb, (input) => {
        const item = deliveryPromise(input);
        const sum = item.split.reduce((s, p) => s + p.quantity, 0);
        assert.equal(sum + item.shortfall, input.quantity);
        for (let i = 1; i < item.split.length; i++) assert.ok(item.split[i - 1]!.delivery < item.split[i]!.delivery);
        assert.ok(item.split.every((p) => p.quantity >= 1));
        if (item.shortfall > 0) assert.ok(input.product.status === 'discontinued' || input.product.leadTimeDays === null);
        assert.equal(item.earliestDelivery, item.shortfall ? null : item.split.at(-1)!.delivery);
      }),
      { numRuns: 300 },
    );
  });

  it('chooses the status from the product and the stock available now', () => {
    fc.assert(
      fc.property(worldArb, (input) => {
        const item = deliveryPromise(input);
        const expected = input.product.status === 'discontinued' ? 'discontinued'
          : item.availableNow >= input.quantity ? 'in_stock' : item.availableNow > 0 ? 'partial' : 'on_order';
        assert.equal(item.status, expected);
        const available = input.stock
          .filter((p) => input.warehouses.find((w) => w.id === p.warehouseId)?.transitDays.DE !== undefined)
          .reduce((s, p) => s + Math.max(0, p.onHand - p.reserved), 0);
        assert.equal(item.availableNow, available);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same answer again, whatever the order of warehouses, positions and receipts', () => {
    fc.assert(
      fc.property(worldArb, (input) => {
        const first = deliveryPromise(input);
        assert.deepEqual(deliveryPromise(input), first);
        const shuffled = {
          ...input,
          warehouses: [...input.warehouses].reverse(),
          stock: [...input.stock].reverse().map((p) => ({ ...p, receipts: [...p.receipts].reverse() })),
        };
        assert.deepEqual(deliveryPromise(shuffled), first);
      }),
      { numRuns: 300 },
    );
  });
});
