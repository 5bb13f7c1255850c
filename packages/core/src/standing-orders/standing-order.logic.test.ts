import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Holidays from 'date-holidays';
import { calendarFromHolidays } from '../availability/holidays.js';
import { isKontorError, type KontorError } from '../errors/kontor-error.js';
import { formatPurchaseOrderNumber, purchaseOrderPatternIssues } from './po-number.logic.js';
import {
  afterRun,
  applyAction,
  createStandingOrder,
  dueRuns,
  effectiveStatus,
  endIfOver,
  nextRun,
  orderNow,
  planShortage,
  runContent,
  runIssue,
  runKey,
  runPurchaseOrderNumber,
  updateStandingOrder,
  type NewStandingOrder,
} from './standing-order.logic.js';
import * as z from 'zod/mini';
import { scheduleOf } from './schedule.rrule.js';
import { parseStandingOrderRequest } from './standing-order.parse.js';
import {
  CreateStandingOrderRequestSchema,
  SchedulePreviewRequestSchema,
  SchedulePreviewSchema,
  StandingOrderActionRequestSchema,
  StandingOrderRunPageSchema,
  StandingOrderSchema,
  UpdateStandingOrderRequestSchema,
  type StandingOrder,
} from './standing-order.schema.js';

const calendar = calendarFromHolidays(new Holidays('DE', 'BY'), { years: [2026, 2027] });
const rrule = (rule: string, start: string) => `DTSTART;VALUE=DATE:${start.replaceAll('-', '')}\nRRULE:${rule}`;
/** 06:00 in Berlin in winter / summer. */
const winter = (day: string, time = '06:00') => new Date(`${day}T${time}:00+01:00`).toISOString();
const summer = (day: string, time = '06:00') => new Date(`${day}T${time}:00+02:00`).toISOString();

function draft(changes: Partial<NewStandingOrder> = {}): NewStandingOrder {
  return {
    id: 'sto_1',
    name: 'Leuchtmittel monatlich',
    lines: [{ sku: 'LED-1', quantity: 10 }, { sku: 'LED-2', quantity: 5 }],
    deliveryAddress: { addressId: 'adr_1', address: { name: 'Elektro Müller', street: 'Hauptstr. 1', postcode: '80331', city: 'München', country: 'DE' } },
    payment: { method: 'invoice', accountHolder: null, ibanMasked: null },
    purchaseOrderPattern: 'DA-{yyyy}-{n}',
    schedule: { rrule: rrule('FREQ=WEEKLY;BYDAY=MO', '2026-01-05'), roll: 'next', time: '06:00', timeZone: 'Europe/Berlin' },
    warehouseId: 'wh_muc',
    priceMode: { kind: 'current' },
    shortage: 'backorder',
    catchUp: 'skip',
    via: { channel: 'web', partnerId: null },
    ...changes,
  };
}

const create = (changes: Partial<NewStandingOrder> = {}, now = winter('2026-01-01', '12:00')) => createStandingOrder(draft(changes), { now, calendar });

function refusal(fn: () => unknown): KontorError {
  try {
    fn();
  } catch (e) {
    if (isKontorError(e)) return e;
    throw e;
  }
  assert.fail('expected a KontorError');
}

describe('createStandingOrder()', () => {
  it('starts active at version 0 with its next run', () => {
    const order = create();
    assert.equal(order.status, 'active');
    assert.equal(order.version, 0);
    assert.equal(order.runsFrom, winter('2026-01-01', '12:00'));
    assert.deepEqual([order.nextRun?.day, order.nextRun?.at], ['2026-01-05', winter('2026-01-05')]);
  });

  it('answers in the API’s shape, and the requests parse', () => {
    const order = create();
    assert.deepEqual(parseStandingOrderRequest(StandingOrderSchema, order, 'The standing order'), order);
    const request = parseStandingOrderRequest(CreateStandingOrderRequestSchema, {
      lines: [{ sku: 'LED-1', quantity: 10 }],
      deliveryAddress: { addressId: 'adr_1' },
      payment: { method: 'invoice' },
      schedule: { form: { every: 'month', interval: 2, on: { kind: 'day', day: 1 }, start: '2026-01-01', end: { kind: 'none' } }, time: '06:00' },
    }, 'The standing order');
    assert.deepEqual(scheduleOf(request.schedule), { rrule: 'DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1', roll: 'next', time: '06:00', timeZone: 'Europe/Berlin' });
    // The OpenAPI document is generated from these, as api/openapi.ts does.
    for (const schema of [CreateStandingOrderRequestSchema, UpdateStandingOrderRequestSchema, StandingOrderActionRequestSchema, SchedulePreviewRequestSchema]) {
      assert.equal(typeof z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }), 'object');
    }
    for (const schema of [StandingOrderSchema, StandingOrderRunPageSchema, SchedulePreviewSchema]) {
      assert.equal(typeof z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }), 'object');
    }
  });

  it('refuses fixed prices past their end date, and fixed prices missing a line', () => {
    const expired = refusal(() => create({ priceMode: { kind: 'fixed', validUntil: '2025-12-31', offerId: 'ofr_1', prices: [{ sku: 'LED-1', unitPrice: { amount: 100, currency: 'EUR' } }, { sku: 'LED-2', unitPrice: { amount: 200, currency: 'EUR' } }] } }));
    assert.equal(expired.code, 'validation');
    assert.deepEqual(expired.issues.map((i) => [i.path, i.code]), [[['priceMode', 'validUntil'], 'fixed_price_expired']]);
    const missing = refusal(() => create({ priceMode: { kind: 'fixed', validUntil: '2026-12-31', offerId: null, prices: [{ sku: 'LED-1', unitPrice: { amount: 100, currency: 'EUR' } }] } }));
    assert.deepEqual(missing.issues.map((i) => [i.path, i.code, i.params?.skus]), [[['priceMode', 'prices'], 'fixed_price_missing', ['LED-2']]]);
  });

  it('refuses a schedule that has no run left', () => {
    const e = refusal(() => create({ schedule: { ...draft().schedule, rrule: rrule('FREQ=WEEKLY;BYDAY=MO;COUNT=1', '2025-12-01') } }));
    assert.deepEqual(e.issues.map((i) => [i.path, i.code]), [[['schedule'], 'no_next_run']]);
  });
});

describe('the lifecycle', () => {
  const now = winter('2026-01-06', '09:00');

  it('pauses until a day: no runs before it, runs again from it without anyone resuming', () => {
    const paused = applyAction(create(), { version: 0, action: 'pause', until: '2026-01-19' }, { now, calendar });
    assert.deepEqual([paused.status, paused.pausedUntil, paused.version], ['paused', '2026-01-19', 1]);
    assert.equal(nextRun(paused, { now, calendar })?.day, '2026-01-19');
    assert.equal(effectiveStatus(paused, winter('2026-01-18', '23:00')), 'paused');
    assert.equal(effectiveStatus(paused, winter('2026-01-19', '00:00')), 'active');
    assert.deepEqual(dueRuns(paused, { now: winter('2026-01-12', '07:00'), calendar }).due, []);
    assert.deepEqual(dueRuns(paused, { now: winter('2026-01-19', '07:00'), calendar }).due.map((d) => d.key), ['2026-01-19']);
  });

  it('pauses until further notice; resuming runs from now on, what fell into the pause is not caught up', () => {
    const order = create({ catchUp: 'run' });
    const paused = applyAction(order, { version: 0, action: 'pause' }, { now, calendar });
    assert.equal(nextRun(paused, { now, calendar }), null);
    const later = winter('2026-01-21', '10:00');
    const resumed = applyAction(paused, { version: 1, action: 'resume' }, { now: later, calendar });
    assert.deepEqual([resumed.status, resumed.runsFrom], ['active', later]);
    assert.deepEqual(dueRuns(resumed, { now: later, calendar }), { due: [], missed: [], skipped: [] });
    assert.equal(nextRun(resumed, { now: later, calendar })?.day, '2026-01-26');
  });

  it('refuses a pause that ends today or before, and resuming what is not paused', () => {
    const e = refusal(() => applyAction(create(), { version: 0, action: 'pause', until: '2026-01-06' }, { now, calendar }));
    assert.deepEqual(e.issues.map((i) => [i.path, i.code]), [[['until'], 'pause_until_past']]);
    const c = refusal(() => applyAction(create(), { version: 0, action: 'resume' }, { now, calendar }));
    assert.equal(c.code, 'conflict');
    assert.equal(c.details?.reason, 'not_paused');
  });

  it('refuses every change of a cancelled standing order as a conflict, and changes nothing', () => {
    const cancelled = applyAction(create(), { version: 0, action: 'cancel' }, { now, calendar });
    assert.equal(cancelled.status, 'cancelled');
    const snapshot = structuredClone(cancelled);
    for (const attempt of [
      () => updateStandingOrder(cancelled, { version: 1, scope: 'from_next_run', set: { lines: [{ sku: 'LED-1', quantity: 1 }] } }, { now, calendar }),
      () => applyAction(cancelled, { version: 1, action: 'resume' }, { now, calendar }),
      () => applyAction(cancelled, { version: 1, action: 'skip', occurrence: '2026-01-12' }, { now, calendar }),
      () => orderNow(cancelled, 1, { now, calendar }),
    ]) {
      const e = refusal(attempt);
      assert.equal(e.code, 'conflict');
      assert.equal(e.status, 409);
      assert.equal(e.details?.reason, 'cancelled');
      assert.deepEqual(e.details?.standingOrder, snapshot);
    }
    assert.deepEqual(cancelled, snapshot);
    assert.equal(nextRun(cancelled, { now, calendar }), null);
  });

  it('refuses a change made against an old version (409 with the current state)', () => {
    const order = applyAction(create(), { version: 0, action: 'skip', occurrence: '2026-01-12' }, { now, calendar });
    const e = refusal(() => updateStandingOrder(order, { version: 0, scope: 'from_next_run', set: { shortage: 'hold_run' } }, { now, calendar }));
    assert.equal(e.code, 'conflict');
    assert.equal(e.details?.reason, 'stale');
    assert.equal((e.details?.standingOrder as StandingOrder).version, 1);
  });
});

describe('skip, unskip and order now', () => {
  const now = winter('2026-01-06', '09:00');

  it('skips one occurrence and takes the skip back', () => {
    const skipped = applyAction(create(), { version: 0, action: 'skip', occurrence: '2026-01-12' }, { now, calendar });
    assert.deepEqual(skipped.skipped, ['2026-01-12']);
    assert.equal(nextRun(skipped, { now, calendar })?.day, '2026-01-19');
    const back = applyAction(skipped, { version: 1, action: 'unskip', occurrence: '2026-01-12' }, { now, calendar });
    assert.deepEqual(back.skipped, []);
    assert.equal(nextRun(back, { now, calendar })?.day, '2026-01-12');
  });

  it('refuses to skip a day without a run, one that is over, or one skipped already', () => {
    const order = create();
    const codes = (occurrence: string, o = order) => refusal(() => applyAction(o, { version: o.version, action: 'skip', occurrence }, { now, calendar })).issues.map((i) => [i.path, i.code]);
    assert.deepEqual(codes('2026-01-13'), [[['occurrence'], 'not_an_occurrence']]);
    assert.deepEqual(codes('2026-01-05'), [[['occurrence'], 'occurrence_past']]);
    const skipped = applyAction(order, { version: 0, action: 'skip', occurrence: '2026-01-12' }, { now, calendar });
    assert.deepEqual(codes('2026-01-12', skipped), [[['occurrence'], 'already_skipped']]);
    assert.deepEqual(refusal(() => applyAction(order, { version: 0, action: 'unskip', occurrence: '2026-01-12' }, { now, calendar })).issues[0]!.code, 'not_skipped');
  });

  it('"order now" uses up the next occurrence: recorded under its key, the scheduler never runs it', () => {
    const { standingOrder, occurrence } = orderNow(create(), 0, { now, calendar });
    assert.equal(occurrence.key, '2026-01-12');
    assert.equal(standingOrder.version, 1);
    const done = [occurrence.key];
    assert.equal(nextRun(standingOrder, { now, calendar, done })?.day, '2026-01-19');
    assert.deepEqual(dueRuns(standingOrder, { now: winter('2026-01-12', '07:00'), calendar, done }).due, []);
    assert.equal(runKey(standingOrder.id, occurrence.key), 'sto_1/2026-01-12');
  });

  it('refuses "order now" while paused', () => {
    const paused = applyAction(create(), { version: 0, action: 'pause' }, { now, calendar });
    assert.equal(refusal(() => orderNow(paused, 1, { now, calendar })).details?.reason, 'paused');
  });
});

describe('updateStandingOrder()', () => {
  const now = winter('2026-01-06', '09:00');

  it('changes every run from the next on, or one run only', () => {
    const order = create();
    const fromNext = updateStandingOrder(order, { version: 0, scope: 'from_next_run', set: { lines: [{ sku: 'LED-3', quantity: 2 }] } }, { now, calendar });
    assert.deepEqual(runContent(fromNext, '2026-01-12').lines, [{ sku: 'LED-3', quantity: 2 }]);
    assert.deepEqual(runContent(fromNext, '2026-06-01').lines, [{ sku: 'LED-3', quantity: 2 }]);
    const oneRun = updateStandingOrder(order, { version: 0, scope: 'one_run', occurrence: '2026-01-19', set: { lines: [{ sku: 'LED-1', quantity: 99 }] } }, { now, calendar });
    assert.deepEqual(runContent(oneRun, '2026-01-19').lines, [{ sku: 'LED-1', quantity: 99 }]);
    assert.deepEqual(runContent(oneRun, '2026-01-26').lines, order.lines);
    assert.equal(oneRun.version, 1);
    // After its run the one-run change is gone.
    assert.deepEqual(afterRun(oneRun, { occurrence: '2026-01-19', placed: true }, now).overrides, []);
  });

  it('moves one run to another business day, and refuses a closed day or one too far away', () => {
    const order = create();
    const moved = updateStandingOrder(order, { version: 0, scope: 'one_run', occurrence: '2026-01-12', set: { day: '2026-01-14' } }, { now, calendar });
    assert.deepEqual([nextRun(moved, { now, calendar })?.day, nextRun(moved, { now, calendar })?.moved?.reason], ['2026-01-14', 'requested']);
    const closed = refusal(() => updateStandingOrder(order, { version: 0, scope: 'one_run', occurrence: '2026-01-12', set: { day: '2026-01-17' } }, { now, calendar }));
    assert.deepEqual(closed.issues.map((i) => [i.path, i.code, i.params?.next]), [[['set', 'day'], 'run_day_closed', '2026-01-19']]);
    const far = refusal(() => updateStandingOrder(order, { version: 0, scope: 'one_run', occurrence: '2026-01-12', set: { day: '2026-03-02' } }, { now, calendar }));
    assert.equal(far.issues[0]!.code, 'run_day_too_far');
  });

  it('runs a new schedule from now on: nothing of it before now is caught up', () => {
    const order = create({ catchUp: 'run' });
    const changed = updateStandingOrder(order, { version: 0, scope: 'from_next_run', set: { schedule: { ...order.schedule, rrule: rrule('FREQ=DAILY', '2026-01-01') } } }, { now, calendar });
    assert.equal(changed.runsFrom, now);
    assert.deepEqual(dueRuns(changed, { now: winter('2026-01-06', '10:00'), calendar }).due, []);
    assert.equal(nextRun(changed, { now, calendar })?.day, '2026-01-07');
  });

  it('refuses fixed prices that ended, with nothing changed', () => {
    const order = create();
    const e = refusal(() => updateStandingOrder(order, { version: 0, scope: 'from_next_run', set: { priceMode: { kind: 'fixed', validUntil: '2026-01-05', offerId: 'ofr_1', prices: order.lines.map((l) => ({ sku: l.sku, unitPrice: { amount: 500, currency: 'EUR' } })) } } }, { now, calendar }));
    assert.deepEqual(e.issues.map((i) => [i.path, i.code]), [[['set', 'priceMode', 'validUntil'], 'fixed_price_expired']]);
    assert.deepEqual(order.priceMode, { kind: 'current' });
    assert.equal(order.version, 0);
  });
});

describe('dueRuns() after downtime', () => {
  // Daily at 06:00; the scheduler was down from 2 February 2026 (Monday) 05:00 for 10 days.
  const down = winter('2026-02-02', '05:00');
  const back = winter('2026-02-12', '07:00');
  const daily = (catchUp: 'run' | 'skip') => create({ catchUp, schedule: { ...draft().schedule, rrule: rrule('FREQ=DAILY', '2026-01-05') } }, winter('2026-01-02'));

  it('runs the missed business days late under "run", today’s on time', () => {
    const { due, missed } = dueRuns(daily('run'), { now: back, calendar, since: down });
    assert.deepEqual(missed, []);
    // Weekend days fold into the Monday: 2–6 and 9–11 February are late, 12 February is on time.
    assert.deepEqual(due.map((d) => [d.occurrence.day, d.kind]), [
      ['2026-02-02', 'catch_up'], ['2026-02-03', 'catch_up'], ['2026-02-04', 'catch_up'], ['2026-02-05', 'catch_up'], ['2026-02-06', 'catch_up'],
      ['2026-02-09', 'catch_up'], ['2026-02-10', 'catch_up'], ['2026-02-11', 'catch_up'], ['2026-02-12', 'scheduled'],
    ]);
  });

  it('records the missed business days as missed under "skip", and runs today’s', () => {
    const { due, missed } = dueRuns(daily('skip'), { now: back, calendar, since: down });
    assert.deepEqual(missed.map((o) => o.day), ['2026-02-02', '2026-02-03', '2026-02-04', '2026-02-05', '2026-02-06', '2026-02-09', '2026-02-10', '2026-02-11']);
    assert.deepEqual(due.map((d) => [d.key, d.kind]), [['2026-02-12', 'scheduled']]);
  });

  it('leaves out what has a run, lists skipped ones to record, and is empty when nothing is due', () => {
    const order = applyAction(daily('run'), { version: 0, action: 'skip', occurrence: '2026-02-10' }, { now: down, calendar });
    const result = dueRuns(order, { now: back, calendar, since: down, done: ['2026-02-02', '2026-02-03'] });
    assert.deepEqual(result.due.map((d) => d.key), ['2026-02-04', '2026-02-05', '2026-02-06', '2026-02-09', '2026-02-11', '2026-02-12']);
    assert.deepEqual(result.skipped.map((o) => o.key), ['2026-02-10']);
    assert.deepEqual(dueRuns(order, { now: winter('2026-02-12', '05:59'), calendar, since: down, done: result.due.map((d) => d.key).concat('2026-02-02', '2026-02-03', '2026-02-10') }).due, []);
  });

  it('marks a run past the end of its fixed prices: it fails with fixed_price_expired', () => {
    const prices = draft().lines.map((l) => ({ sku: l.sku, unitPrice: { amount: 990, currency: 'EUR' } }));
    const order = create({ priceMode: { kind: 'fixed', validUntil: '2026-01-31', offerId: 'ofr_9', prices } });
    const [run] = dueRuns(order, { now: winter('2026-02-02', '08:00'), calendar, since: winter('2026-02-01') }).due;
    assert.equal(run!.issue?.code, 'fixed_price_expired');
    assert.equal(runIssue(order, { day: '2026-01-26' }), null);
  });
});

describe('endIfOver()', () => {
  it('ends a standing order whose COUNT is used up', () => {
    const order = create({ schedule: { ...draft().schedule, rrule: rrule('FREQ=WEEKLY;BYDAY=MO;COUNT=2', '2026-01-05') } });
    const ctx = { now: winter('2026-01-12', '08:00'), calendar };
    assert.equal(endIfOver(order, ctx).status, 'active');
    assert.equal(endIfOver(order, { ...ctx, done: ['2026-01-05', '2026-01-12'] }).status, 'ended');
    assert.equal(refusal(() => applyAction(endIfOver(order, { ...ctx, done: ['2026-01-05', '2026-01-12'] }), { version: 0, action: 'cancel' }, ctx)).details?.reason, 'ended');
  });
});

describe('purchase-order numbers', () => {
  it('fill {yyyy} {yy} {mm} {dd} from the run day and {n} from the run counter', () => {
    assert.equal(formatPurchaseOrderNumber('DA-{yyyy}-{n}', { day: '2026-03-02', n: 7 }), 'DA-2026-7');
    assert.equal(formatPurchaseOrderNumber('{yy}{mm}{dd}/{n:3}', { day: '2026-03-02', n: 7 }), '260302/007');
    assert.equal(runPurchaseOrderNumber(create(), summer('2026-06-01').slice(0, 10), 12), 'DA-2026-12');
    assert.equal(runPurchaseOrderNumber(create({ purchaseOrderPattern: null }), '2026-06-01', 12), null);
  });

  it('refuse unknown placeholders and numbers longer than 35 characters', () => {
    assert.deepEqual(purchaseOrderPatternIssues('DA-{year}-{n}').map((i) => [i.code, i.params?.token]), [['po_pattern_token', '{year}']]);
    assert.deepEqual(purchaseOrderPatternIssues('DA-{n').map((i) => i.code), ['po_pattern_token']);
    assert.deepEqual(purchaseOrderPatternIssues(`${'X'.repeat(31)}-{yyyy}`).map((i) => [i.code, i.params?.example]), [['po_pattern_too_long', `${'X'.repeat(31)}-2026`]]);
    assert.deepEqual(purchaseOrderPatternIssues(`${'X'.repeat(30)}-{yyyy}`), []);
    assert.throws(() => formatPurchaseOrderNumber('{q}', { day: '2026-01-01', n: 1 }), (e: unknown) => isKontorError(e) && e.issues[0]!.code === 'po_pattern_token');
  });
});

describe('planShortage()', () => {
  const lines = [{ sku: 'A', quantity: 10, available: 4 }, { sku: 'B', quantity: 5, available: 5 }];

  it('ships what is there and back-orders the rest', () => {
    const plan = planShortage(lines, 'backorder');
    assert.deepEqual([plan.action, plan.lines], ['place', [{ sku: 'A', quantity: 10, backordered: 6 }, { sku: 'B', quantity: 5, backordered: 0 }]]);
    assert.deepEqual(plan.notices.map((n) => [n.path, n.code]), [[['lines', 0], 'line_backordered']]);
  });

  it('leaves a short line out with a notice, and holds a run with nothing left', () => {
    const plan = planShortage(lines, 'omit_line', 'de');
    assert.deepEqual([plan.action, plan.lines.map((l) => l.sku)], ['place', ['B']]);
    assert.equal(plan.notices[0]!.message, 'A entfällt bei dieser Ausführung: 4 von 10 verfügbar.');
    assert.equal(planShortage([lines[0]!], 'omit_line').action, 'hold');
  });

  it('holds the whole run when a line is short', () => {
    const plan = planShortage(lines, 'hold_run');
    assert.deepEqual([plan.action, plan.lines, plan.notices.map((n) => n.code)], ['hold', [], ['run_held']]);
    assert.equal(planShortage([lines[1]!], 'hold_run').action, 'place');
  });
});
