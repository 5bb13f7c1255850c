import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import { isKontorError, type KontorError } from '../errors/kontor-error.js';
import { parseOrThrow } from '../errors/from-zod.js';
import { approvalOf, approvalSatisfied, compareVersions, daysLeft, diffLines, isPastValidity, localDayOf, offerTransition, priceOffer, type OfferLineFacts, type OfferState } from './offer.logic.js';
import { CreateOfferRequestBodySchema, OfferContentInputSchema, OfferVersionSchema, type OfferVersion } from './offer.schema.js';
import { localizeOfferIssues } from './offers.client.js';
import type { ValidationError } from '../errors/validation-error.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const fact = (sku: string, list: number, quantity: number, pricing: OfferLineFacts['pricing'], extra: Partial<OfferLineFacts> = {}): OfferLineFacts => ({
  sku, name: { de: sku, en: sku }, unit: 'piece', priceUnit: 1, quantity, taxClass: 'standard', taxRate: 1900, listUnitPrice: eur(list), pricing, ...extra,
});

const refusal = (fn: () => unknown): KontorError => {
  try {
    fn();
  } catch (e) {
    assert.ok(isKontorError(e), `not a Kontor error: ${String(e)}`);
    return e;
  }
  assert.fail('expected a refusal');
};

describe('priceOffer()', () => {
  it('prices lines at list, at a unit price and with a line discount, in minor units', () => {
    const { lines, totals } = priceOffer([fact('A', 1000, 3, { kind: 'list' }), fact('B', 2000, 2, { kind: 'unit_price', unitPrice: eur(1500) }), fact('C', 999, 1, { kind: 'discount', discountBp: 1000 })], [], 0, 'EUR');
    assert.deepEqual(lines.map((l) => [l.unitPrice.amount, l.net.amount, l.discountBp]), [[1000, 3000, 0], [1500, 3000, 2500], [899, 899, 1001]]);
    assert.deepEqual([totals.listNet.amount, totals.linesNet.amount, totals.savings.amount], [3000 + 4000 + 999, 6899, 1100]);
    assert.deepEqual([totals.tax.amount, totals.gross.amount], [1311, 8210]);
  });

  it('takes the whole-offer discount off each unit price, so the lines add up to the total', () => {
    const { lines, totals } = priceOffer([fact('A', 1999, 7, { kind: 'list' }), fact('B', 333, 3, { kind: 'discount', discountBp: 500 })], [], 250, 'EUR');
    // 1999 − 2.5 % = 1949 (1949.025 rounded); 333 − 5 % = 316, − 2.5 % = 308.
    assert.deepEqual(lines.map((l) => [l.offeredUnitPrice.amount, l.unitPrice.amount]), [[1999, 1949], [316, 308]]);
    assert.equal(totals.linesNet.amount, lines.reduce((s, l) => s + l.net.amount, 0));
    assert.equal(totals.linesNet.amount, 1949 * 7 + 308 * 3);
  });

  it('prices per price unit (cable per 100 m) and rounds once per line', () => {
    const { lines } = priceOffer([fact('NYM', 6900, 250, { kind: 'discount', discountBp: 1250 }, { unit: 'meter', priceUnit: 100 })], [], 0, 'EUR');
    // 6900 − 12.5 % = 6037.5 → 6038 per 100 m; 250 m = 15095.
    assert.deepEqual([lines[0]!.unitPrice.amount, lines[0]!.net.amount], [6038, 15095]);
  });

  it('adds extra lines (freight, setup) with their own tax rate, without the whole-offer discount', () => {
    const { totals, extras } = priceOffer(
      [fact('A', 10000, 1, { kind: 'list' }, { taxClass: 'reduced', taxRate: 700 })],
      [{ kind: 'freight', label: 'Fracht', amount: eur(4500), taxClass: 'standard', taxRate: 1900 }],
      1000,
      'EUR',
    );
    assert.equal(extras[0]!.amount.amount, 4500);
    assert.deepEqual([totals.linesNet.amount, totals.extrasNet.amount, totals.net.amount], [9000, 4500, 13500]);
    assert.deepEqual(totals.taxes.map((t) => [t.rate, t.net.amount, t.tax.amount]), [[1900, 4500, 855], [700, 9000, 630]]);
    assert.equal(totals.gross.amount, 13500 + 855 + 630);
    assert.equal(totals.discountBp, 1000);
  });

  it('refuses a price in another currency', () => {
    assert.throws(() => priceOffer([fact('A', 100, 1, { kind: 'unit_price', unitPrice: { amount: 90, currency: 'CHF' } })], [], 0, 'EUR'), RangeError);
  });
});

describe('the offer content schema', () => {
  const content = (line: unknown) => ({ lines: [line], validUntil: '2026-02-01' });
  const issues = (value: unknown) => {
    const result = z.safeParse(OfferContentInputSchema, value);
    assert.equal(result.success, false);
    try {
      parseOrThrow(OfferContentInputSchema, value, 'The offer');
    } catch (e) {
      return localizeOfferIssues(e as ValidationError, 'de').issues;
    }
    return [];
  };

  it('rejects a discount over 100 %', () => {
    const [issue] = issues(content({ sku: 'A-1', quantity: 1, pricing: { kind: 'discount', discountBp: 10_001 } }));
    assert.deepEqual([issue!.code, issue!.path], ['discount_range', ['lines', 0, 'pricing', 'discountBp']]);
    assert.match(issue!.message, /zwischen 0 % und 100 %/);
  });

  it('rejects a negative price', () => {
    const [issue] = issues(content({ sku: 'A-1', quantity: 1, pricing: { kind: 'unit_price', unitPrice: { amount: -1, currency: 'EUR' } } }));
    assert.deepEqual([issue!.code, issue!.path], ['price_negative', ['lines', 0, 'pricing', 'unitPrice', 'amount']]);
  });

  it('rejects a whole-offer discount below 0 % and prices that end before the offer', () => {
    const found = issues({ lines: [{ sku: 'A-1', quantity: 1, pricing: { kind: 'list' } }], discountBp: -5, validUntil: '2026-02-01', priceValidUntil: '2026-01-31' });
    assert.deepEqual(found.map((i) => i.code), ['discount_range']);
    const later = issues({ lines: [{ sku: 'A-1', quantity: 1, pricing: { kind: 'list' } }], validUntil: '2026-02-01', priceValidUntil: '2026-01-31' });
    assert.deepEqual(later.map((i) => [i.code, i.path.join('.')]), [['price_valid_before_validity', 'priceValidUntil']]);
  });

  it('rejects a request with a SKU twice', () => {
    const result = z.safeParse(CreateOfferRequestBodySchema, { lines: [{ sku: 'A-1', quantity: 1 }, { sku: 'A-1', quantity: 2 }] });
    assert.equal(result.success, false);
    assert.deepEqual(result.error!.issues[0]!.path, ['lines', 1, 'sku']);
  });
});

describe('validity', () => {
  it('counts the last day in the seller’s time zone', () => {
    // 22:59 UTC on 31 January is 23:59 in Berlin: still valid; an hour later it is not.
    assert.equal(isPastValidity('2026-01-31', '2026-01-31T22:59:00Z'), false);
    assert.equal(isPastValidity('2026-01-31', '2026-01-31T23:00:00Z'), true);
    assert.equal(localDayOf('2026-06-30T22:30:00Z'), '2026-07-01');
  });

  it('gives the days left for a countdown', () => {
    assert.equal(daysLeft('2026-02-10', '2026-02-01T10:00:00Z'), 9);
    assert.equal(daysLeft('2026-02-10', '2026-02-10T10:00:00Z'), 0);
    assert.equal(daysLeft('2026-02-10', '2026-02-12T10:00:00Z'), -2);
  });
});

describe('offerTransition()', () => {
  const sent: OfferState = { status: 'sent', version: 4, current: { number: 2, validUntil: '2026-02-01' }, hasDraft: false };
  const now = '2026-01-20T10:00:00Z';

  it('moves a sent offer to accepted, rejected or changes requested', () => {
    assert.equal(offerTransition(sent, 'accept', { version: 4, versionNumber: 2, now }), 'accepted');
    assert.equal(offerTransition(sent, 'reject', { version: 4, versionNumber: 2, now }), 'rejected');
    assert.equal(offerTransition(sent, 'request_changes', { version: 4, now }), 'changes_requested');
  });

  it('refuses a stale version with a conflict', () => {
    assert.equal(refusal(() => offerTransition(sent, 'accept', { version: 3, versionNumber: 2, now })).code, 'conflict');
  });

  it('refuses to accept past the validity with offer_expired, also before the job marked it', () => {
    const e = refusal(() => offerTransition(sent, 'accept', { version: 4, versionNumber: 2, now: '2026-02-02T08:00:00Z', lang: 'de' }));
    assert.deepEqual([e.code, e.status, e.issues[0]!.code], ['offer_expired', 409, 'offer_expired']);
    assert.match(e.message, /abgelaufen/);
    assert.equal(refusal(() => offerTransition({ ...sent, status: 'expired' }, 'accept', { version: 4, now })).code, 'offer_expired');
  });

  it('refuses to accept a withdrawn, rejected, accepted or not yet sent offer with offer_not_acceptable', () => {
    for (const status of ['withdrawn', 'rejected', 'accepted', 'draft', 'changes_requested'] as const) {
      const e = refusal(() => offerTransition({ ...sent, status }, 'accept', { version: 4, versionNumber: 2, now }));
      assert.deepEqual([e.code, e.issues[0]!.code], ['offer_not_acceptable', 'offer_transition'], status);
    }
  });

  it('refuses to accept a superseded version', () => {
    const e = refusal(() => offerTransition(sent, 'accept', { version: 4, versionNumber: 1, now }));
    assert.deepEqual([e.code, e.issues[0]!.code, e.issues[0]!.params], ['offer_not_acceptable', 'offer_version_superseded', { asked: 1, current: 2 }]);
  });

  it('refuses other illegal steps with offer_invalid_transition', () => {
    assert.equal(refusal(() => offerTransition({ ...sent, status: 'accepted' }, 'withdraw', { version: 4, now })).code, 'offer_invalid_transition');
    assert.equal(refusal(() => offerTransition({ ...sent, status: 'withdrawn' }, 'draft', { version: 4, now })).code, 'offer_invalid_transition');
    const nothing = refusal(() => offerTransition({ ...sent, status: 'changes_requested' }, 'send', { version: 4, now }));
    assert.deepEqual([nothing.code, nothing.issues[0]!.code], ['offer_invalid_transition', 'offer_nothing_to_send']);
  });

  it('lets the rep send the next version after changes were requested, and withdraw until the end', () => {
    const changes: OfferState = { ...sent, status: 'changes_requested', hasDraft: true };
    assert.equal(offerTransition(changes, 'send', { version: 4, now }), 'sent');
    assert.equal(offerTransition(changes, 'withdraw', { version: 4, now }), 'withdrawn');
    assert.equal(offerTransition(sent, 'expire', { version: 4, now }), 'expired');
  });
});

describe('approvalOf()', () => {
  it('asks for approval above the rep’s limit and is satisfied by an approval', () => {
    const over = approvalOf({ discountBp: 1500 }, 1000);
    assert.deepEqual([over.needed, approvalSatisfied(over)], [true, false]);
    assert.equal(approvalSatisfied(approvalOf({ discountBp: 1500 }, 1000, { approvedBy: { id: 'rep_2', name: 'B' }, approvedAt: '2026-01-01T00:00:00Z' })), true);
    assert.equal(approvalOf({ discountBp: 1000 }, 1000).needed, false);
  });
});

describe('comparing', () => {
  const version = (number: number, lines: OfferLineFacts[], validUntil = '2026-02-01'): OfferVersion => {
    const priced = priceOffer(lines, [], 0, 'EUR');
    return z.parse(OfferVersionSchema, {
      number, currency: 'EUR', ...priced, discountBp: 0, validUntil, priceValidUntil: validUntil, paymentTerms: null, deliveryTerms: null, comment: null,
      createdAt: '2026-01-01T00:00:00Z', sentAt: '2026-01-01T00:00:00Z', sentBy: null,
    });
  };

  it('tells price and quantity changes, added and removed lines between two versions', () => {
    const v1 = version(1, [fact('A', 1000, 5, { kind: 'list' }), fact('B', 500, 1, { kind: 'list' }), fact('C', 100, 1, { kind: 'list' })]);
    const v2 = version(2, [fact('A', 1000, 5, { kind: 'unit_price', unitPrice: eur(900) }), fact('B', 500, 3, { kind: 'list' }), fact('D', 700, 1, { kind: 'list' })], '2026-02-15');
    const c = compareVersions(v1, v2);
    assert.deepEqual(c.lines.map((l) => [l.sku, l.kind, l.priceChanged, l.quantityChanged]), [
      ['A', 'changed', true, false], ['B', 'changed', false, true], ['D', 'added', false, false], ['C', 'removed', false, false],
    ]);
    assert.deepEqual([c.from, c.to, c.validUntil.before, c.validUntil.after], [1, 2, '2026-02-01', '2026-02-15']);
    assert.equal(c.gross.after.amount, v2.totals.gross.amount);
  });

  it('compares an offer with the request it answers (no prices there)', () => {
    const v1 = version(1, [fact('A', 1000, 10, { kind: 'list' })]);
    const c = compareVersions({ number: 0, lines: [{ sku: 'A', quantity: 5 }, { sku: 'B', quantity: 1 }] }, v1);
    assert.deepEqual(c.lines.map((l) => [l.sku, l.kind, l.quantityChanged, l.priceChanged]), [['A', 'changed', true, false], ['B', 'removed', false, false]]);
    assert.equal(c.gross.before, null);
  });

  it('finds nothing changed between equal lines', () => {
    const lines = [{ sku: 'A', quantity: 1, unitPrice: eur(5), net: eur(5) }];
    assert.deepEqual(diffLines(lines, lines).map((l) => l.kind), ['unchanged']);
  });
});
