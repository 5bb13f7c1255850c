import type { CheckoutStrings } from '../translation.js';

/** German: checkout. */
export const checkout: CheckoutStrings = {
  checkout: 'Kasse',
  checkoutStep: (step) => ({ delivery: 'Lieferung', payment: 'Zahlung', review: 'Prüfen und bestellen', confirmation: 'Bestätigung' })[step],
  stepOf: (step, of) => `Schritt ${step} von ${of}`,
  checkoutSteps: 'Schritte der Bestellung',
  deliveryAddress: 'Lieferadresse',
  savedAddress: 'Gespeicherte Adresse',
  newAddress: 'Neue Adresse',
  addressField: (field) =>
    ({ name: 'Firma / Empfänger', addition: 'Zusatz (Abteilung, Person)', street: 'Straße und Hausnummer', postcode: 'PLZ', city: 'Ort', country: 'Land' })[field],
  saveAddress: 'Adresse für künftige Bestellungen speichern',
  addressLabel: 'Bezeichnung der Adresse',
  earliestDeliveryHint: (day) => `Frühestens ${day}, Mo–Fr außer Feiertage`,
  useDeliveryDay: (day) => `${day} übernehmen`,
  costCenter: 'Kostenstelle',
  comment: 'Bemerkung',
  optional: '(optional)',
  next: 'Weiter',
  back: 'Zurück',
  edit: 'Ändern',
  paymentMethod: 'Zahlungsart',
  paymentName: (method) => ({ invoice: 'Kauf auf Rechnung', prepayment: 'Vorkasse', sepa_debit: 'SEPA-Lastschrift' })[method],
  creditRemaining: (amount) => `Verfügbarer Kreditrahmen: ${amount}`,
  paymentUnavailable: (reason, remaining) =>
    reason === 'credit_limit'
      ? `Ihr Kreditrahmen reicht für diese Bestellung nicht aus${remaining ? `; verfügbar sind noch ${remaining}` : ''}.`
      : 'Für Ihr Unternehmen nicht verfügbar.',
  bankDetailsIntro: 'Überweisen Sie den Betrag nach der Bestellung auf dieses Konto:',
  accountHolder: 'Kontoinhaber',
  iban: 'IBAN',
  bic: 'BIC',
  bank: 'Bank',
  transferReference: 'Verwendungszweck',
  mandateAccept: 'Ich erteile dieses SEPA-Lastschriftmandat.',
  mandateReference: 'Mandatsreferenz',
  placeOrder: 'Zahlungspflichtig bestellen',
  placing: 'Bestellung wird übermittelt …',
  orderPlaced: 'Vielen Dank für Ihre Bestellung!',
  orderPlacedAnnouncement: (number) => `Bestellung ${number} aufgegeben.`,
  transferRequest: (gross, number) => `Bitte überweisen Sie ${gross} mit dem Verwendungszweck ${number} auf:`,
  prepaymentHint: 'Die Bankverbindung und den Verwendungszweck erhalten Sie mit der Bestellbestätigung.',
  cartChanged: 'Ihr Warenkorb hat sich seit der Anzeige geändert. Es wurde nichts bestellt.',
  cartDrift: (kind, name, before, after) =>
    ({
      price: `${name}: Preis ${before} → ${after}`,
      availability: `${name}: Lieferung ${before} → ${after}`,
      removed: `${name} ist nicht mehr im Warenkorb`,
      added: `${name} ist neu im Warenkorb`,
      quantity: `${name}: Menge ${before} → ${after}`,
      not_orderable: `${name} ist so nicht bestellbar`,
    })[kind],
  updateCart: 'Warenkorb aktualisieren',
  creditLimitExceeded: (remaining) =>
    `Die Bestellung übersteigt Ihren Kreditrahmen; verfügbar sind noch ${remaining}. Bitte wählen Sie Vorkasse oder SEPA-Lastschrift.`,
  placeUncertain: 'Keine Antwort vom Server – ob die Bestellung angekommen ist, ist offen. „Erneut versuchen“ bestellt sicher nur einmal.',
  placeFailed: 'Die Bestellung wurde nicht aufgegeben.',
  cartNotOrderable: 'Bitte beheben Sie zuerst die markierten Positionen im Warenkorb.',
  nothingToOrder: 'Ihr Warenkorb ist leer – es gibt nichts zu bestellen.',
  checkoutAgain: 'Den aktuellen Warenkorb bestellen',
};
