import type { IssueMessages, Lang, MessageParams } from '../errors/messages.js';
import { messageIn } from '../errors/messages.js';

const day = (iso: unknown, lang: Lang) => {
  if (typeof iso !== 'string') return '';
  const [y, m, d] = iso.split('-');
  return lang === 'de' ? `${d}.${m}.${y}` : iso;
};

/** Issues of a reorder's lines, de and en (the cart's own issues come from the cart's table). */
export const reorderIssues: IssueMessages = {
  en: {
    not_deliverable: (p) => `${String(p.sku)} cannot be delivered at the moment.`,
    later_not_ordered: (p) => `Not in stock in this quantity; available on ${day(p.day, 'en')}. Not ordered — add it to a cart to order it then.`,
    replacement_unavailable: (p) => `Discontinued; its successor ${String(p.replacementSku)} cannot be ordered either.`,
    not_in_order: (p) => `The order has no line at position ${String(p.position)}.`,
    nothing_to_order: () => 'None of the lines can be ordered now; nothing was ordered.',
    no_previous_order: () => 'There is no earlier order to take the delivery address and payment from; reorder into a cart instead.',
  },
  de: {
    not_deliverable: (p) => `${String(p.sku)} ist derzeit nicht lieferbar.`,
    later_not_ordered: (p) => `In dieser Menge nicht vorrätig; lieferbar am ${day(p.day, 'de')}. Nicht bestellt – legen Sie den Artikel in einen Warenkorb, um ihn dann zu bestellen.`,
    replacement_unavailable: (p) => `Nicht mehr lieferbar; auch der Nachfolger ${String(p.replacementSku)} ist nicht bestellbar.`,
    not_in_order: (p) => `Die Bestellung hat keine Position ${String(p.position)}.`,
    nothing_to_order: () => 'Keine der Positionen ist jetzt bestellbar; es wurde nichts bestellt.',
    no_previous_order: () => 'Es gibt keine frühere Bestellung, deren Lieferadresse und Zahlung übernommen werden könnte; legen Sie die Artikel stattdessen in einen Warenkorb.',
  },
};

/** The message of a reorder issue code. */
export const reorderIssueMessage = (code: string, params: MessageParams, lang: Lang): string => messageIn([reorderIssues], code, params, lang);
