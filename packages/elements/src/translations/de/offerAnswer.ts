import type { OfferAnswerStrings } from '../translation.js';
import { deDay, utc } from './format.js';

const day = (iso: string) => `${deDay().format(utc(iso))}${iso.slice(0, 4)}`;

/** German: offerAnswer (the answer forms of <kontor-offer>). */
export const offerAnswer: OfferAnswerStrings = {
  acceptTitle: 'Angebot annehmen',
  intoLabel: 'Annehmen als',
  intoOrder: 'Bestellung (einmalig)',
  intoStandingOrder: 'Dauerauftrag zu den Angebotspreisen',
  deliveryAddress: 'Lieferadresse',
  noSavedAddress: 'Ihre Firma hat keine gespeicherte Lieferadresse. Bitte legen Sie eine im Kundenkonto an.',
  paymentLabel: 'Zahlungsart',
  offerPaymentName: (m) => ({ invoice: 'Rechnung', prepayment: 'Vorkasse' })[m],
  offerDeliveryDate: 'Wunschliefertermin (optional)',
  offerPoNumber: 'Ihre Bestellnummer (optional)',
  offerStandingOrderName: 'Name des Dauerauftrags (optional)',
  offerSchedule: 'Rhythmus',
  scheduleChoice: (k) => ({ weekly: 'jede Woche', biweekly: 'alle 2 Wochen', fourweekly: 'alle 4 Wochen', monthly: 'jeden Monat' })[k],
  firstRun: 'Erste Lieferung am',
  standingOrderPrices: (d) => `Zu den Preisen dieses Angebots bis ${day(d)}; dann endet der Dauerauftrag.`,
  confirmAccept: 'Verbindlich bestellen',
  confirmStandingOrder: 'Dauerauftrag verbindlich anlegen',
  accepting: 'Wird angenommen …',
  rejectReason: 'Grund der Ablehnung',
  confirmReject: 'Angebot ablehnen',
  changesComment: 'Was soll sich ändern?',
  sendChanges: 'Änderungswunsch senden',
  cancel: 'Abbrechen',
  addressesLoading: 'Lieferadressen werden geladen …',
  rejectTitle: 'Angebot ablehnen',
  changesTitle: 'Änderungen anfragen',
  answerSending: 'Wird gesendet …',
};
