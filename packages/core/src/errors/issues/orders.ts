import type { IssueMessages } from '../messages.js';

/** Sign-in, checkout, orders and their status. */
export const ordersIssues: IssueMessages = {
  en: {
    invalid_credentials: () => 'E-mail or password is wrong.',
    idempotency_key_reused: () => 'This Idempotency-Key was already used for a different request.',
    postcode: () => 'Not a valid postcode for this country.',
    iban: () => 'Not a valid IBAN: please check the country code, the length and the digits.',
    credit_limit: (p) => `This order exceeds your credit limit; ${p.remainingText ?? 'less'} is left on account. Please choose prepayment or direct debit.`,
    delivery_date_too_early: (p) => `The earliest possible delivery date is ${p.earliest}.`,
    delivery_date_too_late: (p) => `The latest possible delivery date is ${p.latest}.`,
    delivery_date_closed: (p) => `No deliveries on ${p.day} (weekend or public holiday). The next possible delivery date is ${p.next}.`,
    status_transition: (p) => `An order that is ${p.from} cannot become ${p.to}.`,
    carrier_required: () => 'A shipped order needs a carrier and a tracking number.',
    unknown_order: (p) => `There is no order ${p.number}.`,
    cart_empty: () => 'The cart is empty.',
    cart_not_orderable: (p) => `${p.count} line(s) of the cart cannot be ordered as they are.`,
    payment_unavailable: (p) => `Payment by ${p.method} is not available for your company.`,
  },
  de: {
    invalid_credentials: () => 'E-Mail oder Passwort ist falsch.',
    idempotency_key_reused: () => 'Dieser Idempotency-Key wurde schon für eine andere Anfrage verwendet.',
    postcode: () => 'Keine gültige Postleitzahl für dieses Land.',
    iban: () => 'Keine gültige IBAN: bitte Länderkennung, Länge und Ziffern prüfen.',
    credit_limit: (p) => `Diese Bestellung überschreitet Ihr Kreditlimit; auf Rechnung sind noch ${p.remainingText ?? 'weniger'} frei. Bitte wählen Sie Vorkasse oder Lastschrift.`,
    delivery_date_too_early: (p) => `Frühestmöglicher Liefertermin: ${p.earliest}`,
    delivery_date_too_late: (p) => `Spätestmöglicher Liefertermin: ${p.latest}`,
    delivery_date_closed: (p) => `Am ${p.day} wird nicht geliefert (Wochenende oder Feiertag). Nächstmöglicher Liefertermin: ${p.next}`,
    status_transition: (p) => `Eine Bestellung im Status „${p.from}“ kann nicht „${p.to}“ werden.`,
    carrier_required: () => 'Für „versandt“ braucht es Versanddienstleister und Sendungsnummer.',
    unknown_order: (p) => `Es gibt keine Bestellung ${p.number}.`,
    cart_empty: () => 'Der Warenkorb ist leer.',
    cart_not_orderable: (p) => `${p.count} Position(en) des Warenkorbs können so nicht bestellt werden.`,
    payment_unavailable: (p) => `Zahlung per ${p.method} ist für Ihr Unternehmen nicht möglich.`,
  },
};
