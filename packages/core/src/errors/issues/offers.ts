import type { IssueMessages } from '../messages.js';

const pct = (bp: unknown, lang: 'de' | 'en') =>
  `${(Number(bp) / 100).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 2 })} %`;

/** Offers: requests, the rep's prices and discounts, validity, the lifecycle and acceptance. */
export const offersIssues: IssueMessages = {
  en: {
    discount_range: (p) => `A discount is between 0 % and 100 %${p.value !== undefined ? `, not ${pct(p.value, 'en')}` : ''}.`,
    price_negative: () => 'A price cannot be negative.',
    offer_duplicate_sku: (p) => `${p.sku} is already line ${Number(p.first) + 1}.`,
    offer_lines_required: () => 'An offer needs at least one line.',
    currency_mismatch: (p) => `Prices are in ${p.expected}, not ${p.actual}.`,
    valid_until_past: (p) => `The validity ends after today (${p.today}).`,
    price_valid_before_validity: (p) => `The prices must hold at least as long as the offer (${p.validUntil}).`,
    offer_expired: (p) => `This offer was valid until ${p.validUntil}.`,
    offer_version_superseded: (p) => `Version ${p.asked} is no longer current; version ${p.current} is.`,
    offer_transition: (p) => `An offer that is ${p.from} cannot be ${p.action}.`,
    offer_nothing_to_send: () => 'There is no draft to send.',
    offer_approval_required: (p) => `The offer is ${pct(p.discountBp, 'en')} below list prices; your limit is ${pct(p.limitBp, 'en')}. A second sales rep must approve it.`,
    offer_self_approval: () => 'A second sales rep must approve this offer, not its author.',
    offer_no_approval_needed: () => 'This draft needs no approval.',
    line_unavailable: (p) => `${p.sku} cannot be ordered any more.`,
    request_closed: () => 'This request already has an offer.',
  },
  de: {
    discount_range: (p) => `Ein Rabatt liegt zwischen 0 % und 100 %${p.value !== undefined ? `, nicht bei ${pct(p.value, 'de')}` : ''}.`,
    price_negative: () => 'Ein Preis kann nicht negativ sein.',
    offer_duplicate_sku: (p) => `${p.sku} ist schon Position ${Number(p.first) + 1}.`,
    offer_lines_required: () => 'Ein Angebot braucht mindestens eine Position.',
    currency_mismatch: (p) => `Die Preise sind in ${p.expected}, nicht in ${p.actual}.`,
    valid_until_past: (p) => `Die Gültigkeit endet nach heute (${p.today}).`,
    price_valid_before_validity: (p) => `Die Preise müssen mindestens so lange gelten wie das Angebot (${p.validUntil}).`,
    offer_expired: (p) => `Dieses Angebot galt bis ${p.validUntil}.`,
    offer_version_superseded: (p) => `Version ${p.asked} ist nicht mehr aktuell; aktuell ist Version ${p.current}.`,
    offer_transition: (p) => `Ein Angebot im Status „${p.from}“ kann nicht „${p.action}“ werden.`,
    offer_nothing_to_send: () => 'Es gibt keinen Entwurf zum Versenden.',
    offer_approval_required: (p) => `Das Angebot liegt ${pct(p.discountBp, 'de')} unter Listenpreis; Ihre Grenze ist ${pct(p.limitBp, 'de')}. Ein zweiter Vertriebsmitarbeiter muss es freigeben.`,
    offer_self_approval: () => 'Ein zweiter Vertriebsmitarbeiter muss dieses Angebot freigeben, nicht sein Verfasser.',
    offer_no_approval_needed: () => 'Dieser Entwurf braucht keine Freigabe.',
    line_unavailable: (p) => `${p.sku} ist nicht mehr bestellbar.`,
    request_closed: () => 'Zu dieser Anfrage gibt es schon ein Angebot.',
  },
};
