// A fake Kontor API of standing orders for the stories (the tests use the real server): standing
// orders kept in memory, expanded with core's own rules on a calendar with German holidays, so
// the schedule builder's preview, skips, pauses and moves behave as they do against the server.
import type { Weekday } from '@kontor/core/availability';
import type { Occurrence, ScheduleInput, StandingOrderActionRequest, StandingOrderRun, StandingOrderView } from '@kontor/core/standing-orders';
import { expandSchedule } from '@kontor/core/standing-orders/schedule.logic.js';
import { rruleToForm, scheduleOf } from '@kontor/core/standing-orders/schedule.rrule.js';
import { summarizeSchedule } from '@kontor/core/standing-orders/schedule.text.js';
import { applyAction, nextRun } from '@kontor/core/standing-orders/standing-order.logic.js';

const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const plus = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const at = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();

/** Weekends and German public holidays with their names (Hamburg), this year and the next two. */
function calendar() {
  const names = new Map<string, string>();
  const year = new Date().getUTCFullYear();
  for (const y of [year, year + 1, year + 2]) {
    // Easter Sunday (Gauss), for the moving holidays.
    const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
    const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
    const month = Math.floor((h + l - 7 * m + 114) / 31), dayOf = ((h + l - 7 * m + 114) % 31) + 1;
    const easter = `${y}-${String(month).padStart(2, '0')}-${String(dayOf).padStart(2, '0')}`;
    const fixed: [string, string][] = [
      ['01-01', 'Neujahr'], ['05-01', 'Tag der Arbeit'], ['10-03', 'Tag der Deutschen Einheit'], ['10-31', 'Reformationstag'],
      ['12-24', 'Heiliger Abend'], ['12-25', '1. Weihnachtstag'], ['12-26', '2. Weihnachtstag'], ['12-31', 'Silvester'],
    ];
    for (const [md, name] of fixed) names.set(`${y}-${md}`, name);
    for (const [offset, name] of [[-2, 'Karfreitag'], [1, 'Ostermontag'], [39, 'Christi Himmelfahrt'], [50, 'Pfingstmontag']] as const) names.set(plus(easter, offset), name);
  }
  return { weekend: new Set<Weekday>([0, 6]), holidays: new Set(names.keys()), names };
}

const address = { name: 'Elektro Müller GmbH', addition: 'Wareneingang Tor 2', street: 'Hafenstraße 12', postcode: '20457', city: 'Hamburg', country: 'DE' };
const addresses = [
  { id: 'adr_story1', label: 'Zentrale', address, isDefault: true },
  { id: 'adr_story2', label: 'Baustelle Lindenstraße', address: { name: 'Elektro Müller GmbH', street: 'Lindenstraße 4', postcode: '22765', city: 'Hamburg', country: 'DE' }, isDefault: false },
];

/** A standing order as the API answers it (`nextRun` is computed by the fake API). */
export function sampleStandingOrder(overrides: Partial<StandingOrderView> & { rrule?: string } = {}): StandingOrderView {
  const { rrule, ...rest } = overrides;
  return {
    id: 'sto_story1',
    version: 3,
    name: 'Kabel für die Baustellen',
    status: 'active',
    pausedUntil: null,
    lines: [
      { sku: 'NYM-J-3x1.5', quantity: 500 },
      { sku: 'KL-1010', quantity: 40 },
      { sku: 'LM-1004', quantity: 12 },
    ],
    deliveryAddress: { addressId: 'adr_story1', address },
    payment: { method: 'invoice', accountHolder: null, ibanMasked: null },
    purchaseOrderPattern: 'DA-{yyyy}-{n:3}',
    schedule: { rrule: rrule ?? `DTSTART;VALUE=DATE:${today().replaceAll('-', '')}\nRRULE:FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1`, roll: 'next', time: '00:00', timeZone: 'Europe/Berlin' },
    warehouseId: 'wh_hamburg',
    priceMode: { kind: 'current' },
    shortage: 'backorder',
    catchUp: 'skip',
    via: { channel: 'web', partnerId: null },
    skipped: [],
    overrides: [],
    runCount: 4,
    runsFrom: at(-200),
    nextRun: null,
    createdAt: at(-200),
    updatedAt: at(-3),
    reminderDays: 3,
    ...rest,
  };
}

/** Past runs: two orders, one failed run. */
export const sampleRuns = (): StandingOrderRun[] => [
  { id: 'sor_3', occurrence: plus(today(), -30), day: plus(today(), -30), kind: 'scheduled', status: 'failed', at: at(-30), n: null, orderId: null, orderNumber: null, purchaseOrderNumber: null, reason: { path: [], code: 'fixed_price_expired', message: 'Die Festpreise galten bis 31.10.; bitte aktuelle Preise oder neue Festpreise wählen.' }, notices: [] },
  { id: 'sor_2', occurrence: plus(today(), -91), day: plus(today(), -91), kind: 'scheduled', status: 'placed', at: at(-91), n: 2, orderId: 'ord_story122', orderNumber: 'K-2026-000122', purchaseOrderNumber: 'DA-2026-002', reason: null, notices: [] },
  { id: 'sor_1', occurrence: plus(today(), -152), day: plus(today(), -152), kind: 'scheduled', status: 'placed', at: at(-152), n: 1, orderId: 'ord_story118', orderNumber: 'K-2026-000118', purchaseOrderNumber: 'DA-2026-001', reason: null, notices: [] },
];

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export interface StandingOrderApiOptions {
  standingOrders?: StandingOrderView[];
  /** Every change is refused as stale (409) with the stored state. */
  stale?: boolean;
  lang?: 'de' | 'en';
}

/** A `fetch` that answers the standing-order routes (and the company's addresses) from memory. */
export function standingOrderApi(options: StandingOrderApiOptions = {}) {
  const cal = calendar();
  const store = new Map((options.standingOrders ?? [sampleStandingOrder()]).map((s) => [s.id, s]));
  const lang = options.lang ?? 'de';
  const occurrences = (so: Pick<StandingOrderView, 'schedule' | 'skipped'>, limit: number): Occurrence[] =>
    expandSchedule(so.schedule, { from: today(), to: plus(today(), 400), calendar: cal, skipped: so.skipped, limit }).filter((o) => o.sameDayAs === null);
  const view = (so: StandingOrderView): StandingOrderView => ({ ...so, nextRun: so.status === 'active' || so.status === 'paused' ? nextRun(so, { now: new Date().toISOString(), calendar: cal, done: [] }) : null });
  const ctx = () => ({ now: new Date().toISOString(), calendar: cal, done: new Set<string>(), lang });
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname;
    const parts = path.split('/').filter(Boolean); // v1 standing-orders {id} {sub}
    if (path === '/v1/company/addresses') return json({ items: addresses });
    if (path === '/v1/carts') return json({ items: [] });
    if (parts[1] !== 'standing-orders') return json({ status: 404, code: 'not_found', message: 'Not found', issues: [] }, 404);
    if (parts.length === 2 && request.method === 'GET') return json({ items: [...store.values()].map(view), nextCursor: null });
    if (parts[2] === 'preview') {
      const body = (await request.json()) as { schedule: ScheduleInput; limit?: number };
      const schedule = scheduleOf(body.schedule);
      return json({ schedule, summary: summarizeSchedule(schedule, lang), form: rruleToForm(schedule.rrule), occurrences: occurrences({ schedule, skipped: [] }, body.limit ?? 12) });
    }
    if (parts.length === 2 && request.method === 'POST') {
      const body = (await request.json()) as { name?: string; schedule: ScheduleInput };
      const so = sampleStandingOrder({ id: `sto_story${store.size + 1}`, version: 0, name: body.name ?? null, schedule: scheduleOf(body.schedule), runCount: 0 });
      store.set(so.id, so);
      return json(view(so), 201);
    }
    const so = store.get(parts[2] ?? '');
    if (!so) return json({ status: 404, code: 'not_found', message: 'Nicht gefunden.', issues: [] }, 404);
    const stale = () =>
      json({ status: 409, code: 'conflict', message: 'Dieser Dauerauftrag wurde zwischenzeitlich geändert.', issues: [], details: { reason: 'stale', standingOrder: view({ ...so, name: 'Von woanders geändert', version: so.version + 1 }) } }, 409);
    if (parts.length === 3 && request.method === 'GET') return json(view(so));
    if (parts[3] === 'upcoming') {
      const paused = (o: Occurrence) => so.status === 'paused' && (so.pausedUntil === null || o.day < so.pausedUntil);
      return json({ items: occurrences(so, 12).map((o) => ({ occurrence: o, status: o.skipped ? 'skipped' : paused(o) ? 'paused' : 'scheduled', override: so.overrides.find((x) => x.occurrence === o.key) ?? null, reminderAt: null })) });
    }
    if (parts[3] === 'runs') return json({ items: so.runCount ? sampleRuns() : [], nextCursor: null });
    if (options.stale) return stale();
    if (parts.length === 3 && request.method === 'PATCH') {
      const body = (await request.json()) as { set: { name?: string | null; lines?: StandingOrderView['lines']; schedule?: ScheduleInput } };
      const next = { ...so, version: so.version + 1, ...(body.set.name !== undefined ? { name: body.set.name } : {}), ...(body.set.lines ? { lines: body.set.lines } : {}), ...(body.set.schedule ? { schedule: scheduleOf(body.set.schedule) } : {}) };
      store.set(so.id, next);
      return json(view(next));
    }
    if (parts[3] === 'actions') {
      const body = (await request.json()) as StandingOrderActionRequest;
      if (body.action === 'order_now') {
        const o = view(so).nextRun!;
        const run: StandingOrderRun = { id: 'sor_now', occurrence: o.key, day: o.day, kind: 'order_now', status: 'placed', at: new Date().toISOString(), n: 5, orderId: 'ord_story130', orderNumber: 'K-2026-000130', purchaseOrderNumber: 'DA-2026-005', reason: null, notices: [] };
        const next = { ...so, version: so.version + 1, skipped: [...so.skipped, o.key] };
        store.set(so.id, next);
        return json({ standingOrder: view(next), run });
      }
      try {
        const next = { ...applyAction(so, body, ctx()), reminderDays: so.reminderDays };
        store.set(so.id, next);
        return json({ standingOrder: view(next), run: null });
      } catch (e) {
        const error = e as { status?: number; code: string; message: string; issues: unknown[] };
        return json({ status: error.status ?? 422, code: error.code, message: error.message, issues: error.issues }, error.status ?? 422);
      }
    }
    return json({ status: 404, code: 'not_found', message: 'Not found', issues: [] }, 404);
  };
}

