import type { ChatbotPanelStrings } from '../translation.js';
import { enWeekdayDay, utc } from './format.js';

const day = (d: string) => enWeekdayDay().format(utc(d));

/** English: the chat panel of <kontor-chatbot>. */
export const chatbotPanel: ChatbotPanelStrings = {
  messages: 'Conversation',
  you: 'You',
  assistant: 'Assistant',
  welcome: 'Hello! I can help you with orders, delivery dates, reorders and standing orders.',
  starters: ['Where is my last order?', 'When can I get 50 m NYM-J 3x1.5?', 'Reorder my last order'],
  quickReplies: 'Suggestions',
  inputLabel: 'Your message',
  inputHint: 'Enter sends, Shift+Enter starts a new line.',
  send: 'Send',
  thinking: 'The assistant is answering …',
  newChat: 'New conversation',
  historyFailed: 'The earlier conversation could not be loaded.',
  orderHeading: (number) => `Order ${number}`,
  placedOn: (date) => `placed on ${date}`,
  orderStatus: 'Status',
  deliveryExpected: 'Expected delivery',
  trackingNumber: (carrier, number) => `${carrier ? `${carrier}, ` : ''}tracking number ${number}`,
  trackShipment: (carrier) => (carrier ? `Track the shipment with ${carrier}` : 'Track the shipment'),
  grossTotal: 'Total (gross)',
  quantityOf: (quantity, unit, name) => `${quantity} ${unit} ${name}`,
  deliveryOn: (d) => `Delivery on ${day(d)}`,
  notDeliverable: 'Not deliverable at the moment',
  inStock: (available, unit) => `${available} ${unit} in stock`,
  notInStock: 'Not in stock',
  pricePerUnit: (price, unit) => `${price} / ${unit} net`,
  addToCart: 'Add to cart',
  adding: 'Adding …',
  addedToCart: (quantity, unit) => `${quantity} ${unit} in the cart.`,
  nextRunOn: (d) => `Next run: ${day(d)}`,
  noNextRun: 'No further run planned',
  standingOrderStatus: (status) => ({ active: 'Active', paused: 'Paused', ended: 'Ended', cancelled: 'Cancelled' })[status],
  validUntil: (time) => `Valid until ${time}`,
  confirming: 'Working …',
  confirmed: 'Done.',
  handoffHeading: 'Handed to your contact person',
};
