import type { TokenRefreshContext } from '@kontor/core/http';
import type { KontorTokenExpiredDetail } from '../events/kontor-token-expired.js';

/**
 * Core's `refreshToken` for the elements: tells the host with `kontor-token-expired` (once per
 * refused token) and hands the client the token the host answers with — by `respondWith()`, or by
 * setting a new token during the dispatch (`tokenNow()` differs afterwards). `undefined`: the
 * requests fail with the 401.
 */
export function refreshThroughHost(dispatch: (detail: KontorTokenExpiredDetail) => void, tokenNow: () => string | null | undefined) {
  const told = new Set<string>();
  return async ({ error, token }: TokenRefreshContext): Promise<string | undefined> => {
    if (told.has(token)) return undefined;
    told.add(token);
    let answer: string | null | undefined | PromiseLike<string | null | undefined>;
    let answered = false;
    dispatch({
      error,
      reason: error.issues[0]?.code,
      respondWith: (value) => {
        answered = true;
        answer = value;
      },
    });
    if (!answered) {
      const now = tokenNow();
      return now && now !== token ? now : undefined;
    }
    const fresh = await answer;
    return fresh || undefined;
  };
}
