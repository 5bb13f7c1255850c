/**
 * A SKU as people type it, folded for comparison: upper case, without separators
 * (`-`, `.`, `/`, `_`, spaces). `nym-j 3x1.5` and `NYMJ3X15` fold to the same key.
 */
export function foldSku(sku: string): string {
  return sku.toUpperCase().replace(/[\s\-./_]+/g, '');
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a substring):
 * insertions, deletions, substitutions and swaps of neighbours cost 1. Gives up early and answers
 * `max + 1` once the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (!a.length || !b.length) return Math.max(a.length, b.length);
  let prevPrev = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return prev[b.length]!;
}

const commonPrefix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/**
 * The candidates closest to a SKU that was not found, best first: compared case-insensitively and
 * without separators, by edit distance (a swap of two neighbours is one edit), a longer common
 * start breaking ties; a candidate that begins with everything typed counts as one edit away.
 * Candidates further than about a third of the SKU's length are left out, so a wild guess gets
 * no suggestions rather than random ones. Pure; the caller bounds the candidate list.
 *
 * @example
 * ```ts
 * closestSkus('kl1010', ['KL-1001', 'KL-1010', 'LM-1010']) // ['KL-1010', 'KL-1001', 'LM-1010']
 * ```
 */
export function closestSkus(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const wanted = foldSku(input);
  if (!wanted || limit <= 0) return [];
  const max = Math.max(1, Math.floor(wanted.length / 3));
  const scored: { sku: string; distance: number; prefix: number }[] = [];
  const seen = new Set<string>();
  for (const sku of candidates) {
    if (seen.has(sku)) continue;
    seen.add(sku);
    const folded = foldSku(sku);
    if (!folded) continue;
    let distance = editDistance(wanted, folded, max);
    // Typed only the start ("KL-10"): as good as one typo.
    if (distance > 1 && wanted.length >= 2 && folded.startsWith(wanted)) distance = 1;
    if (distance > max) continue;
    scored.push({ sku, distance, prefix: commonPrefix(wanted, folded) });
  }
  scored.sort((a, b) => a.distance - b.distance || b.prefix - a.prefix || a.sku.length - b.sku.length || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.sku);
}
