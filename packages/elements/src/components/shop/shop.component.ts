import { provide } from '@lit/context';
import { createKontorClient, type KontorClient } from '@kontor/core';
import { KontorError, errorMessage, isKontorError, resolveLang, type HttpError } from '@kontor/core/errors';
import type { HttpClientOptions } from '@kontor/core/http';
import type { Session } from '@kontor/core/identity';
import { css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { KontorElement } from '../../internal/kontor-element.js';
import { shopContext, type ShopContextValue } from '../../internal/shop-context.js';

/**
 * @summary Gives every Kontor element inside it the server, the token and the language.
 * @tag kontor-shop
 * @slot - The page content with Kontor elements.
 * @event kontor-token-expired - A request answered 401; set a fresh `token`. detail: `{ error }`.
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

  /** Bearer token for every request. Set a fresh one on `kontor-token-expired`. */
  @property() token = '';

  /** Further client options, JS only (timeout, retries, headers, fetch). */
  @property({ attribute: false }) clientOptions: Partial<HttpClientOptions> = {};

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('token') || changed.has('clientOptions') || changed.has('lang')) {
      this.provideValue(changed.has('endpoint') || changed.has('token') || changed.has('clientOptions') || !this.provided.client);
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
    let reported = false;
    return createKontorClient({
      ...this.clientOptions,
      endpoint: this.endpoint,
      token: token || undefined,
      lang: () => this.currentLang,
      onUnauthorized: (error: HttpError) => {
        // Many elements may fail with the same token at once: tell the host once per token.
        if (reported || token !== this.token) return;
        reported = true;
        this.emit('kontor-token-expired', { error });
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
