import { formatMoney, type Lang, type Money } from '@kontor/core';

// The assistant's sentences, German and English. Plain text: the element renders them as text,
// product names and order numbers go in as they are (never as markup).

/** A day as people read it: "Di., 26. Mai 2026" / "Tue, 26 May 2026". */
export const dayText = (day: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
export const moneyText = (m: Money, lang: Lang) => formatMoney(m, lang === 'de' ? 'de-DE' : 'en-GB').replace(/\u00a0/g, ' ');

const UNITS: Record<Lang, Record<string, [string, string]>> = {
  de: { piece: ['Stück', 'Stück'], meter: ['m', 'm'], roll: ['Rolle', 'Rollen'], pack: ['Packung', 'Packungen'], box: ['Box', 'Boxen'], kg: ['kg', 'kg'], liter: ['l', 'l'] },
  en: { piece: ['piece', 'pieces'], meter: ['m', 'm'], roll: ['roll', 'rolls'], pack: ['pack', 'packs'], box: ['box', 'boxes'], kg: ['kg', 'kg'], liter: ['l', 'l'] },
};
export const quantityText = (quantity: number, unit: string, lang: Lang) => `${quantity.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB')} ${UNITS[lang][unit]?.[quantity === 1 ? 0 : 1] ?? unit}`;

const STATUS: Record<Lang, Record<string, string>> = {
  de: { placed: 'eingegangen', confirmed: 'bestätigt', in_fulfilment: 'in Bearbeitung', shipped: 'versandt', delivered: 'zugestellt', cancelled: 'storniert' },
  en: { placed: 'received', confirmed: 'confirmed', in_fulfilment: 'being prepared', shipped: 'shipped', delivered: 'delivered', cancelled: 'cancelled' },
};

export const CHIPS: Record<Lang, { lastOrder: string; orders: string; availability: string; reorder: string; standing: string; skip: string; human: string; help: string }> = {
  de: {
    lastOrder: 'Wo ist meine letzte Bestellung?',
    orders: 'Meine letzten Bestellungen',
    availability: 'Wann kommen 50 m NYM-J 3x1,5?',
    reorder: 'Letzte Bestellung nochmal bestellen',
    standing: 'Nächster Lauf meines Dauerauftrags',
    skip: 'Nächsten Dauerauftrag-Lauf überspringen',
    human: 'Mit einem Mitarbeiter sprechen',
    help: 'Hilfe',
  },
  en: {
    lastOrder: 'Where is my last order?',
    orders: 'My recent orders',
    availability: 'When can I get 50 m NYM-J 3x1.5?',
    reorder: 'Reorder my last order',
    standing: 'Next run of my standing order',
    skip: 'Skip the next standing-order run',
    human: 'Talk to a person',
    help: 'Help',
  },
};

export const T = {
  de: {
    greeting: 'Guten Tag! Ich bin der Shop-Assistent. Ich sage Ihnen, wo Ihre Bestellung ist, wann Artikel lieferbar sind, bestelle nach und kümmere mich um Ihre Daueraufträge.',
    help: 'Ich kann: den Status einer Bestellung nennen (z. B. „Wo ist K-2026-000123?“), Ihre letzten Bestellungen zeigen, Liefertermine für Artikel und Mengen nennen („Wann kommen 50 m NYM-J 3x1,5?“), Artikel suchen, Ihre letzte Bestellung nachbestellen, Artikel in den Warenkorb legen, den nächsten Lauf eines Dauerauftrags nennen, überspringen oder den Dauerauftrag pausieren, ein Angebot anfragen und Sie mit Ihrem Ansprechpartner verbinden. Was ich ändere, bestätigen Sie vorher mit einem Klick.',
    unknown: 'Das habe ich leider nicht verstanden. Sie können zum Beispiel nach einer Bestellung, einem Liefertermin oder einem Artikel fragen – oder einen der Vorschläge wählen.',
    orderNotFound: (n: string) => `Eine Bestellung ${n} finde ich in Ihrem Konto nicht. Bitte prüfen Sie die Nummer.`,
    noOrders: 'In Ihrem Konto gibt es noch keine Bestellungen.',
    orderStatus: (n: string, status: string, placed: string, promised: string | null, tracking: string | null) =>
      `Ihre Bestellung ${n} vom ${placed} ist ${STATUS.de[status] ?? status}.` + (promised && status !== 'delivered' && status !== 'cancelled' ? ` Voraussichtliche Lieferung: ${promised}.` : '') + (tracking ? ` Sendungsnummer: ${tracking}.` : ''),
    lastOrders: (n: number) => (n === 1 ? 'Ihre letzte Bestellung:' : `Ihre letzten ${n} Bestellungen:`),
    whichProduct: 'Welchen Artikel meinen Sie? Nennen Sie bitte die Artikelnummer oder den Namen, z. B. „NYM-J 3x1,5“.',
    productNotFound: (q: string) => `Zu „${q}“ finde ich keinen Artikel in Ihrem Sortiment. Versuchen Sie es mit der Artikelnummer oder einem anderen Namen.`,
    products: (n: number) => (n === 1 ? 'Diesen Artikel habe ich gefunden:' : `Diese ${n} Artikel habe ich gefunden:`),
    availableOn: (q: string, name: string, day: string, inStock: boolean) => `${q} ${name}: ${inStock ? 'vorrätig, ' : ''}Lieferung bei Bestellung heute voraussichtlich am ${day}.`,
    notDeliverable: (q: string, name: string) => `${q} ${name} können wir derzeit nicht liefern.`,
    byDay: (day: string, ok: boolean) => (ok ? ` Das ist rechtzeitig für ${day}.` : ` Bis ${day} schaffen wir das leider nicht.`),
    unknownSku: (sku: string) => `Den Artikel ${sku} gibt es in Ihrem Sortiment nicht.`,
    reorderWhat: (n: string, lines: number, gross: string) => `Bestellung ${n} erneut aufgeben: ${lines} ${lines === 1 ? 'Position' : 'Positionen'}, zuletzt ${gross}, zu den heutigen Preisen, mit Lieferadresse und Zahlungsart wie damals.`,
    propose: 'Bitte bestätigen Sie, dann führe ich es aus:',
    confirmReorder: 'Jetzt bestellen',
    addWhat: (q: string, name: string, sku: string) => `${q} ${name} (${sku}) in Ihren Warenkorb legen.`,
    confirmAdd: 'In den Warenkorb',
    noStanding: 'Sie haben keinen aktiven Dauerauftrag.',
    standingNext: (name: string, day: string | null) => (day ? `Der nächste Lauf von „${name}“ ist am ${day}.` : `„${name}“ hat derzeit keinen nächsten Lauf.`),
    skipWhat: (name: string, day: string) => `Den Lauf von „${name}“ am ${day} überspringen. Die Läufe danach bleiben.`,
    confirmSkip: 'Lauf überspringen',
    pauseWhat: (name: string) => `Den Dauerauftrag „${name}“ pausieren, bis Sie ihn fortsetzen.`,
    confirmPause: 'Pausieren',
    offerWhat: (lines: string) => `Ein Angebot anfragen für: ${lines}. Ihre Nachricht geht mit.`,
    offerWhatCart: (n: number) => `Ein Angebot für die ${n} ${n === 1 ? 'Position' : 'Positionen'} Ihres Warenkorbs anfragen.`,
    offerWhich: 'Wofür möchten Sie ein Angebot? Nennen Sie Artikel und Menge, z. B. „Angebot für 2000 m NYM-J 3x1,5“, oder legen Sie die Artikel in den Warenkorb.',
    confirmOffer: 'Angebot anfragen',
    handoff: 'Ich habe Ihren Ansprechpartner informiert; er meldet sich bei Ihnen. Unser Gespräch ist der Anfrage beigefügt.',
    handoffCard: (company: string) => `Kontaktwunsch für ${company} an den Vertrieb gesendet.`,
    // After a confirmation
    reordered: (n: string, gross: string, day: string | null, later: number) => `Bestellt: ${n} über ${gross}.` + (day ? ` Voraussichtliche Lieferung: ${day}.` : '') + (later ? ` ${later} ${later === 1 ? 'Position ist' : 'Positionen sind'} nicht vorrätig und nicht in der Bestellung.` : ''),
    reorderNothing: 'Keine der Positionen kann derzeit bestellt werden; es wurde nichts bestellt.',
    added: (q: string, name: string, lines: number) => `${q} ${name} liegen jetzt im Warenkorb (${lines} ${lines === 1 ? 'Position' : 'Positionen'}).`,
    addedLater: (day: string) => ` Nicht alles ist vorrätig: Lieferung voraussichtlich am ${day}.`,
    notAdded: 'Der Artikel konnte nicht in den Warenkorb gelegt werden.',
    skipped: (name: string, day: string, next: string | null) => `Der Lauf von „${name}“ am ${day} wird übersprungen.` + (next ? ` Nächster Lauf: ${next}.` : ''),
    paused: (name: string) => `Der Dauerauftrag „${name}“ ist pausiert.`,
    offerRequested: 'Ihre Angebotsanfrage ist eingegangen; der Vertrieb meldet sich mit einem Angebot.',
  },
  en: {
    greeting: "Hello! I'm the shop assistant. I can tell you where your order is and when items can be delivered, reorder for you and look after your standing orders.",
    help: 'I can: tell you the status of an order (e.g. "Where is K-2026-000123?"), show your recent orders, give delivery dates for items and quantities ("When can I get 50 m NYM-J 3x1.5?"), find products, reorder your last order, add items to your cart, tell you the next run of a standing order, skip it or pause the standing order, request an offer and put you in touch with your sales rep. You confirm anything I change with a click first.',
    unknown: "Sorry, I didn't understand that. You can ask about an order, a delivery date or a product, for example — or pick one of the suggestions.",
    orderNotFound: (n: string) => `I can't find an order ${n} in your account. Please check the number.`,
    noOrders: 'There are no orders in your account yet.',
    orderStatus: (n: string, status: string, placed: string, promised: string | null, tracking: string | null) =>
      `Your order ${n} of ${placed} is ${STATUS.en[status] ?? status}.` + (promised && status !== 'delivered' && status !== 'cancelled' ? ` Expected delivery: ${promised}.` : '') + (tracking ? ` Tracking number: ${tracking}.` : ''),
    lastOrders: (n: number) => (n === 1 ? 'Your last order:' : `Your last ${n} orders:`),
    whichProduct: 'Which product do you mean? Please give the article number or the name, e.g. "NYM-J 3x1.5".',
    productNotFound: (q: string) => `I can't find a product for "${q}" in your range. Try the article number or another name.`,
    products: (n: number) => (n === 1 ? 'I found this product:' : `I found these ${n} products:`),
    availableOn: (q: string, name: string, day: string, inStock: boolean) => `${q} ${name}: ${inStock ? 'in stock, ' : ''}if ordered today, expected delivery on ${day}.`,
    notDeliverable: (q: string, name: string) => `We cannot deliver ${q} ${name} at the moment.`,
    byDay: (day: string, ok: boolean) => (ok ? ` That is in time for ${day}.` : ` We can't make it by ${day}, sorry.`),
    unknownSku: (sku: string) => `There is no product ${sku} in your range.`,
    reorderWhat: (n: string, lines: number, gross: string) => `Place order ${n} again: ${lines} ${lines === 1 ? 'item' : 'items'}, last time ${gross}, at today's prices, with the same delivery address and payment.`,
    propose: "Please confirm and I'll do it:",
    confirmReorder: 'Order now',
    addWhat: (q: string, name: string, sku: string) => `Add ${q} ${name} (${sku}) to your cart.`,
    confirmAdd: 'Add to cart',
    noStanding: 'You have no active standing order.',
    standingNext: (name: string, day: string | null) => (day ? `The next run of "${name}" is on ${day}.` : `"${name}" has no next run at the moment.`),
    skipWhat: (name: string, day: string) => `Skip the run of "${name}" on ${day}. The runs after it stay.`,
    confirmSkip: 'Skip run',
    pauseWhat: (name: string) => `Pause the standing order "${name}" until you resume it.`,
    confirmPause: 'Pause',
    offerWhat: (lines: string) => `Request an offer for: ${lines}. Your message goes with it.`,
    offerWhatCart: (n: number) => `Request an offer for the ${n} ${n === 1 ? 'item' : 'items'} in your cart.`,
    offerWhich: 'What would you like an offer for? Name products and quantities, e.g. "quote for 2000 m NYM-J 3x1.5", or put them in your cart.',
    confirmOffer: 'Request offer',
    handoff: "I've let your sales rep know; they will get in touch with you. Our conversation is attached to the request.",
    handoffCard: (company: string) => `Contact request for ${company} sent to sales.`,
    reordered: (n: string, gross: string, day: string | null, later: number) => `Ordered: ${n} for ${gross}.` + (day ? ` Expected delivery: ${day}.` : '') + (later ? ` ${later} ${later === 1 ? 'item is' : 'items are'} not in stock and not in the order.` : ''),
    reorderNothing: 'None of the items can be ordered at the moment; nothing was ordered.',
    added: (q: string, name: string, lines: number) => `${q} ${name} are in your cart now (${lines} ${lines === 1 ? 'item' : 'items'}).`,
    addedLater: (day: string) => ` Not all of it is in stock: expected delivery on ${day}.`,
    notAdded: 'The product could not be added to your cart.',
    skipped: (name: string, day: string, next: string | null) => `The run of "${name}" on ${day} will be skipped.` + (next ? ` Next run: ${next}.` : ''),
    paused: (name: string) => `The standing order "${name}" is paused.`,
    offerRequested: 'Your request for an offer is in; sales will get back to you with an offer.',
  },
} as const;
