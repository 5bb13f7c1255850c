import type { KontorClient } from '@kontor/core';
import { createKontorClient } from '@kontor/core/client.js';
import type { HttpError, Lang } from '@kontor/core/errors';
import type { HttpClientOptions } from '@kontor/core/http';
import type { KontorTokenExpiredDetail } from './events/kontor-token-expired.js';
import { refreshThroughHost } from './internal/token-refresh.js';

/** Page-wide configuration for Kontor elements outside any `<kontor-shop>`. */
export interface KontorConfig {
  /** Base URL of the Kontor server. */
  endpoint: string;
  /** Bearer token (session token after login, or a partner-minted customer token). */
  token?: string | null;
  /** Language for elements that have no `lang` of their own or from an ancestor. */
  lang?: Lang;
  /** Further client options (timeout, retries, headers, fetch). */
  clientOptions?: Partial<HttpClientOptions>;
}

let current: { config: KontorConfig; client: KontorClient } | null = null;
const listeners = new Set<() => void>();

/**
 * Configures Kontor for the whole page. Elements inside a `<kontor-shop>` use the shop instead.
 * Calling it again (e.g. with a fresh token) makes the elements reload. When a request answers
 * 401, `kontor-token-expired` is dispatched on `document`: answer with
 * `event.detail.respondWith(promiseOfToken)` and the pending requests continue with the fresh
 * token, without a reload.
 *
 * @example
 * ```ts
 * import { configure } from '@kontor/elements';
 * configure({ endpoint: 'https://shop.example.com', token: session.token, lang: 'de' });
 * ```
 */
export function configure(config: KontorConfig | null): void {
  // A copy: a fresh token from kontor-token-expired is kept on it, not on the caller's object.
  const own = config ? { ...config } : null;
  current = own ? { config: own, client: createConfiguredClient(own) } : null;
  for (const listener of listeners) listener();
}

function createConfiguredClient(config: KontorConfig): KontorClient {
  const dispatch = (detail: KontorTokenExpiredDetail) => document.dispatchEvent(new CustomEvent('kontor-token-expired', { detail, bubbles: true, composed: true }));
  const token = config.token ?? undefined;
  // configure() called again during the event (a fresh token) also lets the pending requests continue.
  const refresh = refreshThroughHost(dispatch, () => current?.config.token);
  return createKontorClient({
    ...config.clientOptions,
    endpoint: config.endpoint,
    token,
    lang: config.lang ?? 'en',
    // A refused token: the host answers with a fresh one and the requests continue with it; the
    // page-wide configuration keeps it for page code that reads it (no reload).
    refreshToken: async (context) => {
      const fresh = await refresh(context);
      if (fresh && current?.config === config) config.token = fresh;
      return fresh;
    },
    onUnauthorized: (error: HttpError) => {
      if (!token) dispatch({ error, reason: error.issues[0]?.code, respondWith: () => undefined });
    },
  });
}

/** The page-wide configuration, or `null`. */
export function configuredClient(): { config: KontorConfig; client: KontorClient } | null {
  return current;
}

/** Called after every `configure()`. Returns the unsubscribe function. */
export function onConfigure(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
