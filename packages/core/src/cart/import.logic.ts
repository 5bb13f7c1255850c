import { SkuSchema } from '../catalogue/product.schema.js';
import type { ErrorIssue } from '../errors/kontor-error.js';
import { importIssues } from '../errors/issues/import.js';
import { quantityIssues } from '../errors/issues/quantity.js';
import { validationIssues } from '../errors/issues/validation.js';
import { messageIn, type Lang, type MessageParams } from '../errors/messages.js';
import { nearestValidQuantities } from '../pricing/quantity.logic.js';
import { MAX_CART_LINES } from './cart.schema.js';

/*
 * "Quick order": what a buyer pastes or uploads, read into cart lines. Pure and single-pass: a
 * 5,000-row paste or CSV parses in a few milliseconds (see cart.bench.ts).
 *
 * Rules shared by paste and CSV
 * - A leading BOM is dropped; lines end in CRLF, LF or CR.
 * - Blank rows are skipped. Line numbers are 1-based physical lines of the input.
 * - The first non-blank row is a header when one of its cells names the article number or the
 *   quantity column (see {@link SKU_HEADERS}, {@link QUANTITY_HEADERS}; case, spaces and `.-_#`
 *   ignored) and the quantity cell is not a number. A header with two cells where only one is
 *   named takes the other for the other column.
 * - Article numbers are checked with `SkuSchema`; case is kept.
 * - Quantities (see {@link parseQuantityText}) must be whole numbers from 1 to 10,000,000.
 */

/** Highest quantity one line may have (the bound of `QuantitySchema`). */
export const MAX_IMPORT_QUANTITY = 10_000_000;

/** A line read from the input: what the cart should get. */
export interface QuickOrderLine {
  sku: string;
  quantity: number;
}

/** A row that was read. */
export interface AcceptedOrderRow extends QuickOrderLine {
  ok: true;
  /** 1-based line of the input where the row starts. */
  line: number;
  /** The row's text exactly as it was in the input (without its line break). */
  raw: string;
}

/** A row that could not be read; `issues` say why, with paths relative to the row (`['sku']`, `['quantity']`, `[]`). */
export interface RejectedOrderRow {
  ok: false;
  line: number;
  raw: string;
  /** The article number, when its cell could be read and is valid (e.g. only the quantity is wrong). */
  sku?: string;
  issues: ErrorIssue[];
}

export type OrderRow = AcceptedOrderRow | RejectedOrderRow;

/** Rows of the same SKU that were summed into one line. */
export interface MergedDuplicate {
  sku: string;
  /** Line numbers of the rows, in input order. */
  lines: number[];
  /** The summed quantity. */
  quantity: number;
}

export interface MergedOrder {
  /** One line per SKU, in order of first appearance; empty when there are more than {@link MAX_CART_LINES}. */
  lines: QuickOrderLine[];
  duplicates: MergedDuplicate[];
  /** Issues of the input as a whole (`max_lines`, `merged_too_big`), path `[]`. */
  issues: ErrorIssue[];
}

export interface ParsedOrder extends MergedOrder {
  /** Every row that is neither blank nor the header, in input order. */
  rows: OrderRow[];
  /** The header row that was skipped, if there was one. */
  header: { line: number; raw: string } | null;
}

export interface ParseOrderOptions {
  /**
   * Language of the messages and of the number format (default `en`). `de`: `1.000` is a
   * thousand and `1,000` is ambiguous; `en`: the other way round. See {@link parseQuantityText}.
   */
  lang?: Lang;
}

export interface ParseOrderCsvOptions extends ParseOrderOptions {
  /** The column separator; detected from the first row when absent. */
  separator?: ';' | ',' | '\t';
}

/** Header names of the article-number column, normalized (lower case, no spaces or `.-_#`), best first. */
export const SKU_HEADERS: readonly string[] = [
  'sku', 'artikelnummer', 'artikelnr', 'artnr', 'articlenumber', 'articleno', 'itemnumber', 'itemno', 'partnumber', 'partno',
  'productnumber', 'productno', 'produktnummer', 'materialnummer', 'matnr', 'bestellnummer', 'bestellnr', 'artikel', 'article', 'item',
];
/** Header names of the quantity column, normalized, best first. */
export const QUANTITY_HEADERS: readonly string[] = [
  'quantity', 'qty', 'menge', 'bestellmenge', 'anzahl', 'anz', 'stückzahl', 'stueckzahl', 'stück', 'stk', 'pcs', 'count',
];

/** Unit words a quantity may carry: they all mean "pieces", i.e. the article's own sales unit. */
const PIECE_WORDS = new Set(['stk', 'st', 'stck', 'stück', 'stueck', 'pcs', 'pc', 'piece', 'pieces', 'x', '×']);

const issue = (path: (string | number)[], code: string, params: MessageParams, lang: Lang, suggestions?: number[]): ErrorIssue => ({
  path,
  code,
  message: messageIn([importIssues, quantityIssues, validationIssues], code, params, lang),
  params,
  ...(suggestions?.length ? { suggestions } : {}),
});

// ---------------------------------------------------------------------------------------------
// Quantities

type NumberReading = { kind: 'number'; value: number } | { kind: 'ambiguous'; readings: [number, number] } | null;

const isDigits = (s: string) => s.length > 0 && /^\d+$/.test(s);
const GROUPED = { '.': /^\d{1,3}(?:\.\d{3})+$/, ',': /^\d{1,3}(?:,\d{3})+$/, "'": /^\d{1,3}(?:'\d{3})+$/ } as const;

/** Digits grouped by thousands with one kind of separator ("1.000.000"), as a number; `null` otherwise. */
function grouped(int: string): number | null {
  if (isDigits(int)) return Number(int);
  const g = int.match(/[.,']/)?.[0] as '.' | ',' | "'" | undefined;
  return g && GROUPED[g].test(int) ? Number(int.replace(/[.,']/g, '')) : null;
}

const withFraction = (int: number | null, fraction: string): NumberReading => (int === null ? null : { kind: 'number', value: Number(`${int}.${fraction}`) });

/** Reads digits with thousands separators and a decimal separator; `null` when it is no number. */
function readNumber(s: string, lang: Lang): NumberReading {
  if (isDigits(s)) return { kind: 'number', value: Number(s) };
  s = s.replace(/’/g, "'");
  let last = -1;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s[i];
    if (c === '.' || c === ',' || c === "'") {
      last = i;
      break;
    }
  }
  if (last < 0) return null;
  const sep = s[last] as '.' | ',' | "'";
  const before = s.slice(0, last);
  const after = s.slice(last + 1);
  // The last separator repeats or is an apostrophe: it groups thousands ("1.000.000", "1'000").
  if (sep === "'" || before.includes(sep)) {
    const v = grouped(s);
    return v === null ? null : { kind: 'number', value: v };
  }
  if (!isDigits(after)) return null;
  // Another separator before it: this one is the decimal separator ("1.000,50", "1,000.50").
  if (!isDigits(before)) return withFraction(grouped(before), after);
  // One separator with three digits after a group that could be thousands: "1.000" / "1,500".
  if (after.length === 3 && /^[1-9]\d{0,2}$/.test(before)) {
    const thousands = Number(before + after);
    if (sep === (lang === 'de' ? '.' : ',')) return { kind: 'number', value: thousands };
    return { kind: 'ambiguous', readings: [Number(`${before}.${after}`), thousands] };
  }
  return withFraction(Number(before), after);
}

/** Reading of a quantity cell: the quantity, or the one issue (path `['quantity']`) that says why not. */
export type QuantityReading = { ok: true; quantity: number } | { ok: false; issue: ErrorIssue };

const quantityIssue = (lang: Lang, code: string, params: MessageParams, suggestions?: number[]): QuantityReading => ({
  ok: false,
  issue: issue(['quantity'], code, params, lang, suggestions),
});

/**
 * Reads a quantity as a buyer types it.
 *
 * - Digits, optionally grouped by thousands: `1000`, `1.000.000`, `1,000,000`, `1'000`.
 * - With both `.` and `,` the last one is the decimal separator: `1.000,00` and `1,000.00` are 1000;
 *   a fraction must be zero (`12,00` is 12, `1,5` is `not_integer` with the whole numbers around it
 *   as suggestions).
 * - One `.` or `,` followed by exactly three digits depends on `lang`: the language's thousands
 *   separator groups (`de`: `1.000` is 1000; `en`: `1,000` is 1000), the other one makes the
 *   quantity `ambiguous_quantity` (suggestions: its whole-number readings), never a silent guess.
 *   Any other single separator is a decimal separator (`12.5`, `0,25`).
 * - A unit word meaning pieces may follow: `12 Stk`, `12 Stück`, `12 St.`, `12 pcs`, `12x`. Any
 *   other word is `quantity_unit` (quantities are in the article's sales unit; "2 Rollen" of a
 *   product sold by the metre is not 2).
 * - `0` and negative numbers are `not_positive`; above {@link MAX_IMPORT_QUANTITY} is `too_big`;
 *   an empty cell is `missing_quantity`; anything else is `invalid_quantity`.
 */
export function parseQuantityText(text: string, lang: Lang = 'en'): QuantityReading {
  const value = text.trim();
  if (!value) return quantityIssue(lang, 'missing_quantity', {});
  if (isDigits(value)) {
    const n = Number(value);
    if (n === 0) return quantityIssue(lang, 'not_positive', { value });
    if (n > MAX_IMPORT_QUANTITY) return quantityIssue(lang, 'too_big', { value, maximum: MAX_IMPORT_QUANTITY, origin: 'number' });
    return { ok: true, quantity: n };
  }
  const m = /^([-−+]?)\s*(\d[\d.,'’]*)\s*(.*)$/.exec(value);
  if (!m) return quantityIssue(lang, 'invalid_quantity', { value });
  const [, sign, digits, suffix] = m as unknown as [string, string, string, string];
  if (suffix) {
    if (!/^\p{L}+\.?$/u.test(suffix)) return quantityIssue(lang, 'invalid_quantity', { value });
    if (!PIECE_WORDS.has(suffix.replace(/\.$/, '').toLowerCase())) return quantityIssue(lang, 'quantity_unit', { value, unit: suffix });
  }
  const n = readNumber(digits, lang);
  if (!n) return quantityIssue(lang, 'invalid_quantity', { value });
  if (n.kind === 'ambiguous') {
    const whole = n.readings.filter((r) => Number.isInteger(r) && r >= 1 && r <= MAX_IMPORT_QUANTITY);
    return quantityIssue(lang, 'ambiguous_quantity', { value, readings: n.readings }, whole);
  }
  const q = sign === '-' || sign === '−' ? -n.value : n.value;
  if (q <= 0) return quantityIssue(lang, 'not_positive', { value });
  if (!Number.isInteger(q)) {
    const near = q < MAX_IMPORT_QUANTITY ? nearestValidQuantities({ min: 1, step: 1, max: MAX_IMPORT_QUANTITY }, q) : [];
    return quantityIssue(lang, 'not_integer', { value }, near);
  }
  if (q > MAX_IMPORT_QUANTITY) return quantityIssue(lang, 'too_big', { value, maximum: MAX_IMPORT_QUANTITY, origin: 'number' });
  return { ok: true, quantity: q };
}

// ---------------------------------------------------------------------------------------------
// Rows

const normalizeHeader = (cell: string) => cell.trim().toLowerCase().replace(/[\s.\-_#]/g, '');

function bestColumn(cells: readonly string[], names: readonly string[], skip: number): number {
  let best = -1;
  let rank = Infinity;
  cells.forEach((cell, i) => {
    if (i === skip) return;
    const r = names.indexOf(normalizeHeader(cell));
    if (r >= 0 && r < rank) [best, rank] = [i, r];
  });
  return best;
}

/** Columns named by a header row; `null` when the row is no header. */
function headerColumns(cells: readonly string[]): { sku: number; quantity: number } | null {
  let sku = bestColumn(cells, SKU_HEADERS, -1);
  let quantity = bestColumn(cells, QUANTITY_HEADERS, sku);
  if (sku < 0 && quantity < 0) return null;
  if (cells.length === 2) {
    if (sku < 0) sku = 1 - quantity;
    if (quantity < 0) quantity = 1 - sku;
  }
  // "Artikel 5": a valid order row whose SKU happens to be a header word.
  const q = quantity >= 0 ? cells[quantity] : undefined;
  if (q !== undefined && /^\s*[-−+]?\d/.test(q)) return null;
  return { sku, quantity };
}

function readSku(cell: string | undefined, lang: Lang): { sku: string } | { issue: ErrorIssue } {
  let sku = (cell ?? '').trim();
  // Excel's way to keep leading zeros: ="00123".
  if (sku.length > 3 && sku.startsWith('="') && sku.endsWith('"')) sku = sku.slice(2, -1).trim();
  if (!sku) return { issue: issue(['sku'], 'missing_sku', {}, lang) };
  const parsed = SkuSchema.safeParse(sku);
  if (!parsed.success) return { issue: issue(['sku'], 'invalid_sku', { sku }, lang) };
  return { sku: parsed.data };
}

/** A row from its SKU and quantity cells (`undefined`: the row has no such cell). */
function readRow(line: number, raw: string, skuCell: string | undefined, quantityCell: string | undefined, lang: Lang): OrderRow {
  const sku = readSku(skuCell, lang);
  const quantity = parseQuantityText(quantityCell ?? '', lang);
  if ('sku' in sku && quantity.ok) return { ok: true, line, raw, sku: sku.sku, quantity: quantity.quantity };
  const issues: ErrorIssue[] = [];
  if ('issue' in sku) issues.push(sku.issue);
  if (!quantity.ok) issues.push(quantity.issue);
  return { ok: false, line, raw, ...('sku' in sku ? { sku: sku.sku } : {}), issues };
}

const rejected = (line: number, raw: string, issues: ErrorIssue[]): RejectedOrderRow => ({ ok: false, line, raw, issues });

/**
 * Sums rows of the same SKU into one line each, in order of first appearance, and says which rows
 * were merged. Rows with issues are left out. More than {@link MAX_CART_LINES} distinct SKUs is a
 * `max_lines` issue and no lines; a sum above {@link MAX_IMPORT_QUANTITY} is a `merged_too_big`
 * issue and that line is left out.
 */
export function mergeDuplicates(rows: readonly OrderRow[], options: ParseOrderOptions = {}): MergedOrder {
  const lang = options.lang ?? 'en';
  const bySku = new Map<string, { quantity: number; lines: number[] }>();
  for (const row of rows) {
    if (!row.ok) continue;
    const seen = bySku.get(row.sku);
    if (seen) {
      seen.quantity += row.quantity;
      seen.lines.push(row.line);
    } else bySku.set(row.sku, { quantity: row.quantity, lines: [row.line] });
  }
  if (bySku.size > MAX_CART_LINES) {
    const params = { max: MAX_CART_LINES, count: bySku.size };
    return { lines: [], duplicates: [], issues: [issue([], 'max_lines', params, lang)] };
  }
  const lines: QuickOrderLine[] = [];
  const duplicates: MergedDuplicate[] = [];
  const issues: ErrorIssue[] = [];
  for (const [sku, { quantity, lines: at }] of bySku) {
    if (at.length > 1) duplicates.push({ sku, lines: at, quantity });
    if (quantity > MAX_IMPORT_QUANTITY) issues.push(issue([], 'merged_too_big', { sku, lines: at, quantity, max: MAX_IMPORT_QUANTITY }, lang));
    else lines.push({ sku, quantity });
  }
  return { lines, duplicates, issues };
}

// ---------------------------------------------------------------------------------------------
// Pasted text

const LINE_BREAK = /\r\n|\r|\n/;
const unquote = (cell: string) => {
  const t = cell.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t;
};

const UNIT_WORD = /^\p{L}+\.?$/u;
const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || (c >= 10 && c <= 13) || c === 0x2009 || c === 0x202f;

/** Start of the whitespace run that ends the last word before `end` (after trailing space), `-1` when there is none. */
function lastSpace(t: string, end: number): number {
  let i = end - 1;
  while (i >= 0 && isSpace(t.charCodeAt(i))) i--;
  while (i >= 0 && !isSpace(t.charCodeAt(i))) i--;
  if (i < 0) return -1;
  while (i > 0 && isSpace(t.charCodeAt(i - 1))) i--;
  return i;
}

type Split = { sep: '\t' | ';' | ','; cells: string[] } | { sep: ' '; cells: [string] | [string, string] };

/** Splits a pasted row into cells (see {@link parseOrderText} for the rules). */
function splitPasted(row: string, lang: Lang): Split {
  const sep = row.includes('\t') ? '\t' : row.includes(';') ? ';' : row.includes(',') && !/\s/.test(row.slice(0, row.indexOf(',')).trim()) ? ',' : null;
  if (sep) {
    const cells = row.split(sep).map(unquote);
    while (cells.length > 1 && !cells[cells.length - 1]) cells.pop();
    // "ABC,1,5" or "ABC,1.000,00": the rest is a quantity with a decimal comma.
    if (sep === ',' && cells.length > 2) {
      const rest = cells.slice(1).join(',');
      if (parseQuantityText(rest, lang).ok || readNumber(rest.trim(), lang)) return { sep, cells: [cells[0]!, rest] };
    }
    return { sep, cells };
  }
  const t = row.trim();
  // The last word is the quantity, with the one before it when the last is a unit word ("12 Stk").
  let cut = lastSpace(t, t.length);
  if (cut < 0) return { sep: ' ', cells: [unquote(t)] };
  if (UNIT_WORD.test(t.slice(cut).trimStart())) {
    const before = lastSpace(t, cut);
    if (before >= 0 && /^[-−+]?\d/.test(t.slice(before, cut).trimStart())) cut = before;
  }
  return { sep: ' ', cells: [unquote(t.slice(0, cut)), t.slice(cut).trim()] };
}

/**
 * Reads what a buyer pastes into a quick-order field: one row per line.
 *
 * - Separator per row: a TAB (a copy from Excel) if the row has one, else `;`, else `,` when the
 *   text before the first comma is one word, else whitespace. With whitespace the last word is the
 *   quantity (with a unit word before it: `ABC-1 12 Stk`) and everything before it the SKU.
 * - A row has two cells, SKU then quantity; empty cells at the end are ignored, a cell in double
 *   quotes is unquoted. More cells is `too_many_columns`, unless the first row is a header with
 *   more (e.g. a copy of an exported cart): then rows with its separator are read by its named
 *   columns, the others ignored, and only rows with more cells than the header are refused.
 * - `ABC,1,5` reads `1,5` as the quantity (`not_integer`).
 * - Rows that cannot be read keep their `raw` text and say why; duplicates are merged (see
 *   {@link mergeDuplicates}).
 *
 * @example
 * parseOrderText('Artikelnummer;Menge\nKAB-NYM-3x1.5;100\nLED-E27-9W\t1.000\n', { lang: 'de' }).lines
 * // [{ sku: 'KAB-NYM-3x1.5', quantity: 100 }, { sku: 'LED-E27-9W', quantity: 1000 }]
 */
export function parseOrderText(text: string, options: ParseOrderOptions = {}): ParsedOrder {
  const lang = options.lang ?? 'en';
  const physical = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(LINE_BREAK);
  const rows: OrderRow[] = [];
  let header: ParsedOrder['header'] = null;
  let columns: { sep: string; sku: number; quantity: number; count: number } | null = null;
  let first = true;
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i]!;
    if (!raw.trim()) continue;
    const line = i + 1;
    const split = splitPasted(raw, lang);
    if (first) {
      first = false;
      const named = headerColumns(split.cells);
      if (named) {
        header = { line, raw };
        if (named.sku < 0 || named.quantity < 0) {
          const column = named.sku < 0 ? 'sku' : 'quantity';
          return { rows: [], header, lines: [], duplicates: [], issues: [issue([], 'missing_column', { column }, lang)] };
        }
        if (split.sep !== ' ') columns = { sep: split.sep, ...named, count: split.cells.length };
        continue;
      }
    }
    const expected = columns && split.sep === columns.sep ? columns.count : 2;
    if (split.cells.length > expected) {
      rows.push(rejected(line, raw, [issue([], 'too_many_columns', { expected, found: split.cells.length }, lang)]));
    } else if (columns && split.sep === columns.sep) {
      rows.push(readRow(line, raw, split.cells[columns.sku], split.cells[columns.quantity], lang));
    } else {
      rows.push(readRow(line, raw, split.cells[0], split.cells[1], lang));
    }
  }
  return { rows, header, ...mergeDuplicates(rows, { lang }) };
}

// ---------------------------------------------------------------------------------------------
// CSV

const SEPARATORS = ['\t', ';', ','] as const;

/** Counts the candidate separators outside quotes in the first non-blank line; the most frequent wins (ties: TAB, `;`, `,`). */
function detectSeparator(text: string): ';' | ',' | '\t' {
  let start = 0;
  while (start < text.length) {
    let end = start;
    const counts = { '\t': 0, ';': 0, ',': 0 };
    let quoted = false;
    for (; end < text.length; end++) {
      const c = text[end]!;
      if (c === '"') quoted = !quoted;
      else if (!quoted && (c === '\n' || c === '\r')) break;
      else if (!quoted && (c === '\t' || c === ';' || c === ',')) counts[c]++;
    }
    const best = SEPARATORS.reduce((a, b) => (counts[b] > counts[a] ? b : a));
    if (counts[best] > 0) return best;
    if (text.slice(start, end).trim()) return ';';
    start = end + 1;
  }
  return ';';
}

interface CsvRecord {
  fields: string[];
  /** Index just after the record's last field (before its line break). */
  end: number;
  /** Where the next record starts. */
  next: number;
  /** Line breaks inside quoted fields. */
  breaks: number;
  error: 'unterminated' | 'text_after_quote' | null;
}

const SP = 32;
const CR = 13;
const LF = 10;
const QUOTE = 34;

/** One RFC 4180 record from `pos`. Tolerates spaces around quoted fields; a quote inside an unquoted field is text. */
function readRecord(text: string, pos: number, sep: number): CsvRecord {
  const fields: string[] = [];
  const n = text.length;
  let i = pos;
  let breaks = 0;
  let error: CsvRecord['error'] = null;
  for (;;) {
    let j = i;
    while (j < n && text.charCodeAt(j) === SP) j++;
    if (j < n && text.charCodeAt(j) === QUOTE) {
      let value = '';
      i = j + 1;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          value += text.slice(i);
          i = n;
          error = 'unterminated';
          break;
        }
        value += text.slice(i, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) breaks++;
      for (let k = value.indexOf('\r'); k >= 0; k = value.indexOf('\r', k + 1)) if (value.charCodeAt(k + 1) !== LF) breaks++;
      while (i < n && text.charCodeAt(i) === SP) i++;
      if (i < n) {
        const c = text.charCodeAt(i);
        if (c !== sep && c !== CR && c !== LF) {
          error ??= 'text_after_quote';
          const from = i;
          while (i < n) {
            const d = text.charCodeAt(i);
            if (d === sep || d === CR || d === LF) break;
            i++;
          }
          value += text.slice(from, i);
        }
      }
      fields.push(value);
    } else {
      const from = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === sep || c === CR || c === LF) break;
        i++;
      }
      fields.push(text.slice(from, i));
    }
    if (i < n && text.charCodeAt(i) === sep) {
      i++;
      continue;
    }
    const end = i;
    if (text.charCodeAt(i) === CR) i++;
    if (text.charCodeAt(i) === LF) i++;
    return { fields, end, next: i, breaks, error };
  }
}

/** End of the physical line that starts at `pos`, and where the next one starts. */
function physicalLine(text: string, pos: number): { end: number; next: number } {
  let end = pos;
  while (end < text.length && text.charCodeAt(end) !== CR && text.charCodeAt(end) !== LF) end++;
  let next = end;
  if (text.charCodeAt(next) === CR) next++;
  if (text.charCodeAt(next) === LF) next++;
  return { end, next };
}

/**
 * Reads a CSV file as Excel writes it (UTF-8 with or without BOM).
 *
 * - Separator: `options.separator`, else the most frequent of TAB, `;`, `,` outside quotes in the
 *   first non-blank line.
 * - RFC 4180 quoting: `""` is a quote, separators and line breaks inside quotes are text.
 * - Columns by header name (see {@link SKU_HEADERS}, {@link QUANTITY_HEADERS}); without a header
 *   the first two columns are SKU and quantity; other columns are ignored. A header naming only
 *   one of them (of more than two columns) is a `missing_column` issue and no rows.
 * - Per record, the others still parse: a quote that is never closed or is followed by text is
 *   `csv_quote` (a quoted field running over line breaks into the SKU or quantity is taken for a
 *   stray quote: that line alone is rejected and reading goes on with the next); too few fields
 *   where the row contains another separator is `csv_separator`; more fields than the header has
 *   is `too_many_columns` (empty fields at the end are ignored).
 * - `line` is the physical line where a record starts; `raw` is its text, line breaks inside
 *   quotes included. Records whose fields are all empty are skipped.
 */
export function parseOrderCsv(text: string, options: ParseOrderCsvOptions = {}): ParsedOrder {
  const lang = options.lang ?? 'en';
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const sepChar = options.separator ?? detectSeparator(text);
  const sep = sepChar.charCodeAt(0);
  const rows: OrderRow[] = [];
  let header: ParsedOrder['header'] = null;
  let headerLength = 0;
  let skuAt = 0;
  let quantityAt = 1;
  let first = true;
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    const record = readRecord(text, pos, sep);
    const fields = record.fields;
    let raw = text.slice(pos, record.end);
    const here = line;
    // A broken quote spanning lines, or a line break in the SKU or quantity: a stray quote on this line.
    const skuOrQuantityBroken = record.breaks > 0 && !first && /[\r\n]/.test((fields[skuAt] ?? '') + (fields[quantityAt] ?? ''));
    if ((record.error && record.breaks > 0) || skuOrQuantityBroken) {
      const physical = physicalLine(text, pos);
      raw = text.slice(pos, physical.end);
      rows.push(rejected(here, raw, [issue([], 'csv_quote', { reason: 'unterminated' }, lang)]));
      pos = physical.next;
      line++;
      first = false;
      continue;
    }
    pos = record.next;
    line += record.breaks + 1;
    let count = fields.length;
    while (count > 0 && !fields[count - 1]!.trim()) count--;
    if (count === 0) continue; // blank
    if (first) {
      first = false;
      const named = headerColumns(fields.slice(0, count));
      if (named) {
        header = { line: here, raw };
        if (named.sku < 0 || named.quantity < 0) {
          const column = named.sku < 0 ? 'sku' : 'quantity';
          return { rows: [], header, lines: [], duplicates: [], issues: [issue([], 'missing_column', { column }, lang)] };
        }
        [skuAt, quantityAt, headerLength] = [named.sku, named.quantity, count];
        continue;
      }
    }
    if (record.error) {
      rows.push(rejected(here, raw, [issue([], 'csv_quote', { reason: record.error }, lang)]));
      continue;
    }
    if (count <= Math.max(skuAt, quantityAt)) {
      const found = SEPARATORS.find((s) => s !== sepChar && raw.includes(s));
      if (found) {
        rows.push(rejected(here, raw, [issue([], 'csv_separator', { expected: sepChar, found }, lang)]));
        continue;
      }
    }
    if (headerLength && count > headerLength) {
      rows.push(rejected(here, raw, [issue([], 'too_many_columns', { expected: headerLength, found: count }, lang)]));
      continue;
    }
    rows.push(readRow(here, raw, fields[skuAt], fields[quantityAt], lang));
  }
  return { rows, header, ...mergeDuplicates(rows, { lang }) };
}
