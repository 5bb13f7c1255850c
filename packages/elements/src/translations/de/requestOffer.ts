import type { RequestOfferStrings } from '../translation.js';

/** German: requestOffer. */
export const requestOffer: RequestOfferStrings = {
  requestOffer: 'Angebot anfragen',
  requestOfferTitle: 'Angebot zum Warenkorb anfragen',
  requestMessage: 'Nachricht an den Vertrieb (optional)',
  desiredDate: 'Gewünschter Liefertermin (optional)',
  sendRequest: 'Anfrage senden',
  requestSending: 'Wird gesendet …',
  requestNeedsCart: 'Legen Sie zuerst Artikel in den Warenkorb.',
  requestSent: (id, lines) =>
    `Ihre Anfrage ${id} mit ${lines === 1 ? '1 Position' : `${lines.toLocaleString('de-DE')} Positionen`} ist eingegangen. Sie erhalten das Angebot per E-Mail und in Ihrem Kundenkonto.`,
  requestCancel: 'Abbrechen',
};
