// The chat itself, loaded on demand when <kontor-chatbot> opens: the conversation (send, confirm,
// history), its rendering (messages, quick replies, cards, the input), its styles and strings, and
// the assistant client with its route table and schemas. The element keeps only the launcher, the
// open/closed state and the focus; a page that never opens the chat never loads this.
import type { KontorClient } from '@kontor/core';
import type {
  AssistantActionCard,
  AssistantAvailabilityCard,
  AssistantCard,
  AssistantClient,
  AssistantHandoffCard,
  AssistantOrderCard,
  AssistantProductCard,
  AssistantReply,
  AssistantStandingOrderCard,
  AssistantTurn,
} from '@kontor/core/assistant';
import { createAssistantClient } from '@kontor/core/assistant/assistant.client.js';
import { AssistantMessageRequestSchema } from '@kontor/core/assistant/assistant.schema.js';
import { cartChangeRules } from '@kontor/core/cart/cart.logic.js';
import type { KontorError, Lang } from '@kontor/core/errors';
import { isKontorError } from '@kontor/core/errors/kontor-error.js';
import { parseOrThrow } from '@kontor/core/errors/from-zod.js';
import { formatMoney } from '@kontor/core/money/money.logic.js';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { KontorEventDetails, KontorEventName } from '../../events/index.js';
import { cartStoreOf } from '../../internal/cart-controller.js';
import { ordersStoreOf } from '../../internal/orders-store.js';
import { chatbotPanel } from '../../translations/slices/chatbotPanel.js';
import { orderInfo } from '../../translations/slices/orderInfo.js';
import type { ChatbotPanelStrings, ChatbotStrings, CommonStrings, OrderInfoStrings } from '../../translations/translation.js';

export { panelStyles } from './chatbot.panel.styles.js';

/** What the conversation needs from its element (the element's protected helpers, as closures). */
export interface ChatHost {
  readonly root: ShadowRoot;
  requestUpdate(): void;
  /** Resolves when the element has rendered what was requested. */
  settled(): Promise<unknown>;
  lang(): Lang;
  /** The element's strings now (common and the launcher's). */
  strings(): CommonStrings & ChatbotStrings;
  client(): KontorClient | KontorError;
  /** Hosts a tracking link may point to, besides the endpoint's: the `allowed-hosts` attribute. */
  allowedHosts(): readonly string[];
  emit<N extends KontorEventName>(name: N, detail: KontorEventDetails[N]): void;
  reportError(cause: unknown): KontorError;
  errorText(error: KontorError): string;
}

type Role = AssistantTurn['role'];
interface Turn {
  key: number;
  role: Role;
  text: string;
  reply?: AssistantReply;
}
type ActionState = { status: 'pending' } | { status: 'done' } | { status: 'failed'; message: string; final: boolean };
type AddState = { status: 'pending' } | { status: 'done'; text: string } | { status: 'failed'; message: string; suggestions: number[] };

const assistants = new WeakMap<KontorClient, AssistantClient>();
/** The assistant client over a resolved client's HTTP client: one per client. */
export function assistantOf(client: KontorClient): AssistantClient {
  let a = assistants.get(client);
  if (!a) assistants.set(client, (a = createAssistantClient(client.http)));
  return a;
}

const userKeys = new WeakMap<KontorClient, Promise<string | null>>();
/**
 * Where a conversation id is kept in `sessionStorage`: per endpoint and per person (the user, or a
 * partner's customer by company and the partner's own user reference), so a colleague signing in
 * on the same tab does not continue someone else's conversation.
 */
function storageKeyOf(client: KontorClient): Promise<string | null> {
  let key = userKeys.get(client);
  if (!key) {
    key = client.identity.me().then(
      (me) => {
        const who = me.user?.id ?? (me.company ? `${me.company.id}/${me.partner?.id ?? ''}/${me.externalUserRef ?? ''}` : null);
        return who ? `kontor.chat:${client.http.options.endpoint}:${who}` : null;
      },
      () => {
        userKeys.delete(client); // tried again on the next open
        return null;
      },
    );
    userKeys.set(client, key);
  }
  return key;
}

const storage = {
  get: (key: string) => {
    try {
      return sessionStorage.getItem(key);
    } catch {
      return null; // storage blocked: the conversation lives as long as the page
    }
  },
  set: (key: string, value: string | null) => {
    try {
      if (value === null) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, value);
    } catch {
      /* storage blocked */
    }
  },
};

/**
 * The buyer's message as the server checks it (trimmed, 1–2000 characters), with the server's own
 * wording of what is wrong: the same schema and issue messages. `null` when it may be sent.
 */
export function messageProblem(text: string, lang: Lang): string | null {
  try {
    parseOrThrow(AssistantMessageRequestSchema, { text }, 'message', { lang });
    return null;
  } catch (error) {
    return isKontorError(error) ? (error.issues[0]?.message ?? error.message) : String(error);
  }
}

/** Whether a tracking URL may be a link: http(s) to the endpoint's host or one the page allows. */
export function isAllowedLink(url: string, endpoint: string, allowed: readonly string[]): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return false;
  const hosts = new Set(allowed.map((h) => h.trim().toLowerCase()).filter(Boolean));
  try {
    hosts.add(new URL(endpoint).host.toLowerCase());
  } catch {
    /* a relative endpoint: only the listed hosts */
  }
  return hosts.has(target.host.toLowerCase());
}

/** One conversation of one element: its turns and what is pending, rendered into the element. */
export class ChatSession {
  private turns: Turn[] = [];
  private nextKey = 0;
  private conversationId: string | undefined;
  private client: KontorClient | undefined;
  private storageKey: string | null = null;
  private history: Promise<void> | undefined;
  private historyState: 'idle' | 'loading' | 'failed' = 'idle';
  private sending = false;
  private draft = '';
  private inputError: string | undefined;
  private readonly actions = new Map<string, ActionState>();
  private readonly added = new Map<string, AddState>();
  private renderedTurns = 0;
  private seen: KontorClient | KontorError | undefined;

  constructor(private readonly host: ChatHost) {}

  private strings?: { lang: Lang; p: ChatbotPanelStrings & OrderInfoStrings };
  private get p(): ChatbotPanelStrings & OrderInfoStrings {
    const lang = this.host.lang();
    if (this.strings?.lang !== lang) this.strings = { lang, p: { ...chatbotPanel[lang], ...orderInfo[lang] } };
    return this.strings.p;
  }

  private update(): void {
    this.host.requestUpdate();
  }

  /** The client now, or why there is none (shown as the error). Another client (a new sign-in) starts afresh. */
  private resolve(): KontorClient | null {
    const client = this.host.client();
    if (isKontorError(client)) {
      this.inputError = this.host.errorText(this.host.reportError(client));
      this.update();
      return null;
    }
    if (client !== this.client) {
      this.client = client;
      this.turns = [];
      this.conversationId = undefined;
      this.storageKey = null;
      this.history = undefined;
      this.actions.clear();
      this.added.clear();
    }
    return client;
  }

  /**
   * Called whenever the chat is on the page: the first time for a client (a sign-in), it loads the
   * conversation this person had on this endpoint in this tab.
   */
  open(): void {
    const client = this.host.client();
    const seen = this.seen;
    // A missing configuration is a new error object each time: the same one by its code.
    if (client === seen || (isKontorError(client) && isKontorError(seen) && client.code === seen.code)) return;
    this.seen = client;
    if (isKontorError(client)) {
      this.inputError = this.host.errorText(this.host.reportError(client));
      return;
    }
    this.resolve();
    if (this.history) return;
    this.historyState = 'loading';
    this.update();
    this.history = (async () => {
      const key = await storageKeyOf(client);
      if (client !== this.client) return;
      this.storageKey = key;
      const id = key ? storage.get(key) : null;
      if (id && !this.turns.length) {
        try {
          const conversation = await assistantOf(client).conversation(id);
          if (client !== this.client || this.turns.length) return;
          this.conversationId = conversation.conversationId;
          this.turns = conversation.messages.map((m) => ({ key: this.nextKey++, role: m.role, text: m.text, ...(m.reply ? { reply: m.reply } : {}) }));
        } catch (error) {
          if (isKontorError(error) && error.code === 'not_found') {
            storage.set(key!, null); // gone, or not this person's: a new conversation
          } else {
            this.host.reportError(error);
            this.historyState = 'failed';
            this.update();
            return;
          }
        }
      }
      this.historyState = 'idle';
      this.update();
    })();
  }

  /** Forgets the conversation: the next message starts a new one. */
  newChat(): void {
    this.turns = [];
    this.conversationId = undefined;
    this.actions.clear();
    this.added.clear();
    this.inputError = undefined;
    this.historyState = 'idle';
    if (this.storageKey) storage.set(this.storageKey, null);
    this.update();
    this.focusInput();
  }

  private push(role: Role, text: string, reply?: AssistantReply): Turn {
    const turn: Turn = { key: this.nextKey++, role, text, ...(reply ? { reply } : {}) };
    this.turns = [...this.turns, turn];
    return turn;
  }

  private remember(reply: AssistantReply): void {
    this.conversationId = reply.conversationId;
    if (this.storageKey) storage.set(this.storageKey, reply.conversationId);
  }

  private focusInput(): void {
    const input = this.host.root.querySelector<HTMLTextAreaElement>('[part~=input]');
    // Only when the focus is in the chat (or was dropped with a chip that went away): never stolen from the page.
    const active = document.activeElement;
    if (input && (this.host.root.activeElement || !active || active === document.body || active === this.host.root.host)) input.focus();
  }

  /** Sends `text` (the input's, or a quick reply's): checked first as the server checks it. */
  async send(text: string): Promise<void> {
    if (this.sending) return;
    const lang = this.host.lang();
    const problem = messageProblem(text, lang);
    if (problem) {
      this.inputError = problem;
      this.update();
      return;
    }
    const client = this.resolve();
    if (!client) return;
    const message = text.trim();
    this.sending = true;
    this.inputError = undefined;
    const fromInput = text === this.draft;
    if (fromInput) this.draft = '';
    this.update();
    await this.history; // the earlier conversation first, then this message after it
    const turn = this.push('user', message);
    this.update();
    try {
      const reply = await assistantOf(client).send({ text: message, lang, ...(this.conversationId ? { conversationId: this.conversationId } : {}) });
      if (client !== this.client) return;
      this.remember(reply);
      this.push('assistant', reply.text, reply);
      this.host.emit('kontor-chat-message', { text: message, reply });
    } catch (error) {
      const e = this.host.reportError(error);
      // Not sent: the message goes back into the input, with the reason.
      this.turns = this.turns.filter((t) => t !== turn);
      if (fromInput && !this.draft) this.draft = text;
      this.inputError = e.code === 'validation' || e.code === 'rate_limited' ? (e.issues[0]?.message ?? e.message) : this.host.errorText(e);
    } finally {
      this.sending = false;
      this.update();
      await this.host.settled();
      this.focusInput();
    }
  }

  /** Confirms a proposed action once; the server's answer (what it did) joins the conversation. */
  async confirm(card: AssistantActionCard): Promise<void> {
    const state = this.actions.get(card.actionId);
    if (state && state.status !== 'failed') return;
    if (state?.status === 'failed' && state.final) return;
    const client = this.resolve();
    if (!client) return;
    this.actions.set(card.actionId, { status: 'pending' });
    this.update();
    try {
      const reply = await assistantOf(client).confirm(card.actionId);
      if (client !== this.client) return;
      this.actions.set(card.actionId, { status: 'done' });
      this.remember(reply);
      this.push('assistant', reply.text, reply);
      this.update();
      this.host.emit('kontor-chat-action', { actionId: card.actionId, action: card.action, reply });
      // The page's cart (count, drawer) shows what a confirmed add put in it; the page's order
      // history hears of an order a confirmed reorder placed, as from the checkout.
      if (card.action === 'add_to_cart') void cartStoreOf(client).refresh().catch(() => undefined);
      const placed = card.action === 'reorder' ? reply.cards.find((c) => c.kind === 'order') : undefined;
      if (placed) {
        const order = await client.orders.get(placed.orderId).catch(() => null);
        if (order) {
          ordersStoreOf(client).placed(order); // the page's order histories list it at the top
          this.host.emit('kontor-order-placed', { order });
        }
      }
    } catch (error) {
      const e = this.host.reportError(error);
      // Expired, used, or not this person's: the server's words, and no button to press again.
      const final = e.code === 'action_expired' || e.code === 'action_used' || e.code === 'not_found';
      this.actions.set(card.actionId, { status: 'failed', message: final ? e.message : this.host.errorText(e), final });
    } finally {
      this.update();
    }
  }

  /** Adds a found product to the page's cart (as `<kontor-add-to-cart>` does), 1 unless a suggested quantity is taken. */
  async addToCart(card: AssistantProductCard, key: string, quantity = 1): Promise<void> {
    if (this.added.get(key)?.status === 'pending') return;
    const client = this.resolve();
    if (!client) return;
    const store = cartStoreOf(client, cartChangeRules);
    this.added.set(key, { status: 'pending' });
    this.update();
    try {
      const cart = await store.change([{ op: 'add', sku: card.sku, quantity }]);
      const effects = store.$state.get().lastEffects;
      const now = cart.lines.find((l) => l.sku === card.sku)?.quantity ?? quantity;
      const t = this.host.strings();
      this.added.set(key, { status: 'done', text: this.p.addedToCart(now.toLocaleString(t.$locale), t.unit(card.unit, now)) });
      this.host.emit('kontor-cart-change', { cart, effects });
    } catch (error) {
      const e = this.host.reportError(error);
      store.dismissError();
      const issue = e.issues[0];
      this.added.set(key, {
        status: 'failed',
        message: issue?.message ?? this.host.errorText(e),
        suggestions: (issue?.suggestions ?? []).filter((s): s is number => typeof s === 'number').slice(0, 3),
      });
    } finally {
      this.update();
    }
  }

  /** After the element rendered: the newest message in view. */
  updated(): void {
    if (this.renderedTurns === this.turns.length) return;
    this.renderedTurns = this.turns.length;
    const log = this.host.root.querySelector<HTMLElement>('[part~=log]');
    if (log) log.scrollTop = log.scrollHeight;
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  private day(day: string): string {
    return this.host.strings().deliveryDay(day, true);
  }

  private renderOrder(card: AssistantOrderCard) {
    const p = this.p;
    const t = this.host.strings();
    const client = this.client;
    const link = card.trackingUrl && client && isAllowedLink(card.trackingUrl, client.http.options.endpoint, this.host.allowedHosts()) ? card.trackingUrl : null;
    const placed = new Intl.DateTimeFormat(t.$locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(card.placedAt));
    return html`<article class="card" part="card order-card" data-order-id=${card.orderId} data-status=${card.status}>
      <h3>${p.orderHeading(card.number)}</h3>
      <p class="muted">${p.placedOn(placed)}</p>
      <dl>
        <div><dt>${p.orderStatus}</dt><dd part="order-status">${p.orderStatusName(card.status)}</dd></div>
        <div><dt>${p.deliveryExpected}</dt><dd part="order-delivery">${card.promisedDelivery ? this.day(card.promisedDelivery) : p.noDate}</dd></div>
        <div><dt>${p.grossTotal}</dt><dd>${formatMoney(card.gross, t.$locale)}</dd></div>
      </dl>
      ${card.trackingNumber ? html`<p part="tracking-number">${p.trackingNumber(card.carrier, card.trackingNumber)}</p>` : nothing}
      ${link ? html`<a part="tracking-link" href=${link} target="_blank" rel="noopener noreferrer">${p.trackShipment(card.carrier)}</a>` : nothing}
    </article>`;
  }

  private renderAvailability(card: AssistantAvailabilityCard) {
    const p = this.p;
    const t = this.host.strings();
    const n = (v: number) => v.toLocaleString(t.$locale);
    return html`<article class="card" part="card availability-card" data-sku=${card.sku}>
      <h3>${p.quantityOf(n(card.quantity), t.unit(card.unit, card.quantity), card.name)}</h3>
      <p class="muted">${t.sku} ${card.sku}</p>
      <p part="delivery-day">${card.promise.day ? p.deliveryOn(card.promise.day) : p.notDeliverable}</p>
      <p class="muted">${card.promise.inStock || card.promise.available > 0 ? p.inStock(n(card.promise.available), t.unit(card.unit, card.promise.available)) : p.notInStock}</p>
    </article>`;
  }

  private renderProduct(card: AssistantProductCard, key: string) {
    const p = this.p;
    const t = this.host.strings();
    const state = this.added.get(key);
    const pending = state?.status === 'pending';
    return html`<article class="card" part="card product-card" data-sku=${card.sku}>
      <h3>${card.name}</h3>
      <p class="muted">${t.sku} ${card.sku}</p>
      <p part="price">${card.price ? p.pricePerUnit(formatMoney(card.price, t.$locale), t.unit(card.unit, 1)) : t.priceOnRequest}</p>
      <button
        type="button"
        part="add-to-cart-button"
        aria-label="${p.addToCart}: ${card.name}"
        aria-disabled=${pending ? 'true' : 'false'}
        @click=${() => void this.addToCart(card, key)}
      >${pending ? p.adding : p.addToCart}</button>
      <div role="status" class="status">${state?.status === 'done' ? state.text : ''}</div>
      ${state?.status === 'failed'
        ? html`<div class="error-text" role="alert">
            <span>${state.message}</span>
            ${state.suggestions.map(
              (s) => html`<button type="button" part="suggestion" @click=${() => void this.addToCart(card, key, s)}>${t.useQuantity(s.toLocaleString(t.$locale))}</button>`,
            )}
          </div>`
        : nothing}
    </article>`;
  }

  private renderStandingOrder(card: AssistantStandingOrderCard) {
    const p = this.p;
    return html`<article class="card" part="card standing-order-card" data-standing-order-id=${card.standingOrderId} data-status=${card.status}>
      <h3>${card.name}</h3>
      <p>${p.standingOrderStatus(card.status)}</p>
      <p part="next-run">${card.nextRun ? p.nextRunOn(card.nextRun) : p.noNextRun}</p>
    </article>`;
  }

  private renderAction(card: AssistantActionCard) {
    const p = this.p;
    const t = this.host.strings();
    const state = this.actions.get(card.actionId);
    const pending = state?.status === 'pending';
    const time = new Intl.DateTimeFormat(t.$locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(card.expiresAt));
    const showButton = !state || pending || (state.status === 'failed' && !state.final);
    return html`<article class="card action" part="card action-card" data-action-id=${card.actionId} data-action=${card.action} data-state=${state?.status ?? 'open'}>
      <p class="summary">${card.summary}</p>
      ${showButton
        ? html`<p class="muted">${p.validUntil(time)}</p>
            <button
              type="button"
              class="primary"
              part="confirm-button"
              aria-disabled=${pending ? 'true' : 'false'}
              @click=${() => void this.confirm(card)}
            >${pending ? p.confirming : card.label}</button>`
        : nothing}
      ${state?.status === 'done' ? html`<p part="action-status" class="done">${p.confirmed}</p>` : nothing}
      ${state?.status === 'failed' ? html`<p part="action-error" class="error-text" role="alert">${state.message}</p>` : nothing}
    </article>`;
  }

  private renderHandoff(card: AssistantHandoffCard) {
    return html`<article class="card" part="card handoff-card" data-request-id=${card.requestId}>
      <h3>${this.p.handoffHeading}</h3>
      <p>${card.text}</p>
    </article>`;
  }

  private renderCard(card: AssistantCard, key: string) {
    switch (card.kind) {
      case 'order':
        return this.renderOrder(card);
      case 'availability':
        return this.renderAvailability(card);
      case 'product':
        return this.renderProduct(card, key);
      case 'standing_order':
        return this.renderStandingOrder(card);
      case 'action':
        return this.renderAction(card);
      case 'handoff':
        return this.renderHandoff(card);
    }
  }

  private renderTurn(turn: Turn) {
    const p = this.p;
    const cards = turn.reply?.cards ?? [];
    // Text only: every message and card field is a Lit text binding, never markup.
    return html`<div class="message ${turn.role}" part="message ${turn.role}-message" data-role=${turn.role}>
      <p class="text"><span class="visually-hidden">${turn.role === 'user' ? p.you : p.assistant}: </span>${turn.text}</p>
      ${cards.length ? html`<div class="cards">${cards.map((c, i) => this.renderCard(c, `${turn.key}:${i}`))}</div>` : nothing}
    </div>`;
  }

  private onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    void this.send((event.target as HTMLTextAreaElement).value);
  };

  private onInput = (event: Event): void => {
    this.draft = (event.target as HTMLTextAreaElement).value;
    if (this.inputError) {
      this.inputError = undefined;
      this.update();
    }
  };

  private onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const input = this.host.root.querySelector<HTMLTextAreaElement>('[part~=input]');
    void this.send(input?.value ?? this.draft);
  };

  /** The conversation, the quick replies and the input. */
  render(): TemplateResult {
    const p = this.p;
    const t = this.host.strings();
    const last = this.turns.at(-1);
    const chips = this.sending ? [] : !this.turns.length ? p.starters : last?.role === 'assistant' ? (last.reply?.chips ?? []) : [];
    return html`<div class="chat" part="chat">
      <div class="log" part="log" role="log" aria-live="polite" aria-label=${p.messages} tabindex="0">
        ${!this.turns.length ? html`<p class="message assistant welcome">${p.welcome}</p>` : nothing}
        ${repeat(this.turns, (turn) => turn.key, (turn) => this.renderTurn(turn))}
        ${this.sending ? html`<p class="thinking" part="thinking">${p.thinking}</p>` : nothing}
        ${this.historyState === 'loading' && !this.turns.length ? html`<p class="muted">${t.loading}</p>` : nothing}
      </div>
      ${this.historyState === 'failed' ? html`<p class="error-text" role="alert">${p.historyFailed}</p>` : nothing}
      ${chips.length
        ? html`<div class="chips" part="chips" role="group" aria-label=${p.quickReplies}>
            ${chips.map((chip) => html`<button type="button" part="chip" @click=${() => void this.send(chip)}>${chip}</button>`)}
          </div>`
        : nothing}
      <form class="compose" part="form" @submit=${this.onSubmit}>
        <label for="chat-input">${p.inputLabel}</label>
        <textarea
          id="chat-input"
          part="input"
          rows="2"
          .value=${live(this.draft)}
          aria-describedby="chat-hint${this.inputError ? ' chat-error' : ''}"
          aria-invalid=${this.inputError ? 'true' : 'false'}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
        ></textarea>
        <p id="chat-hint" class="hint muted">${p.inputHint}</p>
        ${this.inputError ? html`<p id="chat-error" class="error-text" part="error" role="alert">${this.inputError}</p>` : nothing}
        <div class="actions">
          ${this.turns.length ? html`<button type="button" part="new-chat" class="link" @click=${() => this.newChat()}>${p.newChat}</button>` : nothing}
          <button type="submit" class="primary" part="send-button" aria-disabled=${this.sending ? 'true' : 'false'}>${p.send}</button>
        </div>
      </form>
    </div>`;
  }
}

/** A conversation for an element. */
export const createChat = (host: ChatHost): ChatSession => new ChatSession(host);
