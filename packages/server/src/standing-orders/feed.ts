import { createHmac } from 'node:crypto';
import { addBusinessDays, addDays, formatDay, nextBusinessDay, nextRun, runContent, type BusinessCalendar, type Lang, type Occurrence, type StandingOrder } from '@kontor/core';
import { destinationCalendar } from '../availability/calendars.js';
import { hashToken } from '../auth/tokens.js';
import type { Db } from '../db/database.js';
import { findFeed, liveStandingOrders, runKeys, writeFeed } from '../db/standing-order.queries.js';
import { lookBackKey, standingOrderOf, type Warehouses } from './context.js';

// The company's calendar feed (ICS) of coming standing-order deliveries, at a secret URL. The
// secret is derived — HMAC of the company and a generation number under a key from the server's
// secret — so it can be shown again without being stored; only its SHA-256 is kept, to find the
// company by it. Rotating makes a new generation: the old URL answers 404 from then on.

const keys = new Map<string, Buffer>();
const feedKey = (secret: string) => {
  let key = keys.get(secret);
  if (!key) {
    key = createHmac('sha256', secret).update('kontor standing-order feed v1').digest();
    keys.set(secret, key);
  }
  return key;
};

/** The feed secret of a company's generation. */
export const feedSecret = (serverSecret: string, companyId: string, generation: number): string =>
  createHmac('sha256', feedKey(serverSecret)).update(`${companyId}\n${generation}`).digest('base64url').slice(0, 32);

export const feedUrl = (publicUrl: string, secret: string, lang?: Lang): string => `${publicUrl.replace(/\/+$/, '')}/v1/standing-orders/feed/${secret}.ics${lang ? `?lang=${lang}` : ''}`;

/**
 * The company's feed: its URL and when its secret was made. The first call makes it; `rotate`
 * makes the next generation. A stored hash that no longer matches (the server secret changed)
 * is replaced, so the URL shown always works.
 */
export async function companyFeed(db: Db, companyId: string, options: { serverSecret: string; publicUrl: string; now: Date; rotate?: boolean }): Promise<{ url: string; rotatedAt: string }> {
  return db.transaction().execute(async (trx) => {
    const row = await findFeed(trx, companyId);
    const generation = !row ? 1 : options.rotate ? Number(row.generation) + 1 : Number(row.generation);
    const secret = feedSecret(options.serverSecret, companyId, generation);
    const hash = hashToken(secret);
    let rotatedAt = row?.rotated_at ?? options.now.toISOString();
    if (!row || options.rotate || row.secret_hash !== hash) {
      rotatedAt = options.now.toISOString();
      await writeFeed(trx, { company_id: companyId, generation, secret_hash: hash, rotated_at: rotatedAt });
    }
    return { url: feedUrl(options.publicUrl, secret), rotatedAt };
  });
}

// ── ICS ──────────────────────────────────────────────────────────────────────────────────────

/** RFC 5545 text: backslash, semicolon, comma and line breaks escaped. */
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const date = (day: string) => day.replaceAll('-', '');
const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Folds a content line at 75 octets (continuation lines start with a space), never inside a UTF-8 sequence. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

const T = {
  de: { calendar: (c: string) => `Daueraufträge ${c}`, delivery: (n: string) => `Lieferung Dauerauftrag ${n}`, unnamed: 'ohne Namen', ordered: (d: string) => `Bestellung am ${d}; voraussichtliche Lieferung, wenn alles vorrätig ist.` },
  en: { calendar: (c: string) => `Standing orders ${c}`, delivery: (n: string) => `Delivery of standing order ${n}`, unnamed: 'unnamed', ordered: (d: string) => `Ordered on ${d}; expected delivery if everything is in stock.` },
} as const;

/** Most events in one feed, and per standing order. */
const MAX_EVENTS = 2000;
const MAX_PER_ORDER = 60;
/** How far ahead the feed looks. */
const HORIZON_DAYS = 400;

/**
 * The day a run's order is expected: shipped on its run day (before the cut-off, else the next
 * business day), then the warehouse's transit days to the country on the destination's delivery
 * days. Stock is assumed there; the order's own promise comes at placement.
 */
function expectedArrival(o: Occurrence, order: StandingOrder, warehouses: Warehouses, destination: BusinessCalendar, country: string, now: Date): string {
  const w = order.warehouseId ? warehouses.byId.get(order.warehouseId) : undefined;
  const calendar = warehouses.calendarOf(order.warehouseId, now);
  const ship = w && order.schedule.time >= w.cutoff && calendar ? nextBusinessDay(calendar, addDays(o.day, 1)) : o.day;
  const transit = w?.transitDays[country] ?? 1;
  return addBusinessDays(destination, nextBusinessDay(destination, ship), transit);
}

/** The company's coming deliveries of its active and paused standing orders as iCalendar text. */
export async function feedIcs(db: Db, companyId: string, options: { now: Date; warehouses: Warehouses; lang: Lang }): Promise<string> {
  const { now, warehouses, lang } = options;
  const t = T[lang];
  const company = await db.selectFrom('companies').select('name').where('id', '=', companyId).executeTakeFirst();
  const rows = await liveStandingOrders(db, companyId, 500);
  const orders = rows.map(standingOrderOf);
  const done = rows.length ? await runKeys(db, companyId, rows.map((r) => r.id), orders.map((o) => lookBackKey(o, now)).sort()[0]!) : new Map<string, Set<string>>();
  const iso = now.toISOString();
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kontor//Standing orders//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${text(t.calendar(company?.name ?? ''))}`, 'REFRESH-INTERVAL;VALUE=DURATION:PT6H', 'X-PUBLISHED-TTL:PT6H'];
  let events = 0;
  const horizon = Date.parse(`${addDays(iso.slice(0, 10), HORIZON_DAYS)}T00:00:00Z`);
  rows.forEach((row, i) => {
    const order = orders[i]!;
    const calendar = warehouses.calendarOf(order.warehouseId, now);
    const passed = new Set(done.get(row.id));
    for (let k = 0; k < MAX_PER_ORDER && events < MAX_EVENTS; k++) {
      // Only the runs that will happen: skipped ones, those in a pause and those after the end are left out.
      const o = nextRun(order, { now: iso, ...(calendar ? { calendar } : {}), done: passed });
      if (!o || Date.parse(o.at) > horizon) break;
      passed.add(o.key);
      const content = runContent(order, o.key);
      const country = content.deliveryAddress.address.country;
      const destination = destinationCalendar(country, now.getUTCFullYear());
      const arrives = expectedArrival(o, order, warehouses, destination, country, now);
      const name = order.name ?? t.unnamed;
      const what = content.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ');
      const a = content.deliveryAddress.address;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${row.id}/${o.key}@kontor`,
        `DTSTAMP:${stamp(iso)}`,
        // A date-only event on the expected day (the run itself is on o.day).
        `DTSTART;VALUE=DATE:${date(arrives)}`,
        `DTEND;VALUE=DATE:${date(addDays(arrives, 1))}`,
        `SUMMARY:${text(t.delivery(name))}`,
        `DESCRIPTION:${text(`${t.ordered(formatDay(o.day, lang, true))}\n${what}`)}`,
        `LOCATION:${text([a.name, a.street, `${a.postcode} ${a.city}`, a.country].join(', '))}`,
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      );
      events++;
    }
  });
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
