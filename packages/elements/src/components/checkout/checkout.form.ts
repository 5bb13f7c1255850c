// The checkout's form state → a place-order request, and the field checks, with core's schemas.
// Pure: no DOM, no client; the element keeps the state and renders the issues.
import type { Cart } from '@kontor/core/cart';
import { isKontorError, issueMessage, parseOrThrow, type ErrorIssue, type IssuePath, type Lang } from '@kontor/core/errors';
import {
  AddressSchema,
  PaymentInputSchema,
  PlaceOrderRequestSchema,
  normalizeIban,
  requestedDeliveryIssue,
  type DeliveryDays,
  type PaymentMethod,
  type PlaceOrderRequest,
} from '@kontor/core/orders';

export type CheckoutStep = 'delivery' | 'payment' | 'review' | 'confirmation';

/** What the buyer typed and chose; strings as typed (empty = not given). */
export interface CheckoutForm {
  addressMode: 'saved' | 'new';
  addressId: string;
  name: string;
  addition: string;
  street: string;
  postcode: string;
  city: string;
  country: string;
  saveAddress: boolean;
  addressLabel: string;
  date: string;
  po: string;
  costCenter: string;
  comment: string;
  method: PaymentMethod | '';
  accountHolder: string;
  iban: string;
  mandate: boolean;
}

export const emptyForm = (): CheckoutForm => ({
  addressMode: 'saved',
  addressId: '',
  name: '',
  addition: '',
  street: '',
  postcode: '',
  city: '',
  country: 'DE',
  saveAddress: false,
  addressLabel: '',
  date: '',
  po: '',
  costCenter: '',
  comment: '',
  method: '',
  accountHolder: '',
  iban: '',
  mandate: false,
});

/** An issue's path as the key the element files field errors under: `payment.iban`. */
export const pathKey = (path: IssuePath): string => path.join('.');

/** The step whose form holds a field (by the issue's path). */
export const stepOf = (path: IssuePath): CheckoutStep => (path[0] === 'payment' ? 'payment' : path.length ? 'delivery' : 'review');

/** Empty (after trimming) → `undefined`, so a missing value is the schema's `required`, not "at least 1 character". */
const given = (value: string): string | undefined => (value.trim() ? value : undefined);

/** The issues of `value` against `schema`, their paths under `prefix`, messages in `lang`. */
function check(schema: Parameters<typeof parseOrThrow>[0], value: unknown, prefix: IssuePath, lang: Lang): ErrorIssue[] {
  try {
    parseOrThrow(schema, value, 'checkout', { lang, prefix });
    return [];
  } catch (error) {
    return isKontorError(error) ? error.issues : [];
  }
}

export function addressOf(form: CheckoutForm) {
  return {
    name: given(form.name),
    ...(given(form.addition) ? { addition: form.addition } : {}),
    street: given(form.street),
    postcode: given(form.postcode)?.trim(),
    city: given(form.city),
    country: form.country,
  };
}

/**
 * The issue of the requested delivery day (core's rule: a delivery day of the destination, not
 * before the earliest one), its message with the days formatted by `day`; `null` when it is fine
 * or not given. `params.next` is the day to offer instead.
 */
export function deliveryDateIssue(form: CheckoutForm, days: DeliveryDays | null, lang: Lang, day: (d: string) => string): ErrorIssue | null {
  if (!form.date) return null;
  const [invalid] = check(PlaceOrderRequestSchema.shape.requestedDeliveryDate, form.date, ['requestedDeliveryDate'], lang);
  if (invalid) return invalid;
  const issue = days ? requestedDeliveryIssue(form.date, days, lang) : null;
  return issue && { ...issue, message: localizeIssue(issue, lang, day) };
}

/**
 * Field issues of the delivery step. `days` are the destination's delivery days and the earliest
 * one (from the checkout options), `day` formats a day for the messages.
 */
export function deliveryIssues(form: CheckoutForm, days: DeliveryDays | null, lang: Lang, day: (d: string) => string): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  if (form.addressMode === 'saved') {
    if (!form.addressId) issues.push({ path: ['deliveryAddress', 'addressId'], code: 'required', message: issueMessage('required', {}, lang) });
  } else {
    issues.push(...check(AddressSchema, addressOf(form), ['deliveryAddress', 'address'], lang));
    if (form.saveAddress && !form.addressLabel.trim()) {
      issues.push({ path: ['deliveryAddress', 'label'], code: 'required', message: issueMessage('required', {}, lang) });
    }
  }
  const shape = PlaceOrderRequestSchema.shape;
  const dateIssue = deliveryDateIssue(form, days, lang, day);
  if (dateIssue) issues.push(dateIssue);
  issues.push(...check(shape.purchaseOrderNumber, given(form.po), ['purchaseOrderNumber'], lang));
  issues.push(...check(shape.costCenter, given(form.costCenter), ['costCenter'], lang));
  issues.push(...check(shape.comment, given(form.comment), ['comment'], lang));
  return issues;
}

/** The payment as the request carries it (SEPA: the IBAN without spaces). */
export function paymentOf(form: CheckoutForm) {
  if (form.method === 'sepa_debit') {
    return {
      method: 'sepa_debit' as const,
      accountHolder: given(form.accountHolder),
      iban: given(form.iban) === undefined ? undefined : normalizeIban(form.iban),
      mandateAccepted: form.mandate ? (true as const) : undefined,
    };
  }
  return { method: form.method || undefined };
}

/** Field issues of the payment step. */
export function paymentIssues(form: CheckoutForm, lang: Lang): ErrorIssue[] {
  if (!form.method) return [{ path: ['payment', 'method'], code: 'required', message: issueMessage('required', {}, lang) }];
  return check(PaymentInputSchema, paymentOf(form), ['payment'], lang);
}

/** Only the IBAN (on blur). */
export const ibanIssues = (form: CheckoutForm, lang: Lang): ErrorIssue[] =>
  check(PaymentInputSchema, { method: 'sepa_debit', accountHolder: 'x', iban: given(form.iban), mandateAccepted: true }, ['payment'], lang).filter(
    (issue) => issue.path[1] === 'iban',
  );

/** An IBAN in groups of four, as printed on cards and statements: `DE89 3704 0044 0532 0130 00`. */
export const formatIban = (value: string): string =>
  normalizeIban(value)
    .replace(/(.{4})/g, '$1 ')
    .trim();

/**
 * The place-order request for `cart` as the buyer saw it: its version, gross total and each
 * line's quantity, unit price and promised day (`promised(sku, quantity)`, `null` when none was shown).
 */
export function placeOrderRequest(form: CheckoutForm, cart: Cart, promised: (sku: string, quantity: number) => string | null): PlaceOrderRequest {
  const delivery: PlaceOrderRequest['deliveryAddress'] =
    form.addressMode === 'saved'
      ? { addressId: form.addressId }
      : {
          address: addressOf(form) as Extract<PlaceOrderRequest['deliveryAddress'], { address: unknown }>['address'],
          ...(form.saveAddress ? { save: true, label: form.addressLabel.trim() } : {}),
        };
  return {
    cartId: cart.id,
    cartVersion: cart.version,
    expectedGross: cart.totals.gross,
    expectedLines: cart.lines.flatMap((line) =>
      line.unitPrice ? [{ sku: line.sku, quantity: line.quantity, unitPrice: line.unitPrice, promisedDelivery: promised(line.sku, line.quantity) }] : [],
    ),
    deliveryAddress: delivery,
    ...(form.date ? { requestedDeliveryDate: form.date } : {}),
    ...(given(form.po) ? { purchaseOrderNumber: form.po.trim() } : {}),
    ...(given(form.costCenter) ? { costCenter: form.costCenter.trim() } : {}),
    ...(given(form.comment) ? { comment: form.comment.trim() } : {}),
    payment: paymentOf(form) as PlaceOrderRequest['payment'],
  };
}

/**
 * The message of an issue the server sent, in the element's language: core's message for the
 * code (with a day or an amount formatted for the buyer), the server's own text for a code core
 * does not know.
 */
export function localizeIssue(issue: ErrorIssue, lang: Lang, day: (d: string) => string): string {
  const params: Record<string, unknown> = { ...(issue.params ?? {}) };
  for (const key of ['earliest', 'next', 'day']) {
    const value = params[key];
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) params[key] = day(value);
  }
  const message = issueMessage(issue.code, params, lang);
  return issue.code !== 'invalid' && message === issueMessage('invalid', {}, lang) ? issue.message : message;
}
