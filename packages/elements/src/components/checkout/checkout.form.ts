// The checkout's form state → a place-order request. Pure: no DOM, no client, no schemas; the field
// checks with core's schemas are in checkout.rules.ts, which the element loads on demand.
import type { Cart } from '@kontor/core/cart';
import type { IssuePath } from '@kontor/core/errors';
import type { PaymentMethod, PlaceOrderRequest } from '@kontor/core/orders';
import { normalizeIban } from '@kontor/core/orders/iban.logic.js';

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
export const given = (value: string): string | undefined => (value.trim() ? value : undefined);

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
