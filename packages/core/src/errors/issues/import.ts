import type { IssueMessages } from '../messages.js';
import { num, plain, separatorName } from './format.js';

/** The quick-order import of pasted text and CSV (cart/import.logic.ts). */
export const importIssues: IssueMessages = {
  en: {
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
  },
  de: {
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
  },
};
