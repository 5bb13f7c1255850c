import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { validationErrorFromZod } from '../errors/from-zod.js';
import { formatMoney } from '../money/money.logic.js';
import { isValidIban, maskIban, normalizeIban } from './iban.logic.js';
import { isValidIbanStrict } from './iban.strict.js';
import { canMoveOrder, formatOrderNumber, lineDrift, nextOrderStatuses, ORDER_FLOW, removedLines, trackingOf } from './order.logic.js';
import { AddressSchema, OrderStatusSchema, PaymentInputSchema, PlaceOrderRequestSchema, type OrderStatus } from './order.schema.js';

const issuesOf = (schema: z.core.$ZodType, value: unknown) => {
  const r = z.safeParse(schema, value, { reportInput: true });
  return r.success ? [] : validationErrorFromZod(r.error, 'test', { lang: 'de' }).issues;
};

describe('order lifecycle', () => {
  it('moves forward along placed → confirmed → in fulfilment → shipped → delivered, skipping steps if need be', () => {
    assert.ok(canMoveOrder('placed', 'confirmed'));
    assert.ok(canMoveOrder('placed', 'shipped'));
    assert.ok(canMoveOrder('shipped', 'delivered'));
    assert.deepEqual(nextOrderStatuses('in_fulfilment'), ['shipped', 'delivered', 'cancelled']);
  });

  it('never moves back, never after delivered or cancelled, and cancels only before shipping', () => {
    assert.ok(!canMoveOrder('shipped', 'confirmed'));
    assert.ok(!canMoveOrder('delivered', 'cancelled'));
    assert.ok(!canMoveOrder('cancelled', 'placed'));
    assert.ok(!canMoveOrder('shipped', 'cancelled'));
    assert.ok(canMoveOrder('in_fulfilment', 'cancelled'));
    assert.ok(!canMoveOrder('confirmed', 'confirmed'));
  });

  it('has no cycles: every allowed move goes strictly forward', () => {
    const statuses = OrderStatusSchema.options as readonly OrderStatus[];
    const rank = (s: OrderStatus) => (s === 'cancelled' ? 99 : ORDER_FLOW.indexOf(s));
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.constantFrom(...statuses), (from, to) => !canMoveOrder(from, to) || rank(to) > rank(from)),
    );
  });

  it('numbers orders K-YYYY-NNNNNN', () => {
    assert.equal(formatOrderNumber(2026, 123), 'K-2026-000123');
    assert.equal(formatOrderNumber(2027, 1_234_567), 'K-2027-1234567');
  });

  it('links tracking numbers of known carriers and leaves others without a link', () => {
    assert.match(trackingOf('DHL', '00340434161094042557').url!, /^https:\/\/www\.dhl\.de\/.*00340434161094042557$/);
    assert.equal(trackingOf('Spedition Meyer', '4711').url, null);
  });
});

describe('IBAN', () => {
  it('accepts a valid IBAN in any spacing and case and masks all but the last four digits', () => {
    assert.ok(isValidIban('de89 3704 0044 0532 0130 00'));
    assert.equal(normalizeIban('de89 3704 0044 0532 0130 00'), 'DE89370400440532013000');
    assert.equal(maskIban('DE89370400440532013000'), 'DE89 **** **** **** **30 00');
  });

  it('rejects a wrong check digit and a swap of two digits', () => {
    assert.ok(!isValidIban('DE88370400440532013000'));
    assert.ok(!isValidIban('DE89370400440532031000'));
    assert.ok(!isValidIban('DE89'));
  });

  it('agrees with ibantools on check digits, and the strict check also knows lengths and countries', () => {
    for (const iban of ['DE89370400440532013000', 'AT611904300234573201', 'CH9300762011623852957', 'NL91ABNA0417164300', 'GB29NWBK60161331926819']) {
      assert.ok(isValidIban(iban) && isValidIbanStrict(iban), iban);
    }
    assert.ok(!isValidIbanStrict('DE8937040044053201300'));
    assert.ok(!isValidIbanStrict('XX89370400440532013000'));
    fc.assert(
      fc.property(fc.stringMatching(/^(DE|AT|NL)\d{2}[0-9]{18}$/), (candidate) => !isValidIbanStrict(candidate) || isValidIban(candidate)),
    );
  });

  it('is a field error with code iban in a SEPA payment', () => {
    const issues = issuesOf(PaymentInputSchema, { method: 'sepa_debit', accountHolder: 'Elektro Müller GmbH', iban: 'DE00 1234', mandateAccepted: true });
    assert.deepEqual(issues.map((i) => [i.path, i.code]), [[['iban'], 'iban']]);
    assert.match(issues[0]!.message, /IBAN/);
  });
});

describe('addresses and the checkout request', () => {
  const address = { name: 'Elektro Müller GmbH', street: 'Hafenstraße 12', postcode: '20457', city: 'Hamburg', country: 'DE' };

  it('requires a postcode and checks it by country', () => {
    assert.deepEqual(issuesOf(AddressSchema, address), []);
    assert.deepEqual(issuesOf(AddressSchema, { ...address, postcode: '' }).map((i) => i.path), [['postcode']]);
    assert.deepEqual(issuesOf(AddressSchema, { ...address, postcode: '2045' }).map((i) => [i.path, i.code]), [[['postcode'], 'postcode']]);
    assert.deepEqual(issuesOf(AddressSchema, { ...address, postcode: '1010', country: 'AT' }), []);
    const { postcode: _omitted, ...withoutPostcode } = address;
    assert.deepEqual(issuesOf(AddressSchema, withoutPostcode).map((i) => [i.path, i.code]), [[['postcode'], 'required']]);
  });

  it('reports a new address without a postcode at its field, not as an invalid choice of address', () => {
    const base = { cartId: 'cart_abc', cartVersion: 3, expectedGross: { amount: 11900, currency: 'EUR' }, payment: { method: 'invoice' } };
    const { postcode: _omitted, ...withoutPostcode } = address;
    assert.deepEqual(issuesOf(PlaceOrderRequestSchema, { ...base, deliveryAddress: { address: withoutPostcode } }).map((i) => [i.path, i.code]), [[['deliveryAddress', 'address', 'postcode'], 'required']]);
    assert.deepEqual(issuesOf(PlaceOrderRequestSchema, { ...base, deliveryAddress: { addressId: 'nope' } }).map((i) => i.path), [['deliveryAddress', 'addressId']]);
    assert.deepEqual(issuesOf(PlaceOrderRequestSchema, { ...base, deliveryAddress: {} }).map((i) => [i.path, i.code]), [[['deliveryAddress'], 'invalid']]);
  });

  it('takes a saved address or a new one, and one of three payment methods', () => {
    const base = { cartId: 'cart_abc', cartVersion: 3, expectedGross: { amount: 11900, currency: 'EUR' } };
    assert.deepEqual(issuesOf(PlaceOrderRequestSchema, { ...base, deliveryAddress: { addressId: 'adr_1' }, payment: { method: 'invoice' } }), []);
    assert.deepEqual(issuesOf(PlaceOrderRequestSchema, { ...base, deliveryAddress: { address, save: true }, payment: { method: 'prepayment' } }), []);
    assert.ok(issuesOf(PlaceOrderRequestSchema, { ...base, deliveryAddress: { addressId: 'adr_1' }, payment: { method: 'cash' } }).length > 0);
    const sepa = { method: 'sepa_debit', accountHolder: 'Elektro Müller GmbH', iban: 'DE89370400440532013000', mandateAccepted: false };
    assert.ok(issuesOf(PlaceOrderRequestSchema, { ...base, deliveryAddress: { addressId: 'adr_1' }, payment: sepa }).some((i) => i.path.join('.') === 'payment.mandateAccepted'));
  });

  it('refuses control and bidi-override characters, line breaks and broken characters in every free-text field, in NFC', () => {
    const base = { cartId: 'cart_abc', cartVersion: 3, expectedGross: { amount: 11900, currency: 'EUR' }, payment: { method: 'invoice' } };
    const dirty: [string, string][] = [['PO\u00001', 'control_character'], ['PO\u001b[31m', 'control_character'], ['PO\r\n1', 'line_break'], ['\u202Eevil', 'control_character'], ['ab\u2066c', 'control_character'], ['x\uFEFFy', 'control_character'], ['x\uD800y', 'unpaired_surrogate']];
    const fields: [Record<string, unknown>, (string | number)[]][] = [];
    for (const field of ['purchaseOrderNumber', 'costCenter']) fields.push([{ [field]: '' }, [field]]);
    for (const field of ['name', 'addition', 'street', 'city']) fields.push([{ deliveryAddress: { address: { ...address, [field]: '' } } }, ['deliveryAddress', 'address', field]]);
    fields.push([{ deliveryAddress: { address, label: '' } }, ['deliveryAddress', 'label']]);
    for (const [value, code] of dirty) {
      for (const [shape, path] of fields) {
        const body = JSON.parse(JSON.stringify({ deliveryAddress: { addressId: 'adr_1' }, ...shape }).replace('""', JSON.stringify(value))) as Record<string, unknown>;
        assert.deepEqual(issuesOf(PlaceOrderRequestSchema, { ...base, ...body }).map((i) => [i.path, i.code]), [[path, code]], `${path.join('.')} = ${JSON.stringify(value)}`);
      }
    }
    // A comment may have line breaks, and only those.
    const comment = (value: string) => issuesOf(PlaceOrderRequestSchema, { ...base, deliveryAddress: { addressId: 'adr_1' }, comment: value }).map((i) => [i.path, i.code, i.params]);
    assert.deepEqual(comment('Bitte anrufen:\r\n0171 1234567\nDanke'), []);
    assert.deepEqual(comment('Bitte\tanrufen'), [[['comment'], 'control_character', undefined]]);
    assert.deepEqual(comment('Tor 3\u202E'), [[['comment'], 'control_character', undefined]]);
    assert.deepEqual(comment('\uDC00'), [[['comment'], 'unpaired_surrogate', undefined]]);
    // Decomposed umlauts become composed ones; emoji (paired surrogates) stay.
    const parsed = z.parse(PlaceOrderRequestSchema, { ...base, deliveryAddress: { address: { ...address, name: 'Mu\u0308ller' } }, comment: '👍' });
    assert.equal((parsed.deliveryAddress as { address: { name: string } }).address.name, 'M\u00fcller');
    assert.equal(parsed.comment, '👍');
    assert.equal(issuesOf(AddressSchema, { ...address, city: 'Ham\nburg' })[0]!.message, 'Bitte in einer Zeile schreiben.');
  });
});

describe('lineDrift() and removedLines(): what changed since the buyer saw the cart', () => {
  const eur = (amount: number) => ({ amount, currency: 'EUR' });
  const seen = [
    { sku: 'A', quantity: 4, unitPrice: eur(1000) },
    { sku: 'B', quantity: 2, unitPrice: eur(500) },
  ];
  it('names a new line, a changed quantity and a changed unit price, in the language asked for', () => {
    assert.deepEqual(lineDrift(undefined, { sku: 'C', quantity: 3, unitPrice: eur(100) }, 'de'), [{ sku: 'C', kind: 'added', before: null, after: '3' }]);
    assert.deepEqual(lineDrift(seen[0], { sku: 'A', quantity: 40, unitPrice: eur(950) }, 'de'), [
      { sku: 'A', kind: 'quantity', before: '4', after: '40' },
      { sku: 'A', kind: 'price', before: formatMoney(eur(1000), 'de'), after: formatMoney(eur(950), 'de') },
    ]);
    assert.deepEqual(lineDrift(seen[1], { sku: 'B', quantity: 2, unitPrice: eur(500) }, 'en'), []);
  });
  it('names the lines that are gone with the quantity seen', () => {
    assert.deepEqual(removedLines(seen, [{ sku: 'A' }]), [{ sku: 'B', kind: 'removed', before: '2', after: null }]);
  });
});
