import type { Lang } from '../messages.js';

export const list = (v: unknown, lang: Lang) =>
  Array.isArray(v) ? v.join(lang === 'de' ? ' oder ' : ' or ') : String(v ?? '');
/** A limit or count for people: grouped in the language's way (10.000.000 / 10,000,000). */
export const num = (v: unknown, lang: Lang) => (typeof v === 'number' ? v.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB') : String(v ?? ''));
/** `true` as the only allowed value: a box to tick (a mandate, terms), not a value to type. */
export const mustConfirm = (v: unknown) => Array.isArray(v) && v.length === 1 && v[0] === true;
/** A number as the import reads it back to the buyer: no grouping, the language's decimal separator. */
export const plain = (v: unknown, lang: Lang) => (lang === 'de' ? String(v).replace('.', ',') : String(v));
export const separatorName: Record<Lang, Record<string, string>> = {
  en: { '\t': 'tabs', ';': '“;”', ',': '“,”' },
  de: { '\t': 'Tabulatoren', ';': '„;“', ',': '„,“' },
};
