import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { standingOrdersIssues } from '../errors/issues/standing-orders.js';
import { isKontorError } from '../errors/kontor-error.js';
import { formToRrule, parseSchedule, rruleToForm, scheduleIssues, scheduleOf } from './schedule.rrule.js';
import { CreateStandingOrderRequestSchema, ScheduleFormSchema, type ScheduleForm } from './standing-order.schema.js';
import { parseStandingOrderRequest } from './standing-order.parse.js';

const rrule = (rule: string, start = '20260105') => `DTSTART;VALUE=DATE:${start}\nRRULE:${rule}`;
const codes = (text: string) => scheduleIssues(text).map((i) => [i.code, i.params?.part ?? null]);

describe('parseSchedule()', () => {
  it('reads the first day, the rule and the days left out', () => {
    const s = parseSchedule('DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1\nEXDATE;VALUE=DATE:20260701,20260501');
    assert.equal(s.start, '2026-01-01');
    assert.equal(s.rule.freq, 'MONTHLY');
    assert.equal(s.rule.interval, 2);
    assert.deepEqual(s.rule.byMonthDay, [1]);
    assert.deepEqual(s.exdates, ['2026-05-01', '2026-07-01']);
  });

  it('takes only the date of a local DTSTART, and UNTIL/EXDATE in UTC as local days of the zone', () => {
    const s = parseSchedule('DTSTART;TZID=Europe/Berlin:20260301T023000\nRRULE:FREQ=WEEKLY;BYDAY=SU;UNTIL=20261231T230000Z\nEXDATE;TZID=Europe/Berlin:20260329T023000');
    assert.equal(s.start, '2026-03-01');
    assert.equal(s.tzid, 'Europe/Berlin');
    assert.equal(s.rule.until, '2027-01-01'); // 23:00 UTC is midnight in Berlin
    assert.deepEqual(s.exdates, ['2026-03-29']);
  });

  it('accepts a bare rule line, lower case and folded lines', () => {
    const s = parseSchedule('DTSTART;VALUE=DATE:20260105\nfreq=weekly;\n byday=mo,th');
    assert.deepEqual(s.rule.byDay, [{ nth: null, weekday: 'MO' }, { nth: null, weekday: 'TH' }]);
  });

  describe('refuses bad input with a typed issue at schedule.rrule', () => {
    it('interval 0', () => assert.deepEqual(codes(rrule('FREQ=MONTHLY;INTERVAL=0')), [['rrule_value', 'INTERVAL']]));
    it('an unknown RRULE part, and an unknown line', () => {
      assert.deepEqual(codes(rrule('FREQ=MONTHLY;FOO=1')), [['rrule_unknown_part', 'FOO']]);
      assert.deepEqual(codes(`${rrule('FREQ=MONTHLY')}\nRDATE:20260301`), [['rrule_unknown_part', 'RDATE']]);
    });
    it('the 30th of February, as a rule and as a first day', () => {
      assert.deepEqual(codes(rrule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30')), [['rrule_never', null]]);
      assert.deepEqual(codes(rrule('FREQ=MONTHLY', '20260230')), [['rrule_value', 'DTSTART']]);
    });
    it('an end before the start', () => {
      const [issue] = scheduleIssues(rrule('FREQ=MONTHLY;UNTIL=20251231', '20260101'));
      assert.equal(issue!.code, 'end_before_start');
      assert.deepEqual(issue!.path, ['schedule', 'rrule']);
      assert.deepEqual(issue!.params, { start: '2026-01-01', end: '2025-12-31' });
      assert.equal(issue!.message, 'The end (2025-12-31) is before the first date (2026-01-01).');
    });
    it('runs more often than daily, or at set hours', () => {
      assert.deepEqual(codes(rrule('FREQ=HOURLY')), [['rrule_frequency', null]]);
      assert.deepEqual(codes(rrule('FREQ=DAILY;BYHOUR=6')), [['rrule_time_part', 'BYHOUR']]);
    });
    it('COUNT with UNTIL, a part twice, no DTSTART, no rule', () => {
      assert.deepEqual(codes(rrule('FREQ=DAILY;COUNT=2;UNTIL=20260301')), [['rrule_count_and_until', null]]);
      assert.deepEqual(codes(rrule('FREQ=DAILY;FREQ=WEEKLY')), [['rrule_duplicate_part', 'FREQ']]);
      assert.deepEqual(codes('RRULE:FREQ=DAILY'), [['rrule_missing_start', null]]);
      assert.deepEqual(codes('DTSTART;VALUE=DATE:20260101'), [['rrule_missing_rule', null]]);
      assert.deepEqual(codes('DTSTART;VALUE=DATE:20260101\nRRULE:INTERVAL=2'), [['rrule_missing_part', 'FREQ']]);
    });
    it('values out of range and ordinals where RFC 5545 has none', () => {
      assert.deepEqual(codes(rrule('FREQ=MONTHLY;BYMONTHDAY=0')), [['rrule_value', 'BYMONTHDAY']]);
      assert.deepEqual(codes(rrule('FREQ=YEARLY;BYMONTH=13')), [['rrule_value', 'BYMONTH']]);
      assert.deepEqual(codes(rrule('FREQ=WEEKLY;BYDAY=2MO')), [['rrule_value', 'BYDAY']]);
      assert.deepEqual(codes(rrule('FREQ=MONTHLY;BYSETPOS=1')), [['rrule_value', 'BYSETPOS']]);
      assert.deepEqual(codes('DTSTART;TZID=Mars/Olympus:20260101T060000\nRRULE:FREQ=DAILY'), [['rrule_value', 'TZID']]);
    });
    it('throws a ValidationError with every issue, worded in German on request', () => {
      assert.throws(
        () => parseSchedule(rrule('FREQ=MONTHLY;INTERVAL=0;FOO=1'), { lang: 'de' }),
        (e: unknown) => {
          assert.ok(isKontorError(e) && e.code === 'validation');
          assert.deepEqual(e.issues.map((i) => i.code), ['rrule_unknown_part', 'rrule_value']);
          assert.equal(e.issues[1]!.message, 'INTERVAL=0 ist ungültig: erwartet ist eine ganze Zahl von 1 bis 1000.');
          return true;
        },
      );
    });
  });
});

describe('formToRrule() and rruleToForm()', () => {
  const base = { interval: 1, start: '2026-01-01', end: { kind: 'none' } } as const;

  it('writes plain RFC 5545 for the common cases', () => {
    assert.equal(formToRrule({ ...base, every: 'month', interval: 2, on: { kind: 'day', day: 1 } }), 'DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1');
    assert.equal(formToRrule({ ...base, every: 'week', weekdays: ['TH', 'MO'], end: { kind: 'count', count: 6 } }), 'DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=WEEKLY;BYDAY=MO,TH;COUNT=6');
    assert.equal(formToRrule({ ...base, every: 'month', on: { kind: 'nth_weekday', nth: 2, weekday: 'MO' } }), 'DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=MONTHLY;BYDAY=2MO');
    assert.equal(formToRrule({ ...base, every: 'month', on: { kind: 'last_day' }, end: { kind: 'until', until: '2026-12-31' } }), 'DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20261231');
    assert.equal(formToRrule({ ...base, every: 'day', interval: 3, except: ['2026-05-01', '2026-01-04'] }), 'DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=DAILY;INTERVAL=3\nEXDATE;VALUE=DATE:20260104,20260501');
  });

  it('says "the 31st, or the last day of shorter months" as BYMONTHDAY=28,…,31;BYSETPOS=-1', () => {
    assert.equal(formToRrule({ ...base, every: 'month', on: { kind: 'day', day: 31 } }), 'DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1');
    assert.equal(formToRrule({ ...base, every: 'month', on: { kind: 'day', day: 31, missing: 'skip' } }), 'DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=MONTHLY;BYMONTHDAY=31');
  });

  it('reads RRULE text back into the form, and gives null for what the form cannot show', () => {
    assert.deepEqual(rruleToForm(rrule('FREQ=MONTHLY', '20260131')), { every: 'month', interval: 1, start: '2026-01-31', end: { kind: 'none' }, on: { kind: 'day', day: 31, missing: 'skip' } });
    assert.deepEqual(rruleToForm(rrule('FREQ=WEEKLY;INTERVAL=2')), { every: 'week', interval: 2, start: '2026-01-05', end: { kind: 'none' }, weekdays: ['MO'] });
    for (const kept of ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', 'FREQ=MONTHLY;BYMONTHDAY=1,15', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1', 'FREQ=DAILY;BYDAY=MO,FR', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;WKST=SU']) {
      assert.equal(rruleToForm(rrule(kept)), null, kept);
    }
  });

  it('gets the form back from its RRULE text (normalized)', () => {
    const day = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
    const weekday = fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU' as const);
    const end = fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fc.integer({ min: 1, max: 500 }).map((count) => ({ kind: 'count' as const, count })),
      fc.constant({ kind: 'until' as const, until: '2031-06-30' }),
    );
    const on = fc.oneof(
      fc.integer({ min: 1, max: 31 }).chain((d) => fc.constantFrom('last_day' as const, 'skip' as const).map((missing) => ({ kind: 'day' as const, day: d, missing }))),
      fc.constant({ kind: 'last_day' as const }),
      fc.record({ kind: fc.constant('nth_weekday' as const), nth: fc.constantFrom(-1 as const, 1 as const, 2 as const, 3 as const, 4 as const), weekday }),
    );
    const common = { interval: fc.integer({ min: 1, max: 12 }), start: day, end, except: fc.uniqueArray(day, { maxLength: 3 }) };
    const form: fc.Arbitrary<ScheduleForm> = fc.oneof(
      fc.record({ every: fc.constant('day' as const), ...common }),
      fc.record({ every: fc.constant('week' as const), ...common, weekdays: fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }) }),
      fc.record({ every: fc.constant('month' as const), ...common, on }),
    );
    const normalize = (form: ScheduleForm): ScheduleForm => {
      const { except, ...rest } = JSON.parse(JSON.stringify(form)) as ScheduleForm; // fast-check's records have no prototype
      const n: ScheduleForm = { ...rest, ...(except?.length ? { except: [...except].sort() } : {}) } as ScheduleForm;
      if (n.every === 'week') n.weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].filter((w) => n.weekdays.includes(w as never)) as typeof n.weekdays;
      if (n.every === 'month' && n.on.kind === 'day') n.on = n.on.day >= 29 ? n.on : { kind: 'day', day: n.on.day };
      return n;
    };
    fc.assert(
      fc.property(form, (f) => {
        fc.pre(f.end.kind !== 'until' || f.end.until >= f.start);
        assert.deepEqual(rruleToForm(formToRrule(f)), normalize(f));
      }),
    );
  });
});

describe('ScheduleFormSchema', () => {
  const parse = (value: unknown) => parseStandingOrderRequest(ScheduleFormSchema, value, 'The schedule');
  const issuesOf = (value: unknown) => {
    try {
      parse(value);
      return [];
    } catch (e) {
      return isKontorError(e) ? e.issues.map((i) => [i.path, i.code]) : [];
    }
  };

  it('refuses interval 0, an end before the start and the 30th of February', () => {
    assert.deepEqual(issuesOf({ every: 'day', interval: 0, start: '2026-01-01', end: { kind: 'none' } }), [[['interval'], 'too_small']]);
    assert.deepEqual(issuesOf({ every: 'day', interval: 1, start: '2026-03-01', end: { kind: 'until', until: '2026-02-01' } }), [[['end', 'until'], 'end_before_start']]);
    assert.deepEqual(issuesOf({ every: 'day', interval: 1, start: '2026-02-30', end: { kind: 'none' } }), [[['start'], 'invalid_format']]);
  });

  it('words the standing-order issues of a request in its language', () => {
    try {
      parseStandingOrderRequest(CreateStandingOrderRequestSchema, {
        lines: [{ sku: 'A-1', quantity: 1 }, { sku: 'A-1', quantity: 2 }],
        deliveryAddress: { addressId: 'adr_1' },
        payment: { method: 'invoice' },
        schedule: { rrule: rrule('FREQ=MONTHLY;FOO=1') },
        purchaseOrderPattern: 'DA-{yyyy}-{x}',
      }, 'The standing order', { lang: 'de' });
      assert.fail('no error');
    } catch (e) {
      assert.ok(isKontorError(e));
      assert.deepEqual(e.issues.map((i) => [i.path.join('.'), i.code]), [
        ['lines.1.sku', 'duplicate_sku'],
        ['purchaseOrderPattern', 'po_pattern_token'],
        ['schedule.rrule', 'rrule_unknown_part'],
      ]);
      assert.equal(e.issues[0]!.message, 'A-1 ist schon Position 1.');
    }
  });
});

describe('scheduleOf()', () => {
  it('fills in the next business day, midnight and the warehouse zone', () => {
    assert.deepEqual(scheduleOf({ form: { every: 'day', interval: 1, start: '2026-01-01', end: { kind: 'none' } } }, { timeZone: 'Europe/Vienna' }), {
      rrule: 'DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=DAILY', roll: 'next', time: '00:00', timeZone: 'Europe/Vienna',
    });
  });
});

describe('standing-order messages', () => {
  it('exist in German and English for every code', () => {
    assert.deepEqual(Object.keys(standingOrdersIssues.de).sort(), Object.keys(standingOrdersIssues.en).sort());
  });
});
