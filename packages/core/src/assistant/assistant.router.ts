import type { Unit } from '../catalogue/product.schema.js';
import { editDistance } from '../catalogue/sku-match.logic.js';
import type { AssistantIntent, AssistantLang } from './assistant.schema.js';

// The built-in engine of the shop assistant: a deterministic intent router for German and English.
// Pure and offline: no model, no network, no clock of its own (`now` is passed in). It reads a
// message as words (folded: lower case, umlauts as ae/oe/ue, ß as ss), corrects typos against its
// own vocabulary (one edit from five letters on, two from eight), finds the entities (order
// number, SKU, quantity with unit, day, product words) and decides the intent by a fixed order of
// rules, the most specific first. Product words are matched against a product list the caller
// passes (the server: the caller's catalogue), with the same typo tolerance.

/** A product the router may match fuzzy names against. */
export interface RouterProduct {
  sku: string;
  name: { de: string; en: string };
  unit?: Unit;
}

export interface RouteOptions {
  /** The moment the message is read: relative days ("morgen", "in two weeks") count from its day. */
  now: string | Date;
  /** The time zone whose calendar day `now` is in (default Europe/Berlin). */
  timeZone?: string;
  /** Products to match names against; without them only `productQuery` is set. */
  products?: readonly RouterProduct[];
  /** The language to assume when the message does not tell (default `en`). */
  lang?: AssistantLang;
}

/** What the router found in a message. Absent fields were not in it. */
export interface AssistantEntities {
  /** An order number, normalised to `K-YYYY-NNNNNN`. */
  orderNumber?: string;
  /** "last order", "letzte Bestellung": the most recent one is meant. */
  last?: boolean;
  /** An article number written in the message, or the best match of the product words. */
  sku?: string;
  /** Other products that match the product words as well as `sku` (ambiguous names). */
  alternatives?: string[];
  /** The words that name a product, as written (folded). */
  productQuery?: string;
  quantity?: number;
  unit?: Unit;
  /** A day mentioned ("nächsten Dienstag", "15.12."), `YYYY-MM-DD`. */
  day?: string;
}

export interface RoutedMessage {
  intent: AssistantIntent;
  lang: AssistantLang;
  entities: AssistantEntities;
}

// ---------------------------------------------------------------------------------------------
// Text

/** Lower case, umlauts as two letters, other accents dropped, dashes and quotes unified. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[\u2018\u2019\u201a\u201b`´]/g, "'")
    .replace(/²/g, '2');
}

/** Edits a word of this length may be away from a known one. */
const tolerance = (length: number) => (length >= 8 ? 2 : length >= 5 ? 1 : 0);

// The words the rules below look for, to correct typos towards (folded spelling).
const VOCABULARY = [
  // orders
  'bestellung', 'bestellungen', 'bestellt', 'bestellen', 'bestelle', 'auftrag', 'auftraege', 'lieferung', 'lieferungen', 'sendung', 'sendungsverfolgung',
  'paket', 'status', 'tracking', 'unterwegs', 'versendet', 'verschickt', 'geliefert', 'zugestellt', 'angekommen', 'bestellhistorie', 'bestelluebersicht',
  'order', 'orders', 'ordered', 'shipment', 'package', 'parcel', 'delivery', 'deliveries', 'shipped', 'delivered', 'arrived', 'history', 'recent',
  'letzte', 'letzten', 'letzter', 'letztes', 'neueste', 'neuesten', 'juengste', 'last', 'latest', 'previous', 'where', 'track',
  // reorder
  'nochmal', 'nochmals', 'erneut', 'wieder', 'wiederholen', 'nachbestellen', 'reorder', 'again', 'repeat', 'same',
  // availability
  'lieferbar', 'verfuegbar', 'verfuegbarkeit', 'lager', 'lagernd', 'vorraetig', 'lieferzeit', 'liefertermin', 'lieferdatum', 'bekommen', 'bekomme', 'kommen', 'kommt',
  'available', 'availability', 'stock', 'arrive', 'deliver', 'lead', 'when',
  // product
  'suche', 'suchen', 'finde', 'finden', 'zeige', 'artikel', 'produkt', 'produkte', 'kostet', 'preis', 'preise',
  'search', 'looking', 'find', 'product', 'products', 'price', 'cost', 'costs',
  // cart
  'warenkorb', 'einkaufswagen', 'hinzufuegen', 'hinzu', 'legen', 'lege', 'packen', 'cart', 'basket', 'add',
  // standing orders
  'dauerauftrag', 'dauerauftraege', 'abonnement', 'abo', 'abos', 'regelmaessige', 'wiederkehrende', 'standing', 'subscription', 'recurring', 'naechste', 'naechsten', 'next', 'lauf',
  'ueberspringen', 'auslassen', 'aussetzen', 'skip', 'pausieren', 'pause', 'anhalten', 'unterbrechen', 'ruhen', 'suspend',
  // offers
  'angebot', 'angebote', 'angebotsanfrage', 'preisanfrage', 'offerte', 'sonderpreis', 'projektpreis', 'quote', 'quotation', 'offer',
  // hand-off
  'mitarbeiter', 'mitarbeiterin', 'mensch', 'menschen', 'berater', 'beraterin', 'ansprechpartner', 'aussendienst', 'vertrieb', 'verkaeufer', 'rueckruf', 'anrufen', 'sprechen',
  'rufen', 'zurueck', 'ware', 'waren', 'human', 'person', 'agent', 'representative', 'callback', 'speak', 'talk', 'someone', 'somebody', 'contact',
  // greeting, help
  'hallo', 'guten', 'morgen', 'servus', 'hello', 'morning', 'evening', 'afternoon', 'hilfe', 'help', 'kannst', 'koennen', 'funktioniert',
  // days
  'heute', 'uebermorgen', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'woche', 'wochen', 'tagen',
  'today', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'weeks', 'days',
  // units
  'meter', 'metre', 'meters', 'metres', 'rolle', 'rollen', 'stueck', 'pieces', 'packung', 'packungen', 'karton', 'kartons', 'boxen', 'rings',
];
const VOCAB_SET = new Set(VOCABULARY);
const VOCAB_BY_LENGTH = new Map<number, string[]>();
for (const w of VOCABULARY) VOCAB_BY_LENGTH.set(w.length, [...(VOCAB_BY_LENGTH.get(w.length) ?? []), w]);

const corrections = new Map<string, string>();

/** The known word a word is a typo of, or the word itself (remembered: the vocabulary is fixed). */
function correct(word: string): string {
  let known = corrections.get(word);
  if (known === undefined) {
    known = nearestKnown(word);
    if (corrections.size < 10_000) corrections.set(word, known);
  }
  return known;
}

function nearestKnown(word: string): string {
  if (VOCAB_SET.has(word) || !/^[a-z]+$/.test(word)) return word;
  const max = tolerance(word.length);
  if (!max) return word;
  let best = word;
  let bestDistance = max + 1;
  for (let len = word.length - max; len <= word.length + max; len++) {
    for (const known of VOCAB_BY_LENGTH.get(len) ?? []) {
      if (tolerance(known.length) < 1) continue;
      const d = editDistance(word, known, max);
      if (d < bestDistance) [best, bestDistance] = [known, d];
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Language

const GERMAN = new Set(['ich', 'ist', 'wo', 'wann', 'meine', 'meiner', 'meinen', 'mein', 'bitte', 'und', 'der', 'die', 'das', 'den', 'dem', 'nicht', 'mir', 'haben', 'habt', 'sie',
  'wie', 'was', 'kann', 'koennen', 'moechte', 'brauche', 'gibt', 'es', 'noch', 'mal', 'zum', 'zur', 'fuer', 'mit', 'von', 'bis', 'auf', 'ein', 'eine', 'einen', 'kommt', 'kommen',
  'bestellung', 'lieferung', 'hallo', 'danke', 'guten', 'tag', 'heute', 'morgen', 'naechsten', 'naechste', 'woche', 'stueck', 'rollen', 'wir', 'uns', 'unsere', 'unser', 'gerne',
  'warenkorb', 'angebot', 'dauerauftrag', 'hilfe', 'lieferbar', 'verfuegbar', 'lager', 'wieder', 'nochmal', 'letzte', 'letzten', 'zeig', 'zeige', 'suche', 'waere', 'wuerde', 'hast', 'du']);
const ENGLISH = new Set(['i', 'is', 'where', 'when', 'my', 'please', 'and', 'the', 'a', 'an', 'not', 'me', 'have', 'you', 'how', 'what', 'can', 'could', 'would', 'like', 'need',
  'there', 'again', 'to', 'for', 'with', 'of', 'by', 'on', 'in', 'it', 'order', 'delivery', 'hello', 'hi', 'thanks', 'good', 'today', 'tomorrow', 'next', 'week', 'pieces',
  'rolls', 'we', 'our', 'us', 'cart', 'quote', 'offer', 'standing', 'help', 'available', 'stock', 'last', 'show', 'find', 'do', 'does', 'are', 'will', 'get', 'add', 'skip']);

function detectLang(words: readonly string[], raw: string, fallback: AssistantLang): AssistantLang {
  let de = /[äöüß]/i.test(raw) ? 2 : 0;
  let en = 0;
  for (const w of words) {
    if (GERMAN.has(w)) de++;
    if (ENGLISH.has(w)) en++;
  }
  return de > en ? 'de' : en > de ? 'en' : fallback;
}

// ---------------------------------------------------------------------------------------------
// Entities

const ORDER_NUMBER = /\bk\s?-?\s?(20\d\d)\s?-?\s?(\d{6,})\b/;
const SKU = /\b([a-z]{2,4})-(\d{3,6})\b(?!\s?-?\s?\d)/g;

const NUMBER_WORDS: Record<string, number> = {
  ein: 1, eine: 1, einen: 1, einer: 1, einem: 1, one: 1, a: 1, an: 1, zwei: 2, two: 2, drei: 3, three: 3, vier: 4, four: 4, fuenf: 5, five: 5, sechs: 6, six: 6,
  sieben: 7, seven: 7, acht: 8, eight: 8, neun: 9, nine: 9, zehn: 10, ten: 10, zwoelf: 12, twelve: 12, zwanzig: 20, twenty: 20, fuenfzig: 50, fifty: 50, hundert: 100, hundred: 100,
};

const UNIT_WORDS: [RegExp, Unit][] = [
  [/^(m|meter|metre|meters|metres|mtr|lfm)$/, 'meter'],
  [/^(rolle|rollen|ring|ringe|rings|roll|rolls|coil|coils|trommel|trommeln|drum|drums)$/, 'roll'],
  [/^(stueck|stk|st|pcs|pc|piece|pieces|teile|x)$/, 'piece'],
  [/^(pack|packs|packung|packungen|pck|packet|packets|pkg|beutel)$/, 'pack'],
  [/^(box|boxen|boxes|karton|kartons|kiste|kisten|carton|cartons|schachtel|schachteln)$/, 'box'],
  [/^(kg|kilo|kilogramm|kilogram|kilograms)$/, 'kg'],
  [/^(l|liter|litre|liters|litres)$/, 'liter'],
];
const unitOf = (word: string): Unit | undefined => UNIT_WORDS.find(([re]) => re.test(word))?.[1];

const WEEKDAYS: Record<string, number> = {
  sonntag: 0, montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6,
  so: 0, mo: 1, di: 2, mi: 3, do: 4, fr: 5, sa: 6,
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};
const MONTHS: Record<string, number> = {
  januar: 1, jaenner: 1, january: 1, jan: 1, februar: 2, february: 2, feb: 2, maerz: 3, march: 3, mar: 3, april: 4, apr: 4, mai: 5, may: 5, juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, october: 10, okt: 10, oct: 10, november: 11, nov: 11, dezember: 12, december: 12, dez: 12, dec: 12,
};

/** The calendar day of `now` in `timeZone`, as days since the epoch (UTC midnight based). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function todayOf(now: string | Date, timeZone: string): number {
  const d = typeof now === 'string' ? new Date(now) : now;
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const day = format.format(d);
  return Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / 86_400_000;
}
const isoOf = (epochDay: number) => new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
const weekdayOf = (epochDay: number) => (epochDay + 4) % 7; // 1970-01-01 was a Thursday

const MONTH_NAMES = Object.keys(MONTHS).join('|');
const MONTH_DAY = new RegExp(`\\b(\\d{1,2})\\.?\\s(${MONTH_NAMES})\\b|\\b(${MONTH_NAMES})\\s(\\d{1,2})(st|nd|rd|th)?\\b`);
const IN_DAYS = new RegExp(`\\b(in|within|innerhalb von|binnen)\\s(\\d+|${Object.keys(NUMBER_WORDS).join('|')})\\s(tag|tagen|tage|day|days|woche|wochen|week|weeks)\\b`);
const WEEKDAY = /\b((naechste[nrs]?|kommende[nrs]?|am|next|this|on|bis|by)\s)?(sonntag|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/;

/** A day named in the (folded, corrected) text, relative to `today`, with the span it covered. */
function findDay(text: string, today: number): { day: string; span: [number, number] } | undefined {
  const found = (m: RegExpExecArray, epochDay: number) => ({ day: isoOf(epochDay), span: [m.index, m.index + m[0].length] as [number, number] });
  let m: RegExpExecArray | null;
  if ((m = /\b(20\d\d)-(\d\d)-(\d\d)\b/.exec(text))) return found(m, Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / 86_400_000);
  if ((m = /(?<![\dx.,])(\d{1,2})\.\s?(\d{1,2})\.(\s?(20)?(\d\d))?(?!\d)/.exec(text))) {
    const year = m[5] ? 2000 + +m[5] : new Date(today * 86_400_000).getUTCFullYear();
    let d = Date.UTC(year, +m[2]! - 1, +m[1]!) / 86_400_000;
    if (!m[5] && d < today) d = Date.UTC(year + 1, +m[2]! - 1, +m[1]!) / 86_400_000;
    if (+m[2]! >= 1 && +m[2]! <= 12 && +m[1]! >= 1 && +m[1]! <= 31) return found(m, d);
  }
  if ((m = MONTH_DAY.exec(text))) {
    const dayOfMonth = +(m[1] ?? m[4])!;
    const month = MONTHS[(m[2] ?? m[3])!]!;
    const year = new Date(today * 86_400_000).getUTCFullYear();
    let d = Date.UTC(year, month - 1, dayOfMonth) / 86_400_000;
    if (d < today) d = Date.UTC(year + 1, month - 1, dayOfMonth) / 86_400_000;
    return found(m, d);
  }
  if ((m = /\b(uebermorgen|day after tomorrow)\b/.exec(text))) return found(m, today + 2);
  if ((m = /\b(morgen|tomorrow|tmrw)\b/.exec(text)) && !/\bguten morgen\b|\bgood morning\b|\bmorning\b/.test(text.slice(Math.max(0, m.index - 6), m.index + 7))) return found(m, today + 1);
  if ((m = /\b(heute|today)\b/.exec(text))) return found(m, today);
  if ((m = IN_DAYS.exec(text))) {
    const n = /^\d+$/.test(m[2]!) ? +m[2]! : NUMBER_WORDS[m[2]!]!;
    return found(m, today + n * (/^(w)/.test(m[3]!) ? 7 : 1));
  }
  if ((m = /\b(naechste|naechsten|kommende|kommenden)\s(woche)\b|\bnext week\b/.exec(text))) {
    const monday = today + ((8 - weekdayOf(today)) % 7 || 7);
    return found(m, monday);
  }
  if ((m = WEEKDAY.exec(text))) {
    const target = WEEKDAYS[m[3]!]!;
    let ahead = (target - weekdayOf(today) + 7) % 7;
    if (ahead === 0) ahead = 7;
    return found(m, today + ahead);
  }
  return undefined;
}

// Words that never name a product: intent words, function words, units, polite forms.
const STOPWORDS = new Set([
  ...VOCABULARY,
  ...GERMAN, ...ENGLISH, ...Object.keys(NUMBER_WORDS),
  'hi', 'hey', 'moin', 'bitte', 'koennt', 'koenntest', 'pls', 'plz', 'thx', 'bitteschoen', 'eigentlich', 'mir', 'mich', 'dich', 'dir', 'ihm', 'noch', 'schon', 'danke', 'please', 'thanks', 'thank', 'kindly', 'mal', 'doch', 'denn', 'eigentlich', 'gerade', 'schon', 'auch', 'so', 'ja', 'nein', 'ok', 'okay',
  'ihr', 'euch', 'euer', 'eure', 'ihnen', 'ihre', 'ihrer', 'wir', 'uns', 'man', 'sein', 'sind', 'war', 'wird', 'werden', 'wurde', 'hat', 'hatte', 'habe', 'hab', 'bin', 'bist',
  'da', 'dort', 'hier', 'jetzt', 'gleich', 'sofort', 'schnell', 'dringend', 'asap', 'urgent', 'urgently', 'quickly', 'soon', 'bald', 'noch', 'einmal', 'mehr', 'etwas', 'welche', 'welcher', 'welches',
  'liefern', 'geliefert', 'lieferbar', 'ist', 'im', 'in', 'an', 'am', 'um', 'aus', 'bei', 'nach', 'vor', 'ab', 'zu', 'at', 'from', 'about', 'any', 'some', 'much', 'many', 'how', 'this', 'that',
  'these', 'those', 'your', 'you', 'yours', 'our', 'its', 'be', 'been', 'being', 'am', 'was', 'were', 'do', 'did', 'done', 'have', 'has', 'had', 'want', 'wanted', 'wants', 'need', 'needs',
  'wenn', 'falls', 'dann', 'damit', 'weil', 'if', 'then', 'because', 'so', 'schafft', 'schaffen', 'kriegt', 'klappt', 'geht', 'lassen', 'laesst', 'braeuchte', 'braeuchten', 'benoetigt', 'possible', 'moeglich', 'moechte', 'moechten', 'moechtest', 'haette', 'haetten', 'gern', 'gerne', 'brauche', 'brauchen', 'benoetige', 'benoetigen', 'waere', 'wuerde', 'wuerden', 'koennte', 'koenntest', 'koenntet',
  'gibt', 'es', 'sie', 'du', 'haben', 'habt', 'hast', 'kann', 'wann', 'wo', 'wie', 'was', 'wer', 'welchen', 'ueber', 'unter', 'fuer', 'ohne', 'zwischen', 'bekommen', 'bekomme', 'kriegen', 'kriege',
  'could', 'would', 'should', 'will', 'shall', 'may', 'might', 'must', 'can', 'get', 'got', 'give', 'us', 'me', 'my', 'mine', 'i', 'we', 'they', 'them', 'it', 'of', 'for', 'to', 'by', 'on', 'or', 'and', 'und', 'oder',
  'zeig', 'zeigen', 'show', 'tell', 'sag', 'sagen', 'nenne', 'know', 'wissen', 'weisst', 'ich', 'meine', 'mein', 'meinen', 'meiner', 'meines', 'meinem', 'unsere', 'unser', 'unseren', 'unserer',
  'the', 'a', 'an', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines', 'mit', 'von', 'bis', 'auf', 'zum', 'zur', 'with', 'within', 'till', 'until', 'before',
  'lieferdatum', 'date', 'day', 'tag', 'datum', 'termin', 'time', 'zeit', 'wie', 'lange', 'long', 'dauert', 'take', 'takes', 'there', 'here', 'what', 'which', 'where', 'when', 'is', 'are',
  'stueck', 'stk', 'st', 'pcs', 'pc', 'x', 'mal', 'times', 'ca', 'circa', 'etwa', 'ungefaehr', 'approx', 'approximately', 'around', 'like', 'just', 'only', 'nur', 'also', 'too', 'very', 'sehr',
]);

/** The words between entities that may name a product (folded), or `undefined`. */
function productWords(text: string): string | undefined {
  const words = text
    .replace(/[?!.,;:()"'„“”»«]+(?=\s|$)/g, ' ')
    .replace(/(\d)\s(mm2|mm|qmm|a|w|k|v|cm|lm|ka|ma)\b/g, '$1$2')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}²]+$/gu, ''))
    .filter((w) => w && !STOPWORDS.has(w) && !STOPWORDS.has(correct(w)) && !unitOf(w) && !/^\d+$/.test(w));
  return words.length ? words.join(' ') : undefined;
}

/** A product name folded into comparable tokens: "3x1,5" and "3 x 1.5" are one token `3x1.5`. */
function productTokens(text: string): string[] {
  return foldText(text)
    .replace(/(\d)\s?[x×*]\s?(\d)/g, '$1x$2')
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(/(\d)\s(mm2|mm|qmm|a|w|k|v|cm|lm|ka|ma)\b/g, '$1$2')
    .split(/[\s,/()]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, ''))
    .filter((w) => w.length > 0 && !STOPWORDS.has(w));
}

/** How well one query word matches one word of a name: 1 the same, 0.95 a size with its unit, 0.8 a part or a typo, else 0. */
function tokenScore(q: string, n: string): number {
  if (n === q) return 1;
  const qn = q.replace(/-/g, '');
  const nn = n.replace(/-/g, '');
  if (qn === nn) return 1;
  // A size with its unit ("3x1.5" of "3x1.5mm2") is the same size.
  if (/^\d/.test(qn) && nn.startsWith(qn) && /^[a-z]+\d?$/.test(nn.slice(qn.length))) return 0.95;
  // A compound word that holds the query word ("leitung" in "mantelleitung"), or its beginning ("nym" of "nym-j").
  if ((qn.length >= 5 && /^[a-z]+$/.test(qn) && nn.includes(qn)) || (qn.length >= 3 && nn.startsWith(qn))) return 0.8;
  if (/^[a-z]+$/.test(qn)) {
    const max = tolerance(qn.length);
    if (max && editDistance(qn, nn, max) <= max) return 0.8;
  }
  return 0;
}

/** A product list's words: each distinct word once, with the products whose names hold it. */
interface ProductIndex {
  words: string[];
  productsOf: Map<string, number[]>;
}
const indexes = new WeakMap<readonly RouterProduct[], ProductIndex>();

function indexOf(products: readonly RouterProduct[]): ProductIndex {
  let index = indexes.get(products);
  if (index) return index;
  const productsOf = new Map<string, number[]>();
  products.forEach((product, i) => {
    for (const word of new Set([...productTokens(product.name.de), ...productTokens(product.name.en), foldText(product.sku)])) {
      const list = productsOf.get(word);
      if (list) list.push(i);
      else productsOf.set(word, [i]);
    }
  });
  indexes.set(products, (index = { words: [...productsOf.keys()], productsOf }));
  return index;
}

/**
 * The products that best match product words, best first (ties keep the list's order), each
 * with its score 0–1: the share of the query's words found in the name (typos allowed); two or
 * more words found count as a match even beside one that is not. A unit asked for ("50 m")
 * prefers products sold in it. The list's words are indexed once per list (keep the same array).
 */
export function matchProducts(query: string, products: readonly RouterProduct[], unit?: Unit): { product: RouterProduct; score: number }[] {
  const tokens = productTokens(query);
  if (!tokens.length) return [];
  const index = indexOf(products);
  const hits = new Float64Array(products.length);
  const found = new Uint16Array(products.length);
  for (const q of tokens) {
    const best = new Map<number, number>();
    for (const word of index.words) {
      const score = tokenScore(q, word);
      if (!score) continue;
      for (const i of index.productsOf.get(word)!) if (score > (best.get(i) ?? 0)) best.set(i, score);
    }
    for (const [i, score] of best) {
      hits[i] = hits[i]! + score;
      if (score >= 0.8) found[i] = found[i]! + 1;
    }
  }
  const out: { product: RouterProduct; score: number }[] = [];
  products.forEach((product, i) => {
    const share = hits[i]! / tokens.length;
    let score = found[i]! >= 2 ? Math.max(share, 0.6 + share / 10) : share;
    if (unit && product.unit === unit) score += 0.05;
    if (score >= 0.6) out.push({ product, score });
  });
  return out.sort((a, b) => b.score - a.score);
}

// ---------------------------------------------------------------------------------------------
// Intents

const has = (text: string, re: RegExp) => re.test(text);

const R = {
  handoff: /\b(mitarbeiter(in)?|mensch(en)?|echten? person|berater(in)?|ansprechpartner(in)?|aussendienst(ler)?|vertrieb|verkaeufer(in)?|kundenberater|kundenservice|support|rueckruf|zurueckrufen|rufen sie mich|ruf mich|mich zurueck|anrufen|ruf(en sie)? mich an|telefon\w*|human|real person|a person|agent|representative|sales ?rep|account manager|callback|call me( back)?|speak (to|with)|talk (to|with)|contact (someone|somebody|sales|my rep)|someone from|somebody from|jemand(en)? (vom|aus dem|von)|sprechen)\b/,
  skip: /\b(ueberspringen|ueberspring|auslassen|aussetzen|streichen|entfallen|ausfallen|weglassen|skip|skipping|skipped|miss out|leave out|cancel (the )?next|naechste\w* (lieferung|lauf|ausfuehrung) (absagen|stornieren)|diesmal nicht|this time not|not this time)\b/,
  pause: /\b(pausieren|pausiere|pause|pausen|anhalten|unterbrechen|ruhen lassen|ruhen|stilllegen|suspend|hold|on hold|put on hold|stop for a while|vorerst stoppen|stoppen)\b/,
  standing: /\b(dauerauftrag|dauerauftraege|dauerauftrages|dauerauftrags|dauerbestellung|abo|abos|abonnement|abonnements|regelmaessige\w* (bestellung|lieferung)|wiederkehrende\w* (bestellung|lieferung)|standing (orders?|oders?)|subscriptions?|recurring (order|delivery|deliveries)|repeat order schedule)\b/,
  reorder: /\b(again|nochmal|nochmals|noch ?einmal|erneut|wieder|wiederholen|nachbestellen|nachbestellung|reorder|re-order|order again|order it again|buy again|repeat|same (as|again)|das gleiche|dasselbe|dieselbe|genauso wie)\b/,
  reorderVerb: /\b(bestell|order|kauf|buy|repeat|wiederhol|nachbestell|reorder|re-order)/,
  offer: /\b(angebot\w*|offerte|kostenvoranschlag|preisanfrage|sonderpreis|projektpreis|sonderkondition\w*|rabatt|quote|quotation|offer|rfq|special price|better price|discount|bulk price)\b/,
  cart: /\b(warenkorb|einkaufswagen|korb|hinzufuegen|hinzu|dazu|legen|lege|leg|packen|pack (mir|in)|vormerken|cart|basket|add|put)\b/,
  orderNoun: /\b(bestellhistorie|bestelluebersicht|bestellung(en)?|bestellt\w*|auftrag|auftraege|auftrags|lieferung|lieferungen|sendung\w*|paket|ware|order|orders|shipment|package|parcel|delivery|deliveries|stuff)\b/,
  status: /\b(wo|status|stand|tracking|track|sendungsverfolgung|sendungsnummer|unterwegs|versendet|verschickt|versandt|geliefert|zugestellt|angekommen|ankommen|kommt|where|shipped|delivered|arrive|arrived|arriving|eta|when will|wann kommt|wann wird|wann ist|wann bekomme ich meine|how far|progress|on (its|the) way)\b/,
  list: /\b(bestellungen|auftraege|bestellhistorie|bestelluebersicht|historie|uebersicht|liste|orders|history|recent|bisherige\w*|alle|all|vergangene\w*|previous|past)\b/,
  last: /\b(letzte[nrs]?|neueste[nrs]?|juengste[nrs]?|vorige[nrs]?|last|latest|most recent|previous)\b/,
  availability: /\b(possible|moeglich|liefern|lieferst|liefert|schaffen|schafft|wann|lieferbar|lieferbarkeit|verfuegbar\w*|lager\w*|vorraetig|vorrat|bestand|lieferzeit|liefertermin|lieferdatum|bis wann|bekomme|bekommen|kriege|kriegen|kommen|kommt|da|when|available|availability|in stock|stock|lead time|delivery date|deliver|get|arrive|how soon|how long|ship)\b/,
  find: /\b(suche\w*|such|finde\w*|zeig\w*|gibt es|habt ihr|haben sie|fuehren sie|fuehrt ihr|artikel|produkt\w*|was kostet|kostet|preis\w*|search|find|looking for|look for|show me|do you (have|sell|carry)|got any|price|cost|costs|how much)\b/,
  greeting: /^(hallo|hi|hey|moin|moinsen|servus|gruess gott|gruezi|guten (morgen|tag|abend)|good (morning|afternoon|evening)|hello|hiya|howdy|tag|na)\b/,
  help: /\b(hilfe|helfen|was kannst du|was koennen sie|wie funktioniert|was geht|was ist moeglich|optionen|help|what can you do|how does this work|what do you do|options|menu|menue)\b|^\?+$/,
  thanks: /^(danke|vielen dank|thanks|thank you|thx)\b/,
};

const QUANTITY = new RegExp(`(?<=\\s)(\\d+|${Object.keys(NUMBER_WORDS).filter((w) => !/^(a|an|ein|eine|einen|einer|einem|one)$/.test(w)).join('|')})\\s?([a-z]+)\\b`, 'g');
const SIZES = /\b\d+\s?[x×*]\s?\d+([.,]\d+)?\b|\b\d+([.,]\d+)?\s?(mm2|mm|qmm|cm|kw|w|a|ka|ma|v|lm|k|te|polig|pole|°)(?![a-z])/g;

/**
 * Routes a message: the intent, the language it is written in and the entities in it.
 *
 * @example
 * ```ts
 * routeMessage('Wann kommen 50 m NYM-J 3x1,5?', { now: '2026-05-18T09:00:00Z', products })
 * // → { intent: 'availability', lang: 'de', entities: { quantity: 50, unit: 'meter', sku: 'KL-1001', … } }
 * ```
 */
export function routeMessage(message: string, options: RouteOptions): RoutedMessage {
  const raw = message.slice(0, 2000);
  let text = foldText(raw).replace(/\s+/g, ' ').trim();
  const entities: AssistantEntities = {};

  // Order number first: its digits are no quantity.
  const order = ORDER_NUMBER.exec(text);
  if (order) {
    entities.orderNumber = `K-${order[1]}-${order[2]}`;
    text = `${text.slice(0, order.index)} ${text.slice(order.index + order[0].length)}`;
  }
  // Words corrected towards the vocabulary (typos), kept apart from product words.
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/[?!,;:]+$/, ''))
    .map((w) => (/^\d{1,2}\.\d{1,2}\.(\d{2,4})?$/.test(w) ? w : w.replace(/^[,;:!?.()"'„“”»«]+|[,;:!?.()"'„“”»«]+$/g, '')))
    .filter(Boolean);
  const corrected = words.map(correct);
  let ctext = ` ${corrected.join(' ')} `;
  const lang = detectLang(corrected, raw, options.lang ?? 'en');

  const today = todayOf(options.now, options.timeZone ?? 'Europe/Berlin');
  const day = findDay(ctext, today);
  if (day) {
    entities.day = day.day;
    ctext = `${ctext.slice(0, day.span[0])} ${ctext.slice(day.span[1])}`;
  }

  // SKUs as written (letters, dash, digits).
  const skus = [...ctext.matchAll(SKU)].filter((m) => !/^(nym|nyy|h07v|h05vv|cat)$/.test(m[1]!));
  if (skus[0]) entities.sku = `${skus[0][1]!.toUpperCase()}-${skus[0][2]}`;
  for (const m of skus) ctext = ctext.replace(m[0], ' ');

  // Quantity with a unit: "50 m", "3 Rollen", "zehn Stück", "50m"; or a bare number before a
  // product word ("5 Kabelbinder"). Sizes ("3x1,5", "1,5 mm²", "16 A") are product words, not quantities.
  const masked = ctext.replace(SIZES, (m) => '#'.repeat(m.length));
  let quantitySpan: [number, number] | undefined;
  for (const m of masked.matchAll(QUANTITY)) {
    const unit = unitOf(m[2]!);
    if (!unit) continue;
    entities.quantity = /^\d+$/.test(m[1]!) ? +m[1]! : NUMBER_WORDS[m[1]!]!;
    entities.unit = unit;
    quantitySpan = [m.index, m.index + m[0].length];
    break;
  }
  if (entities.quantity === undefined) {
    const bare = /(?<=\s)(\d{1,6})\s(?!(tag|tage|tagen|days?|wochen?|weeks?)\b)(?=[a-z])/.exec(masked);
    if (bare && +bare[1]! > 0) {
      entities.quantity = +bare[1]!;
      quantitySpan = [bare.index, bare.index + bare[1]!.length];
    }
  }
  if (quantitySpan) ctext = `${ctext.slice(0, quantitySpan[0])} ${ctext.slice(quantitySpan[1])}`;

  // Product words: what is left after the entities and the known words (as written, not corrected).
  const productQuery = productWords(ctext);
  if (productQuery) entities.productQuery = productQuery;
  if (!entities.sku && productQuery && options.products?.length) {
    const matches = matchProducts(productQuery, options.products, entities.unit);
    if (matches[0]) {
      entities.sku = matches[0].product.sku;
      const alternatives = matches.filter((m) => m.score === matches[0]!.score && m.product.sku !== entities.sku).map((m) => m.product.sku).slice(0, 4);
      if (alternatives.length) entities.alternatives = alternatives;
    }
  }
  const product = Boolean(entities.sku) || Boolean(productQuery && !options.products);
  const t = ` ${corrected.join(' ')} `;
  if (has(t, R.last)) entities.last = true;

  const intent = /^\s*\?+\s*$/.test(raw) ? 'help' : decide(t, entities, product);
  if (intent === 'unknown' || intent === 'greeting' || intent === 'help') return { intent, lang, entities: {} };
  if (intent !== 'order_status' && intent !== 'last_orders' && intent !== 'reorder') delete entities.last;
  return { intent, lang, entities };
}

function decide(t: string, e: AssistantEntities, product: boolean): AssistantIntent {
  const standing = has(t, R.standing);
  if (has(t, R.handoff) && !(has(t, R.find) && product)) return 'handoff';
  if (standing || has(t, R.skip) || has(t, R.pause)) {
    if (has(t, R.skip)) return 'standing_order_skip';
    if (has(t, R.pause)) return 'standing_order_pause';
    if (standing) return 'standing_order_next';
  }
  if (has(t, R.offer)) return 'request_offer';
  const orderNoun = has(t, R.orderNoun);
  if (has(t, R.reorder) && (has(t, R.reorderVerb) || orderNoun || e.last)) return 'reorder';
  if (has(t, R.cart) && (product || e.quantity !== undefined)) return 'add_to_cart';
  if (e.orderNumber) return 'order_status';
  if (product && /\b(bestelle|bestellen|order|ich nehme|i'll take|i will take|we need|wir brauchen|ich brauche|i need)\b/.test(t) && e.quantity !== undefined && !has(t, /\b(wann|when|bis|by)\b/)) return 'add_to_cart';
  if (product && has(t, R.availability)) return 'availability';
  if (product && e.quantity !== undefined && e.day) return 'availability';
  if (orderNoun && has(t, R.status)) return e.last && has(t, R.list) && !has(t, /\b(wo|where|status)\b/) ? 'last_orders' : 'order_status';
  if (orderNoun && (has(t, R.list) || e.last)) return 'last_orders';
  if (product || has(t, R.find)) return product || e.productQuery ? 'find_product' : 'help';
  if (has(t, R.help)) return 'help';
  if (has(t.trim(), R.greeting) || has(t.trim(), R.thanks)) return 'greeting';
  if (orderNoun) return 'last_orders';
  return 'unknown';
}
