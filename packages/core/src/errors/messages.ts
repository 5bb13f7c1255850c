import type { ErrorCode } from './kontor-error.js';

/** Languages Kontor speaks. */
export type Lang = 'de' | 'en';

/** Picks `de` or `en` from a BCP 47 tag or an Accept-Language header; anything else is `en`. */
export function resolveLang(tag: string | null | undefined): Lang {
  if (!tag) return 'en';
  for (const part of tag.split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (code === 'de') return 'de';
    if (code === 'en') return 'en';
  }
  return 'en';
}

/** Values a message is built from. */
export type MessageParams = Record<string, unknown>;
type Message = (p: MessageParams) => string;

const list = (v: unknown, lang: Lang) =>
  Array.isArray(v) ? v.join(lang === 'de' ? ' oder ' : ' or ') : String(v ?? '');
/** A limit or count for people: grouped in the language's way (10.000.000 / 10,000,000). */
const num = (v: unknown, lang: Lang) => (typeof v === 'number' ? v.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB') : String(v ?? ''));
/** `true` as the only allowed value: a box to tick (a mandate, terms), not a value to type. */
const mustConfirm = (v: unknown) => Array.isArray(v) && v.length === 1 && v[0] === true;
/** A number as the import reads it back to the buyer: no grouping, the language's decimal separator. */
const plain = (v: unknown, lang: Lang) => (lang === 'de' ? String(v).replace('.', ',') : String(v));
const separatorName: Record<Lang, Record<string, string>> = {
  en: { '\t': 'tabs', ';': '“;”', ',': '“,”' },
  de: { '\t': 'Tabulatoren', ';': '„;“', ',': '„,“' },
};

/** Messages for error codes (the error as a whole). */
const errorMessages: Record<Lang, Record<ErrorCode, string>> = {
  en: {
    validation: 'The input is not valid.',
    unauthorized: 'Please sign in again.',
    forbidden: 'You are not allowed to do this.',
    not_found: 'Not found.',
    conflict: 'This was changed in the meantime.',
    rate_limited: 'Too many requests. Please wait a moment.',
    payload_too_large: 'The request is too large.',
    http: 'The server answered with an error.',
    network: 'The server cannot be reached. Check your connection.',
    timeout: 'The server did not answer in time.',
    aborted: 'The request was cancelled.',
    invalid_response: 'The server sent an unexpected answer.',
    not_configured: 'Kontor is not configured: no endpoint.',
    internal: 'Something went wrong on our side.',
  },
  de: {
    validation: 'Die Eingabe ist ungültig.',
    unauthorized: 'Bitte melden Sie sich erneut an.',
    forbidden: 'Dazu sind Sie nicht berechtigt.',
    not_found: 'Nicht gefunden.',
    conflict: 'Dies wurde zwischenzeitlich geändert.',
    rate_limited: 'Zu viele Anfragen. Bitte warten Sie einen Moment.',
    payload_too_large: 'Die Anfrage ist zu groß.',
    http: 'Der Server hat mit einem Fehler geantwortet.',
    network: 'Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.',
    timeout: 'Der Server hat nicht rechtzeitig geantwortet.',
    aborted: 'Die Anfrage wurde abgebrochen.',
    invalid_response: 'Der Server hat eine unerwartete Antwort gesendet.',
    not_configured: 'Kontor ist nicht konfiguriert: kein Endpunkt.',
    internal: 'Bei uns ist etwas schiefgelaufen.',
  },
};

/** Messages for issue codes (one field). Unknown codes fall back to `invalid`. */
const issueMessages: Record<Lang, Record<string, Message>> = {
  en: {
    required: () => 'This field is required.',
    // Quick-order import (cart/import.logic.ts)
    missing_sku: () => 'The article number is missing.',
    invalid_sku: (p) => `“${p.sku}” is not an article number (letters, digits and . - _ /, at most 64 characters).`,
    missing_quantity: () => 'The quantity is missing.',
    invalid_quantity: (p) => `“${p.value}” is not a quantity; please write a whole number, e.g. 12.`,
    quantity_unit: (p) => `Please write only the number: quantities are in the article's sales unit (“${p.unit}” is not read).`,
    ambiguous_quantity: (p) => `“${p.value}” could mean ${Array.isArray(p.readings) ? p.readings.map((r) => plain(r, 'en')).join(' or ') : ''}; please write the quantity without separators.`,
    too_many_columns: (p) => `This row has ${p.found} columns; expected ${p.expected}${p.expected === 2 ? ' (article number and quantity)' : ''}.`,
    merged_too_big: (p) => `Rows ${Array.isArray(p.lines) ? p.lines.join(', ') : ''} add up to ${num(p.quantity, 'en')} of ${p.sku}; at most ${num(p.max, 'en')} per article.`,
    csv_quote: (p) => (p.reason === 'text_after_quote' ? 'Text follows a closing quotation mark in this row.' : 'A quotation mark in this row is never closed.'),
    csv_separator: (p) => `This row separates columns with ${separatorName.en[String(p.found)] ?? p.found} instead of ${separatorName.en[String(p.expected)] ?? p.expected}.`,
    missing_column: (p) => (p.column === 'sku' ? 'No column for the article number (e.g. “SKU” or “Artikelnummer”).' : 'No column for the quantity (e.g. “Quantity” or “Menge”).'),
    invalid_type: (p) => `Expected ${p.expected ?? 'another type'}.`,
    invalid_json: () => 'The body is not valid JSON.',
    too_small: (p) => (p.origin === 'string' ? `At least ${p.minimum} characters.` : p.origin === 'array' ? `At least ${p.minimum} items.` : `Must be at least ${num(p.minimum, 'en')}.`),
    too_big: (p) => (p.origin === 'string' ? `At most ${p.maximum} characters.` : p.origin === 'array' ? `At most ${p.maximum} items.` : `Must be at most ${num(p.maximum, 'en')}.`),
    // A `regex` check names no format a person knows: say what is wrong in plain words.
    invalid_format: (p) => (p.format && p.format !== 'regex' ? `Not a valid ${p.format}.` : 'Not in the expected format.'),
    invalid_value: (p) => (mustConfirm(p.values) ? 'Please confirm this to continue.' : `Must be ${list(p.values, 'en')}.`),
    unrecognized_keys: (p) => `Unknown field ${list(p.keys, 'en')}.`,
    not_integer: () => 'Must be a whole number.',
    not_positive: () => 'Must be greater than zero.',
    min_quantity: (p) => `The minimum order quantity is ${num(p.min, 'en')}.`,
    max_quantity: (p) => `The maximum order quantity is ${num(p.max, 'en')}.`,
    step: (p) => `Order in steps of ${num(p.step, 'en')}.`,
    unknown_sku: (p) => `There is no product with SKU ${p.sku}.`,
    discontinued: (p) => (p.replacementSku ? `Discontinued; replaced by ${p.replacementSku}.` : 'Discontinued.'),
    currency_mismatch: (p) => `Priced in ${p.currency}, but this quote is in ${p.expected}.`,
    no_price: (p) => `There is no price for ${p.sku ?? 'this product'}; please ask for an offer.`,
    invalid_credentials: () => 'E-mail or password is wrong.',
    max_lines: (p) => `A cart holds at most ${num(p.max, 'en')} lines.`,
    idempotency_key_reused: () => 'This Idempotency-Key was already used for a different request.',
    postcode: () => 'Not a valid postcode for this country.',
    iban: () => 'Not a valid IBAN: please check the country code, the length and the digits.',
    credit_limit: (p) => `This order exceeds your credit limit; ${p.remainingText ?? 'less'} is left on account. Please choose prepayment or direct debit.`,
    delivery_date_too_early: (p) => `The earliest possible delivery date is ${p.earliest}.`,
    status_transition: (p) => `An order that is ${p.from} cannot become ${p.to}.`,
    carrier_required: () => 'A shipped order needs a carrier and a tracking number.',
    unknown_order: (p) => `There is no order ${p.number}.`,
    cart_empty: () => 'The cart is empty.',
    cart_not_orderable: (p) => `${p.count} line(s) of the cart cannot be ordered as they are.`,
    payment_unavailable: (p) => `Payment by ${p.method} is not available for your company.`,
    // Availability (availability/availability.logic.ts)
    unsupported_destination: (p) => (Array.isArray(p.supported) && p.supported.length ? `We do not deliver to ${p.country}; we deliver to ${p.supported.join(', ')}.` : `We do not deliver to ${p.country}.`),
    // ERP stock update (server: PUT /v1/erp/stock)
    unknown_warehouse: (p) => (Array.isArray(p.supported) && p.supported.length ? `There is no warehouse ${p.warehouseId}; warehouses: ${p.supported.join(', ')}.` : `There is no warehouse ${p.warehouseId}.`),
    duplicate_position: (p) => `${p.sku} in ${p.warehouseId} is already in this update (position ${p.first}).`,
    invalid: () => 'This value is not valid.',
  },
  de: {
    required: () => 'Dieses Feld ist erforderlich.',
    // Schnellerfassung (cart/import.logic.ts)
    missing_sku: () => 'Die Artikelnummer fehlt.',
    invalid_sku: (p) => `„${p.sku}“ ist keine Artikelnummer (Buchstaben, Ziffern und . - _ /, höchstens 64 Zeichen).`,
    missing_quantity: () => 'Die Menge fehlt.',
    invalid_quantity: (p) => `„${p.value}“ ist keine Menge; bitte eine ganze Zahl angeben, z. B. 12.`,
    quantity_unit: (p) => `Bitte nur die Zahl angeben: Mengen gelten in der Verkaufseinheit des Artikels („${p.unit}“ wird nicht gelesen).`,
    ambiguous_quantity: (p) => `„${p.value}“ kann ${Array.isArray(p.readings) ? p.readings.map((r) => plain(r, 'de')).join(' oder ') : ''} bedeuten; bitte die Menge ohne Trennzeichen angeben.`,
    too_many_columns: (p) => `Diese Zeile hat ${p.found} Spalten; erwartet: ${p.expected}${p.expected === 2 ? ' (Artikelnummer und Menge)' : ''}.`,
    merged_too_big: (p) => `Die Zeilen ${Array.isArray(p.lines) ? p.lines.join(', ') : ''} ergeben zusammen ${num(p.quantity, 'de')} von ${p.sku}; höchstens ${num(p.max, 'de')} je Artikel.`,
    csv_quote: (p) => (p.reason === 'text_after_quote' ? 'In dieser Zeile folgt Text auf ein schließendes Anführungszeichen.' : 'Ein Anführungszeichen in dieser Zeile wird nicht geschlossen.'),
    csv_separator: (p) => `Diese Zeile trennt die Spalten mit ${separatorName.de[String(p.found)] ?? p.found} statt mit ${separatorName.de[String(p.expected)] ?? p.expected}.`,
    missing_column: (p) => (p.column === 'sku' ? 'Keine Spalte für die Artikelnummer (z. B. „Artikelnummer“ oder „SKU“).' : 'Keine Spalte für die Menge (z. B. „Menge“ oder „Quantity“).'),
    invalid_type: (p) => `Erwartet: ${p.expected ?? 'ein anderer Typ'}.`,
    invalid_json: () => 'Der Inhalt ist kein gültiges JSON.',
    too_small: (p) => (p.origin === 'string' ? `Mindestens ${p.minimum} Zeichen.` : p.origin === 'array' ? `Mindestens ${p.minimum} Einträge.` : `Muss mindestens ${num(p.minimum, 'de')} sein.`),
    too_big: (p) => (p.origin === 'string' ? `Höchstens ${p.maximum} Zeichen.` : p.origin === 'array' ? `Höchstens ${p.maximum} Einträge.` : `Darf höchstens ${num(p.maximum, 'de')} sein.`),
    invalid_format: (p) => (p.format && p.format !== 'regex' ? `Kein gültiges Format (${p.format}).` : 'Nicht im erwarteten Format.'),
    invalid_value: (p) => (mustConfirm(p.values) ? 'Bitte bestätigen Sie dies, um fortzufahren.' : `Erlaubt: ${list(p.values, 'de')}.`),
    unrecognized_keys: (p) => `Unbekanntes Feld ${list(p.keys, 'de')}.`,
    not_integer: () => 'Bitte eine ganze Zahl angeben.',
    not_positive: () => 'Muss größer als null sein.',
    min_quantity: (p) => `Die Mindestbestellmenge ist ${num(p.min, 'de')}.`,
    max_quantity: (p) => `Die Höchstbestellmenge ist ${num(p.max, 'de')}.`,
    step: (p) => `Bitte in Schritten von ${num(p.step, 'de')} bestellen.`,
    unknown_sku: (p) => `Es gibt keinen Artikel mit der Nummer ${p.sku}.`,
    discontinued: (p) => (p.replacementSku ? `Nicht mehr lieferbar; Ersatz: ${p.replacementSku}.` : 'Nicht mehr lieferbar.'),
    currency_mismatch: (p) => `In ${p.currency} bepreist, dieses Angebot ist aber in ${p.expected}.`,
    no_price: (p) => `Für ${p.sku ?? 'diesen Artikel'} gibt es keinen Preis; bitte fragen Sie ein Angebot an.`,
    invalid_credentials: () => 'E-Mail oder Passwort ist falsch.',
    max_lines: (p) => `Ein Warenkorb fasst höchstens ${num(p.max, 'de')} Positionen.`,
    idempotency_key_reused: () => 'Dieser Idempotency-Key wurde schon für eine andere Anfrage verwendet.',
    postcode: () => 'Keine gültige Postleitzahl für dieses Land.',
    iban: () => 'Keine gültige IBAN: bitte Länderkennung, Länge und Ziffern prüfen.',
    credit_limit: (p) => `Diese Bestellung überschreitet Ihr Kreditlimit; auf Rechnung sind noch ${p.remainingText ?? 'weniger'} frei. Bitte wählen Sie Vorkasse oder Lastschrift.`,
    delivery_date_too_early: (p) => `Frühestmöglicher Liefertermin: ${p.earliest}`,
    status_transition: (p) => `Eine Bestellung im Status „${p.from}“ kann nicht „${p.to}“ werden.`,
    carrier_required: () => 'Für „versandt“ braucht es Versanddienstleister und Sendungsnummer.',
    unknown_order: (p) => `Es gibt keine Bestellung ${p.number}.`,
    cart_empty: () => 'Der Warenkorb ist leer.',
    cart_not_orderable: (p) => `${p.count} Position(en) des Warenkorbs können so nicht bestellt werden.`,
    payment_unavailable: (p) => `Zahlung per ${p.method} ist für Ihr Unternehmen nicht möglich.`,
    // Verfügbarkeit (availability/availability.logic.ts)
    unsupported_destination: (p) => (Array.isArray(p.supported) && p.supported.length ? `Wir liefern nicht nach ${p.country}; Lieferländer: ${p.supported.join(', ')}.` : `Wir liefern nicht nach ${p.country}.`),
    // ERP-Bestandsmeldung (Server: PUT /v1/erp/stock)
    unknown_warehouse: (p) => (Array.isArray(p.supported) && p.supported.length ? `Es gibt kein Lager ${p.warehouseId}; Lager: ${p.supported.join(', ')}.` : `Es gibt kein Lager ${p.warehouseId}.`),
    duplicate_position: (p) => `${p.sku} in ${p.warehouseId} ist bereits in dieser Meldung enthalten (Position ${p.first}).`,
    invalid: () => 'Dieser Wert ist ungültig.',
  },
};

/** The human message for an error code. */
export function errorMessage(code: ErrorCode, lang: Lang = 'en'): string {
  return errorMessages[lang][code] ?? errorMessages[lang].http;
}

/** The human message for an issue code with its params. */
export function issueMessage(code: string, params: MessageParams = {}, lang: Lang = 'en'): string {
  const table = issueMessages[lang];
  return (table[code] ?? table.invalid!)(params);
}
