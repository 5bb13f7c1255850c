import type { ErrorCode } from './kontor-error.js';
import { availabilityIssues } from './issues/availability.js';
import { ordersIssues } from './issues/orders.js';
import { quantityIssues } from './issues/quantity.js';
import { validationIssues } from './issues/validation.js';

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
/** One issue's message, built from its params. */
export type IssueMessage = (p: MessageParams) => string;

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
    offer_expired: 'This offer has expired.',
    offer_not_acceptable: 'This offer cannot be accepted.',
    offer_approval_required: 'This offer needs the approval of a second sales rep before it can be sent.',
    offer_invalid_transition: 'This is not possible in the offer’s current status.',
    action_expired: 'This confirmation has expired. Please ask again.',
    action_used: 'This was already confirmed.',
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
    offer_expired: 'Dieses Angebot ist abgelaufen.',
    offer_not_acceptable: 'Dieses Angebot kann nicht angenommen werden.',
    offer_approval_required: 'Dieses Angebot muss von einem zweiten Vertriebsmitarbeiter freigegeben werden, bevor es versendet werden kann.',
    offer_invalid_transition: 'Im aktuellen Status des Angebots ist das nicht möglich.',
    action_expired: 'Diese Bestätigung ist abgelaufen. Bitte fragen Sie erneut.',
    action_used: 'Dies wurde bereits bestätigt.',
  },
};

/** Messages for issue codes (one field), per language. */
export type IssueMessages = Readonly<Record<Lang, Readonly<Record<string, IssueMessage>>>>;

/**
 * The message for an issue code from the given tables (the first that knows it), else the generic
 * "This value is not valid." Code that reports only some issues names only their tables, so a page
 * showing a quantity does not carry the CSV import's or the checkout's sentences.
 */
export function messageIn(tables: readonly IssueMessages[], code: string, params: MessageParams = {}, lang: Lang = 'en'): string {
  for (const table of tables) {
    const message = table[lang][code];
    if (message) return message(params);
  }
  return validationIssues[lang].invalid!(params);
}

/** Quantity, article-number and price issues (with the generic ones): the cart, quantity input and availability. */
export const quantityIssueMessage = (code: string, params: MessageParams = {}, lang: Lang = 'en'): string =>
  messageIn([quantityIssues, validationIssues], code, params, lang);

// Not the request's own issues (requestIssues): only the server's router reports them, with their
// message. Not the CSV import's (importIssues): only cart/import.logic.ts raises them, and it names
// its table; here every element would carry the quick-order's sentences.
const allIssues = [validationIssues, quantityIssues, ordersIssues, availabilityIssues];

/** The human message for an error code. */
export function errorMessage(code: ErrorCode, lang: Lang = 'en'): string {
  return errorMessages[lang][code] ?? errorMessages[lang].http;
}

/** The human message for an issue code with its params. */
export function issueMessage(code: string, params: MessageParams = {}, lang: Lang = 'en'): string {
  return messageIn(allIssues, code, params, lang);
}
