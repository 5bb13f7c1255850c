// date-holidays is a devDependency of core: the library stays out of the SDK, the tests check
// the real 2026/2027 German calendars through it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Holidays from 'date-holidays';
import { addBusinessDays, holidayName, isBusinessDay } from './calendar.logic.js';
import { calendarFromHolidays, holidayDays, holidayRegion } from './holidays.js';

const years = [2026, 2027];

describe('holidayDays()', () => {
  it('takes the public holidays of Bavaria (DE-BY)', () => {
    const days = holidayDays(new Holidays('DE', 'BY'), years);
    for (const d of ['2026-01-06', '2026-04-03', '2026-06-04', '2026-11-01', '2026-12-25', '2026-12-26', '2027-01-01', '2027-01-06', '2027-05-27', '2027-11-01']) {
      assert.ok(days.includes(d), d);
    }
    // Mariä Himmelfahrt is a holiday only in Bavaria's mostly Catholic communities, 8 December nowhere
    // in Germany, 24 and 31 December are no legal holidays (type `bank`).
    for (const d of ['2026-08-15', '2026-12-08', '2026-12-24', '2026-12-31']) assert.ok(!days.includes(d), d);
    assert.deepEqual(days, [...days].sort());
  });

  it('takes the public holidays of Berlin (DE-BE): no Epiphany, no Corpus Christi, but Women’s Day', () => {
    const days = holidayDays(new Holidays('DE', 'BE'), years);
    assert.ok(days.includes('2026-03-08'));
    for (const d of ['2026-01-06', '2026-06-04', '2026-11-01', '2027-01-06']) assert.ok(!days.includes(d), d);
  });

  it('takes further kinds when asked: bank holidays are 24 and 31 December', () => {
    const days = holidayDays(new Holidays('DE', 'BY'), [2026], ['public', 'bank']);
    assert.ok(days.includes('2026-12-24') && days.includes('2026-12-31'));
  });
});

describe('calendarFromHolidays()', () => {
  it('makes a business calendar of weekends, public holidays and closing days', () => {
    const munich = calendarFromHolidays(new Holidays(holidayRegion('DE-BY')), { years, closedDays: ['2026-12-24', '2026-12-31'] });
    assert.equal(isBusinessDay(munich, '2027-01-06'), false);
    assert.equal(isBusinessDay(munich, '2026-12-24'), false);
    assert.equal(isBusinessDay(munich, '2026-12-23'), true);
    // 23.12. + 1 business day: 24. closed, 25./26. holidays, 27. Sunday → Monday 28.12.
    assert.equal(addBusinessDays(munich, '2026-12-23', 1), '2026-12-28');
    // 30.12. + 1: 31.12. closed, 1.1. holiday, weekend → Monday 4.1.; + 2 skips Epiphany on 6.1.
    assert.equal(addBusinessDays(munich, '2026-12-30', 1), '2027-01-04');
    assert.equal(addBusinessDays(munich, '2027-01-04', 2), '2027-01-07');
    const berlin = calendarFromHolidays(new Holidays('DE', 'BE'), { years });
    assert.equal(addBusinessDays(berlin, '2027-01-04', 2), '2027-01-06');
  });

  it('keeps the names of closed days, also of closing days the source knows by another type', () => {
    const munich = calendarFromHolidays(new Holidays('DE', 'BY'), { years, closedDays: ['2026-12-24', '2026-08-17'] });
    assert.equal(holidayName(munich, '2026-05-25'), 'Pfingstmontag');
    assert.equal(holidayName(munich, '2026-05-01'), 'Maifeiertag');
    assert.equal(holidayName(munich, '2026-12-24'), 'Heiliger Abend'); // a `bank` day, closed here
    assert.equal(holidayName(munich, '2026-08-17'), null); // the warehouse's own closing day
    assert.equal(holidayName(munich, '2026-05-24'), null); // Pfingstsonntag: an observance, not closed
    assert.equal(holidayName(munich, '2026-05-26'), null);
  });
});

describe('holidayRegion()', () => {
  it('splits an ISO 3166-2 code into country and state', () => {
    assert.deepEqual(holidayRegion('DE-BY'), { country: 'DE', state: 'BY' });
    assert.deepEqual(holidayRegion('AT'), { country: 'AT' });
    assert.deepEqual(holidayDays(new Holidays(holidayRegion('DE-BE')), [2026]), holidayDays(new Holidays('DE', 'BE'), [2026]));
  });
});
