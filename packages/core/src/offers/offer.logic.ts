import { KontorError, type ErrorCode, type ErrorIssue } from '../errors/kontor-error.js';
import { errorMessage, messageIn, type Lang } from '../errors/messages.js';
import { offersIssues } from '../errors/issues/offers.js';
import { validationIssues } from '../errors/issues/validation.js';
import { money, mulDivRound } from '../money/money.logic.js';
import type { Currency, Money } from '../money/money.schema.js';
import { totals as taxTotals } from '../pricing/pricing.logic.js';
import type {
  OfferApproval,
  OfferComparison,
  OfferExtra,
  OfferExtraLine,
  OfferLine,
  OfferLineDiff,
  OfferLinePricing,
  OfferRequestLine,
  OfferStatus,
  OfferTotals,
  OfferVersion,
} from './offer.schema.js';

// Pure rules of offers: prices and totals in minor units, the lifecycle, validity on a given
// instant, comparing versions. No I/O, no clock: `now` is passed in.

/** The seller's time zone: an offer is valid through the end of its `validUntil` day there. */
export const OFFER_TIME_ZONE = 'Europe/Berlin';

/** Words an offer issue in `lang`. */
export const offerIssueMessage = (code: string, params: Record<string, unknown> = {}, lang: Lang = 'en'): string => messageIn([offersIssues, validationIssues], code, params, lang);

/** An issue with its message from the offers table. */
export const offerIssue = (path: ErrorIssue['path'], code: string, params: Record<string, unknown>, lang: Lang): ErrorIssue => ({
  path,
  code,
  message: offerIssueMessage(code, params, lang),
  ...(Object.keys(params).length ? { params } : {}),
});

// ── prices and totals ────────────────────────────────────────────────────────────────────────

/** A product line to price: the catalogue's facts at drafting time and how the rep prices it. */
export interface OfferLineFacts {
  sku: string;
  name: OfferLine['name'];
  unit: OfferLine['unit'];
  priceUnit: number;
  quantity: number;
  taxClass: OfferLine['taxClass'];
  /** Basis points. */
  taxRate: number;
  /** The buyer's price per `priceUnit` at `quantity`. */
  listUnitPrice: Money;
  pricing: OfferLinePricing;
}

export interface PricedOffer {
  lines: OfferLine[];
  extras: OfferExtraLine[];
  totals: OfferTotals;
}

const lineAmount = (unit: number, quantity: number, priceUnit: number) => mulDivRound(quantity, unit, priceUnit);
/** `amount` less `bp` basis points: the reduced price, rounded half away from zero. */
const less = (amount: number, bp: number) => mulDivRound(amount, 10_000 - bp, 10_000);

/**
 * Prices an offer's version. Each line's offered price is its list price, the rep's unit price or
 * the list price less the line discount; the whole-offer discount (`discountBp`) then comes off
 * each line's unit price, so the unit price the buyer pays — and an order or standing order made
 * from the offer charges — is one figure per line, and the line nets add up to the total exactly.
 * Nets are `quantity × unit price ÷ price unit`, rounded once per line; VAT per rate on the sum of
 * that rate's nets (products and extras), as the cart's totals do.
 * @throws {RangeError} when an amount is in another currency than `currency` (the server refuses it first, `currency_mismatch`).
 */
export function priceOffer(lines: readonly OfferLineFacts[], extras: readonly (OfferExtra & { taxRate: number })[], discountBp: number, currency: Currency): PricedOffer {
  const priced: OfferLine[] = lines.map((l) => {
    if (l.listUnitPrice.currency !== currency) throw new RangeError(`List price of ${l.sku} in ${l.listUnitPrice.currency}, offer in ${currency}`);
    let offered: number;
    switch (l.pricing.kind) {
      case 'list':
        offered = l.listUnitPrice.amount;
        break;
      case 'unit_price':
        if (l.pricing.unitPrice.currency !== currency) throw new RangeError(`Price of ${l.sku} in ${l.pricing.unitPrice.currency}, offer in ${currency}`);
        offered = l.pricing.unitPrice.amount;
        break;
      case 'discount':
        offered = less(l.listUnitPrice.amount, l.pricing.discountBp);
        break;
    }
    const unit = less(offered, discountBp);
    const list = l.listUnitPrice.amount;
    return {
      sku: l.sku, name: l.name, unit: l.unit, priceUnit: l.priceUnit, quantity: l.quantity, taxClass: l.taxClass, taxRate: l.taxRate,
      listUnitPrice: money(list, currency), pricing: l.pricing, offeredUnitPrice: money(offered, currency), unitPrice: money(unit, currency),
      discountBp: list === 0 ? 0 : mulDivRound(list - unit, 10_000, list),
      listNet: money(lineAmount(list, l.quantity, l.priceUnit), currency),
      net: money(lineAmount(unit, l.quantity, l.priceUnit), currency),
    };
  });
  const extraLines: OfferExtraLine[] = extras.map((e) => {
    if (e.amount.currency !== currency) throw new RangeError(`Extra ${e.label} in ${e.amount.currency}, offer in ${currency}`);
    return { kind: e.kind, label: e.label, amount: e.amount, taxClass: e.taxClass, taxRate: e.taxRate };
  });
  const listNet = priced.reduce((s, l) => s + l.listNet.amount, 0);
  const linesNet = priced.reduce((s, l) => s + l.net.amount, 0);
  const extrasNet = extraLines.reduce((s, e) => s + e.amount.amount, 0);
  const tax = taxTotals([...priced.map((l) => ({ net: l.net, taxRate: l.taxRate })), ...extraLines.map((e) => ({ net: e.amount, taxRate: e.taxRate }))], currency);
  return {
    lines: priced,
    extras: extraLines,
    totals: {
      listNet: money(listNet, currency),
      linesNet: money(linesNet, currency),
      savings: money(listNet - linesNet, currency),
      discountBp: listNet === 0 ? 0 : mulDivRound(listNet - linesNet, 10_000, listNet),
      extrasNet: money(extrasNet, currency),
      net: tax.net,
      taxes: tax.taxes,
      tax: tax.tax,
      gross: tax.gross,
    },
  };
}

/**
 * Whether a draft needs a second rep's approval: when its savings on list prices
 * (`totals.discountBp`) are above the author's limit. An approval counts only when it is of this
 * very draft (the server drops it on every change).
 */
export function approvalOf(totals: Pick<OfferTotals, 'discountBp'>, limitBp: number, approved: Pick<OfferApproval, 'approvedBy' | 'approvedAt'> | null = null): OfferApproval {
  return { needed: totals.discountBp > limitBp, discountBp: totals.discountBp, limitBp, approvedBy: approved?.approvedBy ?? null, approvedAt: approved?.approvedAt ?? null };
}

/** True when the draft may be sent as far as approval goes. */
export const approvalSatisfied = (approval: OfferApproval): boolean => !approval.needed || approval.approvedBy !== null;

// ── validity ─────────────────────────────────────────────────────────────────────────────────

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The day (`YYYY-MM-DD`) an instant falls on in `timeZone`. */
export function localDayOf(instant: string | Date, timeZone: string = OFFER_TIME_ZONE): string {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(typeof instant === 'string' ? Date.parse(instant) : instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** True when `now` is past the end of `validUntil` (its last day in the seller's time zone). */
export const isPastValidity = (validUntil: string, now: string | Date, timeZone: string = OFFER_TIME_ZONE): boolean => localDayOf(now, timeZone) > validUntil;

/** Whole days left to accept at `now`: 0 on the last day, negative once past. For the countdown. */
export function daysLeft(validUntil: string, now: string | Date, timeZone: string = OFFER_TIME_ZONE): number {
  const today = localDayOf(now, timeZone);
  return Math.round((Date.parse(`${validUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

// ── lifecycle ────────────────────────────────────────────────────────────────────────────────

/**
 * What may happen to an offer: the rep edits the draft of the next version (`draft`), approves a
 * colleague's draft (`approve`), sends it (`send`), withdraws the offer (`withdraw`); the buyer
 * accepts, rejects or asks for changes; the expiry job expires it.
 */
export type OfferAction = 'draft' | 'approve' | 'send' | 'withdraw' | 'accept' | 'reject' | 'request_changes' | 'expire';

/** The lifecycle: from each status, the actions allowed and where they lead. The last four statuses are ends. */
export const OFFER_TRANSITIONS: Readonly<Record<OfferStatus, Readonly<Partial<Record<OfferAction, OfferStatus>>>>> = {
  draft: { draft: 'draft', approve: 'draft', send: 'sent', withdraw: 'withdrawn' },
  // A sent offer can be revised: the rep drafts and sends the next version, which supersedes it.
  sent: { draft: 'sent', approve: 'sent', send: 'sent', withdraw: 'withdrawn', accept: 'accepted', reject: 'rejected', request_changes: 'changes_requested', expire: 'expired' },
  changes_requested: { draft: 'changes_requested', approve: 'changes_requested', send: 'sent', withdraw: 'withdrawn' },
  accepted: {},
  rejected: {},
  expired: {},
  withdrawn: {},
};

/** The offer as the lifecycle reads it. */
export interface OfferState {
  status: OfferStatus;
  version: number;
  /** The latest sent version: its number and validity; `null` before the first is sent. */
  current: { number: number; validUntil: string } | null;
  /** Whether a draft of the next version exists. */
  hasDraft: boolean;
}

const BUYER_ANSWERS: ReadonlySet<OfferAction> = new Set(['accept', 'reject', 'request_changes']);

const refuse = (code: ErrorCode, issue: ErrorIssue, lang: Lang) => new KontorError(code, `${errorMessage(code, lang)} ${issue.message}`, { issues: [issue] });

/**
 * The status after `action`, or a typed refusal (nothing is changed):
 * - a stale `version` → `conflict` (409);
 * - a buyer's answer past the current version's validity, or on an expired offer → `offer_expired`;
 * - accepting anything but the current version of a sent offer (withdrawn, rejected, accepted,
 *   changes requested, not sent yet, an older version) → `offer_not_acceptable`
 *   (issue `offer_version_superseded` for an older version);
 * - any other action the status does not allow, a reject or request for changes of an older
 *   version, sending without a draft → `offer_invalid_transition`.
 * Approval and the content's own checks are the caller's (see {@link approvalOf}).
 */
export function offerTransition(
  state: OfferState,
  action: OfferAction,
  ctx: { version: number; now: string | Date; versionNumber?: number; timeZone?: string; lang?: Lang },
): OfferStatus {
  const lang = ctx.lang ?? 'en';
  if (ctx.version !== state.version) throw new KontorError('conflict', errorMessage('conflict', lang), { status: 409 });
  const buyer = BUYER_ANSWERS.has(action);
  if (buyer) {
    const expired = state.status === 'expired' || (state.status === 'sent' && state.current !== null && isPastValidity(state.current.validUntil, ctx.now, ctx.timeZone));
    if (expired && state.current) throw refuse('offer_expired', offerIssue([], 'offer_expired', { validUntil: state.current.validUntil }, lang), lang);
    if (state.status === 'sent' && state.current && ctx.versionNumber !== undefined && ctx.versionNumber !== state.current.number) {
      const issue = offerIssue(['versionNumber'], 'offer_version_superseded', { asked: ctx.versionNumber, current: state.current.number }, lang);
      throw refuse(action === 'accept' ? 'offer_not_acceptable' : 'offer_invalid_transition', issue, lang);
    }
  }
  const next = OFFER_TRANSITIONS[state.status][action];
  if (next === undefined) {
    const issue = offerIssue([], 'offer_transition', { from: state.status, action }, lang);
    throw refuse(action === 'accept' ? 'offer_not_acceptable' : 'offer_invalid_transition', issue, lang);
  }
  if ((action === 'send' || action === 'approve') && !state.hasDraft) throw refuse('offer_invalid_transition', offerIssue([], 'offer_nothing_to_send', {}, lang), lang);
  return next;
}

/** True for the statuses nothing follows. */
export const isFinalOfferStatus = (status: OfferStatus): boolean => Object.keys(OFFER_TRANSITIONS[status]).length === 0;

// ── comparing ────────────────────────────────────────────────────────────────────────────────

/** A line as compared: a request's lines have no price. */
export interface ComparableLine {
  sku: string;
  quantity: number;
  unitPrice: Money | null;
  net: Money | null;
}

const sameMoney = (a: Money | null, b: Money | null) => (a === null || b === null ? a === b : a.amount === b.amount && a.currency === b.currency);

/**
 * How two sets of lines differ, SKU by SKU: the `after` lines in their order (`added`, `changed`
 * in quantity and/or unit price, or `unchanged`), then the `before` lines that are gone (`removed`).
 * A price compared with a request's line (no price) is no price change.
 */
export function diffLines(before: readonly ComparableLine[], after: readonly ComparableLine[]): OfferLineDiff[] {
  const old = new Map(before.map((l) => [l.sku, l]));
  const out: OfferLineDiff[] = [];
  const strip = (l: ComparableLine) => ({ quantity: l.quantity, unitPrice: l.unitPrice, net: l.net });
  for (const line of after) {
    const was = old.get(line.sku);
    if (!was) {
      out.push({ sku: line.sku, kind: 'added', before: null, after: strip(line), quantityChanged: false, priceChanged: false });
      continue;
    }
    const quantityChanged = was.quantity !== line.quantity;
    const priceChanged = was.unitPrice !== null && line.unitPrice !== null && !sameMoney(was.unitPrice, line.unitPrice);
    out.push({ sku: line.sku, kind: quantityChanged || priceChanged ? 'changed' : 'unchanged', before: strip(was), after: strip(line), quantityChanged, priceChanged });
  }
  const now = new Set(after.map((l) => l.sku));
  for (const line of before) {
    if (!now.has(line.sku)) out.push({ sku: line.sku, kind: 'removed', before: strip(line), after: null, quantityChanged: false, priceChanged: false });
  }
  return out;
}

const comparable = (v: Pick<OfferVersion, 'lines'>): ComparableLine[] => v.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice, net: l.net }));

/**
 * Compares two versions of an offer line by line (price, quantity, added, removed), their extra
 * lines, gross and validity; or, with `before` an offer request's lines (version `0`), what the
 * offer changed of what the buyer asked for.
 */
export function compareVersions(before: OfferVersion | { number: 0; lines: readonly OfferRequestLine[] }, after: OfferVersion): OfferComparison {
  const fromRequest = before.number === 0;
  const beforeLines: ComparableLine[] = fromRequest
    ? before.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: null, net: null }))
    : comparable(before as OfferVersion);
  const extrasBefore = fromRequest ? [] : (before as OfferVersion).extras;
  const key = (e: Pick<OfferExtraLine, 'kind' | 'label'>) => `${e.kind}\u0000${e.label}`;
  const oldExtras = new Map(extrasBefore.map((e) => [key(e), e]));
  const extras: OfferComparison['extras'] = after.extras.map((e) => ({ kind: e.kind, label: e.label, before: oldExtras.get(key(e))?.amount ?? null, after: e.amount }));
  const newKeys = new Set(after.extras.map(key));
  for (const e of extrasBefore) if (!newKeys.has(key(e))) extras.push({ kind: e.kind, label: e.label, before: e.amount, after: null });
  return {
    from: before.number,
    to: after.number,
    lines: diffLines(beforeLines, comparable(after)),
    extras,
    gross: { before: fromRequest ? null : (before as OfferVersion).totals.gross, after: after.totals.gross },
    validUntil: { before: fromRequest ? null : (before as OfferVersion).validUntil, after: after.validUntil },
  };
}
