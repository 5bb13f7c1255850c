import { formatDay, type Lang, type StandingOrder } from '@kontor/core';
import { esc } from '../mail/templates.js';

// The pages of a reminder's one-click links. Looking at a link (GET) only says what it will do and
// shows a button; the button POSTs and does it, so a mail scanner that follows links changes
// nothing. Every value is escaped; the pages load nothing else.

/** What a link's page says. */
export type LinkPageState =
  | { kind: 'ready'; action: 'skip' | 'pause'; order: StandingOrder; day: string }
  | { kind: 'done'; action: 'skip' | 'pause'; order: StandingOrder; day: string }
  | { kind: 'used'; at: string }
  | { kind: 'expired'; at: string }
  | { kind: 'over'; day: string | null }
  | { kind: 'already'; action: 'skip' | 'pause'; day: string }
  | { kind: 'invalid' };

const T = {
  de: {
    title: 'Dauerauftrag',
    unnamed: 'ohne Namen',
    skipAsk: (n: string, d: string) => `Die Ausführung vom ${d} des Dauerauftrags „${n}“ auslassen?`,
    skipWhat: 'An diesem Tag wird nichts bestellt; die weiteren Ausführungen bleiben, wie sie sind.',
    skipButton: 'Diese Ausführung auslassen',
    skipDone: (n: string, d: string) => `Die Ausführung vom ${d} des Dauerauftrags „${n}“ wird ausgelassen.`,
    pauseAsk: (n: string) => `Den Dauerauftrag „${n}“ pausieren?`,
    pauseWhat: (d: string) => `Ab der Ausführung vom ${d} wird nichts mehr bestellt, bis Sie ihn im Shop fortsetzen.`,
    pauseButton: 'Dauerauftrag pausieren',
    pauseDone: (n: string) => `Der Dauerauftrag „${n}“ ist pausiert. Fortsetzen können Sie ihn im Shop.`,
    lines: 'Positionen',
    used: (at: string) => `Dieser Link wurde schon benutzt (${at}). Es wurde nichts geändert.`,
    expired: (at: string) => `Dieser Link ist abgelaufen (${at}). Es wurde nichts geändert; den Dauerauftrag können Sie im Shop ändern.`,
    over: (d: string | null) => (d ? `Die Ausführung vom ${d} ist vorbei oder der Dauerauftrag beendet. Es wurde nichts geändert.` : 'Der Dauerauftrag ist beendet. Es wurde nichts geändert.'),
    alreadySkip: (d: string) => `Die Ausführung vom ${d} wird schon ausgelassen. Es wurde nichts geändert.`,
    alreadyPause: () => 'Der Dauerauftrag ist schon pausiert. Es wurde nichts geändert.',
    invalid: 'Dieser Link ist ungültig. Es wurde nichts geändert.',
  },
  en: {
    title: 'Standing order',
    unnamed: 'unnamed',
    skipAsk: (n: string, d: string) => `Skip the run of ${d} of the standing order “${n}”?`,
    skipWhat: 'Nothing is ordered that day; the further runs stay as they are.',
    skipButton: 'Skip this run',
    skipDone: (n: string, d: string) => `The run of ${d} of the standing order “${n}” is skipped.`,
    pauseAsk: (n: string) => `Pause the standing order “${n}”?`,
    pauseWhat: (d: string) => `From the run of ${d} on nothing is ordered until you resume it in the shop.`,
    pauseButton: 'Pause the standing order',
    pauseDone: (n: string) => `The standing order “${n}” is paused. You can resume it in the shop.`,
    lines: 'Items',
    used: (at: string) => `This link was used already (${at}). Nothing was changed.`,
    expired: (at: string) => `This link has expired (${at}). Nothing was changed; you can change the standing order in the shop.`,
    over: (d: string | null) => (d ? `The run of ${d} is over or the standing order has ended. Nothing was changed.` : 'The standing order has ended. Nothing was changed.'),
    alreadySkip: (d: string) => `The run of ${d} is skipped already. Nothing was changed.`,
    alreadyPause: () => 'The standing order is paused already. Nothing was changed.',
    invalid: 'This link is not valid. Nothing was changed.',
  },
} as const;

const instant = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(iso));

/** A link page's HTML around `body` (already escaped): one card, no scripts, nothing loaded (also the reorder links' pages). */
export const layout = (lang: Lang, title: string, body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="robots" content="noindex">` +
  `<title>${esc(title)}</title><style>body{font-family:Arial,Helvetica,sans-serif;color:#1d2329;background:#f4f5f7;margin:0;padding:24px;line-height:1.45}` +
  `main{max-width:560px;margin:0 auto;background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:24px}h1{font-size:20px;margin:0 0 12px}` +
  `button{font:inherit;background:#0b5cad;color:#fff;border:0;border-radius:4px;padding:10px 16px;cursor:pointer}button:focus-visible{outline:3px solid #f0a500;outline-offset:2px}</style></head>` +
  `<body><main>${body}</main></body></html>`;

/** The page of a link in `state`, in `lang`. */
export function linkPage(state: LinkPageState, lang: Lang): string {
  const t = T[lang];
  const p = (s: string) => `<p>${esc(s)}</p>`;
  switch (state.kind) {
    case 'ready': {
      const name = state.order.name ?? t.unnamed;
      const day = formatDay(state.day, lang, true);
      const skip = state.action === 'skip';
      const lines = `<h2 style="font-size:15px">${esc(t.lines)}</h2><ul>${state.order.lines.map((l) => `<li>${esc(`${l.quantity} × ${l.sku}`)}</li>`).join('')}</ul>`;
      return layout(lang, t.title,
        `<h1>${esc(skip ? t.skipAsk(name, day) : t.pauseAsk(name))}</h1>${p(skip ? t.skipWhat : t.pauseWhat(day))}${lines}` +
        `<form method="post"><button type="submit">${esc(skip ? t.skipButton : t.pauseButton)}</button></form>`);
    }
    case 'done': {
      const name = state.order.name ?? t.unnamed;
      return layout(lang, t.title, `<h1 role="status">${esc(state.action === 'skip' ? t.skipDone(name, formatDay(state.day, lang, true)) : t.pauseDone(name))}</h1>`);
    }
    case 'used':
      return layout(lang, t.title, `<h1>${esc(t.title)}</h1>${p(t.used(instant(state.at, lang)))}`);
    case 'expired':
      return layout(lang, t.title, `<h1>${esc(t.title)}</h1>${p(t.expired(instant(state.at, lang)))}`);
    case 'over':
      return layout(lang, t.title, `<h1>${esc(t.title)}</h1>${p(t.over(state.day && formatDay(state.day, lang, true)))}`);
    case 'already':
      return layout(lang, t.title, `<h1>${esc(t.title)}</h1>${p(state.action === 'skip' ? t.alreadySkip(formatDay(state.day, lang, true)) : t.alreadyPause())}`);
    case 'invalid':
      return layout(lang, t.title, `<h1>${esc(t.title)}</h1>${p(t.invalid)}`);
  }
}
