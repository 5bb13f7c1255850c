import { createKontorClient, type KontorClient } from '@kontor/core';
import type { HttpError, Lang } from '@kontor/core/errors';
import type { HttpClientOptions } from '@kontor/core/http';

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
 * 401, `kontor-token-expired` is dispatched on `document`.
 *
 * @example
 * ```ts
 * import { configure } from '@kontor/elements';
 * configure({ endpoint: 'https://shop.example.com', token: session.token, lang: 'de' });
 * ```
 */
export function configure(config: KontorConfig | null): void {
  current = config ? { config, client: createConfiguredClient(config) } : null;
  for (const listener of listeners) listener();
}

function createConfiguredClient(config: KontorConfig): KontorClient {
  return createKontorClient({
    ...config.clientOptions,
    endpoint: config.endpoint,
    token: config.token ?? undefined,
    lang: config.lang ?? 'en',
    onUnauthorized: (error: HttpError) => {
      document.dispatchEvent(new CustomEvent('kontor-token-expired', { detail: { error }, bubbles: true, composed: true }));
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
