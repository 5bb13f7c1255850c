import { consume } from '@lit/context';
import type { KontorClient } from '@kontor/core';
import { KontorError, errorMessage, isKontorError, type Lang } from '@kontor/core/errors';
import { LitElement, type PropertyDeclaration, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { configuredClient, onConfigure } from '../configure.js';
import type { KontorEventDetails, KontorEventName } from '../events/index.js';
import { common } from '../translations/slices.js';
import { strings, type Strings } from '../translations/strings.js';
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
  /** The strings this element shows: `strings(common, …)` of the slices it uses, loaded per language. */
  static strings: Strings<object> = strings(common);

  /** Neither language's strings could be loaded: nothing to render until they can. */
  private stringsMissing = false;

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

  /**
   * An update waits for the strings of the element's language: the first render in a language
   * loads its slices (a dynamic import; cached after), and `updateComplete` includes the wait.
   * If they cannot be loaded, the other language stands in; if neither can, the element reports
   * the error and renders nothing until a later update loads them.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const ctor = this.constructor as typeof KontorElement;
    const lang = this.currentLang;
    if (ctor.strings.get(lang)) {
      this.stringsMissing = false;
      return super.scheduleUpdate();
    }
    const other: Lang = lang === 'de' ? 'en' : 'de';
    return ctor.strings
      .load(lang)
      .catch((error: unknown) =>
        ctor.strings.load(other).catch(() => {
          throw error;
        }),
      )
      .then(
        () => (this.stringsMissing = false),
        (error: unknown) => {
          this.stringsMissing = true;
          this.reportError(error);
        },
      )
      .then(() => super.scheduleUpdate());
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    return !this.stringsMissing && super.shouldUpdate(changed);
  }

  /** The strings of the current language (or, while it cannot be loaded, the other one). */
  protected get t(): S {
    const { strings } = this.constructor as typeof KontorElement;
    const lang = this.currentLang;
    const t = strings.get(lang) ?? strings.get(lang === 'de' ? 'en' : 'de');
    if (!t) throw new KontorError('internal', `<${this.localName}> rendered before its strings loaded`);
    return t as S;
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
    return errorMessage(error.code, this.currentLang);
  }
}
