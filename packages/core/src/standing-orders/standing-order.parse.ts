import type * as z from 'zod/mini';
import type { ErrorIssue, IssuePath } from '../errors/kontor-error.js';
import { parseOrThrow } from '../errors/from-zod.js';
import { isKontorError } from '../errors/kontor-error.js';
import type { Lang } from '../errors/messages.js';
import { standingOrdersIssues } from '../errors/issues/standing-orders.js';
import { ValidationError } from '../errors/validation-error.js';

// The standing-order messages are a table of their own, not in the shared one every element's
// validation reads (that would add ~1.8 KiB gz to the checkout): standing-order inputs are parsed
// here, which words their issues from it.

/** Issues with the standing-order codes worded from their table, in `lang`. */
export function localizeStandingOrderIssues(issues: readonly ErrorIssue[], lang: Lang = 'en'): ErrorIssue[] {
  return issues.map((issue) => {
    const message = standingOrdersIssues[lang][issue.code];
    return message ? { ...issue, message: message(issue.params ?? {}) } : issue;
  });
}

/**
 * `parseOrThrow` for standing-order schemas: the data, or a {@link ValidationError} that names
 * `what` and words every issue (`rrule_unknown_part`, `end_before_start`, …) in `lang`.
 * @example
 * ```ts
 * const body = parseStandingOrderRequest(CreateStandingOrderRequestSchema, json, 'The standing order', { lang: 'de' });
 * ```
 */
export function parseStandingOrderRequest<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  what: string,
  options: { lang?: Lang; status?: number; prefix?: IssuePath } = {},
): z.core.output<S> {
  try {
    return parseOrThrow(schema, value, what, options);
  } catch (e) {
    if (!isKontorError(e) || e.code !== 'validation') throw e;
    const issues = localizeStandingOrderIssues(e.issues, options.lang);
    const first = issues[0];
    const where = first && first.path.length ? ` at ${first.path.join('.')}` : '';
    throw new ValidationError(`${what} is not valid${where}: ${first?.message ?? ''}`.trim(), issues, { status: e.status, cause: e.cause });
  }
}
