import type { IssueMessages } from '../messages.js';

/**
 * Why a token or a key was refused (401/403): expired, forged, revoked, sent from a browser, or
 * from an origin the token's partner did not register. The 401's message is the issue's, so a
 * widget can say what happened instead of a bare "please sign in again".
 */
export const accessIssues: IssueMessages = {
  en: {
    token_missing: () => 'No access token was sent. Please sign in.',
    token_expired: () => 'Your access has expired. Please sign in again.',
    token_invalid: () => 'The access token is not valid (unknown, malformed or forged). Please sign in again.',
    token_revoked: () => 'This access was withdrawn: the partner key or the customer access it was issued with has been revoked.',
    partner_key_in_browser: (p) => `A partner API key is refused from a browser (origin ${p.origin}): keep it on the partner's server and hand the browser a customer token.`,
    origin_not_allowed: (p) => `This customer token may not be used from ${p.origin}: the origin is not registered for its partner.`,
  },
  de: {
    token_missing: () => 'Es wurde kein Zugangstoken gesendet. Bitte melden Sie sich an.',
    token_expired: () => 'Ihr Zugang ist abgelaufen. Bitte melden Sie sich erneut an.',
    token_invalid: () => 'Das Zugangstoken ist ungültig (unbekannt, fehlerhaft oder gefälscht). Bitte melden Sie sich erneut an.',
    token_revoked: () => 'Dieser Zugang wurde entzogen: Der Partnerschlüssel oder der Kundenzugang, mit dem er ausgestellt wurde, ist widerrufen.',
    partner_key_in_browser: (p) => `Ein Partner-API-Schlüssel wird aus einem Browser nicht angenommen (Origin ${p.origin}): Er gehört auf den Server des Partners, der Browser bekommt ein Kundentoken.`,
    origin_not_allowed: (p) => `Dieses Kundentoken darf von ${p.origin} nicht verwendet werden: Die Origin ist für seinen Partner nicht registriert.`,
  },
};
