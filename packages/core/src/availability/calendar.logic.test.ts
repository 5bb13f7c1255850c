import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addBusinessDays,
  addDays,
  createBusinessCalendar,
  dayFromEpoch,
  epochDay,
  holidayName,
  isBusinessDay,
  nextBusinessDay,
  weekdayOf,
  type Weekday,
} from './calendar.logic.js';

const MS_PER_DAY = 86_400_000;
/** Any day from 1900 to 2199 as an ISO string, by way of Date (an independent computation). */
const anyDay = fc.integer({ min: Date.UTC(1900, 0, 1) / MS_PER_DAY, max: Date.UTC(2199, 11, 31) / MS_PER_DAY }).map((n) => new Date(n * MS_PER_DAY).toISOString().slice(0, 10));
const day2026 = fc.integer({ min: Date.UTC(2026, 0, 1) / MS_PER_DAY, max: Date.UTC(2027, 11, 31) / MS_PER_DAY }).map((n) => new Date(n * MS_PER_DAY).toISOString().slice(0, 10));
const anyCalendar = fc
  .record({
    holidays: fc.uniqueArray(day2026, { maxLength: 60 }),
    weekend: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 6 }),
  })
  .map(({ holidays, weekend }) => createBusinessCalendar({ holidays, weekend: weekend as Weekday[] }));

describe('epochDay() and dayFromEpoch()', () => {
  it('count days since 1970-01-01 as Date.UTC does, and invert each other', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const n = epochDay(day);
        assert.equal(n, Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY);
        assert.equal(dayFromEpoch(n), day);
      }),
    );
  });

  it('refuses what is not a real day', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-04-31', '2026-1-01', '26-01-01', '2026-01-01T00:00:00Z', '']) {
      assert.throws(() => epochDay(bad), RangeError, bad);
    }
    assert.equal(epochDay('2028-02-29') - epochDay('2028-02-28'), 1);
  });
});

describe('weekdayOf() and addDays()', () => {
  it('agree with Date#getUTCDay and plain day arithmetic', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -1000, max: 1000 }), (day, n) => {
        const t = Date.parse(`${day}T00:00:00Z`);
        assert.equal(weekdayOf(day), new Date(t).getUTCDay());
        assert.equal(addDays(day, n), new Date(t + n * MS_PER_DAY).toISOString().slice(0, 10));
      }),
    );
  });
});

describe('isBusinessDay()', () => {
  const christmas = createBusinessCalendar({ holidays: ['2026-12-25', '2026-12-26', '2027-01-01'] });

  it('is false on weekends and holidays, true otherwise', () => {
    assert.equal(isBusinessDay(christmas, '2026-12-23'), true); // Wednesday
    assert.equal(isBusinessDay(christmas, '2026-12-24'), true); // Thursday, no public holiday
    assert.equal(isBusinessDay(christmas, '2026-12-25'), false); // Friday, holiday
    assert.equal(isBusinessDay(christmas, '2026-12-26'), false); // Saturday
    assert.equal(isBusinessDay(christmas, '2026-12-27'), false); // Sunday
    assert.equal(isBusinessDay(christmas, '2026-12-28'), true);
  });

  it('takes other weekends (Friday and Saturday)', () => {
    const gulf = createBusinessCalendar({ weekend: [5, 6] });
    assert.equal(isBusinessDay(gulf, '2026-12-25'), false); // Friday
    assert.equal(isBusinessDay(gulf, '2026-12-27'), true); // Sunday
  });

  it('accepts a plain object as a calendar', () => {
    const plain = { weekend: new Set<Weekday>([0, 6]), holidays: new Set(['2026-12-24']) };
    assert.equal(isBusinessDay(plain, '2026-12-24'), false);
  });

  it('refuses a calendar with no working weekday and a holiday that is no day', () => {
    assert.throws(() => createBusinessCalendar({ weekend: [0, 1, 2, 3, 4, 5, 6] }), RangeError);
    assert.throws(() => createBusinessCalendar({ holidays: ['2026-12-32'] }), RangeError);
  });
});

describe('holidayName()', () => {
  it('names a holiday the calendar has a name for, and nothing else', () => {
    const calendar = createBusinessCalendar({ holidays: ['2026-05-25', '2026-08-17'], names: [['2026-05-25', 'Pfingstmontag'], ['2026-05-26', 'not closed']] });
    assert.equal(holidayName(calendar, '2026-05-25'), 'Pfingstmontag');
    assert.equal(holidayName(calendar, '2026-08-17'), null);
    assert.equal(holidayName(calendar, '2026-05-26'), null); // a name for a day that is no holiday is dropped
    assert.equal(holidayName(createBusinessCalendar(), '2026-05-25'), null);
  });
});

describe('nextBusinessDay()', () => {
  const calendar = createBusinessCalendar({ holidays: ['2026-12-25', '2026-12-28'] });

  it('is the day itself on a business day and rolls forward otherwise', () => {
    assert.equal(nextBusinessDay(calendar, '2026-12-24'), '2026-12-24');
    assert.equal(nextBusinessDay(calendar, '2026-12-25'), '2026-12-29');
  });

  it('is the first business day on or after the day', () => {
    fc.assert(
      fc.property(anyCalendar, day2026, (cal, day) => {
        const next = nextBusinessDay(cal, day);
        assert.ok(next >= day);
        assert.ok(isBusinessDay(cal, next));
        for (let d = day; d < next; d = addDays(d, 1)) assert.equal(isBusinessDay(cal, d), false);
      }),
    );
  });
});

describe('addBusinessDays()', () => {
  const calendar = createBusinessCalendar({ holidays: ['2026-12-25', '2026-12-26', '2027-01-01'] });

  it('skips weekends and holidays', () => {
    assert.equal(addBusinessDays(calendar, '2026-12-18', 1), '2026-12-21'); // Friday + 1 → Monday
    assert.equal(addBusinessDays(calendar, '2026-12-19', 1), '2026-12-21'); // Saturday + 1 → Monday
    assert.equal(addBusinessDays(calendar, '2026-12-19', 0), '2026-12-21'); // Saturday + 0 → Monday
    assert.equal(addBusinessDays(calendar, '2026-12-24', 1), '2026-12-28');
    assert.equal(addBusinessDays(calendar, '2026-12-30', 2), '2027-01-04');
    assert.equal(addBusinessDays(calendar, '2026-12-23', 0), '2026-12-23');
  });

  it('refuses negative and fractional counts', () => {
    assert.throws(() => addBusinessDays(calendar, '2026-12-23', -1), RangeError);
    assert.throws(() => addBusinessDays(calendar, '2026-12-23', 1.5), RangeError);
  });

  it('lands on a business day with exactly n business days after the start', () => {
    fc.assert(
      fc.property(anyCalendar, day2026, fc.integer({ min: 0, max: 40 }), (cal, day, n) => {
        const end = addBusinessDays(cal, day, n);
        assert.ok(isBusinessDay(cal, end));
        if (n === 0) return assert.equal(end, nextBusinessDay(cal, day));
        let counted = 0;
        for (let d = addDays(day, 1); d <= end; d = addDays(d, 1)) if (isBusinessDay(cal, d)) counted++;
        assert.equal(counted, n);
      }),
    );
  });

  it('is monotone in the start day and in n', () => {
    fc.assert(
      fc.property(anyCalendar, day2026, day2026, fc.nat(20), fc.nat(20), (cal, a, b, m, n) => {
        const [d1, d2] = a <= b ? [a, b] : [b, a];
        const [k1, k2] = m <= n ? [m, n] : [n, m];
        assert.ok(addBusinessDays(cal, d1, k1) <= addBusinessDays(cal, d2, k2));
      }),
    );
  });
});
