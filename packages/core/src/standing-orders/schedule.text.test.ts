import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isKontorError } from '../errors/kontor-error.js';
import { formToRrule } from './schedule.rrule.js';
import { describeMove, formatDay, summarizeSchedule } from './schedule.text.js';
import type { Roll, ScheduleForm } from './standing-order.schema.js';

const rrule = (rule: string, start = '2026-01-01') => `DTSTART;VALUE=DATE:${start.replaceAll('-', '')}\nRRULE:${rule}`;
const both = (text: string, roll: Roll = 'next', time?: string) => [summarizeSchedule({ rrule: text, roll, ...(time ? { time } : {}) }, 'de'), summarizeSchedule({ rrule: text, roll, ...(time ? { time } : {}) }, 'en')];
const form = (f: Partial<ScheduleForm> & Pick<ScheduleForm, 'every'>) => formToRrule({ interval: 1, start: '2026-01-01', end: { kind: 'none' }, ...f } as ScheduleForm);

describe('summarizeSchedule()', () => {
  it('says every other month’s 1st as the 1st business day, until further notice', () => {
    assert.deepEqual(both(rrule('FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1')), ['alle 2 Monate am 1. Werktag, bis auf Weiteres', 'every 2 months on the 1st business day, until further notice']);
  });

  it('says weekdays, with how a non-business day is handled', () => {
    assert.deepEqual(both(form({ every: 'week', weekdays: ['MO', 'TH'] } as Partial<ScheduleForm> & { every: 'week' })), [
      'jede Woche am Montag und Donnerstag (sonst am nächsten Werktag), bis auf Weiteres',
      'every week on Monday and Thursday (or the next business day), until further notice',
    ]);
    assert.deepEqual(both(rrule('FREQ=WEEKLY;INTERVAL=2', '2026-01-05'), 'previous'), [
      'alle 2 Wochen am Montag (sonst am Werktag davor), bis auf Weiteres',
      'every 2 weeks on Monday (or the business day before), until further notice',
    ]);
  });

  it('says the nth weekday, the last day, the last business day and the 31st', () => {
    assert.deepEqual(both(rrule('FREQ=MONTHLY;BYDAY=2MO;COUNT=6')), ['jeden Monat am 2. Montag (sonst am nächsten Werktag), 6-mal', 'every month on the 2nd Monday (or the next business day), 6 times']);
    assert.deepEqual(both(rrule('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231')), ['jeden Monat am letzten Freitag (sonst am nächsten Werktag), bis 31.12.2026', 'every month on the last Friday (or the next business day), until 31 Dec 2026']);
    assert.equal(summarizeSchedule({ rrule: rrule('FREQ=MONTHLY;BYMONTHDAY=-1'), roll: 'previous' }, 'de'), 'jeden Monat am letzten Werktag, bis auf Weiteres');
    assert.equal(summarizeSchedule({ rrule: rrule('FREQ=MONTHLY;BYMONTHDAY=-1') }, 'en'), 'every month on the last day (or the next business day), until further notice');
    assert.equal(summarizeSchedule({ rrule: form({ every: 'month', on: { kind: 'day', day: 31 } }) }, 'en'), 'every month on the 31st (the last day in shorter months; or the next business day), until further notice');
    assert.equal(summarizeSchedule({ rrule: rrule('FREQ=MONTHLY', '2026-01-31') }, 'de'), 'jeden Monat am 31. (nicht in kürzeren Monaten; sonst am nächsten Werktag), bis auf Weiteres');
    assert.equal(summarizeSchedule({ rrule: rrule('FREQ=MONTHLY;BYMONTHDAY=22') }, 'en'), 'every month on the 22nd (or the next business day), until further notice');
  });

  it('says daily schedules, 29 February, the run time, the start and days left out', () => {
    assert.deepEqual(both(rrule('FREQ=DAILY')), ['jeden Werktag, bis auf Weiteres', 'every business day, until further notice']);
    assert.equal(summarizeSchedule({ rrule: rrule('FREQ=DAILY;INTERVAL=3;COUNT=1') }, 'en'), 'every 3 days (or the next business day), 1 time');
    assert.deepEqual(both(rrule('FREQ=YEARLY', '2024-02-29')), ['jedes Jahr am 29. Februar (nur in Schaltjahren; sonst am nächsten Werktag), bis auf Weiteres', 'every year on 29 February (only in leap years; or the next business day), until further notice']);
    assert.equal(summarizeSchedule({ rrule: rrule('FREQ=MONTHLY;BYMONTHDAY=1'), time: '06:30' }, 'de'), 'jeden Monat am 1. Werktag um 06:30 Uhr, bis auf Weiteres');
    assert.equal(summarizeSchedule({ rrule: rrule('FREQ=WEEKLY;BYDAY=SU'), time: '02:30' }, 'en'), 'every week on Sunday at 02:30 (or the next business day), until further notice');
    assert.equal(summarizeSchedule({ rrule: `${rrule('FREQ=MONTHLY;BYMONTHDAY=1')}\nEXDATE;VALUE=DATE:20260801` }, 'en', { start: true }), 'every month on the 1st business day from 1 Jan 2026, until further notice, except 1 Aug 2026');
  });

  it('quotes a rule beyond the structured form’s words', () => {
    assert.equal(summarizeSchedule({ rrule: rrule('FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;COUNT=3') }, 'en'), 'by the rule FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO (or the next business day), 3 times');
    assert.equal(summarizeSchedule({ rrule: rrule('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1') }, 'de'), 'nach der Regel FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 (sonst am nächsten Werktag), bis auf Weiteres');
  });

  it('throws a validation error for RRULE text that is not valid', () => {
    assert.throws(() => summarizeSchedule({ rrule: rrule('FREQ=MONTHLY;FOO=1') }), (e: unknown) => isKontorError(e) && e.issues[0]!.code === 'rrule_unknown_part');
  });
});

describe('describeMove()', () => {
  it('says nothing for an occurrence on its own day, and that a run was moved for itself', () => {
    assert.equal(describeMove({ original: '2026-06-03', day: '2026-06-03', moved: null }), null);
    assert.equal(describeMove({ original: '2026-06-17', day: '2026-06-19', moved: { reason: 'requested', direction: 'next', closed: [] } }, 'de'), 'für diese Ausführung vom Mi., 17.06.2026 auf Fr., 19.06.2026 verschoben');
  });

  it('names unnamed closing days as holidays', () => {
    assert.equal(
      describeMove({ original: '2026-08-17', day: '2026-08-18', moved: { reason: 'closed', direction: 'next', closed: [{ day: '2026-08-17', reason: 'holiday', holiday: null }] } }, 'en'),
      'moved from Mon, 17 Aug 2026 (holiday) to Tue, 18 Aug 2026',
    );
  });
});

describe('formatDay()', () => {
  it('writes days the German and the British way', () => {
    assert.deepEqual([formatDay('2026-05-01', 'de'), formatDay('2026-05-01', 'en'), formatDay('2026-05-01', 'de', true)], ['01.05.2026', '1 May 2026', 'Fr., 01.05.2026']);
  });
});
