/**
 * Search keys for the catalogue. SQLite's `lower()` folds ASCII only and PostgreSQL's depends on
 * the collation, so we fold in JavaScript, the same way for stored text and for queries:
 * lower case, umlauts both as `ae` and as `a` (buyers type either), `ß` as `ss`, accents
 * dropped, and a decimal comma between digits as a point (`3x1,5` finds `3x1.5`).
 */
function fold(text: string, umlaut: 'e' | ''): string {
  return text
    .toLocaleLowerCase('de-DE')
    .replace(/[äöü]/g, (c) => ({ ä: 'a', ö: 'o', ü: 'u' })[c as 'ä' | 'ö' | 'ü'] + umlaut)
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/(\d),(?=\d)/g, '$1.')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text stored in `products.search_text` for these fields. */
export function searchText(fields: readonly (string | null | undefined)[]): string {
  const joined = fields.filter(Boolean).join(' ');
  const withE = fold(joined, 'e');
  const plain = fold(joined, '');
  return withE === plain ? withE : `${withE} ${plain}`;
}

/** The terms of a query, each to be found in the search text (AND); at most 8. */
export function searchTerms(query: string): string[] {
  return [...new Set(fold(query, 'e').split(' ').filter(Boolean))].slice(0, 8);
}

/** The fields of a product that search looks at. */
export const productSearchFields = (p: { sku: string; name_de: string; name_en: string; brand: string | null; ean: string | null }) =>
  [p.sku, p.name_de, p.name_en, p.brand, p.ean] as const;
