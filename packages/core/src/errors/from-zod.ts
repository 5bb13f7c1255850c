import { safeParse as zodSafeParse, type core } from 'zod/mini';
import type { ErrorIssue, IssuePath } from './kontor-error.js';
import { issueMessage, type Lang } from './messages.js';
import { ValidationError } from './validation-error.js';

/** The parts of a zod v4 issue we read (works for classic zod and zod/mini). */
export interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: unknown;
  input?: unknown;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  format?: string;
  values?: unknown[];
  keys?: string[];
  params?: Record<string, unknown>;
  /** `invalid_union`: the issues of each option. */
  errors?: ZodIssueLike[][];
}

/** A key of the object itself is missing (with `reportInput`): the input is not of that option's shape. */
const missesOwnKey = (issue: ZodIssueLike) => issue.path.length === 1 && issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined;

/**
 * A failed union of object shapes (`{ addressId } | { address }`) reports the issues of the one
 * option whose keys the input has, at their own paths, instead of one `invalid` for the whole
 * union; when no or several options fit, the union's issue stays as it is.
 */
function expandUnion(issue: ZodIssueLike): ZodIssueLike[] {
  if (issue.code !== 'invalid_union' || !Array.isArray(issue.errors)) return [issue];
  const fitting = issue.errors.filter((option) => option.length > 0 && !option.some(missesOwnKey));
  if (fitting.length !== 1) return [issue];
  return fitting[0]!.flatMap((inner) => expandUnion({ ...inner, path: [...issue.path, ...inner.path] }));
}

const toPath = (path: PropertyKey[]): IssuePath => path.map((p) => (typeof p === 'number' ? p : String(p)));

/** Turns one zod issue into a Kontor issue with a stable code and a localized message. */
export function issueFromZod(issue: ZodIssueLike, lang: Lang = 'en', prefix: IssuePath = []): ErrorIssue {
  let code = issue.code;
  const params: Record<string, unknown> = {};
  if (code === 'invalid_type') {
    // With `reportInput` the input is on the issue; without it, zod's default message says so.
    const missing = 'input' in issue ? issue.input === undefined : /received undefined/.test(issue.message);
    if (missing) code = 'required';
    else params.expected = issue.expected;
  } else if (code === 'too_small' || code === 'too_big') {
    params.origin = issue.origin;
    if (issue.minimum !== undefined) params.minimum = Number(issue.minimum);
    if (issue.maximum !== undefined) params.maximum = Number(issue.maximum);
  } else if (code === 'invalid_format') {
    params.format = issue.format;
  } else if (code === 'invalid_value') {
    params.values = issue.values;
  } else if (code === 'unrecognized_keys') {
    params.keys = issue.keys;
  } else if (code === 'custom' && issue.params && typeof issue.params.code === 'string') {
    // Our own refinements put a stable code in params.
    code = issue.params.code;
    Object.assign(params, issue.params);
    delete params.code;
  } else if (code === 'invalid_union' || code === 'invalid_key' || code === 'invalid_element' || code === 'custom' || code === 'not_multiple_of') {
    code = 'invalid';
  }
  return { path: [...prefix, ...toPath(issue.path)], code, message: issueMessage(code, params, lang), ...(Object.keys(params).length ? { params } : {}) };
}

/** A {@link ValidationError} from a zod error, with a message that names what was validated. */
export function validationErrorFromZod(
  error: { issues: readonly ZodIssueLike[] },
  what: string,
  options: { lang?: Lang; status?: number; prefix?: IssuePath } = {},
): ValidationError {
  const issues = error.issues.flatMap(expandUnion).map((i) => issueFromZod(i, options.lang, options.prefix));
  const first = issues[0];
  const where = first && first.path.length ? ` at ${first.path.join('.')}` : '';
  return new ValidationError(`${what} is not valid${where}: ${first?.message ?? ''}`.trim(), issues, {
    status: options.status,
    cause: error,
  });
}

const safeParse = (schema: core.$ZodType, value: unknown) => zodSafeParse(schema, value, { reportInput: true });

/**
 * Validates `value` with a zod schema and returns the parsed data, or throws a
 * {@link ValidationError} that names `what` and every offending path.
 * Parses with `reportInput` so a missing field is reported as `required`, not `invalid_type`.
 */
export function parseOrThrow<S extends core.$ZodType>(
  schema: S,
  value: unknown,
  what: string,
  options: { lang?: Lang; status?: number; prefix?: IssuePath } = {},
): core.output<S> {
  const result = safeParse(schema, value);
  if (result.success) return result.data as core.output<S>;
  throw validationErrorFromZod(result.error, what, options);
}
