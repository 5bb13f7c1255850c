// The checkout's field checks, with core's schemas (the same the server parses with), and the
// localized messages of the issues they and the server report. The element loads this module on
// demand (a dynamic import, fetched as soon as the checkout is on the page): zod and every issue
// message stay out of the checkout's first load.
import type { ErrorIssue, IssuePath, Lang } from '@kontor/core/errors';
import { parseOrThrow } from '@kontor/core/errors/from-zod.js';
import { isKontorError } from '@kontor/core/errors/kontor-error.js';
import { issueMessage } from '@kontor/core/errors/messages.js';
import type { DeliveryDays } from '@kontor/core/orders';
import { requestedDeliveryIssue } from '@kontor/core/orders/delivery-date.logic.js';
import { AddressSchema, PaymentInputSchema, PlaceOrderRequestSchema } from '@kontor/core/orders/order.schema.js';
import { addressOf, given, paymentOf, type CheckoutForm } from './checkout.form.js';

/** The issues of `value` against `schema`, their paths under `prefix`, messages in `lang`. */
function check(schema: Parameters<typeof parseOrThrow>[0], value: unknown, prefix: IssuePath, lang: Lang): ErrorIssue[] {
  try {
    parseOrThrow(schema, value, 'checkout', { lang, prefix });
    return [];
  } catch (error) {
    return isKontorError(error) ? error.issues : [];
  }
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
