import { provide } from '@lit/context';
import type { KontorClient } from '@kontor/core';
import { createKontorClient } from '@kontor/core/client.js';
import type { HttpError } from '@kontor/core/errors';
import { KontorError, isKontorError } from '@kontor/core/errors/kontor-error.js';
import { errorMessage, resolveLang } from '@kontor/core/errors/messages.js';
import type { HttpClientOptions } from '@kontor/core/http';
import type { Session } from '@kontor/core/identity';
import { css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { KontorElement } from '../../internal/kontor-element.js';
import { shopContext, type ShopContextValue } from '../../internal/shop-context.js';
import { refreshThroughHost } from '../../internal/token-refresh.js';

/**
 * @summary Gives every Kontor element inside it the server, the token and the language.
 * @tag kontor-shop
 * @slot - The page content with Kontor elements.
 * @event kontor-token-expired - A request answered 401 (expired, revoked, forged token). Answer with `event.detail.respondWith(promiseOfToken)` (or set `token` during the event) and the pending requests continue with the fresh token. detail: `{ error, reason, respondWith }`.
 *
 * @example
 * ```html
 * <kontor-shop endpoint="https://shop.example.com" token="…" lang="de">
 *   <kontor-product-list category="kabel"></kontor-product-list>
 * </kontor-shop>
 * ```
 */
export class KontorShop extends KontorElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  @provide({ context: shopContext })
  protected provided: ShopContextValue = { client: null, error: null, lang: undefined };

  /** Base URL of the Kontor server. */
  @property() endpoint = '';

  /** Bearer token for every request. A fresh one answering `kontor-token-expired` keeps the elements as they are; any other change reloads them. */
  @property() token = '';

  /** Further client options, JS only (timeout, retries, headers, fetch). */
  @property({ attribute: false }) clientOptions: Partial<HttpClientOptions> = {};

  /** The token the current client took from the host's answer to `kontor-token-expired`: setting `token` to it needs no new client. */
  private refreshedTo: string | null = null;

  override willUpdate(changed: PropertyValues<this>): void {
    // A token the client already uses (the host's answer to kontor-token-expired) keeps client and elements.
    const tokenChanged = changed.has('token') && this.token !== this.refreshedTo;
    if (changed.has('endpoint') || tokenChanged || changed.has('clientOptions') || changed.has('lang')) {
      this.provideValue(changed.has('endpoint') || tokenChanged || changed.has('clientOptions') || !this.provided.client);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Provide before children ask, so they never see a half-configured shop.
    this.provideValue(true);
  }

  private provideValue(newClient: boolean): void {
    const lang = this.getAttribute('lang') ? resolveLang(this.getAttribute('lang')) : undefined;
    let client = this.provided.client;
    let error = this.provided.error;
    if (newClient) {
      if (this.endpoint) {
        client = this.createClient();
        error = null;
      } else {
        client = null;
        error = new KontorError('not_configured', `<kontor-shop> has no endpoint attribute. ${errorMessage('not_configured')}`);
      }
    }
    if (client === this.provided.client && error === this.provided.error && lang === this.provided.lang) return;
    this.provided = { client, error, lang };
  }

  private createClient(): KontorClient {
    const token = this.token;
    this.refreshedTo = null;
    let reported = false;
    const refresh = refreshThroughHost(
      (detail) => this.emit('kontor-token-expired', detail),
      () => this.token,
    );
    return createKontorClient({
      ...this.clientOptions,
      endpoint: this.endpoint,
      token: token || undefined,
      lang: () => this.currentLang,
      // A refused token: the host answers with a fresh one and the requests continue with it (core's client).
      refreshToken: async (context) => {
        const fresh = await refresh(context);
        if (fresh) {
          this.refreshedTo = fresh;
          this.token = fresh;
        }
        return fresh;
      },
      onUnauthorized: (error: HttpError) => {
        // Without a token there was nothing to refresh: tell the host once.
        if (token || reported) return;
        reported = true;
        this.emit('kontor-token-expired', { error, reason: error.issues[0]?.code, respondWith: () => undefined });
      },
    });
  }

  /** The client the elements inside use, for page code that wants to call the SDK too. */
  get client(): KontorClient | null {
    return this.provided.client;
  }

  /**
   * Signs in with e-mail and password and sets the session token, so the elements inside reload
   * with the buyer's prices. Rejects with a `KontorError` (e.g. `unauthorized`).
   */
  async login(email: string, password: string): Promise<Session> {
    if (!this.endpoint) throw new KontorError('not_configured', errorMessage('not_configured'));
    try {
      const anonymous = createKontorClient({ ...this.clientOptions, endpoint: this.endpoint, lang: this.currentLang });
      const session = await anonymous.identity.login({ email, password });
      this.token = session.token;
      return session;
    } catch (error) {
      throw isKontorError(error) ? error : new KontorError('internal', String(error), { cause: error });
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}
