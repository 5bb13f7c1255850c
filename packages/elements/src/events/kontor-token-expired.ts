import type { HttpError } from '@kontor/core/errors';

export interface KontorTokenExpiredDetail {
  /** The 401 answer; its message says why, in the element's language. */
  error: HttpError;
  /** Why the server refused the token: `token_expired`, `token_revoked`, `token_invalid` or `token_missing` (`undefined` from servers that do not say). */
  reason: string | undefined;
  /**
   * Answers with a fresh token (or a promise of one, e.g. from the partner's server): the requests
   * that failed continue with it, and every later request uses it — the elements do not reload.
   * Call it while the event is dispatched; resolving with nothing (or rejecting) lets them fail.
   * Setting `token` on `<kontor-shop>` (or calling `configure()`) during the dispatch works the same.
   */
  respondWith(token: string | null | undefined | PromiseLike<string | null | undefined>): void;
}

/**
 * A request answered 401: the token is missing, invalid, revoked or expired. Fired once per
 * refused token, however many elements were waiting. The host answers with
 * `event.detail.respondWith(fetchFreshToken())`; without an answer the elements show the error,
 * and a `token` set later makes them reload.
 */
export type KontorTokenExpiredEvent = CustomEvent<KontorTokenExpiredDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-token-expired': KontorTokenExpiredEvent;
  }
}
