import { cartLineIssues, closestSkus, foldSku, type ErrorIssue, type IssuePath, type Lang, type Product } from '@kontor/core';
import type { BuyerCaller } from '../auth/caller.js';
import { skusStartingWith } from '../db/cart.queries.js';
import { findPrices, findVisibleProducts, findVisibleSkusIgnoringCase } from '../db/catalogue.queries.js';
import type { Db } from '../db/database.js';
import { toProduct } from './product-view.js';

/** SKUs per look-up query: far below SQLite's and PostgreSQL's bind-parameter limits. */
const CHUNK = 1000;

/**
 * The products among `skus` the caller sees, with the caller's prices: two queries per 1,000
 * SKUs (products, then prices). A SKU absent from the map is unknown to the caller.
 */
export async function loadLineProducts(db: Db, caller: BuyerCaller, skus: Iterable<string>): Promise<Map<string, Product>> {
  const unique = [...new Set(skus)];
  const out = new Map<string, Product>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await findVisibleProducts(db, caller.company.id, unique.slice(i, i + CHUNK));
    const prices = await findPrices(db, caller.company.priceListId, rows.map((r) => r.sku));
    for (const row of rows) out.set(row.sku, toProduct(row, prices.get(row.sku)));
  }
  return out;
}

/** A line to check: what was asked for and where in the request it came from. */
export interface CheckedLine {
  sku: string;
  quantity: number;
  /** Prefix of the line's issue paths, e.g. `['lines', 3]`. */
  path: IssuePath;
}

/**
 * Why each line cannot be ordered as asked (unknown or discontinued SKU, no price, another
 * currency, quantity off the product's rules), with paths under each line's `path`. Empty when
 * every line is fine.
 */
export function lineIssues(lines: readonly CheckedLine[], products: ReadonlyMap<string, Product>, currency: string, lang: Lang): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  for (const line of lines) {
    for (const issue of cartLineIssues(line.sku, products.get(line.sku) ?? null, line.quantity, currency, lang)) {
      issues.push({ ...issue, path: [...line.path, ...issue.path] });
    }
  }
  return issues;
}

/**
 * The catalogue's spelling of SKUs that differ from one visible SKU only in case: `fl-1005` →
 * `FL-1005`. Buyers copy article numbers from paper, mails and old lists, and no wholesaler sells
 * two articles that differ only in case; where a catalogue does, the SKU stays as typed (unknown,
 * with both as suggestions). Pass only SKUs the exact look-up did not find: this one reads every
 * visible SKU (see {@link findVisibleSkusIgnoringCase}), and nothing when `typed` is empty.
 */
export async function catalogueSpellings(db: Db, caller: BuyerCaller, typed: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(typed)];
  const out = new Map<string, string>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    const byUpper = new Map<string, string[]>();
    for (const sku of await findVisibleSkusIgnoringCase(db, caller.company.id, chunk)) {
      const key = sku.toUpperCase();
      byUpper.set(key, [...(byUpper.get(key) ?? []), sku]);
    }
    for (const sku of chunk) {
      const found = byUpper.get(sku.toUpperCase());
      if (found?.length === 1 && found[0] !== sku) out.set(sku, found[0]!);
    }
  }
  return out;
}

/** Most distinct SKU beginnings looked up for suggestions in one request; more unknown SKUs get none. */
const MAX_SUGGESTION_LOOKUPS = 20;
/** Most candidate SKUs read per look-up, so 100,000 products cost no more than a few thousand. */
const MAX_CANDIDATES = 2000;

/**
 * Adds `suggestions` (the closest visible SKUs, see {@link closestSkus}) to `unknown_sku` issues.
 * Candidates are the caller's visible SKUs that begin with the same two characters (folded),
 * else the same first character, else the first SKUs in order: bounded whatever the catalogue size.
 * A discontinued article is never suggested: not as a close SKU, not as the replacement of another
 * (a replacement discontinued in turn, or not visible to the caller, is dropped).
 */
export async function suggestSkus(db: Db, caller: BuyerCaller, issues: ErrorIssue[]): Promise<void> {
  await dropUnorderableReplacements(db, caller, issues);
  const unknown = issues.filter((i) => i.code === 'unknown_sku' && typeof i.params?.sku === 'string');
  const candidatesByStart = new Map<string, Promise<string[]>>();
  const candidates = (start: string) => {
    let found = candidatesByStart.get(start);
    if (!found) {
      found = (async () => {
        for (const prefix of new Set([start, start.slice(0, 1), ''])) {
          // Any SKUs with that start, then only those the caller sees (the one visibility rule of catalogue.queries).
          const skus = await skusStartingWith(db, prefix, MAX_CANDIDATES);
          const visible = (skus.length ? await findVisibleProducts(db, caller.company.id, skus) : []).filter((p) => p.status !== 'discontinued');
          if (visible.length) return visible.map((p) => p.sku);
        }
        return [];
      })();
      candidatesByStart.set(start, found);
    }
    return found;
  };
  for (const issue of unknown) {
    const start = foldSku(issue.params!.sku as string).slice(0, 2);
    if (!candidatesByStart.has(start) && candidatesByStart.size >= MAX_SUGGESTION_LOOKUPS) continue;
    const suggestions = closestSkus(issue.params!.sku as string, await candidates(start));
    if (suggestions.length) issue.suggestions = suggestions;
  }
}

/** Takes the replacements of `discontinued` issues out of their suggestions when they cannot be ordered either. */
async function dropUnorderableReplacements(db: Db, caller: BuyerCaller, issues: ErrorIssue[]): Promise<void> {
  const replaced = issues.filter((i) => i.code === 'discontinued' && i.suggestions?.length);
  const skus = replaced.flatMap((i) => i.suggestions!.filter((s): s is string => typeof s === 'string'));
  if (!skus.length) return;
  const orderable = new Set((await findVisibleProducts(db, caller.company.id, skus)).filter((p) => p.status !== 'discontinued').map((p) => p.sku));
  for (const issue of replaced) {
    const kept = issue.suggestions!.filter((s) => typeof s !== 'string' || orderable.has(s));
    if (kept.length) issue.suggestions = kept;
    else delete issue.suggestions;
  }
}
