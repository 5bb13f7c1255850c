/**
 * Text analysis for the catalogue search, the same for SQLite (FTS5) and PostgreSQL (tsvector):
 * we turn a product into a search document of plain `[a-z0-9]+` tokens per field and a query into
 * terms, here in JavaScript, so both engines index and match exactly the same tokens and only the
 * ranking is theirs. Pure: no I/O.
 *
 * - Folding: lower case, umlauts both as `ae` and as `a`, `ß` as `ss`, accents dropped, a decimal
 *   comma as a point (search-key.ts); every run of other characters separates tokens.
 * - Word forms: a light German/English suffix stemmer (`Steckdosen` and `Steckdose`, `Leitungen`
 *   and `Leitung`, `cables` and `cable`, `Lampe` and `lamps` meet in one stem).
 * - Compounds: a German word ending in a known head word is split (`Installationskabel` → head
 *   `kabel`, part `installation`; `Wechselschalter` → `schalter` + `wechsel`). The head is what the
 *   thing is (a `Kabelbinder` is a binder, not a cable), so heads weigh more than the other parts.
 * - Trade synonyms: a German head or word of a known group also indexes its group (`Mantelleitung`
 *   is found by `Kabel`), in a field of its own that weighs less than the name.
 */

/** The fields of a search document, in the order of the FTS5 columns. */
export const SEARCH_FIELDS = ['ident', 'name', 'head', 'brand', 'syn', 'category', 'part', 'description'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export type SearchDocument = Record<SearchField, string[]>;

/**
 * How much a match in each field counts. FTS5 takes them per column (bm25); PostgreSQL has four
 * weights, A–D, so fields share them as listed.
 */
export const FIELD_WEIGHT: Record<SearchField, { fts: number; pg: 'A' | 'B' | 'C' | 'D' }> = {
  ident: { fts: 10, pg: 'A' },
  name: { fts: 10, pg: 'A' },
  head: { fts: 5, pg: 'B' },
  brand: { fts: 5, pg: 'B' },
  syn: { fts: 2, pg: 'C' },
  category: { fts: 2, pg: 'C' },
  part: { fts: 0.5, pg: 'D' },
  description: { fts: 0.5, pg: 'D' },
};

const UMLAUT: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u' };

function fold(text: string, umlaut: 'e' | ''): string {
  return text
    .toLocaleLowerCase('de-DE')
    .replace(/[äöü]/g, (c) => UMLAUT[c]! + umlaut)
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/(\d),(?=\d)/g, '$1.');
}

/** The tokens of a text, umlauts spelled with `e`. */
const tokensOf = (folded: string): string[] => folded.match(/[a-z0-9]+/g) ?? [];

/** Both spellings of a text's words (with and without the umlaut's `e`), in order, each once per word. */
function wordsOf(text: string): string[] {
  const withE = tokensOf(fold(text, 'e'));
  const plain = tokensOf(fold(text, ''));
  if (withE.length !== plain.length) return withE;
  const out: string[] = [];
  withE.forEach((w, i) => {
    out.push(w);
    if (plain[i] !== w) out.push(plain[i]!);
  });
  return out;
}

const SUFFIXES = ['ern', 'en', 'er', 'es', 'e', 'n', 's'] as const;

/**
 * A light stem: the longest of `-ern -en -er -es -e -n -s` comes off a letters-only word of four
 * letters or more, leaving at least three. Crude, but the same for document and query, which is
 * all matching needs.
 */
export function stem(token: string): string {
  if (token.length < 4 || !/^[a-z]+$/.test(token)) return token;
  for (const suffix of SUFFIXES) if (token.endsWith(suffix) && token.length - suffix.length >= 3) return token.slice(0, -suffix.length);
  return token;
}

/**
 * Words that end German compounds of the trade, folded (umlauts with `e`). A word ending in one
 * of them, with at least three letters before it, is split there.
 */
const HEADS = [
  'kabel', 'leitung', 'schalter', 'steckdose', 'dose', 'lampe', 'leuchte', 'kerze', 'roehre', 'reflektor', 'strahler', 'panel',
  'rohr', 'band', 'zange', 'klemme', 'schraube', 'duebel', 'mutter', 'scheibe', 'stange', 'huelse', 'binder', 'verteiler', 'schrank',
  'messer', 'pruefer', 'dreher', 'schneider', 'buch', 'ableiter', 'einsatz', 'rahmen', 'wippe', 'taster', 'schlauch', 'draht', 'tuer',
  'satz', 'werkzeug', 'sicherung', 'schutz', 'stecker', 'kupplung', 'adapter', 'leiste', 'kanal', 'gehaeuse', 'anschluss', 'feld',
  'mittel', 'material', 'platte', 'decke', 'wand', 'ring', 'programm', 'technik', 'anlage', 'zaehler', 'leiter', 'kopf',
  'gewinde', 'optik', 'winkel', 'meter', 'birne', 'licht', 'dichtung', 'verbinder', 'schiene', 'karton', 'trommel',
].sort((a, b) => b.length - a.length);
/** Words that end in a head but are not compounds of it. */
const NOT_COMPOUNDS = new Set(['einsatz', 'adapter', 'multimeter', 'parameter', 'kilometer', 'zentimeter', 'millimeter', 'leiter', 'polyamid', 'kerzen']);

/** Both umlaut spellings of a folded word (`roehre` → `roehre`, `rohre`). */
const spellings = (w: string) => {
  const plain = w.replace(/([aou])e/g, '$1');
  return plain === w ? [w] : [w, plain];
};
const HEAD_SPELLINGS = [...new Set(HEADS.flatMap(spellings))].sort((a, b) => b.length - a.length);

/**
 * Splits a folded word at its head: `installationskabel` → `{ head: 'kabel', parts: ['installations', 'installation'] }`
 * (a linking `s` is tried off too); `leitungsschutzschalter` → head `schalter`, parts of `leitungsschutz`
 * split again. `null` when the word is not a compound of a known head.
 */
export function splitCompound(word: string): { head: string; parts: string[] } | null {
  if (word.length < 6 || NOT_COMPOUNDS.has(word) || !/^[a-z]+$/.test(word)) return null;
  const head = HEAD_SPELLINGS.find((h) => h !== word && word.endsWith(h) && word.length - h.length >= 3);
  if (!head) return null;
  const rest = word.slice(0, -head.length);
  const parts = [rest];
  if (rest.endsWith('s') && rest.length >= 4) parts.push(rest.slice(0, -1));
  const inner = splitCompound(rest) ?? (rest.endsWith('s') ? splitCompound(rest.slice(0, -1)) : null);
  if (inner) parts.push(inner.head, ...inner.parts);
  return { head, parts: [...new Set(parts)] };
}

/** Groups of words a buyer uses for one thing, stemmed; a German word of a group indexes the others. */
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['kabel', 'leitung', 'cable'],
  ['schalter', 'switch'],
  ['steckdose', 'socket'],
  ['lampe', 'leuchtmittel', 'birne', 'bulb', 'lamp'],
  ['zange', 'pliers'],
  ['schraube', 'screw'],
  ['duebel', 'plug'],
  ['klemme', 'connector', 'terminal'],
  ['rohr', 'conduit'],
  ['verteiler', 'unterverteilung', 'distribution'],
  ['sicherung', 'leitungsschutzschalter', 'fuse', 'breaker'],
].map((group) => group.flatMap(spellings).map(stem));
const SYNONYMS = new Map<string, string[]>();
for (const group of SYNONYM_GROUPS) for (const w of group) SYNONYMS.set(w, [...new Set([...(SYNONYMS.get(w) ?? []), ...group.filter((o) => o !== w)])]);

export interface DocumentSource {
  sku: string;
  ean: string | null;
  name: { de: string; en: string };
  brand: string | null;
  description: { de: string; en: string };
  /** The category's names. */
  category: { de: string; en: string };
}

/** A product's search document: stemmed tokens per field. */
export function searchDocument(p: DocumentSource): SearchDocument {
  const doc: SearchDocument = { ident: [], name: [], head: [], brand: [], syn: [], category: [], part: [], description: [] };
  doc.ident = [...wordsOf(p.sku), ...(p.ean ? wordsOf(p.ean) : [])];
  const nameDe = wordsOf(p.name.de);
  const nameEn = wordsOf(p.name.en);
  doc.name = [...nameDe, ...nameEn].map(stem);
  const addCompounds = (words: string[], heads: string[], parts: string[], synonymsOf: boolean) => {
    for (const w of words) {
      const split = splitCompound(w);
      if (split) {
        heads.push(stem(split.head));
        parts.push(...split.parts.map(stem));
      }
      if (synonymsOf) for (const s of [w, ...(split ? [split.head] : [])]) doc.syn.push(...(SYNONYMS.get(stem(s)) ?? []));
    }
  };
  addCompounds(nameDe, doc.head, doc.part, true);
  const categoryWords = [...wordsOf(p.category.de), ...wordsOf(p.category.en)];
  doc.category = categoryWords.map(stem);
  addCompounds(categoryWords, doc.category, doc.category, false);
  doc.brand = p.brand ? wordsOf(p.brand).map(stem) : [];
  doc.description = [...wordsOf(p.description.de), ...wordsOf(p.description.en)].map(stem);
  addCompounds(wordsOf(p.description.de), doc.description, doc.description, false);
  doc.syn = [...new Set(doc.syn)].filter((s) => !doc.name.includes(s));
  doc.head = [...new Set(doc.head)];
  doc.part = [...new Set(doc.part)];
  return doc;
}

/** One word of a query: its tokens (more than one for `nym-j` or `3x1,5`: a phrase). */
export interface QueryWord {
  tokens: string[];
  /** The word as folded, before stemming (for splitting an unknown compound). */
  folded: string;
}

/** The words of a query, at most eight, each once. */
export function queryWords(query: string): QueryWord[] {
  const out: QueryWord[] = [];
  const seen = new Set<string>();
  for (const raw of query.split(/\s+/)) {
    const folded = fold(raw, 'e');
    const tokens = tokensOf(folded).map(stem);
    const key = tokens.join(' ');
    if (!tokens.length || seen.has(key)) continue;
    seen.add(key);
    out.push({ tokens, folded: tokensOf(folded).join('') });
    if (out.length === 8) break;
  }
  return out;
}

/** How many edits a misspelt term may be from the word it meant: none below four letters. */
export const typoBudget = (term: string) => (term.length < 4 ? 0 : term.length < 8 ? 1 : 2);

/**
 * What one query term matches, once the vocabulary was asked: the exact term when the catalogue
 * has it; else every term it begins (typing); else the closest words (typos); else, for an
 * unknown compound, its head (`Stromkabel` → `kabel`).
 */
export type TermMatch = { kind: 'exact'; term: string } | { kind: 'prefix'; term: string } | { kind: 'any'; terms: string[] } | { kind: 'none' };

/** A word's match: a phrase of its tokens, the last one matched as a TermMatch says. */
export interface WordMatch {
  phrase: string[];
  last: TermMatch;
}

/** The FTS5 MATCH expression: every word (AND), each a phrase or alternatives. Tokens are `[a-z0-9]+`, safe inside quotes. */
export function fts5Expression(words: readonly WordMatch[]): string | null {
  const parts: string[] = [];
  for (const { phrase, last } of words) {
    const head = phrase.map((t) => `"${t}"`);
    if (last.kind === 'none') return null;
    if (last.kind === 'exact') parts.push([...head, `"${last.term}"`].join(' + '));
    else if (last.kind === 'prefix') parts.push([...head, `"${last.term}"*`].join(' + '));
    else parts.push(`(${last.terms.map((t) => [...head, `"${t}"`].join(' + ')).join(' OR ')})`);
  }
  return parts.length ? parts.join(' AND ') : null;
}

/** The same as a PostgreSQL tsquery literal (cast with `::tsquery`, no parser in between). */
export function tsqueryExpression(words: readonly WordMatch[]): string | null {
  const parts: string[] = [];
  for (const { phrase, last } of words) {
    const head = phrase.map((t) => `'${t}'`);
    if (last.kind === 'none') return null;
    if (last.kind === 'exact') parts.push(`(${[...head, `'${last.term}'`].join(' <-> ')})`);
    else if (last.kind === 'prefix') parts.push(`(${[...head, `'${last.term}':*`].join(' <-> ')})`);
    else parts.push(`(${last.terms.map((t) => `(${[...head, `'${t}'`].join(' <-> ')})`).join(' | ')})`);
  }
  return parts.length ? parts.join(' & ') : null;
}

/** A search document as FTS5 column values (space-separated tokens). */
export const fts5Row = (doc: SearchDocument) => Object.fromEntries(SEARCH_FIELDS.map((f) => [f, doc[f].join(' ')])) as Record<SearchField, string>;

/**
 * A search document as a PostgreSQL tsvector literal with positions and weights. Positions run on
 * through the fields with a gap, so a phrase never spans two fields.
 */
export function tsvectorLiteral(doc: SearchDocument): string {
  const positions = new Map<string, string[]>();
  let pos = 1;
  for (const field of SEARCH_FIELDS) {
    const weight = FIELD_WEIGHT[field].pg;
    for (const token of doc[field]) {
      if (pos > 16383) break;
      let list = positions.get(token);
      if (!list) positions.set(token, (list = []));
      list.push(`${pos++}${weight}`);
    }
    pos += 2;
  }
  return [...positions].map(([token, list]) => `'${token}':${list.join(',')}`).join(' ');
}
