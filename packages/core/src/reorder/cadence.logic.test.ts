import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeCadence, dueFirst, purchaseCadence, spanOf } from './cadence.logic.js';

const at = (day: string) => `${day}T09:30:00.000Z`;
const every6Weeks = [at('2026-01-05'), at('2026-02-16'), at('2026-03-30')];

describe('purchaseCadence()', () => {
  it('is not predictable with fewer than three orders, whatever their regularity', () => {
    const c = purchaseCadence([at('2026-01-05'), at('2026-02-16')], '2026-05-01T00:00:00Z');
    assert.deepEqual([c.bucket, c.orders, c.intervalDays, c.confidence, c.dueOn], ['not_predictable', 2, 42, 0, null]);
  });

  it('takes the median interval of three regular orders and says overdue seven weeks after the last', () => {
    const c = purchaseCadence(every6Weeks, new Date('2026-05-18T10:00:00Z'));
    assert.deepEqual([c.bucket, c.orders, c.intervalDays, c.daysSinceLast, c.dueOn], ['overdue', 3, 42, 49, '2026-05-11']);
    assert.equal(c.confidence, 0.6);
    assert.equal(c.lastOrderedAt, at('2026-03-30'));
  });

  it('is due soon from 15 % of the interval before the due day and on time up to a tenth after it', () => {
    assert.equal(purchaseCadence(every6Weeks, at('2026-05-04')).bucket, 'on_track'); // 35 days; lead 6 days
    assert.equal(purchaseCadence(every6Weeks, at('2026-05-05')).bucket, 'due_soon'); // 36
    assert.equal(purchaseCadence(every6Weeks, at('2026-05-15')).bucket, 'due_soon'); // 46 days: grace 4
    assert.equal(purchaseCadence(every6Weeks, at('2026-05-16')).bucket, 'overdue');
  });

  it('grows in confidence with more regular orders', () => {
    const five = [at('2026-01-05'), at('2026-02-02'), at('2026-03-02'), at('2026-03-30'), at('2026-04-27')];
    const c = purchaseCadence(five, at('2026-05-10'));
    assert.deepEqual([c.intervalDays, c.confidence, c.bucket], [28, 1, 'on_track']);
  });

  it('is not predictable when the intervals are all over the place', () => {
    const c = purchaseCadence([at('2026-01-01'), at('2026-01-03'), at('2026-03-20'), at('2026-03-22')], at('2026-04-01'));
    assert.equal(c.bucket, 'not_predictable');
    assert.ok(c.confidence < 0.3, String(c.confidence));
  });

  it('counts orders of one day once and ignores orders after now', () => {
    const c = purchaseCadence([at('2026-01-05'), '2026-01-05T15:00:00.000Z', at('2026-02-16'), at('2026-03-30'), at('2026-09-01')], at('2026-04-01'));
    assert.deepEqual([c.orders, c.intervalDays, c.lastOrderedAt, c.daysSinceLast], [3, 42, at('2026-03-30'), 2]);
  });

  it('refuses to compute a cadence without an order before now', () => {
    assert.throws(() => purchaseCadence([at('2027-01-01')], at('2026-01-01')), RangeError);
  });
});

describe('describeCadence()', () => {
  it('says "usually every 6 weeks — last ordered 7 weeks ago" in both languages', () => {
    const c = purchaseCadence(every6Weeks, new Date('2026-05-18T10:00:00Z'));
    assert.equal(describeCadence(c, 'en'), 'Usually every 6 weeks — last ordered 7 weeks ago');
    assert.equal(describeCadence(c, 'de'), 'Üblicherweise alle 6 Wochen — zuletzt bestellt vor 7 Wochen');
  });

  it('says only when it was last ordered without a prediction', () => {
    assert.equal(describeCadence({ bucket: 'not_predictable', intervalDays: null, daysSinceLast: 1 }, 'en'), 'Last ordered 1 day ago');
    assert.equal(describeCadence({ bucket: 'not_predictable', intervalDays: 40, daysSinceLast: 90 }, 'de'), 'Zuletzt bestellt vor 3 Monaten');
  });

  it('counts spans in days below two weeks, weeks below nine, else months', () => {
    assert.deepEqual([spanOf(13), spanOf(14), spanOf(62), spanOf(63), spanOf(365)], [
      { unit: 'day', count: 13 }, { unit: 'week', count: 2 }, { unit: 'week', count: 9 }, { unit: 'month', count: 2 }, { unit: 'month', count: 12 },
    ]);
  });
});

describe('dueFirst()', () => {
  it('keeps the due ones, overdue first, the longest past their day first', () => {
    const now = at('2026-05-18');
    const a = { sku: 'A', cadence: purchaseCadence(every6Weeks, now) }; // overdue by 7
    const b = { sku: 'B', cadence: purchaseCadence([at('2026-01-28'), at('2026-02-25'), at('2026-03-25'), at('2026-04-22')], now) }; // 26 of 28: due soon
    const c = { sku: 'C', cadence: purchaseCadence([at('2026-05-01'), at('2026-05-08'), at('2026-05-15')], now) }; // 3 of 7: on track
    assert.deepEqual(dueFirst([c, b, a]).map((x) => x.sku), ['A', 'B']);
    assert.deepEqual([a, b, c].map((x) => x.cadence.bucket), ['overdue', 'due_soon', 'on_track']);
  });
});
