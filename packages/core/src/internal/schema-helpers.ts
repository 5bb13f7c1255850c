import * as z from 'zod/mini';

/** An opaque id with a type prefix, e.g. `prd_8Hk2…`. */
export const idSchema = <P extends string>(prefix: P) =>
  z.string().check(z.regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,64}$`), { error: `Expected a ${prefix}_… id` }));

/** A quantity as the API takes it: a positive whole number; the product's rules decide the rest. */
export const QuantitySchema = z.int().check(z.minimum(1), z.maximum(10_000_000));

/** An instant as ISO 8601 UTC. */
export const InstantSchema = z.iso.datetime();

/** Cursor-paged list. */
export const pageOf = <T extends z.core.SomeType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

/**
 * What a clean text may not hold: C0 and C1 controls and DEL (tab, line breaks aside: see below),
 * bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the BOM (U+FEFF) and the
 * line and paragraph separators U+2028/U+2029. They are invisible to the buyer and turn up in the
 * ERP, the order mail and the PDF.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/u;
const LINE_BREAK = /[\n\r]/;
/** With the `u` flag only an unpaired surrogate is a code point of its own. */
const LONE_SURROGATE = /\p{Cs}/u;

const codePointOf = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why `value` is not clean text, as an issue code and its params, or `null`: `unpaired_surrogate`
 * (half of a UTF-16 pair), `line_break` (CR or LF where one line is expected), `control_character`
 * (params `codePoint`, e.g. `U+202E`). `multiLine` allows CR and LF — and nothing else of these.
 */
export function textProblem(value: string, multiLine = false): { code: string; codePoint?: string } | null {
  if (LONE_SURROGATE.test(value)) return { code: 'unpaired_surrogate' };
  if (!multiLine && LINE_BREAK.test(value)) return { code: 'line_break' };
  const control = CONTROL.exec(value);
  return control ? { code: 'control_character', codePoint: codePointOf(control[0]) } : null;
}

/** One refinement per problem, the first that fails ends the checks: one issue per field (z.refine is in every bundle already). */
const cleanText = (multiLine: boolean) => [
  z.refine<string>((v) => !LONE_SURROGATE.test(v), { error: 'Unpaired surrogate', params: { code: 'unpaired_surrogate' }, abort: true }),
  ...(multiLine ? [] : [z.refine<string>((v) => !LINE_BREAK.test(v), { error: 'Line break', params: { code: 'line_break' }, abort: true })]),
  z.refine<string>((v) => !CONTROL.test(v), { error: 'Control character', params: { code: 'control_character' }, abort: true }),
];

/**
 * Free text on one line as it goes on to the ERP, mails and documents (a name, a PO number, a
 * street): trimmed, in Unicode NFC, without control or bidi-override characters, line breaks or
 * unpaired surrogates (issue codes `control_character`, `line_break`, `unpaired_surrogate`).
 * `min` 1 makes it required (an empty or blank value is `too_small`).
 */
export const singleLineText = (max: number, min = 0) =>
  z.string().check(z.trim(), z.normalize('NFC'), ...cleanText(false), ...(min ? [z.minLength(min)] : []), z.maxLength(max));

/** Free text that may span lines (a comment, a note): as {@link singleLineText}, with CR and LF allowed. */
export const multiLineText = (max: number) => z.string().check(z.trim(), z.normalize('NFC'), ...cleanText(true), z.maxLength(max));
