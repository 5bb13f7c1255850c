import type { Occurrence, StandingOrderRun } from '@kontor/core/standing-orders';
import { localDay } from '@kontor/core/standing-orders/schedule.rrule.js';
import { DEFAULT_TIME_ZONE } from '@kontor/core/standing-orders/standing-order.schema.js';
import { html, nothing } from 'lit';
import type { CommonStrings, StandingOrderInfoStrings } from '../translations/translation.js';

// What the list and the detail of standing orders show alike: why a run moved, what a run did.

type Texts = CommonStrings & StandingOrderInfoStrings;

/** A link template with `{id}` / `{number}` replaced (URL-encoded). */
export const orderHref = (template: string, values: { id: string; number?: string }): string =>
  template.replace('{id}', encodeURIComponent(values.id)).replace('{number}', encodeURIComponent(values.number ?? ''));

/** "verschoben von Mo, 25.05. (Pfingstmontag)": the holidays by name, else weekend / holiday; `''` when it did not move. */
export function moveText(occurrence: Pick<Occurrence, 'original' | 'moved'>, t: Texts): string {
  const m = occurrence.moved;
  if (!m) return '';
  const reasons: string[] = [];
  for (const c of m.closed) {
    const why = c.holiday ?? t.closedReason(c.reason);
    if (!reasons.includes(why)) reasons.push(why);
  }
  return t.movedFrom(occurrence.original, reasons, m.reason === 'requested');
}

/**
 * What a run did: the order it placed (a link with `orderUrl`, else a button that calls `select`),
 * or its status and why (the server's words for the reason).
 */
export function runResult(run: StandingOrderRun, t: Texts, orderUrl: string | undefined, select: (orderId: string, number: string) => void) {
  // Ordered ahead ("order now"): the day it was placed, not the occurrence's it used up.
  const placed = run.kind === 'order_now' ? localDay(Date.parse(run.at), DEFAULT_TIME_ZONE) : run.day;
  const day = html`<time datetime=${placed}>${t.runDay(placed)}</time>`;
  if (run.status === 'placed' && run.orderId && run.orderNumber) {
    const { orderId, orderNumber } = run;
    return html`<span class="run" data-run-status="placed">${day}:
      ${orderUrl
        ? html`<a href=${orderHref(orderUrl, { id: orderId, number: orderNumber })}>${t.runOrder(orderNumber)}</a>`
        : html`<button type="button" class="link" @click=${() => select(orderId, orderNumber)}>${t.runOrder(orderNumber)}</button>`}</span
    >`;
  }
  return html`<span class="run" data-run-status=${run.status}
    >${day}: ${t.runStatus(run.status)}${run.reason ? html` – <span class="reason">${run.reason.message}</span>` : nothing}</span
  >`;
}
