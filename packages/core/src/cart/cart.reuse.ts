import type { Cart } from './cart.schema.js';

/**
 * `next` with every line that equals its line in `previous` replaced by that (older) object, so a
 * UI that compares lines by identity re-renders only what the server really changed.
 */
export function reuseUnchangedLines(previous: Cart | null, next: Cart): Cart {
  if (!previous || !previous.lines.length) return next;
  const before = new Map(previous.lines.map((l) => [l.sku, l]));
  let reused = 0;
  const lines = next.lines.map((line) => {
    const old = before.get(line.sku);
    if (old && old.quantity === line.quantity && JSON.stringify(old) === JSON.stringify(line)) {
      reused++;
      return old;
    }
    return line;
  });
  return reused ? { ...next, lines } : next;
}
