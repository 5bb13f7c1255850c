import type { IssueMessages } from '../messages.js';
import { num } from './format.js';

/** Quantities, article numbers and prices (cart, quick order, availability). */
export const quantityIssues: IssueMessages = {
  en: {
    min_quantity: (p) => `The minimum order quantity is ${num(p.min, 'en')}.`,
    max_quantity: (p) => `The maximum order quantity is ${num(p.max, 'en')}.`,
    step: (p) => `Order in steps of ${num(p.step, 'en')}.`,
    unknown_sku: (p) => `There is no product with SKU ${p.sku}.`,
    discontinued: (p) => (p.replacementSku ? `Discontinued; replaced by ${p.replacementSku}.` : 'Discontinued.'),
    currency_mismatch: (p) => `Priced in ${p.currency}, but this quote is in ${p.expected}.`,
    no_price: (p) => `There is no price for ${p.sku ?? 'this product'}; please ask for an offer.`,
    max_lines: (p) => `A cart holds at most ${num(p.max, 'en')} lines.`,
  },
  de: {
    min_quantity: (p) => `Die Mindestbestellmenge ist ${num(p.min, 'de')}.`,
    max_quantity: (p) => `Die Höchstbestellmenge ist ${num(p.max, 'de')}.`,
    step: (p) => `Bitte in Schritten von ${num(p.step, 'de')} bestellen.`,
    unknown_sku: (p) => `Es gibt keinen Artikel mit der Nummer ${p.sku}.`,
    discontinued: (p) => (p.replacementSku ? `Nicht mehr lieferbar; Ersatz: ${p.replacementSku}.` : 'Nicht mehr lieferbar.'),
    currency_mismatch: (p) => `In ${p.currency} bepreist, dieses Angebot ist aber in ${p.expected}.`,
    no_price: (p) => `Für ${p.sku ?? 'diesen Artikel'} gibt es keinen Preis; bitte fragen Sie ein Angebot an.`,
    max_lines: (p) => `Ein Warenkorb fasst höchstens ${num(p.max, 'de')} Positionen.`,
  },
};
