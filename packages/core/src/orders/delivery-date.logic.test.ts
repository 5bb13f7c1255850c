import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, createBusinessCalendar, isBusinessDay } from '../availability/calendar.logic.js';
import {
  deliveryCalendarData,
  deliveryCalendarOf,
  earliestOrderDelivery,
  expectedDelivery,
  nextDeliveryDay,
  requestedDeliveryIssue,
} from './delivery-date.logic.js';

/** Germany in December 2026: weekends, Christmas, and 24/31 December closed. */
const germany = createBusinessCalendar({ holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01'] });
/** Tuesday 15.12.2026, the latest promise of the tester's cart. */
const days = { earliest: '2026-12-15', calendar: germany };

describe('requestedDeliveryIssue()', () => {
  it('refuses a Saturday and offers the Monday after it', () => {
    const issue = requestedDeliveryIssue('2026-12-19', days, 'de');
    assert.deepEqual([issue?.path, issue?.code, issue?.params], [['requestedDeliveryDate'], 'delivery_date_closed', { day: '2026-12-19', next: '2026-12-21' }]);
    assert.equal(issue?.message, 'Am 2026-12-19 wird nicht geliefert (Wochenende oder Feiertag). Nächstmöglicher Liefertermin: 2026-12-21');
  });

  it('refuses a holiday and offers the next delivery day after the holidays', () => {
    assert.deepEqual(requestedDeliveryIssue('2026-12-24', days)?.params, { day: '2026-12-24', next: '2026-12-28' });
    assert.deepEqual(requestedDeliveryIssue('2026-12-31', days)?.params, { day: '2026-12-31', next: '2027-01-04' });
  });

  it('refuses a day before the earliest one and offers the earliest', () => {
    const issue = requestedDeliveryIssue('2026-12-08', days, 'en');
    assert.deepEqual([issue?.code, issue?.params], ['delivery_date_too_early', { earliest: '2026-12-15', next: '2026-12-15' }]);
    assert.equal(issue?.message, 'The earliest possible delivery date is 2026-12-15.');
  });

  it('refuses a day after the latest one, when there is a latest one', () => {
    const issue = requestedDeliveryIssue('9999-12-31', { ...days, latest: '2027-12-15' }, 'en');
    assert.deepEqual([issue?.path, issue?.code, issue?.params], [['requestedDeliveryDate'], 'delivery_date_too_late', { latest: '2027-12-15' }]);
    assert.equal(issue?.message, 'The latest possible delivery date is 2027-12-15.');
    assert.equal(requestedDeliveryIssue('2027-12-15', { ...days, latest: '2027-12-15' }), null);
  });

  it('accepts a business day on or after the earliest one', () => {
    assert.equal(requestedDeliveryIssue('2026-12-15', days), null);
    assert.equal(requestedDeliveryIssue('2026-12-18', days), null);
  });

  it('checks only the calendar when there is no earliest day', () => {
    assert.equal(requestedDeliveryIssue('2026-12-03', { earliest: null, calendar: germany }), null);
    assert.equal(requestedDeliveryIssue('2026-12-05', { earliest: null, calendar: germany })?.code, 'delivery_date_closed');
  });

  it('offers a day it would accept, whatever was asked', () => {
    const day = fc.integer({ min: 0, max: 120 }).map((n) => addDays('2026-11-20', n));
    fc.assert(
      fc.property(day, (requested) => {
        const issue = requestedDeliveryIssue(requested, days);
        if (issue) assert.equal(requestedDeliveryIssue(issue.params!.next as string, days), null);
        else assert.equal(nextDeliveryDay(requested, days), requested);
      }),
    );
  });
});

describe('expectedDelivery()', () => {
  it('is the requested day when it is later than the earliest one', () => {
    assert.equal(expectedDelivery('2026-12-18', days), '2026-12-18');
  });

  it('is the earliest day without a requested one, or with an earlier one', () => {
    assert.equal(expectedDelivery(null, days), '2026-12-15');
    assert.equal(expectedDelivery(undefined, days), '2026-12-15');
    assert.equal(expectedDelivery('2026-12-08', days), '2026-12-15');
  });

  it('is always a delivery day, never before the requested or the earliest day', () => {
    assert.equal(expectedDelivery('2026-12-19', days), '2026-12-21');
    const day = fc.integer({ min: 0, max: 120 }).map((n) => addDays('2026-11-20', n));
    fc.assert(
      fc.property(fc.option(day, { nil: null }), day, (requested, earliest) => {
        const expected = expectedDelivery(requested, { earliest, calendar: germany })!;
        assert.ok(isBusinessDay(germany, expected));
        assert.ok(expected >= earliest && (requested === null || expected >= requested));
      }),
    );
  });

  it('is unknown when the order has no earliest day', () => {
    assert.equal(expectedDelivery('2026-12-18', { earliest: null, calendar: germany }), null);
  });
});

describe('earliestOrderDelivery()', () => {
  it('is the latest promise of the lines', () => {
    assert.equal(earliestOrderDelivery(['2026-12-08', '2026-12-15', '2026-12-03'], germany), '2026-12-15');
  });

  it('moves to a delivery day of the destination', () => {
    assert.equal(earliestOrderDelivery(['2026-12-08', '2026-12-24'], germany), '2026-12-28');
  });

  it('is null without lines or when a line has no promise', () => {
    assert.equal(earliestOrderDelivery([], germany), null);
    assert.equal(earliestOrderDelivery(['2026-12-08', null], germany), null);
  });
});

describe('deliveryCalendarData() and deliveryCalendarOf()', () => {
  it('carry the weekend and the holidays from a day on, and give the same business days back', () => {
    const data = deliveryCalendarData(germany, '2026-12-25');
    assert.deepEqual(data, { weekend: [0, 6], holidays: ['2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01'] });
    const back = deliveryCalendarOf(data);
    for (let n = 0; n < 30; n++) {
      const day = addDays('2026-12-25', n);
      assert.equal(isBusinessDay(back, day), isBusinessDay(germany, day), day);
    }
  });
});
