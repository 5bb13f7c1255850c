import type { Lang } from '../errors/messages.js';
import { formatMoney } from '../money/money.logic.js';
import type { Money } from '../money/money.schema.js';
import type { CartDrift, OrderStatus, Tracking } from './order.schema.js';

/** The order of an order's life; `cancelled` is outside it. */
export const ORDER_FLOW: readonly OrderStatus[] = ['placed', 'confirmed', 'in_fulfilment', 'shipped', 'delivered'];

/**
 * Whether an order may move from `from` to `to`: forward along placed → confirmed →
 * in fulfilment → shipped → delivered (an ERP may skip steps, e.g. straight to shipped), never
 * back; cancelled only before it shipped; nothing after delivered or cancelled. The same status
 * again is no move.
 */
export function canMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  if (from === to || from === 'delivered' || from === 'cancelled') return false;
  if (to === 'cancelled') return ORDER_FLOW.indexOf(from) < ORDER_FLOW.indexOf('shipped');
  return ORDER_FLOW.indexOf(to) > ORDER_FLOW.indexOf(from);
}

/** The statuses an order in `from` may move to. */
export function nextOrderStatuses(from: OrderStatus): OrderStatus[] {
  return [...ORDER_FLOW, 'cancelled' as const].filter((to) => canMoveOrder(from, to));
}

/** `K-2026-000123` from a year and a running number. */
export function formatOrderNumber(year: number, sequence: number): string {
  return `K-${year}-${String(sequence).padStart(6, '0')}`;
}

const TRACKING_URLS: Record<string, (n: string) => string> = {
  dhl: (n) => `https://www.dhl.de/de/privatkunden/dhl-sendungsverfolgung.html?piececode=${n}`,
  dpd: (n) => `https://tracking.dpd.de/status/de_DE/parcel/${n}`,
  ups: (n) => `https://www.ups.com/track?tracknum=${n}`,
  gls: (n) => `https://gls-group.com/DE/de/paketverfolgung?match=${n}`,
  hermes: (n) => `https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation#${n}`,
};

/** Tracking with the carrier's page for the carriers Kontor knows (DHL, DPD, UPS, GLS, Hermes). */
export function trackingOf(carrier: string, trackingNumber: string): Tracking {
  const page = TRACKING_URLS[carrier.trim().toLowerCase()];
  return { carrier, trackingNumber, url: page ? page(encodeURIComponent(trackingNumber)) : null };
}

/** A cart line as the buyer saw it (what a place-order request's `expectedLines` carries). */
export interface SeenLine {
  sku: string;
  quantity?: number | undefined;
  unitPrice: Money | null;
}

const sameMoney = (a: Money | null, b: Money | null) => !!a && !!b && a.amount === b.amount && a.currency === b.currency;

/**
 * What changed in one cart line since the buyer saw it: `added` when it was not seen (after: the
 * quantity), else `quantity` (before/after: quantities) and `price` (before/after: unit prices
 * formatted in `lang`). The server's 409 and the checkout's review speak the same changes.
 */
export function lineDrift(seen: SeenLine | undefined, line: { sku: string; quantity: number; unitPrice: Money | null }, lang: Lang): CartDrift[] {
  if (!seen) return [{ sku: line.sku, kind: 'added', before: null, after: String(line.quantity) }];
  const changes: CartDrift[] = [];
  if (seen.quantity !== undefined && seen.quantity !== line.quantity) changes.push({ sku: line.sku, kind: 'quantity', before: String(seen.quantity), after: String(line.quantity) });
  if (!sameMoney(seen.unitPrice, line.unitPrice)) {
    const fmt = (m: Money | null) => (m ? formatMoney(m, lang) : null);
    changes.push({ sku: line.sku, kind: 'price', before: fmt(seen.unitPrice), after: fmt(line.unitPrice) });
  }
  return changes;
}

/** The lines the buyer saw that are gone now (`removed`, before: the quantity seen). */
export function removedLines(seen: readonly SeenLine[], now: readonly { sku: string }[]): CartDrift[] {
  const current = new Set(now.map((l) => l.sku));
  return seen.filter((e) => !current.has(e.sku)).map((e) => ({ sku: e.sku, kind: 'removed', before: e.quantity === undefined ? null : String(e.quantity), after: null }));
}
