import type { KontorError } from '@kontor/core/errors';
import { html, nothing, supportsAdoptingStyleSheets, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { componentStyles } from '../../internal/component-styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import { chatbot } from '../../translations/slices/chatbot.js';
import { common } from '../../translations/slices/common.js';
import { strings, type StringsOf } from '../../translations/strings.js';
import type * as PanelModule from './chatbot.panel.js';
import { styles } from './chatbot.styles.js';

type Panel = typeof PanelModule;
/**
 * The chat (chatbot.panel.ts: the conversation, its cards, styles, strings and the assistant
 * client), loaded on demand when the chat first opens, once per page.
 */
let panelLoading: Promise<Panel> | undefined;
const loadPanel = (): Promise<Panel> =>
  (panelLoading ??= import('./chatbot.panel.js').catch((error: unknown) => {
    panelLoading = undefined; // a failed fetch is tried again with "retry"
    throw error;
  }));

const chatbotStrings = strings(common, chatbot);

/**
 * @summary The shop assistant as a chat, inline or as a floating panel: the buyer asks in German or English ("Wo ist meine letzte Bestellung?", "50 m NYM-J 3x1,5 bis wann?") and gets text, quick replies and cards — an order's status with its tracking, a delivery day, a product to add to the cart, a standing order's next run, an action to confirm with a button (reorder, skip a run …), a hand-off to a person. Everything is shown as text; tracking links only to allowed hosts. The chat loads nothing until it opens.
 * @tag kontor-chatbot
 * @event kontor-chat-message - The assistant answered a message. detail: `{ text, reply }`.
 * @event kontor-chat-action - The buyer confirmed a proposed action and the server carried it out. detail: `{ actionId, action, reply }`.
 * @event kontor-cart-change - A product card's button put the product into the cart. detail: `{ cart, effects }`.
 * @event kontor-order-placed - A confirmed reorder placed an order. detail: `{ order }`.
 * @event kontor-error - Loading the chat, sending, confirming or adding failed. detail: `{ error }`.
 * @csspart launcher - The button that opens and closes the floating panel.
 * @csspart panel - The chat's box (the floating panel, or the inline block).
 * @csspart close-button - The floating panel's close button.
 * @csspart chat - The conversation with its input.
 * @csspart log - The message log (a polite live region).
 * @csspart message - One message; also `user-message` or `assistant-message`.
 * @csspart thinking - "The assistant is answering …".
 * @csspart card - A card under a reply; also `order-card`, `availability-card`, `product-card`, `standing-order-card`, `action-card`, `handoff-card`.
 * @csspart order-status - An order card's status.
 * @csspart order-delivery - An order card's promised delivery day.
 * @csspart tracking-number - An order card's carrier and tracking number (text).
 * @csspart tracking-link - An order card's tracking link (only to an allowed host).
 * @csspart delivery-day - An availability card's delivery day.
 * @csspart price - A product card's price.
 * @csspart add-to-cart-button - A product card's button.
 * @csspart suggestion - A quantity the cart suggests instead.
 * @csspart next-run - A standing-order card's next run.
 * @csspart confirm-button - An action card's confirm button.
 * @csspart action-status - "Done." under a confirmed action.
 * @csspart action-error - Why an action could not be confirmed (e.g. expired, already used).
 * @csspart chips - The quick replies.
 * @csspart chip - One quick reply (a button that sends its text).
 * @csspart form - The input form.
 * @csspart input - The message textarea.
 * @csspart error - Why a message was not sent.
 * @csspart send-button - The send button.
 * @csspart new-chat - The button that starts a new conversation.
 * @cssproperty --chatbot-border-color - Borders of the log, the cards and the panel.
 * @cssproperty --chatbot-user-background - Background of the buyer's messages.
 * @cssproperty --chatbot-user-color - Text colour of the buyer's messages.
 * @cssproperty --chatbot-assistant-background - Background of the assistant's messages.
 * @cssproperty --chatbot-log-height - Maximum height of the message log.
 * @cssproperty --chatbot-panel-width - Width of the floating panel.
 * @cssproperty --chatbot-offset - Distance of the floating launcher from the window's corner.
 * @cssproperty --chatbot-z-index - Stacking order of the floating launcher and panel.
 *
 * @example
 * ```html
 * <kontor-shop endpoint="https://shop.example.com" token="…" lang="de">
 *   <kontor-chatbot floating allowed-hosts="www.dhl.de nolp.dhl.de"></kontor-chatbot>
 * </kontor-shop>
 * ```
 */
export class KontorChatbot extends KontorElement<StringsOf<typeof chatbotStrings>> {
  static override strings = chatbotStrings;
  static override styles = [componentStyles, styles];

  /** Focus the input once the opened panel has rendered (the buyer opened it). */
  private focusInput = false;
  /** Inline: whether the chat has come near the viewport (it loads then, not with the page). */
  private nearViewport = false;
  private observer?: IntersectionObserver;

  @state() private chat?: PanelModule.ChatSession;
  @state() private loadError?: KontorError;

  /** A launcher button in the window's corner that opens the chat as a panel; without it the chat is inline. */
  @property({ type: Boolean, reflect: true }) floating = false;

  /** Whether the floating panel is open (the buyer toggles it with the launcher; Escape closes it). */
  @property({ type: Boolean, reflect: true }) open = false;

  /**
   * Hosts an order's tracking link may point to (space- or comma-separated, e.g. `www.dhl.de`;
   * a framework may set an array), besides the endpoint's own. A tracking URL to any other host is
   * shown as its number only.
   */
  @property({ attribute: 'allowed-hosts' }) allowedHosts = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeydown);
    this.observer?.disconnect();
    this.observer = undefined;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.shown) return;
    if (this.chat) this.chat.open();
    else if (!this.loadError && (this.floating || this.isNearViewport())) void this.ensureChat();
  }

  /** Inline, the chat loads when it comes within 200px of the viewport: a chat at the foot of a long page costs nothing until then. */
  private isNearViewport(): boolean {
    if (this.nearViewport || typeof IntersectionObserver === 'undefined') return true;
    this.observer ??= new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.observer?.disconnect();
        this.observer = undefined;
        this.nearViewport = true;
        this.requestUpdate();
      },
      { rootMargin: '200px' },
    );
    this.observer.observe(this);
    return false;
  }

  override updated(): void {
    this.chat?.updated();
    if (this.focusInput && this.chat) {
      this.focusInput = false;
      this.renderRoot.querySelector<HTMLElement>('[part~=input]')?.focus();
    }
  }

  /** Inline, or floating and open: the chat is on the page. */
  private get shown(): boolean {
    return !this.floating || this.open;
  }

  /** Loads the chat (once per page), adopts its styles, starts this element's conversation. */
  private async ensureChat(): Promise<void> {
    try {
      const panel = await loadPanel();
      if (this.chat) return;
      const root = this.renderRoot as ShadowRoot;
      if (supportsAdoptingStyleSheets && panel.panelStyles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, panel.panelStyles.styleSheet];
      else root.appendChild(Object.assign(document.createElement('style'), { textContent: panel.panelStyles.cssText }));
      this.chat = panel.createChat({
        root,
        requestUpdate: () => this.requestUpdate(),
        settled: () => this.updateComplete,
        lang: () => this.currentLang,
        strings: () => this.t,
        client: () => this.resolveClient(),
        // A framework may hand an array.
        allowedHosts: () => (Array.isArray(this.allowedHosts) ? (this.allowedHosts as unknown[]).map(String) : String(this.allowedHosts ?? '').split(/[\s,]+/)).filter(Boolean),
        emit: (name, detail) => void this.emit(name, detail),
        reportError: (cause) => this.reportError(cause),
        errorText: (error) => this.errorText(error),
      });
    } catch (error) {
      this.loadError = this.reportError(error);
    }
  }

  private retry(): void {
    this.loadError = undefined;
    this.requestUpdate();
  }

  private toggle(): void {
    this.open = !this.open;
    this.focusInput = this.open;
  }

  /** Closes the floating panel and gives the focus back to the launcher. */
  private async close(): Promise<void> {
    if (!this.floating || !this.open) return;
    this.open = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~=launcher]')?.focus();
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.floating && this.open) {
      event.stopPropagation();
      void this.close();
    }
  };

  /** Opens the floating panel and puts the focus in the input. */
  show(): void {
    this.open = true;
    this.focusInput = true;
  }

  /** Closes the floating panel; the focus goes back to the launcher. */
  hide(): Promise<void> {
    return this.close();
  }

  override render() {
    const t = this.t;
    const body = this.chat
      ? this.chat.render()
      : this.loadError
        ? html`<div class="error" part="error" role="alert"><span>${t.chatLoadFailed}</span>
            <button type="button" @click=${() => this.retry()}>${t.retry}</button></div>`
        : html`<p class="muted" role="status">${t.loading}</p>`;
    const panel = this.shown
      ? html`<section class="panel" part="panel" id="chat-panel" role=${this.floating ? 'dialog' : nothing} aria-labelledby="chat-title">
          <header>
            <h2 id="chat-title">${t.chatTitle}</h2>
            ${this.floating ? html`<button type="button" part="close-button" class="close" @click=${() => void this.close()}>${t.closeChat}</button>` : nothing}
          </header>
          ${body}
        </section>`
      : nothing;
    if (!this.floating) return panel;
    return html`${panel}<button type="button" part="launcher" class="launcher primary" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="chat-panel" @click=${() => this.toggle()}>
        ${t.chatTitle}
      </button>`;
  }
}
