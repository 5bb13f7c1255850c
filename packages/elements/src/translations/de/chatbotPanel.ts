import type { ChatbotPanelStrings } from '../translation.js';
import { deDay, deWeekday, utc } from './format.js';

const day = (d: string) => `${deWeekday().format(utc(d)).replace(/\.$/, '')}, ${deDay().format(utc(d))}`;

/** German: the chat panel of <kontor-chatbot>. */
export const chatbotPanel: ChatbotPanelStrings = {
  messages: 'Gesprächsverlauf',
  you: 'Sie',
  assistant: 'Assistent',
  welcome: 'Guten Tag! Ich helfe Ihnen bei Bestellungen, Lieferterminen, Nachbestellungen und Daueraufträgen.',
  starters: ['Wo ist meine letzte Bestellung?', 'Wann kommen 50 m NYM-J 3x1,5?', 'Letzte Bestellung nachbestellen'],
  quickReplies: 'Vorschläge',
  inputLabel: 'Ihre Nachricht',
  inputHint: 'Enter sendet, Umschalt+Enter beginnt eine neue Zeile.',
  send: 'Senden',
  thinking: 'Der Assistent antwortet …',
  newChat: 'Neues Gespräch',
  historyFailed: 'Der bisherige Verlauf konnte nicht geladen werden.',
  orderHeading: (number) => `Bestellung ${number}`,
  placedOn: (date) => `bestellt am ${date}`,
  orderStatus: 'Status',
  deliveryExpected: 'Voraussichtliche Lieferung',
  trackingNumber: (carrier, number) => `${carrier ? `${carrier}, ` : ''}Sendungsnummer ${number}`,
  trackShipment: (carrier) => (carrier ? `Sendung bei ${carrier} verfolgen` : 'Sendung verfolgen'),
  grossTotal: 'Gesamt (brutto)',
  quantityOf: (quantity, unit, name) => `${quantity} ${unit} ${name}`,
  deliveryOn: (d) => `Lieferung am ${day(d)}`,
  notDeliverable: 'Derzeit nicht lieferbar',
  inStock: (available, unit) => `${available} ${unit} auf Lager`,
  notInStock: 'Nicht auf Lager',
  pricePerUnit: (price, unit) => `${price} / ${unit} netto`,
  addToCart: 'In den Warenkorb',
  adding: 'Wird hinzugefügt …',
  addedToCart: (quantity, unit) => `${quantity} ${unit} im Warenkorb.`,
  nextRunOn: (d) => `Nächste Ausführung: ${day(d)}`,
  noNextRun: 'Keine weitere Ausführung geplant',
  standingOrderStatus: (status) => ({ active: 'Aktiv', paused: 'Pausiert', ended: 'Beendet', cancelled: 'Gekündigt' })[status],
  validUntil: (time) => `Gültig bis ${time} Uhr`,
  confirming: 'Wird ausgeführt …',
  confirmed: 'Erledigt.',
  handoffHeading: 'An Ihre Ansprechperson übergeben',
};
