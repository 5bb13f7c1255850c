import type { HttpError } from '@kontor/core/errors';

export interface KontorTokenExpiredDetail {
  /** The 401 answer. */
  error: HttpError;
}

/**
 * A request answered 401: the token is missing, invalid or expired. The host answers by setting
 * a fresh `token` on `<kontor-shop>` (or calling `configure()` again); elements then reload.
 */
export type KontorTokenExpiredEvent = CustomEvent<KontorTokenExpiredDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kontor-token-expired': KontorTokenExpiredEvent;
  }
}
