// date-holidays is a devDependency of core: the tests roll onto the real German calendars.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import Holidays from 'date-holidays';
import { RRuleTemporal } from 'rrule-temporal';
import { createBusinessCalendar, isBusinessDay } from '../availability/calendar.logic.js';
import { calendarFromHolidays } from '../availability/holidays.js';
import { isKontorError } from '../errors/kontor-error.js';
import { expandSchedule, lastRuleDay, nextOccurrence, occurrenceByKey, rollToBusinessDay, zonedInstant, dayAt } from './schedule.logic.js';
import { formToRrule } from './schedule.rrule.js';
import { describeMove } from './schedule.text.js';

const bavaria = () => calendarFromHolidays(new Holidays('DE', 'BY'), { years: [2026, 2027, 2028], closedDays: ['2026-12-24', '2026-12-31', '2027-12-24', '2027-12-31'] });
/** A warehouse that works every day: nothing moves. */
const everyDay = () => createBusinessCalendar({ weekend: [] });
const days = (text: string, from: string, to: string) => expandSchedule({ rrule: text }, { from, to }).map((o) => o.day);
const rrule = (rule: string, start: string) => `DTSTART;VALUE=DATE:${start.replaceAll('-', '')}\nRRULE:${rule}`;

describe('expandSchedule() across daylight-saving changes in Europe/Berlin', () => {
  it('keeps the run on the last Sunday of March at a time the clock skips, an hour later', () => {
    const text = 'DTSTART;TZID=Europe/Berlin:20260301T023000\nRRULE:FREQ=WEEKLY;BYDAY=SU';
    const runs = expandSchedule({ rrule: text, time: '02:30', timeZone: 'Europe/Berlin' }, { from: '2026-03-22', to: '2026-04-05', calendar: everyDay() });
    assert.deepEqual(runs.map((o) => [o.day, o.at]), [
      ['2026-03-22', '2026-03-22T01:30:00.000Z'], // 02:30 CET
      ['2026-03-29', '2026-03-29T01:30:00.000Z'], // 02:30 does not exist: 03:30 CEST
      ['2026-04-05', '2026-04-05T00:30:00.000Z'], // 02:30 CEST
    ]);
    // What an RFC 5545 expansion of the same local times does: the 29th is gone.
    const timed = new RRuleTemporal({ rruleString: text }).all((d) => d.toPlainDate().toString() <= '2026-04-05').map((d) => d.toPlainDate().toString());
    assert.ok(!timed.includes('2026-03-29'));
  });

  it('runs once on the last Sunday of October at a time the clock passes twice, at its first instant', () => {
    const runs = expandSchedule({ rrule: rrule('FREQ=WEEKLY;BYDAY=SU', '2026-10-04'), time: '02:30' }, { from: '2026-10-18', to: '2026-11-01', calendar: everyDay() });
    assert.deepEqual(runs.map((o) => [o.day, o.at]), [
      ['2026-10-18', '2026-10-18T00:30:00.000Z'],
      ['2026-10-25', '2026-10-25T00:30:00.000Z'], // 02:30 CEST, not again at 02:30 CET
      ['2026-11-01', '2026-11-01T01:30:00.000Z'],
    ]);
  });

  it('keeps the local time of a daily run: 06:00 is 05:00 UTC in winter, 04:00 UTC in summer', () => {
    const runs = expandSchedule({ rrule: rrule('FREQ=DAILY', '2026-03-27'), time: '06:00' }, { from: '2026-03-27', to: '2026-03-30', calendar: everyDay() });
    assert.deepEqual(runs.map((o) => o.at), ['2026-03-27T05:00:00.000Z', '2026-03-28T05:00:00.000Z', '2026-03-29T04:00:00.000Z', '2026-03-30T04:00:00.000Z']);
  });

  it('times runs in another zone when told', () => {
    assert.equal(zonedInstant('2026-03-08', '02:30', 'America/New_York'), '2026-03-08T07:30:00.000Z'); // US spring gap: 03:30 EDT
    assert.equal(dayAt('2026-03-28T23:30:00.000Z', 'Europe/Berlin'), '2026-03-29');
  });
});

describe('expandSchedule() on the rule', () => {
  it('runs 29 February yearly only in leap years, as RFC 5545 says; 28,29 with BYSETPOS=-1 runs on 28 February otherwise', () => {
    assert.deepEqual(days(rrule('FREQ=YEARLY', '2024-02-29'), '2024-01-01', '2033-12-31'), ['2024-02-29', '2028-02-29', '2032-02-29']);
    assert.deepEqual(days(rrule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1', '2024-02-29'), '2024-01-01', '2028-12-31'), ['2024-02-29', '2025-02-28', '2026-02-28', '2027-02-28', '2028-02-29']);
  });

  it('leaves months without a 31st out of a plain monthly 31st, and takes their last day with the form’s default', () => {
    assert.deepEqual(days(rrule('FREQ=MONTHLY', '2026-01-31'), '2026-01-01', '2026-12-31'), ['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31', '2026-10-31', '2026-12-31']);
    const lastDay = formToRrule({ every: 'month', interval: 1, on: { kind: 'day', day: 31 }, start: '2026-01-01', end: { kind: 'none' } });
    assert.deepEqual(days(lastDay, '2026-01-01', '2026-06-30'), ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']);
    assert.deepEqual(days(lastDay, '2028-02-01', '2028-02-29'), ['2028-02-29']);
  });

  it('finds the 2nd Monday and the last day of each month', () => {
    assert.deepEqual(days(rrule('FREQ=MONTHLY;BYDAY=2MO', '2026-01-01'), '2026-01-01', '2026-04-30'), ['2026-01-12', '2026-02-09', '2026-03-09', '2026-04-13']);
    assert.deepEqual(days(rrule('FREQ=MONTHLY;BYMONTHDAY=-1', '2026-01-01'), '2026-01-01', '2026-04-30'), ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
  });

  it('ends after COUNT runs or on UNTIL (inclusive), and leaves EXDATEs out', () => {
    const counted = rrule('FREQ=WEEKLY;BYDAY=MO;COUNT=3', '2026-01-05');
    assert.deepEqual(days(counted, '2026-01-01', '2026-12-31'), ['2026-01-05', '2026-01-12', '2026-01-19']);
    assert.equal(lastRuleDay({ rrule: counted }), '2026-01-19');
    assert.deepEqual(days(rrule('FREQ=WEEKLY;BYDAY=MO;UNTIL=20260119', '2026-01-05'), '2026-01-01', '2026-12-31'), ['2026-01-05', '2026-01-12', '2026-01-19']);
    assert.equal(lastRuleDay({ rrule: rrule('FREQ=DAILY', '2026-01-05') }), null);
    assert.deepEqual(days(`${rrule('FREQ=WEEKLY;BYDAY=MO;COUNT=3', '2026-01-05')}\nEXDATE;VALUE=DATE:20260112`, '2026-01-01', '2026-12-31'), ['2026-01-05', '2026-01-19']);
  });

  it('does not include a first day that the rule does not give', () => {
    assert.deepEqual(days(rrule('FREQ=MONTHLY;BYMONTHDAY=1', '2026-01-15'), '2026-01-01', '2026-03-31'), ['2026-02-01', '2026-03-01']);
  });

  it('refuses the 30th of February, and finds no run for a rule beyond the simple check', () => {
    assert.throws(
      () => expandSchedule({ rrule: rrule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', '2026-01-01') }, { from: '2026-01-01', to: '2026-12-31' }),
      (e: unknown) => isKontorError(e) && e.code === 'validation' && e.issues[0]!.code === 'rrule_never',
    );
    // Day 366 is never in January: nothing to run (creating a standing order says `no_next_run`).
    assert.equal(nextOccurrence({ rrule: rrule('FREQ=YEARLY;BYYEARDAY=366;BYMONTH=1', '2026-01-01') }, '2026-01-01T00:00:00.000Z'), null);
  });
});

describe('expandSchedule() on a German warehouse calendar', () => {
  it('moves every other month’s 1st onto a business day for two years and says why', () => {
    const runs = expandSchedule({ rrule: rrule('FREQ=MONTHLY;INTERVAL=2', '2026-01-01') }, { from: '2026-01-01', to: '2027-12-31', calendar: bavaria() });
    assert.equal(runs.length, 12);
    const moved = runs.filter((o) => o.moved).map((o) => [o.original, o.day, o.moved!.closed.map((c) => c.holiday ?? c.reason).join(', ')]);
    assert.deepEqual(moved, [
      ['2026-01-01', '2026-01-02', 'Neujahr'],
      ['2026-03-01', '2026-03-02', 'weekend'],
      ['2026-05-01', '2026-05-04', 'Maifeiertag, weekend, weekend'],
      ['2026-11-01', '2026-11-02', 'Allerheiligen'],
      ['2027-01-01', '2027-01-04', 'Neujahr, weekend, weekend'],
      ['2027-05-01', '2027-05-03', 'Maifeiertag, weekend'],
      ['2027-11-01', '2027-11-02', 'Allerheiligen'],
    ]);
    for (const o of runs) assert.ok(isBusinessDay(bavaria(), o.day), o.day);
    const may = runs.find((o) => o.original === '2026-05-01')!;
    assert.equal(describeMove(may, 'de'), 'verschoben vom Fr., 01.05.2026 (Maifeiertag, Wochenende) auf Mo., 04.05.2026');
    assert.equal(describeMove(may, 'en'), 'moved from Fri, 1 May 2026 (Maifeiertag, weekend) to Mon, 4 May 2026');
  });

  it('moves a run on Pfingstmontag to the Tuesday, naming the holiday', () => {
    const [run] = expandSchedule({ rrule: rrule('FREQ=MONTHLY;BYMONTHDAY=25', '2026-05-01') }, { from: '2026-05-01', to: '2026-05-31', calendar: bavaria() });
    assert.equal(run!.day, '2026-05-26');
    assert.deepEqual(run!.moved, { reason: 'closed', direction: 'next', closed: [{ day: '2026-05-25', reason: 'holiday', holiday: 'Pfingstmontag' }] });
    assert.equal(describeMove(run!, 'en'), 'moved from Mon, 25 May 2026 (Pfingstmontag) to Tue, 26 May 2026');
  });

  it('moves to the previous business day when the schedule says so', () => {
    const runs = expandSchedule({ rrule: rrule('FREQ=MONTHLY;INTERVAL=2', '2026-01-01'), roll: 'previous' }, { from: '2026-01-01', to: '2026-06-30', calendar: bavaria() });
    // 1 January moves to 31 December 2025, before the window.
    assert.deepEqual(runs.map((o) => [o.original, o.day]), [['2026-03-01', '2026-02-27'], ['2026-05-01', '2026-04-30']]);
    assert.deepEqual(rollToBusinessDay(bavaria(), '2026-12-26', 'previous'), {
      day: '2026-12-23',
      closed: [
        { day: '2026-12-26', reason: 'holiday', holiday: '2. Weihnachtstag' },
        { day: '2026-12-25', reason: 'holiday', holiday: '1. Weihnachtstag' },
        { day: '2026-12-24', reason: 'holiday', holiday: 'Heiliger Abend' },
      ],
    });
  });

  it('runs a weekend’s occurrences with the Monday’s own, once', () => {
    const runs = expandSchedule({ rrule: rrule('FREQ=DAILY', '2026-01-09') }, { from: '2026-01-09', to: '2026-01-12', calendar: bavaria() });
    assert.deepEqual(runs.map((o) => [o.original, o.day, o.sameDayAs]), [
      ['2026-01-09', '2026-01-09', null],
      ['2026-01-10', '2026-01-12', '2026-01-12'],
      ['2026-01-11', '2026-01-12', '2026-01-12'],
      ['2026-01-12', '2026-01-12', null],
    ]);
  });

  it('marks skipped occurrences and applies one-run moves', () => {
    const runs = expandSchedule({ rrule: rrule('FREQ=WEEKLY;BYDAY=WE', '2026-06-03') }, { from: '2026-06-01', to: '2026-06-30', calendar: bavaria(), skipped: ['2026-06-10'], moves: [['2026-06-17', '2026-06-19']] });
    assert.deepEqual(runs.map((o) => [o.key, o.day, o.skipped, o.moved?.reason ?? null]), [
      ['2026-06-03', '2026-06-03', false, null],
      ['2026-06-10', '2026-06-10', true, null],
      ['2026-06-17', '2026-06-19', false, 'requested'],
      ['2026-06-24', '2026-06-24', false, null],
    ]);
  });

  it('lands every run on a business day, never before its occurrence when rolling forward', () => {
    const calendar = bavaria();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 4 }), (day, interval) => {
        const start = `2026-01-${String(day).padStart(2, '0')}`;
        for (const o of expandSchedule({ rrule: rrule(`FREQ=WEEKLY;INTERVAL=${interval}`, start) }, { from: '2026-01-01', to: '2027-12-31', calendar })) {
          assert.ok(isBusinessDay(calendar, o.day));
          assert.ok(o.day >= o.original);
          assert.equal(o.moved === null, o.day === o.original);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('nextOccurrence() and occurrenceByKey()', () => {
  it('finds the next run after an instant, far ahead too, and none after the end', () => {
    const yearly = { rrule: rrule('FREQ=YEARLY', '2024-02-29') };
    assert.equal(nextOccurrence(yearly, '2024-03-01T00:00:00.000Z')?.day, '2028-02-29');
    const counted = { rrule: rrule('FREQ=WEEKLY;BYDAY=MO;COUNT=3', '2026-01-05') };
    assert.equal(nextOccurrence(counted, '2026-01-12T00:00:00.000Z')?.day, '2026-01-19');
    assert.equal(nextOccurrence(counted, '2026-01-19T00:00:00.000Z'), null);
  });

  it('finds an occurrence by its key, also when it was moved, and nothing on other days', () => {
    const s = { rrule: rrule('FREQ=MONTHLY;BYMONTHDAY=25', '2026-05-01') };
    assert.equal(occurrenceByKey(s, '2026-05-25', { calendar: bavaria() })?.day, '2026-05-26');
    assert.equal(occurrenceByKey(s, '2026-05-26', { calendar: bavaria() }), null);
  });
});
