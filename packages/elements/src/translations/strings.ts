import type { Lang } from '@kontor/core/errors';

/** One slice of strings in every language Kontor speaks. */
export type Slice<T extends object> = Readonly<Record<Lang, T>>;

type SliceOf<U> = U extends Slice<infer T> ? T : never;
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The strings of one language that a merged slice holds. */
export type StringsOf<S> = S extends Slice<infer T> ? T : never;

/**
 * Merges slices into what one element shows, per language. Each element names only the slices it
 * uses, so `<kontor-cart-count>` does not carry the checkout's sentences (the slices are in
 * `slices.ts`; bundlers drop the ones no element imports).
 *
 * @example
 * ```ts
 * const priceStrings = strings(common, price);
 * class KontorPrice extends KontorElement<StringsOf<typeof priceStrings>> {
 *   static override strings = priceStrings;
 * }
 * ```
 */
export function strings<S extends Slice<object>[]>(...slices: S): Slice<Intersection<SliceOf<S[number]>> & object> {
  const merge = (lang: Lang) => Object.assign({}, ...slices.map((s) => s[lang])) as Intersection<SliceOf<S[number]>> & object;
  return { de: merge('de'), en: merge('en') };
}
