import { consume } from '@lit/context';
import type { KontorClient } from '@kontor/core';
import type { Lang } from '@kontor/core/errors';
import { KontorError, isKontorError } from '@kontor/core/errors/kontor-error.js';
import { errorMessage } from '@kontor/core/errors/messages.js';
import { LitElement, type PropertyDeclaration } from 'lit';
import { property, state } from 'lit/decorators.js';
import { configuredClient, onConfigure } from '../configure.js';
import type { KontorEventDetails, KontorEventName } from '../events/index.js';
import { common } from '../translations/slices/common.js';
import { strings, type Slice } from '../translations/strings.js';
import type { CommonStrings } from '../translations/translation.js';
import { ancestorLang, firstLang, observeLang, unobserveLang } from './lang.js';
import { shopContext, type ShopContextValue } from './shop-context.js';

let notConfiguredLogged = false;

/**
 * What a framework hands a number property: React, Vue and Svelte set `min="10"` as the string
 * `"10"` on a property that exists. An empty string is no value; anything not a string is kept.
 */
export const toNumberProperty = (value: unknown): unknown =>
  typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value)) : value;

/** A boolean property set to a string: `"false"` is false, any other string (`""`, `"true"`, the name) true, as an attribute would be. */
export const toBooleanProperty = (value: unknown): unknown => (typeof value === 'string' ? value.trim().toLowerCase() !== 'false' : value);

/**
 * Base of every Kontor element: typed events, language and translations, the client from
 * `<kontor-shop>` or `configure()`, and one way to turn any failure into an error state.
 * `S` is the element's strings: each element sets `static strings` to the slices it shows.
 */
export class KontorElement<S extends object = CommonStrings> extends LitElement {
  /** The strings this element shows, per language: `strings(common, …)` of the slices it uses. */
  static strings: Slice<object> = strings(common);

  private unsubscribeConfigure?: () => void;

  /**
   * Frameworks set properties, not attributes, and a converter runs only for attributes: every
   * `type: Number` and `type: Boolean` property coerces strings in its setter, so `quantity="3"`
   * from React means 3 and `no-tiers="false"` from Vue means false.
   */
  protected static override getPropertyDescriptor(name: PropertyKey, key: string | symbol, options: PropertyDeclaration): PropertyDescriptor | undefined {
    const descriptor = super.getPropertyDescriptor(name, key, options);
    const coerce = options.type === Number ? toNumberProperty : options.type === Boolean ? toBooleanProperty : undefined;
    const set = descriptor?.set;
    if (!descriptor || !coerce || !set) return descriptor;
    return {
      ...descriptor,
      set(this: KontorElement, value: unknown) {
        set.call(this, coerce(value));
      },
    };
  }

  /** From the nearest `<kontor-shop>`; `undefined` outside any shop. */
  @consume({ context: shopContext, subscribe: true })
  @state()
  protected shop?: ShopContextValue;

  /** Language of this element (`de` or `en`). Unset: the nearest ancestor's `lang`, the shop's, the page's, else `en`. */
  @property({ reflect: true }) override lang!: string;

  override connectedCallback(): void {
    super.connectedCallback();
    observeLang(this);
    this.unsubscribeConfigure = onConfigure(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unobserveLang(this);
    this.unsubscribeConfigure?.();
  }

  /** The language this element speaks now. */
  protected get currentLang(): Lang {
    return firstLang(
      this.getAttribute('lang'),
      ancestorLang(this),
      this.shop?.lang,
      this.shop ? undefined : configuredClient()?.config.lang,
      document.documentElement.lang,
    );
  }

  /** The strings of the current language. */
  protected get t(): S {
    return (this.constructor as typeof KontorElement).strings[this.currentLang] as S;
  }

  /**
   * The client to call: the shop's inside a `<kontor-shop>`, else the page-wide one from
   * `configure()`, else a `not_configured` error (logged once per page).
   */
  protected resolveClient(): KontorClient | KontorError {
    if (this.shop) return this.shop.client ?? this.shop.error ?? this.notConfigured();
    return configuredClient()?.client ?? this.notConfigured();
  }

  private notConfigured(): KontorError {
    const error = new KontorError(
      'not_configured',
      `<${this.localName}> has no Kontor endpoint: put it inside <kontor-shop endpoint="…" token="…"> or call configure({ endpoint, token }) from @kontor/elements.`,
    );
    if (!notConfiguredLogged) {
      notConfiguredLogged = true;
      console.error(error.message);
    }
    return error;
  }

  /** Dispatches a typed Kontor event: bubbling, composed. */
  protected emit<N extends KontorEventName>(name: N, detail: KontorEventDetails[N]): CustomEvent<KontorEventDetails[N]> {
    const event = new CustomEvent(name, { detail, bubbles: true, composed: true });
    this.dispatchEvent(event);
    return event;
  }

  /** Turns anything thrown into a KontorError, reports it with `kontor-error`, and returns it for the error state. */
  protected reportError(cause: unknown): KontorError {
    const error = isKontorError(cause)
      ? cause
      : new KontorError('internal', cause instanceof Error ? cause.message : String(cause), { cause });
    this.emit('kontor-error', { error });
    return error;
  }

  /** The localized message for an error. */
  protected errorText(error: KontorError): string {
    // A refused token: the server's message says why (expired, revoked, forged), in the element's language.
    if (error.code === 'unauthorized' && error.issues[0]?.code.startsWith('token_')) return error.message;
    return errorMessage(error.code, this.currentLang);
  }
}
