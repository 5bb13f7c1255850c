import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createKontorClient } from '@kontor/core';
import { createAssistantClient } from '@kontor/core/assistant';
import { isKontorError } from '@kontor/core/errors';
import type { Order } from '@kontor/core/orders';
import { lowestValidQuantity } from '@kontor/core/pricing';
import type { KontorCartChangeEvent } from '../../events/kontor-cart-change.js';
import type { KontorChatActionEvent } from '../../events/kontor-chat-action.js';
import type { KontorChatMessageEvent } from '../../events/kontor-chat-message.js';
import type { KontorOrderPlacedEvent } from '../../events/kontor-order-placed.js';
import { sendKeys } from '../../testing/keys.js';
import { erpUpdate, placeOrder } from '../../testing/orders.js';
import { clientOf, customerTokenForBaulicht, endpoint, freshCart, orderableProducts, tokenOf } from '../../testing/server.js';
import '../shop/kontor-shop.js';
import type { KontorShop } from '../shop/shop.component.js';
import type { KontorChatbot } from './chatbot.component.js';
import './kontor-chatbot.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends HTMLElement = HTMLElement>(el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: HTMLElement, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const input = (el: KontorChatbot) => $<HTMLTextAreaElement>(el, '[part~=input]')!;
const assistantMessages = (el: KontorChatbot) => $$(el, '[part~=assistant-message]');
const userMessages = (el: KontorChatbot) => $$(el, '[part~=user-message]');
/** The chat is there and the earlier conversation (if any) has loaded. */
const ready = (el: KontorChatbot) =>
  waitUntil(() => $(el, '[part~=input]') && !$(el, '[part~=log] > .muted'), 'the chat did not load', { timeout: 15_000 });

// Room for every module the test page loads (the default buffer of 250 entries fills up before the chat loads).
performance.setResourceTimingBufferSize(100_000);
/** Whether the chat's on-demand module was fetched by this page. */
const panelFetched = () => performance.getEntriesByType('resource').some((e) => /chatbot\.panel/.test(e.name));

/** Requests the elements made, to see that a refused message was never sent. */
let requests: string[] = [];
const countingFetch: typeof fetch = (input, init) => {
  // Read, not copied: a Request made from one with a body takes that body away from it.
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  const url = input instanceof Request ? input.url : String(input);
  requests.push(`${method.toUpperCase()} ${url}`);
  return fetch(input, init);
};
const messageRequests = () => requests.filter((r) => r.startsWith('POST') && r.includes('/v1/assistant/messages'));

async function mount(options: { lang?: string; floating?: boolean; allowedHosts?: string } = {}) {
  const shop = await fixture<KontorShop>(html`<kontor-shop
    endpoint=${endpoint()}
    token=${await tokenOf('anna')}
    lang=${options.lang ?? 'de'}
    .clientOptions=${{ retries: 0, fetch: countingFetch }}
  >
    <kontor-chatbot ?floating=${options.floating ?? false} allowed-hosts=${options.allowedHosts ?? ''}></kontor-chatbot>
  </kontor-shop>`);
  const el = shop.querySelector('kontor-chatbot')!;
  if (!options.floating) await ready(el);
  return el;
}

/** The next reply, or the error the element reports instead. */
function nextReply(el: KontorChatbot): Promise<KontorChatMessageEvent> {
  const replied = new Promise<KontorChatMessageEvent>((resolve, reject) => {
    el.addEventListener('kontor-chat-message', resolve, { once: true });
    el.addEventListener('kontor-error', (e) => reject(e.detail.error), { once: true });
  });
  replied.catch(() => undefined); // handled where it is awaited
  return replied;
}

/** Types `message` into the chat and presses Enter, as a keyboard user does; resolves with the reply's event. */
async function ask(el: KontorChatbot, message: string): Promise<KontorChatMessageEvent> {
  const replied = nextReply(el);
  input(el).focus();
  input(el).value = message;
  input(el).dispatchEvent(new Event('input', { bubbles: true }));
  await sendKeys({ press: 'Enter' });
  const event = await replied;
  await el.updateComplete;
  return event;
}

// Anna Müller (Elektro Müller): her own order, placed here as the newest, so "my last order" is this one.
let order: Order;
before(async () => {
  const client = await clientOf('anna');
  // A product in stock several times over: its reorder straight to an order goes through (a line
  // that would ship later is not ordered).
  const products = await orderableProducts(client, 40);
  const { items } = await client.availability.check({ destination: 'DE', items: products.map((p) => ({ sku: p.sku, quantity: lowestValidQuantity(p.quantityRules) })) });
  const stocked = products.find((p, i) => {
    const a = items[i]!;
    return 'availableNow' in a && a.availableNow >= 3 * lowestValidQuantity(p.quantityRules);
  });
  order = await placeOrder(client, [stocked ?? products[0]!]);
});

beforeEach(() => {
  sessionStorage.clear();
  requests = [];
});

describe('<kontor-chatbot>', () => {
  // First: nothing of the chat has been fetched in this page yet.
  it('loads the chat only when the floating panel opens', async () => {
    const el = await mount({ floating: true });
    expect($(el, '[part~=launcher]')).to.exist;
    expect($(el, '[part~=panel]')).to.equal(null);
    await new Promise((r) => setTimeout(r, 200));
    expect(panelFetched(), 'the chat module was fetched before the chat opened').to.equal(false);
    expect(requests, 'the closed chat made requests').to.deep.equal([]);
    $<HTMLButtonElement>(el, '[part~=launcher]')!.click();
    await ready(el);
    expect(panelFetched()).to.equal(true);
  });

  it('inline, loads the chat when it comes near the viewport, not with the page', async () => {
    const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('anna')} lang="de" .clientOptions=${{ retries: 0, fetch: countingFetch }}>
      <div style="height: 4000px"></div>
      <kontor-chatbot></kontor-chatbot>
    </kontor-shop>`);
    const el = shop.querySelector('kontor-chatbot')!;
    await new Promise((r) => setTimeout(r, 300));
    expect($(el, '[part~=input]'), 'the chat loaded below the fold').to.equal(null);
    expect(requests).to.deep.equal([]);
    el.scrollIntoView();
    await ready(el);
    window.scrollTo(0, 0);
  });

  it('is accessible', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    const log = $(el, '[part~=log]')!;
    expect(log.getAttribute('role')).to.equal('log');
    expect(log.getAttribute('aria-live')).to.equal('polite');
    expect(text(el.shadowRoot!.querySelector(`label[for="${input(el).id}"]`))).to.equal('Ihre Nachricht');
  });

  it('opens with the keyboard, puts the focus in the input, closes with Escape and gives the focus back to the launcher', async () => {
    const el = await mount({ floating: true, lang: 'en' });
    const launcher = $<HTMLButtonElement>(el, '[part~=launcher]')!;
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();
    launcher.focus();
    await sendKeys({ press: 'Enter' });
    await ready(el);
    await waitUntil(() => el.shadowRoot!.activeElement === input(el), 'the input did not get the focus');
    expect(launcher.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '[part~=panel]')!.getAttribute('role')).to.equal('dialog');
    expect(text($(el, '[part~=panel] h2'))).to.equal('Shop assistant');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '[part~=panel]')).to.equal(null);
    expect(el.open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(launcher);
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    // And open again, with the launcher: the same conversation.
    await sendKeys({ press: 'Space' });
    await waitUntil(() => el.shadowRoot!.activeElement === input(el), 'the input did not get the focus again');
  });

  it('takes floating="false" and floating="true" from a framework as booleans', async () => {
    const el = await mount();
    (el as unknown as { floating: unknown }).floating = 'true';
    await el.updateComplete;
    expect(el.floating).to.equal(true);
    expect($(el, '[part~=launcher]')).to.exist;
    (el as unknown as { floating: unknown }).floating = 'false';
    await el.updateComplete;
    expect(el.floating).to.equal(false);
    expect($(el, '[part~=launcher]')).to.equal(null);
  });

  it('does not send an empty message: it says why, with the server\'s wording, and keeps the focus in the input', async () => {
    const el = await mount();
    input(el).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text($(el, '[part~=error][role=alert]'))).to.equal('Mindestens 1 Zeichen.');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    await sendKeys({ type: '   ' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text($(el, '[part~=error][role=alert]'))).to.equal('Mindestens 1 Zeichen.');
    expect(userMessages(el)).to.have.length(0);
    expect(messageRequests()).to.deep.equal([]);
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
  });

  it('does not send a message over 2000 characters', async () => {
    const el = await mount({ lang: 'en' });
    input(el).value = 'x'.repeat(2001);
    input(el).dispatchEvent(new Event('input', { bubbles: true }));
    $<HTMLButtonElement>(el, '[part~=send-button]')!.click();
    await el.updateComplete;
    expect(text($(el, '[part~=error][role=alert]'))).to.equal('At most 2000 characters.');
    expect(input(el).value, 'the text stays for the buyer to shorten').to.have.length(2001);
    expect(messageRequests()).to.deep.equal([]);
  });

  it('starts a new line with Shift+Enter instead of sending', async () => {
    const el = await mount();
    input(el).focus();
    await sendKeys({ type: 'Zeile eins' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'Zeile zwei' });
    expect(input(el).value).to.equal('Zeile eins\nZeile zwei');
    expect(userMessages(el)).to.have.length(0);
    expect(messageRequests()).to.deep.equal([]);
  });

  it('says so, once, outside any <kontor-shop> and without configure()', async () => {
    const el = await fixture<KontorChatbot>(html`<kontor-chatbot lang="en"></kontor-chatbot>`);
    await waitUntil(() => $(el, '[part~=error][role=alert]'), 'no error', { timeout: 15_000 });
    expect(text($(el, '[part~=error]'))).to.not.equal('');
    let errors = 0;
    el.addEventListener('kontor-error', () => errors++);
    el.requestUpdate();
    await el.updateComplete;
    el.requestUpdate();
    await el.updateComplete;
    expect(errors, 'the same missing configuration is reported once').to.equal(0);
  });

  it('shows an error state and emits kontor-error when the chat cannot reach the server', async () => {
    const shop = await fixture<KontorShop>(html`<kontor-shop endpoint="http://127.0.0.1:1" token="t" lang="de" .clientOptions=${{ retries: 0 }}><kontor-chatbot></kontor-chatbot></kontor-shop>`);
    const el = shop.querySelector('kontor-chatbot')!;
    await waitUntil(() => $(el, '[part~=input]'), 'the chat did not load', { timeout: 15_000 });
    const failed = oneEvent(el, 'kontor-error');
    input(el).value = 'Hallo';
    input(el).dispatchEvent(new Event('input', { bubbles: true }));
    $<HTMLButtonElement>(el, '[part~=send-button]')!.click();
    await failed;
    await waitUntil(() => $(el, '[part~=error][role=alert]'), 'no error');
    expect(text($(el, '[part~=error]'))).to.contain('nicht erreichbar');
    expect(input(el).value, 'the message goes back into the input').to.equal('Hallo');
    expect(userMessages(el)).to.have.length(0);
  });

  describe('against the server\'s assistant', () => {
    it('answers "Wo ist meine letzte Bestellung?" with the order\'s card, and the focus stays in the input', async () => {
      const el = await mount();
      const { detail } = await ask(el, 'Wo ist meine letzte Bestellung?');
      expect(detail.reply.intent).to.equal('order_status');
      expect(text(userMessages(el)[0])).to.contain('Wo ist meine letzte Bestellung?');
      await waitUntil(() => $(el, `[part~=order-card][data-order-id="${order.id}"]`), 'no card of the last order');
      const card = $(el, `[part~=order-card][data-order-id="${order.id}"]`)!;
      expect(text(card.querySelector('h3'))).to.equal(`Bestellung ${order.number}`);
      expect(text(card.querySelector('[part~=order-status]'))).to.equal('Eingegangen');
      expect(text(assistantMessages(el).at(-1)!.querySelector('.text'))).to.contain(detail.reply.text.trim().slice(0, 20));
      expect(el.shadowRoot!.activeElement).to.equal(input(el));
      expect(input(el).value).to.equal('');
      await expect(el).to.be.accessible();
    });

    it('answers "Where is my last order?" in English', async () => {
      const el = await mount({ lang: 'en' });
      const { detail } = await ask(el, 'Where is my last order?');
      expect(detail.reply.lang).to.equal('en');
      await waitUntil(() => $(el, `[part~=order-card][data-order-id="${order.id}"]`), 'no card of the last order');
      const card = $(el, `[part~=order-card][data-order-id="${order.id}"]`)!;
      expect(text(card.querySelector('h3'))).to.equal(`Order ${order.number}`);
      expect(text(card.querySelector('[part~=order-status]'))).to.equal('Received');
    });

    it('shows a message with <script> and HTML as text, in the buyer\'s message and in the reply', async () => {
      const el = await mount();
      const hostile = '<script>window.__chatXss = 1</script><img src=x onerror="window.__chatXss = 2"><b>fett</b> K-2026-999999';
      await ask(el, hostile);
      expect(text(userMessages(el)[0]!.querySelector('.text'))).to.equal(`Sie: ${hostile}`);
      expect(el.shadowRoot!.querySelector('[part~=log] script, [part~=log] img, [part~=log] b')).to.equal(null);
      expect((window as { __chatXss?: number }).__chatXss).to.equal(undefined);
    });

    it('continues the conversation from sessionStorage, per user and endpoint', async () => {
      const el = await mount();
      const { detail } = await ask(el, 'Wo ist meine letzte Bestellung?');
      const keys = Object.keys(sessionStorage).filter((k) => k.startsWith('kontor.chat:'));
      expect(keys).to.have.length(1);
      expect(keys[0]).to.contain(endpoint());
      expect(sessionStorage.getItem(keys[0]!)).to.equal(detail.reply.conversationId);
      const again = await mount();
      expect(userMessages(again).map((m) => text(m.querySelector('.text')))).to.deep.equal(['Sie: Wo ist meine letzte Bestellung?']);
      expect(again.shadowRoot!.querySelector(`[part~=order-card][data-order-id="${order.id}"]`)).to.exist;
      // A new conversation forgets it.
      $<HTMLButtonElement>(again, '[part~=new-chat]')!.click();
      await again.updateComplete;
      expect(userMessages(again)).to.have.length(0);
      expect(sessionStorage.getItem(keys[0]!)).to.equal(null);
    });

    it('keeps conversations apart per person: another user on the same tab starts afresh, another\'s conversation id is refused and forgotten', async () => {
      const el = await mount();
      const { detail } = await ask(el, 'Wo ist meine letzte Bestellung?');
      const annaKey = Object.keys(sessionStorage).find((k) => k.startsWith('kontor.chat:'))!;
      // Schmidt signs in on the same tab: nothing of Anna's.
      const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('schmidt')} lang="de" .clientOptions=${{ retries: 0 }}><kontor-chatbot></kontor-chatbot></kontor-shop>`);
      const other = shop.querySelector('kontor-chatbot')!;
      await ready(other);
      expect(userMessages(other)).to.have.length(0);
      const me = await (await clientOf('schmidt')).identity.me();
      const schmidtKey = `kontor.chat:${endpoint()}:${me.user!.id}`;
      expect(schmidtKey).to.not.equal(annaKey);
      // Anna's conversation id under Schmidt's key (a forged or stale entry): the server answers 404, the element forgets it.
      sessionStorage.setItem(schmidtKey, detail.reply.conversationId);
      const shop2 = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('schmidt')} lang="de" .clientOptions=${{ retries: 0 }}><kontor-chatbot></kontor-chatbot></kontor-shop>`);
      const forged = shop2.querySelector('kontor-chatbot')!;
      await ready(forged);
      expect(userMessages(forged)).to.have.length(0);
      expect(text($(forged, '[part~=log]'))).to.not.contain('Wo ist meine letzte Bestellung?');
      expect(sessionStorage.getItem(schmidtKey)).to.equal(null);
      expect(sessionStorage.getItem(annaKey)).to.equal(detail.reply.conversationId);
    });

    it('works with a partner portal\'s customer token, keeping the conversation per customer', async () => {
      const token = await customerTokenForBaulicht();
      const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${token} lang="en" .clientOptions=${{ retries: 0 }}><kontor-chatbot></kontor-chatbot></kontor-shop>`);
      const el = shop.querySelector('kontor-chatbot')!;
      await ready(el);
      const { detail } = await ask(el, 'Where is my last order?');
      expect(['order_status', 'last_orders']).to.include(detail.reply.intent);
      const keys = Object.keys(sessionStorage).filter((k) => k.startsWith('kontor.chat:'));
      expect(keys).to.have.length(1);
      expect(keys[0]).to.contain('cmp_baulicht');
      expect(sessionStorage.getItem(keys[0]!)).to.equal(detail.reply.conversationId);
    });

    it('says why when the server stops a flood of messages, and keeps the text in the input', async () => {
      // Bau & Licht's buyer, whom no other chat test uses: the server's per-person limit (30 a minute) reached through the API.
      const api = createAssistantClient(createKontorClient({ endpoint: endpoint(), token: await tokenOf('baulicht'), lang: 'de' }).http);
      let limited: unknown = null;
      for (let i = 0; i < 40 && !limited; i++) limited = await api.send({ text: `Hallo ${i}` }).then(() => null, (e: unknown) => e);
      expect(isKontorError(limited) && limited.code).to.equal('rate_limited');
      const shop = await fixture<KontorShop>(html`<kontor-shop endpoint=${endpoint()} token=${await tokenOf('baulicht')} lang="de" .clientOptions=${{ retries: 0 }}><kontor-chatbot></kontor-chatbot></kontor-shop>`);
      const el = shop.querySelector('kontor-chatbot')!;
      await ready(el);
      const failed = oneEvent(el, 'kontor-error');
      input(el).value = 'Wo ist meine letzte Bestellung?';
      input(el).dispatchEvent(new Event('input', { bubbles: true }));
      $<HTMLButtonElement>(el, '[part~=send-button]')!.click();
      const { detail } = await failed;
      expect(detail.error.code).to.equal('rate_limited');
      await el.updateComplete;
      expect(text($(el, '[part~=error][role=alert]'))).to.equal((limited as Error).message);
      expect(input(el).value).to.equal('Wo ist meine letzte Bestellung?');
      expect(userMessages(el)).to.have.length(0);
    });

    it('shows found products with an add-to-cart button that goes through the page\'s cart', async () => {
      await freshCart('anna');
      const el = await mount();
      const { detail } = await ask(el, 'Ich suche NYM-J 3x1,5');
      expect(detail.reply.intent).to.equal('find_product');
      const first = detail.reply.cards.find((c) => c.kind === 'product')!;
      expect(first, 'no product card').to.exist;
      const card = $(el, `[part~=product-card][data-sku="${first.kind === 'product' && first.sku}"]`)!;
      expect(text(card.querySelector('h3'))).to.equal(first.kind === 'product' ? first.name : '');
      expect(text(card.querySelector('[part~=price]'))).to.match(/€ \/ \S+ netto$/);
      const changed = oneEvent(el, 'kontor-cart-change') as Promise<KontorCartChangeEvent>;
      card.querySelector<HTMLButtonElement>('[part~=add-to-cart-button]')!.click();
      // A product sold from a minimum takes the cart's suggested quantity instead.
      const outcome = await Promise.race([changed, waitUntil(() => card.querySelector('[part~=suggestion]'), 'no outcome', { timeout: 10_000 }).then(() => null)]);
      if (!outcome) card.querySelector<HTMLButtonElement>('[part~=suggestion]')!.click();
      const { detail: cart } = await changed;
      const line = cart.cart.lines.find((l) => first.kind === 'product' && l.sku === first.sku)!;
      expect(line).to.exist;
      await el.updateComplete;
      expect(text(card.querySelector('[role=status]'))).to.match(/im Warenkorb\.$/);
    });

    it('answers "When can I get 50 m of NYM-J 3x1.5?" with the delivery day', async () => {
      const el = await mount({ lang: 'en' });
      const { detail } = await ask(el, 'When can I get 50 m of NYM-J 3x1.5?');
      expect(detail.reply.intent).to.equal('availability');
      const promise = detail.reply.cards.find((c) => c.kind === 'availability')!;
      expect(promise, 'no availability card').to.exist;
      const card = $(el, '[part~=availability-card]')!;
      expect(text(card.querySelector('h3'))).to.match(/^50 m /);
      expect(text(card.querySelector('[part~=delivery-day]'))).to.match(promise.kind === 'availability' && promise.promise.day ? /^Delivery on \w{3} \d{1,2} \w{3}$/ : /^Not deliverable/);
    });

    it('hands the conversation to a person and says so', async () => {
      const el = await mount();
      const { detail } = await ask(el, 'Ich möchte mit einem Menschen sprechen');
      expect(detail.reply.intent).to.equal('handoff');
      const card = $(el, '[part~=handoff-card]')!;
      expect(text(card.querySelector('h3'))).to.equal('An Ihre Ansprechperson übergeben');
      expect(text(card.querySelector('p'))).to.equal(detail.reply.cards[0]!.kind === 'handoff' ? detail.reply.cards[0]!.text : '');
    });

    it('sends a quick reply\'s text as the next message', async () => {
      const el = await mount({ lang: 'en' });
      const chip = $<HTMLButtonElement>(el, '[part~=chip]')!;
      const replied = nextReply(el);
      const chipText = text(chip);
      chip.click();
      const { detail } = await replied;
      expect(detail.text).to.equal(chipText);
      await el.updateComplete;
      expect(text(userMessages(el)[0]!.querySelector('.text'))).to.equal(`You: ${chipText}`);
    });

    // Late: it ships the order the others ask about.
    it('links a shipped order\'s tracking page only when its host is allowed, else shows the number as text', async () => {
      await erpUpdate({ number: order.number, status: 'shipped', carrier: 'DHL', trackingNumber: '00340434161094042557' });
      const plain = await mount();
      await ask(plain, 'Wo ist meine letzte Bestellung?');
      await waitUntil(() => $(plain, `[part~=order-card][data-order-id="${order.id}"]`), 'no card of the last order');
      const card = $(plain, `[part~=order-card][data-order-id="${order.id}"]`)!;
      expect(text(card.querySelector('[part~=order-status]'))).to.equal('Versandt');
      expect(text(card.querySelector('[part~=tracking-number]'))).to.equal('DHL, Sendungsnummer 00340434161094042557');
      expect(card.querySelector('[part~=tracking-link]'), 'www.dhl.de is not allowed here').to.equal(null);
      const allowed = await mount();
      // As a framework sets it: a property, here an array.
      (allowed as unknown as { allowedHosts: unknown }).allowedHosts = ['tracking.example.com', 'www.dhl.de'];
      await ask(allowed, 'Wo ist meine letzte Bestellung?');
      await waitUntil(() => $(allowed, `[part~=order-card][data-order-id="${order.id}"] [part~=tracking-link]`), 'no tracking link');
      const link = $<HTMLAnchorElement>(allowed, '[part~=tracking-link]')!;
      expect(new URL(link.href).host).to.equal('www.dhl.de');
      expect(link.href).to.contain('00340434161094042557');
      expect(link.rel).to.contain('noopener');
      expect(text(link)).to.equal('Sendung bei DHL verfolgen');
    });

    it('gives the same message for an empty text as the server does', async () => {
      const response = await fetch(`${endpoint()}/v1/assistant/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf('anna')}`, 'accept-language': 'de' },
        body: JSON.stringify({ text: '   ' }),
      });
      expect(response.status).to.equal(400);
      const body = (await response.json()) as { code: string; issues: { path: string[]; message: string }[] };
      expect(body.code).to.equal('validation');
      expect(body.issues[0]!.path).to.deep.equal(['text']);
      const { messageProblem } = await import('./chatbot.panel.js');
      expect(body.issues[0]!.message).to.equal(messageProblem('   ', 'de'));
    });

    // After the others: confirming places a new order, which is then the last one.
    it('proposes a reorder with a confirm button; confirming once carries it out, a second confirm is refused', async () => {
      const el = await mount();
      await ask(el, 'Bitte meine letzte Bestellung nachbestellen');
      await waitUntil(() => $(el, '[part~=action-card]'), 'no action card');
      const card = $(el, '[part~=action-card]')!;
      const actionId = card.getAttribute('data-action-id')!;
      const button = card.querySelector<HTMLButtonElement>('[part~=confirm-button]')!;
      expect(button).to.exist;
      const confirmed = oneEvent(el, 'kontor-chat-action') as Promise<KontorChatActionEvent>;
      const placed = oneEvent(el, 'kontor-order-placed') as Promise<KontorOrderPlacedEvent>;
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-disabled'), 'marked disabled while the server confirms').to.equal('true');
      button.click(); // a second press while pending does nothing
      const { detail } = await confirmed;
      expect(detail.actionId).to.equal(actionId);
      expect(detail.action).to.equal('reorder');
      await el.updateComplete;
      expect(card.getAttribute('data-state')).to.equal('done');
      expect(card.querySelector('[part~=confirm-button]')).to.equal(null);
      expect(text(assistantMessages(el).at(-1))).to.contain(detail.reply.text.trim().slice(0, 20));
      const newOrder = detail.reply.cards.find((c) => c.kind === 'order');
      expect(newOrder, 'the reply shows the order it placed').to.exist;
      const { detail: p } = await placed;
      expect(p.order.id).to.equal(newOrder!.kind === 'order' && newOrder!.orderId);
      expect(p.order.id).to.not.equal(order.id);

      // Again through the API: single-use.
      const assistant = createAssistantClient(createKontorClient({ endpoint: endpoint(), token: await tokenOf('anna'), lang: 'de' }).http);
      const again = await assistant.confirm(actionId).then(() => null, (e: unknown) => e);
      expect(isKontorError(again) && again.code).to.equal('action_used');

      // And in a new chat on the same tab, from the history: the server's refusal, in words.
      const later = await mount();
      await waitUntil(() => later.shadowRoot!.querySelector<HTMLElement>(`[part~=action-card][data-action-id="${actionId}"]`), 'the history has no action card');
      const old = later.shadowRoot!.querySelector<HTMLElement>(`[part~=action-card][data-action-id="${actionId}"]`)!;
      const oldButton = old.querySelector<HTMLButtonElement>('[part~=confirm-button]')!;
      expect(oldButton, 'the history does not know it was used: the server says so').to.exist;
      const refused = oneEvent(later, 'kontor-error');
      oldButton.click();
      await refused;
      await later.updateComplete;
      expect(text(old.querySelector('[part~=action-error][role=alert]'))).to.equal((again as Error).message);
      expect(text(old.querySelector('[part~=action-error]'))).to.equal('Dies wurde bereits bestätigt.');
      expect(old.querySelector('[part~=confirm-button]')).to.equal(null);
    });
  });
});
