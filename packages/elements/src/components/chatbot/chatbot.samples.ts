// A fake shop assistant for the stories (the tests use the real server): a few German and English
// answers picked by keywords, each card kind once, actions confirmed once, conversations kept in
// memory — answered in the shapes of core's assistant schemas.
import type { AssistantCard, AssistantReply, AssistantTurn } from '@kontor/core/assistant';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const error = (status: number, code: string, message: string) => json({ status, code, message, issues: [] }, status);

type Lang = 'de' | 'en';
const say = (lang: Lang, de: string, en: string) => (lang === 'de' ? de : en);

function answer(text: string, lang: Lang, nextAction: () => string): Omit<AssistantReply, 'conversationId'> {
  const q = text.toLowerCase();
  if (/bestell|order/.test(q) && /nach|reorder|wieder/.test(q)) {
    return {
      intent: 'reorder', lang, chips: [],
      text: say(lang, 'Ich kann Ihre letzte Bestellung K-2026-000120 erneut in den Warenkorb legen.', 'I can put your last order K-2026-000120 into the cart again.'),
      cards: [{ kind: 'action', actionId: nextAction(), action: 'reorder', label: say(lang, 'Nachbestellen', 'Reorder'), summary: say(lang, '3 Positionen aus K-2026-000120 in den Warenkorb', '3 lines of K-2026-000120 into the cart'), expiresAt: new Date(Date.now() + 10 * 60_000).toISOString() }],
    };
  }
  if (/bestell|order|lieferung|where/.test(q)) {
    return {
      intent: 'order_status', lang, chips: [say(lang, 'Letzte Bestellung nachbestellen', 'Reorder my last order'), say(lang, 'Mit einer Person sprechen', 'Talk to a person')],
      text: say(lang, 'Ihre letzte Bestellung K-2026-000120 ist versandt.', 'Your last order K-2026-000120 has shipped.'),
      cards: [{ kind: 'order', orderId: 'ord_story1', number: 'K-2026-000120', status: 'shipped', placedAt: new Date(Date.now() - 3 * DAY).toISOString(), promisedDelivery: inDays(1), carrier: 'DHL', trackingNumber: '00340434161094042557', trackingUrl: 'https://nolp.dhl.de/nextt-online-public/set_identcodes.do?idc=00340434161094042557', gross: { amount: 48_790, currency: 'EUR' } }],
    };
  }
  if (/nym|kabel|cable|wann|when/.test(q)) {
    const cards: AssistantCard[] = [
      { kind: 'availability', sku: 'NYM-J-3x1.5', name: 'Mantelleitung NYM-J 3×1,5 mm²', quantity: 50, unit: 'meter', promise: { day: inDays(2), inStock: true, available: 1200 } },
      { kind: 'product', sku: 'NYM-J-3x1.5', name: 'Mantelleitung NYM-J 3×1,5 mm²', unit: 'meter', price: { amount: 46, currency: 'EUR' } },
    ];
    return { intent: 'availability', lang, chips: [], text: say(lang, '50 m NYM-J 3×1,5 sind auf Lager.', '50 m of NYM-J 3×1.5 are in stock.'), cards };
  }
  if (/dauer|standing/.test(q)) {
    return {
      intent: 'standing_order_next', lang, chips: [say(lang, 'Nächste Ausführung überspringen', 'Skip the next run')],
      text: say(lang, 'Ihr Dauerauftrag läuft das nächste Mal am Dienstag.', 'Your standing order runs next on Tuesday.'),
      cards: [{ kind: 'standing_order', standingOrderId: 'sto_story1', name: say(lang, 'Baustellenbedarf monatlich', 'Site supplies monthly'), nextRun: inDays(5), status: 'active' }],
    };
  }
  if (/person|mensch|sprechen|talk/.test(q)) {
    return {
      intent: 'handoff', lang, chips: [],
      text: say(lang, 'Ich habe Ihre Anfrage an Jana Petersen weitergegeben.', 'I passed your request on to Jana Petersen.'),
      cards: [{ kind: 'handoff', requestId: 'hnd_story1', text: say(lang, 'Jana Petersen meldet sich heute bis 16 Uhr.', 'Jana Petersen will get back to you by 4 pm today.') }],
    };
  }
  return {
    intent: 'unknown', lang, cards: [],
    text: say(lang, `Das habe ich nicht verstanden: „${text}“. Ich helfe bei Bestellungen, Lieferterminen und Daueraufträgen.`, `I did not understand “${text}”. I can help with orders, delivery dates and standing orders.`),
    chips: [say(lang, 'Wo ist meine letzte Bestellung?', 'Where is my last order?'), say(lang, 'Mein Dauerauftrag', 'My standing order')],
  };
}

/** A `fetch` answering the assistant's routes (and `GET /v1/me`) from memory; `delay` ms per answer. */
export function assistantApi(options: { delay?: number } = {}): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response> {
  const conversations = new Map<string, AssistantTurn[]>();
  const actions = new Map<string, { used: boolean; lang: Lang }>();
  let n = 0;
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    await new Promise((r) => setTimeout(r, options.delay ?? 400));
    if (url.pathname === '/v1/me') {
      return json({ kind: 'user', channel: 'web', user: { id: 'usr_story', email: 'einkauf@example.com', name: 'Eva Einkauf', role: 'buyer', locale: 'de' }, company: null, partner: null, expiresAt: null });
    }
    if (url.pathname === '/v1/assistant/messages' && request.method === 'POST') {
      const body = (await request.json()) as { text: string; conversationId?: string; lang?: Lang };
      const lang = body.lang ?? 'de';
      const id = body.conversationId ?? `cnv_story${++n}`;
      const reply: AssistantReply = {
        conversationId: id,
        ...answer(body.text, lang, () => {
          const actionId = `act_story${++n}`;
          actions.set(actionId, { used: false, lang });
          return actionId;
        }),
      };
      const turns = conversations.get(id) ?? [];
      const at = new Date().toISOString();
      conversations.set(id, [...turns, { role: 'user', text: body.text, at }, { role: 'assistant', text: reply.text, at, reply }]);
      return json(reply);
    }
    const confirm = url.pathname.match(/^\/v1\/assistant\/actions\/([^/]+)\/confirm$/);
    if (confirm) {
      const action = actions.get(confirm[1]!);
      if (!action) return error(404, 'not_found', 'Not found.');
      if (action.used) return error(409, 'action_used', say(action.lang, 'Dies wurde bereits bestätigt.', 'This was already confirmed.'));
      action.used = true;
      const lang = action.lang;
      return json({
        conversationId: [...conversations.keys()].at(-1) ?? 'cnv_story0', intent: 'reorder', lang, chips: [],
        text: say(lang, 'Erledigt: 3 Positionen liegen im Warenkorb.', 'Done: 3 lines are in the cart.'), cards: [],
      } satisfies AssistantReply);
    }
    const conversation = url.pathname.match(/^\/v1\/assistant\/conversations\/([^/]+)$/);
    if (conversation) {
      const turns = conversations.get(conversation[1]!);
      return turns ? json({ conversationId: conversation[1], messages: turns }) : error(404, 'not_found', 'Not found.');
    }
    return error(404, 'not_found', `No fake for ${request.method} ${url.pathname}`);
  };
}
