// Purchase-order numbers of standing-order runs from a pattern: `DA-{yyyy}-{n}` → `DA-2026-7`.
// Its own module without the recurrence library, so a form can show an example in the browser.

import type { ErrorIssue, IssuePath } from '../errors/kontor-error.js';
import { messageIn, type Lang } from '../errors/messages.js';
import { standingOrdersIssues } from '../errors/issues/standing-orders.js';
import { ValidationError } from '../errors/validation-error.js';

/** The longest purchase-order number an order takes. */
export const MAX_PURCHASE_ORDER_NUMBER = 35;

const TOKEN = /\{([^{}]*)\}/g;
const KNOWN = /^(yyyy|yy|mm|dd|n|n:[1-9])$/;

/** What a run's PO number is made of: its day and its run counter. */
export interface PurchaseOrderNumberInput {
  /** The run's day, `YYYY-MM-DD`. */
  day: string;
  /** The run counter: 1 for the first order the standing order places. */
  n: number;
}

/**
 * A run's purchase-order number from `pattern`: `{yyyy}` `{yy}` `{mm}` `{dd}` of the run's day,
 * `{n}` the run counter (`{n:4}` zero-padded to 4 digits); other text stays as it is.
 * @throws {@link ValidationError} (`po_pattern_token`, `po_pattern_too_long`) at `['purchaseOrderPattern']`.
 * @example
 * ```ts
 * formatPurchaseOrderNumber('DA-{yyyy}-{n:3}', { day: '2026-03-02', n: 7 }) // 'DA-2026-007'
 * ```
 */
export function formatPurchaseOrderNumber(pattern: string, input: PurchaseOrderNumberInput, lang: Lang = 'en'): string {
  const issues = purchaseOrderPatternIssues(pattern, { lang, example: input });
  if (issues.length) throw new ValidationError(`The purchase-order pattern is not valid: ${issues[0]!.message}`, issues);
  return render(pattern, input);
}

function render(pattern: string, { day, n }: PurchaseOrderNumberInput): string {
  return pattern.replace(TOKEN, (_, token: string) => {
    switch (token) {
      case 'yyyy':
        return day.slice(0, 4);
      case 'yy':
        return day.slice(2, 4);
      case 'mm':
        return day.slice(5, 7);
      case 'dd':
        return day.slice(8, 10);
      case 'n':
        return String(n);
      default:
        return String(n).padStart(Number(token.slice(2)), '0');
    }
  });
}

/**
 * The issues of a pattern: an unknown placeholder (`po_pattern_token`, with the token), or a number
 * longer than {@link MAX_PURCHASE_ORDER_NUMBER} characters for the example run (default: the
 * 999th run on 2026-12-31) (`po_pattern_too_long`).
 */
export function purchaseOrderPatternIssues(
  pattern: string,
  options: { lang?: Lang; path?: IssuePath; example?: PurchaseOrderNumberInput } = {},
): ErrorIssue[] {
  const lang = options.lang ?? 'en';
  const path = options.path ?? ['purchaseOrderPattern'];
  const issue = (code: string, params: Record<string, unknown>): ErrorIssue => ({ path, code, message: messageIn([standingOrdersIssues], code, params, lang), params });
  const unknown = [...pattern.matchAll(TOKEN)].map((m) => m[1]!).filter((t) => !KNOWN.test(t));
  if (unknown.length) return [issue('po_pattern_token', { token: `{${unknown[0]}}` })];
  if (/[{}]/.test(pattern.replace(TOKEN, ''))) return [issue('po_pattern_token', { token: pattern.replace(TOKEN, '').match(/[{}]/)![0] })];
  const example = render(pattern, options.example ?? { day: '2026-12-31', n: 999 });
  if (example.length > MAX_PURCHASE_ORDER_NUMBER) return [issue('po_pattern_too_long', { max: MAX_PURCHASE_ORDER_NUMBER, example })];
  return [];
}
