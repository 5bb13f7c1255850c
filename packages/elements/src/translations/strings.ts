import type { Lang } from '@kontor/core/errors';

/**
 * One slice of strings, loaded per language on first use: the page's language loads, the other
 * does not. Each loader is a dynamic import, so an app's bundler puts every slice and language in
 * a chunk of its own (the standalone bundle inlines them).
 */
export type Slice<T extends object> = Readonly<Record<Lang, () => Promise<T>>>;

type SliceOf<U> = U extends Slice<infer T> ? T : never;
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The strings one element shows, in every language it has loaded. */
export interface Strings<T extends object> {
  /** The strings of a language, once loaded; `undefined` before. */
  get(lang: Lang): T | undefined;
  /** Loads a language's slices (once; a failed load is tried again on the next call). */
  load(lang: Lang): Promise<T>;
}

/** The strings of one language that a {@link Strings} holds. */
export type StringsOf<S> = S extends Strings<infer T> ? T : never;

/**
 * Merges slices into what one element shows. Each element names only the slices it uses, so
 * `<kontor-cart-count>` does not carry the checkout's sentences, and only the page's language is
 * fetched (Shoelace registers languages the same way, by import).
 *
 * @example
 * ```ts
 * const priceStrings = strings(common, price);
 * class KontorPrice extends KontorElement<StringsOf<typeof priceStrings>> {
 *   static override strings = priceStrings;
 * }
 * ```
 */
export function strings<S extends Slice<object>[]>(...slices: S): Strings<Intersection<SliceOf<S[number]>> & object> {
  type T = Intersection<SliceOf<S[number]>> & object;
  const loaded = new Map<Lang, T>();
  const loading = new Map<Lang, Promise<T>>();
  return {
    get: (lang) => loaded.get(lang),
    load(lang) {
      let pending = loading.get(lang);
      if (!pending) {
        pending = Promise.all(slices.map((slice) => slice[lang]())).then((parts) => {
          const merged = Object.assign({}, ...parts) as T;
          loaded.set(lang, merged);
          return merged;
        });
        loading.set(lang, pending);
        pending.catch(() => loading.delete(lang));
      }
      return pending;
    },
  };
}
