import {
  approvalOf,
  approvalSatisfied,
  compareVersions,
  CreateStandingOrderBodySchema,
  errorMessage,
  isPastValidity,
  KontorError,
  localDayOf,
  money,
  offerIssue,
  offerIssueMessage,
  offerTransition,
  OFFER_TIME_ZONE,
  parseStandingOrderRequest,
  priceCartLines,
  priceOffer,
  taxRateBasisPoints,
  unitPriceAt,
  ValidationError,
  type AcceptOfferBodySchema,
  type Address,
  type CompanyRef,
  type CreateOfferBodySchema,
  type CreateOfferRequestBodySchema,
  type ErrorIssue,
  type IssuePath,
  type Lang,
  type Offer,
  type OfferAction,
  type OfferComparison,
  type OfferContentInputSchema,
  type OfferEvent,
  type OfferLineFacts,
  type OfferRequest,
  type OfferResult,
  type OfferState,
  type OfferVersion,
  type Order,
  type RejectOfferBodySchema,
  type RequestOfferChangesBodySchema,
  type SellerOffer,
} from '@kontor/core';
import type { Transaction } from 'kysely';
import type * as z from 'zod/mini';
import { availabilityPlan } from '../availability/availability.service.js';
import type { BuyerCaller } from '../auth/caller.js';
import type { SellerCaller } from '../auth/seller.js';
import { cartLines, findCart, newId, priceListCurrency, type CartLineRow } from '../db/cart.queries.js';
import type { Db } from '../db/database.js';
import { findCompanyAddress } from '../db/order.queries.js';
import type { Database } from '../db/schema.js';
import { cartProducts } from '../http/cart-view.js';
import { httpError } from '../http/errors.js';
import { lineIssues, loadLineProducts, suggestSkus } from '../http/line-check.js';
import type { AppDeps } from '../http/route.js';
import { cartScopeOf, placeLines } from '../orders/order.service.js';
import { addressOf } from '../orders/order.view.js';
import type { OutboxDeps } from '../outbox/outbox.js';
import { createStandingOrderIn } from '../standing-orders/service.js';
import { withPriceMode } from '../standing-orders/run.js';
import { enqueueOfferMail } from './mails.js';
import {
  companiesById,
  findOffer,
  findRequest,
  lockOffer,
  lockRequest,
  nextOfferSequence,
  repsById,
  updateOffer,
  versionsOf,
  type OfferRequestRow,
  type OfferRow,
} from './offer.queries.js';

type Tx = Transaction<Database>;
type Deps = AppDeps & OutboxDeps;
type ContentInput = z.output<typeof OfferContentInputSchema>;

/** How long a drafted offer is valid when the rep does not say: 30 days. */
export const DEFAULT_VALIDITY_DAYS = 30;

/** The draft of the next version as an offer row keeps it. */
interface StoredDraft {
  version: OfferVersion;
  author: { id: string; name: string };
  /** The author's approval limit when the draft was written. */
  limitBp: number;
  approvedBy: { id: string; name: string } | null;
  approvedAt: string | null;
}

const invalid = (issues: ErrorIssue[], lang: Lang, status = 422) => new ValidationError(`${errorMessage('validation', lang)} ${issues[0]!.message}`, issues, { status });
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const yearOf = (now: Date) => Number(localDayOf(now, OFFER_TIME_ZONE).slice(0, 4));

/** A company's scope for catalogue look-ups made on its behalf (a rep pricing an offer): only `company` is read. */
const companyScope = (company: { id: string; name: string; customer_number: string; price_list_id: string | null }): BuyerCaller => ({
  kind: 'customer',
  company: { id: company.id, name: company.name, customerNumber: company.customer_number, priceListId: company.price_list_id },
  partner: { id: '', name: '' },
  expiresAt: '',
});
const refOf = (c: { id: string; name: string; customer_number: string }): CompanyRef => ({ id: c.id, name: c.name, customerNumber: c.customer_number });

// ── views ────────────────────────────────────────────────────────────────────────────────────

export function requestOf(row: OfferRequestRow, company: CompanyRef): OfferRequest {
  return {
    id: row.id, status: row.status, company, lines: JSON.parse(row.lines) as OfferRequest['lines'], message: row.message, desiredDate: row.desired_date,
    requestedBy: { name: row.requested_by }, cartId: row.cart_id, offerId: row.offer_id, createdAt: row.created_at,
  };
}

export async function requestViews(db: Db | Tx, rows: readonly OfferRequestRow[]): Promise<OfferRequest[]> {
  const companies = await companiesById(db, rows.map((r) => r.company_id));
  return rows.map((r) => requestOf(r, refOf(companies.get(r.company_id)!)));
}

/** Offers as a buyer or a rep sees them, with their versions (one query each for versions, companies, reps). */
async function viewsOf(db: Db | Tx, rows: readonly OfferRow[]): Promise<{ buyer: Offer; seller: SellerOffer }[]> {
  const [versions, companies, reps] = await Promise.all([versionsOf(db, rows.map((r) => r.id)), companiesById(db, rows.map((r) => r.company_id)), repsById(db, rows.map((r) => r.rep_id))]);
  return rows.map((row) => {
    const rep = reps.get(row.rep_id)!;
    const buyer: Offer = {
      id: row.id, number: row.number, version: Number(row.version), status: row.status, company: refOf(companies.get(row.company_id)!), requestId: row.request_id,
      rep: { name: rep.name, email: rep.email },
      versions: versions.get(row.id)!.map((d) => JSON.parse(d) as OfferVersion),
      currentVersion: row.current_version === null ? null : Number(row.current_version),
      validUntil: row.valid_until,
      history: JSON.parse(row.history) as OfferEvent[],
      acceptedVersion: row.accepted_version === null ? null : Number(row.accepted_version),
      result: row.result ? (JSON.parse(row.result) as OfferResult) : null,
      createdAt: row.created_at, updatedAt: row.updated_at,
    };
    const draft = row.draft ? (JSON.parse(row.draft) as StoredDraft) : null;
    const seller: SellerOffer = {
      ...buyer,
      rep: { id: rep.id, name: rep.name, email: rep.email },
      draft: draft?.version ?? null,
      approval: draft ? approvalOf(draft.version.totals, draft.limitBp, draft) : null,
    };
    return { buyer, seller };
  });
}

export const buyerViews = async (db: Db | Tx, rows: readonly OfferRow[]) => (await viewsOf(db, rows)).map((v) => v.buyer);
export const sellerViews = async (db: Db | Tx, rows: readonly OfferRow[]) => (await viewsOf(db, rows)).map((v) => v.seller);

const stale = async (db: Tx, row: OfferRow, lang: Lang, seller: boolean) => {
  const [view] = seller ? await sellerViews(db, [row]) : await buyerViews(db, [row]);
  return httpError('conflict', lang, { status: 409, details: { offer: view } });
};

/** A stale `version` is a 409 with the current offer in `details.offer`; every other refusal of the lifecycle as it is. */
async function transition(trx: Tx, row: OfferRow, action: OfferAction, ctx: { version: number; versionNumber?: number; now: Date; lang: Lang; seller: boolean }) {
  const state: OfferState = {
    status: row.status, version: Number(row.version),
    current: row.current_version === null ? null : { number: Number(row.current_version), validUntil: row.valid_until! },
    hasDraft: row.draft !== null,
  };
  try {
    return offerTransition(state, action, { version: ctx.version, now: ctx.now, lang: ctx.lang, ...(ctx.versionNumber !== undefined ? { versionNumber: ctx.versionNumber } : {}) });
  } catch (error) {
    if (error instanceof KontorError && error.code === 'conflict') throw await stale(trx, row, ctx.lang, ctx.seller);
    throw error;
  }
}

const event = (at: Date, kind: OfferEvent['kind'], versionNumber: number | null, by: OfferEvent['by'], text: string | null = null, lines: OfferEvent['lines'] = null): OfferEvent => ({
  at: at.toISOString(), kind, versionNumber, by, text, lines,
});
const withEvent = (row: OfferRow, e: OfferEvent) => JSON.stringify([...(JSON.parse(row.history) as OfferEvent[]), e]);
const buyerName = (caller: BuyerCaller) => (caller.kind === 'user' ? caller.user.name : caller.partner.name);

/** Writes the change (version + 1) or fails as stale. */
async function save(trx: Tx, row: OfferRow, set: Partial<OfferRow>, now: Date, lang: Lang, seller: boolean): Promise<OfferRow> {
  const next = { ...row, ...set, version: Number(row.version) + 1, updated_at: now.toISOString() };
  if (!(await updateOffer(trx, row, next))) throw await stale(trx, row, lang, seller);
  return next;
}

// ── requests ─────────────────────────────────────────────────────────────────────────────────

/** Lines the company may ask for: unknown (another company's too) and discontinued SKUs, quantities off the rules are a 422; "price on request" is what an offer is for. */
async function checkRequestLines(db: Db, caller: BuyerCaller, lines: readonly { sku: string; quantity: number }[], path: IssuePath, lang: Lang): Promise<void> {
  const currency = (await priceListCurrency(db, caller.company.priceListId)) ?? 'EUR';
  const products = await loadLineProducts(db, caller, lines.map((l) => l.sku));
  const issues = lineIssues(lines.map((l, i) => ({ ...l, path: [...path, i] })), products, currency, lang).filter((i) => i.code !== 'no_price');
  if (!issues.length) return;
  await suggestSkus(db, caller, issues);
  throw invalid(issues, lang);
}

export async function createRequestIn(trx: Tx, caller: BuyerCaller, body: z.output<typeof CreateOfferRequestBodySchema>, now: Date, lang: Lang): Promise<OfferRequest> {
  const db = trx as unknown as Db;
  let lines = body.lines;
  let cartId: string | null = null;
  if (body.from) {
    const cart = await findCart(db, cartScopeOf(caller), body.from.cartId);
    if (!cart) throw httpError('not_found', lang);
    cartId = cart.id;
    lines ??= (await cartLines(db, [cart.id])).map((l) => ({ sku: l.sku, quantity: l.quantity }));
    if (!lines.length) throw invalid([offerIssue(['from', 'cartId'], 'cart_empty', {}, lang)], lang);
  }
  if (!lines) throw invalid([offerIssue(['lines'], 'offer_lines_required', {}, lang)], lang, 400);
  await checkRequestLines(db, caller, lines, ['lines'], lang);
  const row: OfferRequestRow = {
    id: newId('orq'), company_id: caller.company.id, user_id: caller.kind === 'user' ? caller.user.id : null, partner_id: caller.kind === 'customer' ? caller.partner.id : null,
    requested_by: buyerName(caller), cart_id: cartId, lines: JSON.stringify(lines), message: body.message || null, desired_date: body.desiredDate ?? null,
    status: 'open', offer_id: null, created_at: now.toISOString(),
  };
  await trx.insertInto('offer_requests').values(row).execute();
  return requestOf(row, { id: caller.company.id, name: caller.company.name, customerNumber: caller.company.customerNumber });
}

// ── pricing a draft ──────────────────────────────────────────────────────────────────────────

/**
 * Prices a version's content for the company at `now`: the company's list prices at each
 * quantity, the rep's unit prices and discounts. Unknown and discontinued SKUs, quantities off the
 * rules, a list-priced line without a price, amounts in another currency and a validity before
 * today are a 422 at their paths (under `path`).
 */
async function priceContent(db: Db, company: Parameters<typeof companyScope>[0], content: ContentInput, number: number, now: Date, lang: Lang, path: IssuePath): Promise<OfferVersion> {
  const scope = companyScope(company);
  const currency = (await priceListCurrency(db, company.price_list_id)) ?? 'EUR';
  const products = await loadLineProducts(db, scope, content.lines.map((l) => l.sku));
  const issues = lineIssues(content.lines.map((l, i) => ({ ...l, path: [...path, 'lines', i] })), products, currency, lang)
    // A product "on request" has no list price: the rep gives one.
    .filter((i) => !(i.code === 'no_price' && content.lines[Number(i.path[path.length + 1])]?.pricing.kind === 'unit_price'));
  content.lines.forEach((l, i) => {
    if (l.pricing.kind === 'unit_price' && l.pricing.unitPrice.currency !== currency) issues.push(offerIssue([...path, 'lines', i, 'pricing', 'unitPrice', 'currency'], 'currency_mismatch', { expected: currency, actual: l.pricing.unitPrice.currency }, lang));
  });
  (content.extras ?? []).forEach((e, i) => {
    if (e.amount.currency !== currency) issues.push(offerIssue([...path, 'extras', i, 'amount', 'currency'], 'currency_mismatch', { expected: currency, actual: e.amount.currency }, lang));
  });
  const today = localDayOf(now, OFFER_TIME_ZONE);
  if (content.validUntil < today) issues.push(offerIssue([...path, 'validUntil'], 'valid_until_past', { today }, lang));
  if (issues.length) {
    await suggestSkus(db, scope, issues);
    throw invalid(issues, lang);
  }
  const facts: OfferLineFacts[] = content.lines.map((l) => {
    const p = products.get(l.sku)!;
    const list = p.price ? unitPriceAt(p.price, l.quantity) : l.pricing.kind === 'unit_price' ? l.pricing.unitPrice : money(0, currency);
    return {
      sku: l.sku, name: p.name, unit: p.unit, priceUnit: p.price?.priceUnit ?? 1, quantity: l.quantity, taxClass: p.taxClass, taxRate: taxRateBasisPoints(p.taxClass),
      listUnitPrice: list, pricing: l.pricing,
    };
  });
  const extras = (content.extras ?? []).map((e) => ({ ...e, taxRate: taxRateBasisPoints(e.taxClass) }));
  const discountBp = content.discountBp ?? 0;
  const priced = priceOffer(facts, extras, discountBp, currency);
  return {
    number, currency, ...priced, discountBp, validUntil: content.validUntil, priceValidUntil: content.priceValidUntil ?? content.validUntil,
    paymentTerms: content.paymentTerms || null, deliveryTerms: content.deliveryTerms || null, comment: content.comment || null,
    createdAt: now.toISOString(), sentAt: null, sentBy: null,
  };
}

const draftOf = (version: OfferVersion, rep: SellerCaller): StoredDraft => ({ version, author: { id: rep.rep.id, name: rep.rep.name }, limitBp: rep.rep.approvalLimitBp, approvedBy: null, approvedAt: null });

// ── the seller's side ────────────────────────────────────────────────────────────────────────

/** Drafts an offer from a request (one per request: a second is a 409) or from scratch for a company. */
export async function createOfferIn(trx: Tx, rep: SellerCaller, body: z.output<typeof CreateOfferBodySchema>, now: Date, lang: Lang): Promise<SellerOffer> {
  const db = trx as unknown as Db;
  let request: OfferRequestRow | undefined;
  let companyId: string;
  let content: ContentInput;
  if ('from' in body) {
    request = await lockRequest(trx, body.from.requestId);
    if (!request) throw httpError('not_found', lang);
    if (request.offer_id !== null) {
      const existing = await findOffer(trx, null, request.offer_id);
      throw new KontorError('conflict', `${errorMessage('conflict', lang)} ${offerIssueMessage('request_closed', {}, lang)}`, {
        status: 409, issues: [offerIssue(['from', 'requestId'], 'request_closed', {}, lang)], details: existing ? { offer: (await sellerViews(trx, [existing]))[0] } : {},
      });
    }
    companyId = request.company_id;
    const asked = JSON.parse(request.lines) as { sku: string; quantity: number }[];
    content = body.content ?? {
      lines: asked.map((l) => ({ sku: l.sku, quantity: l.quantity, pricing: { kind: 'list' as const } })),
      validUntil: addDays(localDayOf(now, OFFER_TIME_ZONE), DEFAULT_VALIDITY_DAYS),
    };
  } else {
    companyId = body.companyId;
    content = body.content;
  }
  const company = (await companiesById(trx, [companyId])).get(companyId);
  if (!company) throw httpError('not_found', lang);
  const version = await priceContent(db, company, content, 1, now, lang, body.content ? ['content'] : ['from', 'requestId']);
  const iso = now.toISOString();
  const id = newId('ofr');
  const row: OfferRow = {
    id, company_id: company.id, number: `ANG-${yearOf(now)}-${String(await nextOfferSequence(trx, yearOf(now))).padStart(6, '0')}`,
    request_id: request?.id ?? null, rep_id: rep.rep.id, user_id: request?.user_id ?? null, status: 'draft', version: 0, current_version: null, valid_until: null,
    currency: version.currency, draft: JSON.stringify(draftOf(version, rep)), history: JSON.stringify([event(now, 'created', null, { side: 'seller', name: rep.rep.name })]),
    accepted_version: null, result: null, created_at: iso, updated_at: iso,
  };
  await trx.insertInto('offers').values(row).execute();
  if (request) await trx.updateTable('offer_requests').set({ status: 'offered', offer_id: id }).where('id', '=', request.id).where('offer_id', 'is', null).execute();
  return (await sellerViews(trx, [row]))[0]!;
}

async function forSeller(trx: Tx, id: string, lang: Lang): Promise<OfferRow> {
  const row = await lockOffer(trx, null, id);
  if (!row) throw httpError('not_found', lang);
  return row;
}

/**
 * A rep may act on an offer of their own; a colleague's only to approve it (403 `forbidden`
 * otherwise: reps see every offer of the seller, so this is no existence leak).
 */
const assertOwner = (row: OfferRow, rep: SellerCaller, lang: Lang) => {
  if (row.rep_id !== rep.rep.id) throw httpError('forbidden', lang);
};

/** Writes the draft of the next version (drops an approval). */
export async function updateDraftIn(trx: Tx, rep: SellerCaller, id: string, body: { version: number; content: ContentInput }, now: Date, lang: Lang): Promise<SellerOffer> {
  const row = await forSeller(trx, id, lang);
  assertOwner(row, rep, lang);
  await transition(trx, row, 'draft', { version: body.version, now, lang, seller: true });
  const company = (await companiesById(trx, [row.company_id])).get(row.company_id)!;
  const number = (row.current_version === null ? 0 : Number(row.current_version)) + 1;
  const version = await priceContent(trx as unknown as Db, company, body.content, number, now, lang, ['content']);
  const next = await save(trx, row, { draft: JSON.stringify(draftOf(version, rep)), currency: version.currency }, now, lang, true);
  return (await sellerViews(trx, [next]))[0]!;
}

/** A second rep approves a draft above its author's limit. */
export async function approveIn(trx: Tx, rep: SellerCaller, id: string, version: number, now: Date, lang: Lang): Promise<SellerOffer> {
  const row = await forSeller(trx, id, lang);
  await transition(trx, row, 'approve', { version, now, lang, seller: true });
  const draft = JSON.parse(row.draft!) as StoredDraft;
  const refuse = (code: string) => new KontorError('offer_invalid_transition', `${errorMessage('offer_invalid_transition', lang)} ${offerIssueMessage(code, {}, lang)}`, { issues: [offerIssue([], code, {}, lang)] });
  if (draft.author.id === rep.rep.id) throw refuse('offer_self_approval');
  if (!approvalOf(draft.version.totals, draft.limitBp).needed) throw refuse('offer_no_approval_needed');
  const approved: StoredDraft = { ...draft, approvedBy: { id: rep.rep.id, name: rep.rep.name }, approvedAt: now.toISOString() };
  const next = await save(trx, row, { draft: JSON.stringify(approved), history: withEvent(row, event(now, 'approved', draft.version.number, { side: 'seller', name: rep.rep.name })) }, now, lang, true);
  return (await sellerViews(trx, [next]))[0]!;
}

/** Sends the draft as the next version (approval first where needed) and mails the buyer. */
export async function sendIn(trx: Tx, deps: Deps, rep: SellerCaller, id: string, version: number, now: Date, lang: Lang): Promise<SellerOffer> {
  const row = await forSeller(trx, id, lang);
  assertOwner(row, rep, lang);
  const status = await transition(trx, row, 'send', { version, now, lang, seller: true });
  const draft = JSON.parse(row.draft!) as StoredDraft;
  const approval = approvalOf(draft.version.totals, draft.limitBp, draft);
  if (!approvalSatisfied(approval)) {
    const params = { discountBp: approval.discountBp, limitBp: approval.limitBp };
    throw new KontorError('offer_approval_required', `${errorMessage('offer_approval_required', lang)} ${offerIssueMessage('offer_approval_required', params, lang)}`, {
      issues: [offerIssue([], 'offer_approval_required', params, lang)], details: { approval },
    });
  }
  // A validity that passed while it was a draft is refused, as on writing it.
  if (isPastValidity(draft.version.validUntil, now)) throw invalid([offerIssue(['draft', 'validUntil'], 'valid_until_past', { today: localDayOf(now) }, lang)], lang);
  const sent: OfferVersion = { ...draft.version, sentAt: now.toISOString(), sentBy: { id: rep.rep.id, name: rep.rep.name } };
  await trx.insertInto('offer_versions').values({ offer_id: row.id, number: sent.number, company_id: row.company_id, data: JSON.stringify(sent), sent_at: sent.sentAt! }).execute();
  const next = await save(trx, row, {
    status, draft: null, current_version: sent.number, valid_until: sent.validUntil,
    history: withEvent(row, event(now, 'sent', sent.number, { side: 'seller', name: rep.rep.name })),
  }, now, lang, true);
  const [view] = await viewsOf(trx, [next]);
  await enqueueOfferMail(trx, deps, { type: 'offer.sent', offer: view!.buyer, companyId: row.company_id, userId: row.user_id }, now);
  return view!.seller;
}

export async function withdrawIn(trx: Tx, deps: Deps, rep: SellerCaller, id: string, body: { version: number; reason?: string | undefined }, now: Date, lang: Lang): Promise<SellerOffer> {
  const row = await forSeller(trx, id, lang);
  assertOwner(row, rep, lang);
  const status = await transition(trx, row, 'withdraw', { version: body.version, now, lang, seller: true });
  const next = await save(trx, row, { status, history: withEvent(row, event(now, 'withdrawn', row.current_version === null ? null : Number(row.current_version), { side: 'seller', name: rep.rep.name }, body.reason || null)) }, now, lang, true);
  const [view] = await viewsOf(trx, [next]);
  // Only a buyer who saw it hears of the withdrawal.
  if (row.current_version !== null) await enqueueOfferMail(trx, deps, { type: 'offer.withdrawn', offer: view!.buyer, companyId: row.company_id, userId: row.user_id }, now);
  return view!.seller;
}

// ── the buyer's side ─────────────────────────────────────────────────────────────────────────

/** The company's offer (only once sent: a draft is the seller's), else 404. */
export async function buyerOffer(db: Db | Tx, caller: BuyerCaller, id: string, lang: Lang): Promise<OfferRow> {
  const row = await findOffer(db, caller.company.id, id);
  if (!row || row.current_version === null) throw httpError('not_found', lang);
  return row;
}

async function forBuyer(trx: Tx, caller: BuyerCaller, id: string, lang: Lang): Promise<OfferRow> {
  const row = await lockOffer(trx, caller.company.id, id);
  if (!row || row.current_version === null) throw httpError('not_found', lang);
  return row;
}

async function currentVersion(db: Db | Tx, row: OfferRow): Promise<OfferVersion> {
  return JSON.parse((await versionsOf(db, [row.id])).get(row.id)!.at(-1)!) as OfferVersion;
}

export async function rejectIn(trx: Tx, deps: Deps, caller: BuyerCaller, id: string, body: z.output<typeof RejectOfferBodySchema>, now: Date, lang: Lang): Promise<Offer> {
  const row = await forBuyer(trx, caller, id, lang);
  const status = await transition(trx, row, 'reject', { version: body.version, versionNumber: body.versionNumber, now, lang, seller: false });
  const next = await save(trx, row, { status, history: withEvent(row, event(now, 'rejected', body.versionNumber, { side: 'buyer', name: buyerName(caller) }, body.reason)) }, now, lang, false);
  const [view] = await viewsOf(trx, [next]);
  await enqueueOfferMail(trx, deps, { type: 'offer.answered', offer: view!.buyer, companyId: row.company_id, repId: row.rep_id }, now);
  return view!.buyer;
}

export async function requestChangesIn(trx: Tx, deps: Deps, caller: BuyerCaller, id: string, body: z.output<typeof RequestOfferChangesBodySchema>, now: Date, lang: Lang): Promise<Offer> {
  const row = await forBuyer(trx, caller, id, lang);
  const status = await transition(trx, row, 'request_changes', { version: body.version, versionNumber: body.versionNumber, now, lang, seller: false });
  if (body.lines) await checkRequestLines(trx as unknown as Db, caller, body.lines, ['lines'], lang);
  const e = event(now, 'changes_requested', body.versionNumber, { side: 'buyer', name: buyerName(caller) }, body.comment, body.lines ?? null);
  const next = await save(trx, row, { status, history: withEvent(row, e), user_id: row.user_id ?? (caller.kind === 'user' ? caller.user.id : null) }, now, lang, false);
  const [view] = await viewsOf(trx, [next]);
  await enqueueOfferMail(trx, deps, { type: 'offer.answered', offer: view!.buyer, companyId: row.company_id, repId: row.rep_id }, now);
  return view!.buyer;
}

/** The delivery address of an acceptance: a saved one of the company (else 404) or the one given. */
async function addressFor(db: Db, caller: BuyerCaller, input: z.output<typeof AcceptOfferBodySchema>['into']['deliveryAddress'], lang: Lang): Promise<Address> {
  if ('addressId' in input) {
    const saved = await findCompanyAddress(db, caller.company.id, input.addressId);
    if (!saved) throw httpError('not_found', lang);
    return addressOf(saved);
  }
  return input.address;
}

const notAcceptable = (issues: ErrorIssue[], lang: Lang) => new KontorError('offer_not_acceptable', `${errorMessage('offer_not_acceptable', lang)} ${issues[0]!.message}`, { issues });

/** What the order says of the offer: its number and version, and the extra lines it does not carry. */
function orderComment(row: OfferRow, v: OfferVersion, buyerComment: string | undefined, lang: Lang): string {
  const extras = v.extras.map((e) => `${e.label} ${(e.amount.amount / 100).toFixed(2)} ${e.amount.currency}`);
  const head = lang === 'de' ? `Angebot ${row.number}, Version ${v.number}` : `Offer ${row.number}, version ${v.number}`;
  const more = extras.length ? (lang === 'de' ? `; Zusatzpositionen (netto, separat berechnet): ${extras.join(', ')}` : `; extra lines (net, invoiced separately): ${extras.join(', ')}`) : '';
  return [buyerComment, `${head}${more}`].filter(Boolean).join('\n').slice(0, 1000);
}

/**
 * Accepts the current version: validity and the lines' availability are checked again, then an
 * order is placed at the version's unit prices through the checkout's placement (`placeLines`),
 * or a standing order is set up with those prices fixed until the version's `priceValidUntil`.
 */
export async function acceptIn(trx: Tx, deps: Deps, caller: BuyerCaller, id: string, body: z.output<typeof AcceptOfferBodySchema>, now: Date, lang: Lang): Promise<{ offer: Offer; order: Order | null; standingOrderId: string | null }> {
  const db = trx as unknown as Db;
  const row = await forBuyer(trx, caller, id, lang);
  const status = await transition(trx, row, 'accept', { version: body.version, versionNumber: body.versionNumber, now, lang, seller: false });
  const v = await currentVersion(trx, row);
  const priceMode = { kind: 'fixed' as const, validUntil: v.priceValidUntil, prices: v.lines.map((l) => ({ sku: l.sku, unitPrice: l.unitPrice })), offerId: row.id };
  const products = withPriceMode(await loadLineProducts(db, caller, v.lines.map((l) => l.sku)), priceMode);
  const stored: CartLineRow[] = v.lines.map((l, position) => ({ cart_id: row.id, sku: l.sku, quantity: l.quantity, position, addedAt: '' }));
  const priced = priceCartLines(stored, cartProducts(stored, products), v.currency, lang);
  const unavailable = priced.lines.flatMap((l, i) => (l.issues.length ? [offerIssue(['lines', i], 'line_unavailable', { sku: l.sku }, lang)] : []));
  if (unavailable.length) throw notAcceptable(unavailable, lang);

  let order: Order | null = null;
  let standingOrderId: string | null = null;
  let result: OfferResult;
  const into = body.into;
  if (into.kind === 'order') {
    const address = await addressFor(db, caller, into.deliveryAddress, lang);
    const planned = await availabilityPlan(db, caller, stored, { now, destination: address.country, lang }).catch((error: unknown) => {
      if (error instanceof ValidationError) throw invalid(error.issues.map((i) => ({ ...i, path: ['into', 'deliveryAddress'] })), lang);
      throw error;
    });
    const plans = new Map(planned.map((p) => [p.sku, p]));
    const short = stored.flatMap((l, i) => {
      const p = plans.get(l.sku);
      return p && 'item' in p && p.item.earliestDelivery !== null ? [] : [offerIssue(['lines', i], 'line_unavailable', { sku: l.sku }, lang)];
    });
    if (short.length) throw notAcceptable(short, lang);
    order = await placeLines(trx, deps, caller, {
      state: { stored, products, priced },
      plans,
      body: {
        payment: into.payment, requestedDeliveryDate: into.requestedDeliveryDate, purchaseOrderNumber: into.purchaseOrderNumber || undefined,
        costCenter: into.costCenter || undefined, comment: orderComment(row, v, into.comment, lang),
      },
      row: { id: row.id, currency: v.currency, last_channel: 'web' },
      address,
      saveAddress: null,
    }, now, lang);
    result = { kind: 'order', orderId: order.id, orderNumber: order.number };
  } else {
    const parsed = parseStandingOrderRequest(CreateStandingOrderBodySchema, {
      ...(into.name !== undefined ? { name: into.name } : {}),
      lines: v.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
      deliveryAddress: into.deliveryAddress, payment: into.payment, schedule: into.schedule, priceMode,
      ...(into.purchaseOrderPattern !== undefined ? { purchaseOrderPattern: into.purchaseOrderPattern } : {}),
      ...(into.shortage !== undefined ? { shortage: into.shortage } : {}),
      ...(into.reminderDays !== undefined ? { reminderDays: into.reminderDays } : {}),
    }, 'The standing order', { lang, status: 422, prefix: ['into'] });
    const so = await createStandingOrderIn(trx, deps, caller, parsed, now, lang);
    standingOrderId = so.id;
    result = { kind: 'standing_order', standingOrderId: so.id };
  }
  const next = await save(trx, row, {
    status, accepted_version: v.number, result: JSON.stringify(result),
    history: withEvent(row, event(now, 'accepted', v.number, { side: 'buyer', name: buyerName(caller) })),
  }, now, lang, false);
  const [view] = await viewsOf(trx, [next]);
  await enqueueOfferMail(trx, deps, { type: 'offer.answered', offer: view!.buyer, companyId: row.company_id, repId: row.rep_id }, now);
  return { offer: view!.buyer, order, standingOrderId };
}

/** Two versions of a sent offer (version 0: its request), default the current against the one before. */
export async function compareIn(db: Db, row: OfferRow, query: { from?: number | undefined; to?: number | undefined }, lang: Lang): Promise<OfferComparison> {
  const versions = (await versionsOf(db, [row.id])).get(row.id)!.map((d) => JSON.parse(d) as OfferVersion);
  const to = query.to ?? versions.length;
  const from = query.from ?? to - 1;
  const after = versions.find((v) => v.number === to);
  if (!after || from >= to) throw httpError('not_found', lang);
  if (from === 0) {
    const request = row.request_id ? await findRequest(db, row.company_id, row.request_id) : undefined;
    return compareVersions({ number: 0, lines: request ? (JSON.parse(request.lines) as OfferRequest['lines']) : [] }, after);
  }
  const before = versions.find((v) => v.number === from);
  if (!before) throw httpError('not_found', lang);
  return compareVersions(before, after);
}

/** A version of an offer for its document: the asked one, else the current one, else (reps) the draft. */
export async function versionFor(db: Db, row: OfferRow, asked: number | undefined, withDraft: boolean, lang: Lang): Promise<OfferVersion> {
  const versions = (await versionsOf(db, [row.id])).get(row.id)!.map((d) => JSON.parse(d) as OfferVersion);
  const draft = withDraft && row.draft ? (JSON.parse(row.draft) as StoredDraft).version : null;
  const all = draft ? [...versions, draft] : versions;
  const found = asked === undefined ? (versions.at(-1) ?? draft) : all.find((v) => v.number === asked);
  if (!found) throw httpError('not_found', lang);
  return found;
}

/** Expires sent offers past their validity (one transaction each); returns how many. */
export async function expireOffers(db: Db, now: Date, limit = 200): Promise<number> {
  const today = localDayOf(now, OFFER_TIME_ZONE);
  const ids = await db.selectFrom('offers').select('id').where('status', '=', 'sent').where('valid_until', '<', today).orderBy('valid_until').orderBy('id').limit(limit).execute();
  let done = 0;
  for (const { id } of ids) {
    const changed = await db.transaction().execute(async (trx) => {
      const row = await lockOffer(trx, null, id);
      if (!row || row.status !== 'sent' || !row.valid_until || !isPastValidity(row.valid_until, now)) return false;
      const e = event(now, 'expired', row.current_version === null ? null : Number(row.current_version), { side: 'system', name: 'Kontor' });
      return updateOffer(trx, row, { status: 'expired', version: Number(row.version) + 1, updated_at: now.toISOString(), history: withEvent(row, e) });
    });
    if (changed) done++;
  }
  return done;
}
