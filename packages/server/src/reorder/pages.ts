import { unitLabel, type Lang } from '@kontor/core';
import { esc } from '../mail/templates.js';
import { layout } from '../standing-orders/pages.js';

// The pages of a reorder reminder's link. Looking (GET) lists what the cart will hold and shows a
// button; the button POSTs and prepares the cart, once — a mail scanner following links changes nothing.

export interface LinkLine {
  sku: string;
  quantity: number;
  name: { de: string; en: string } | null;
  unit: Parameters<typeof unitLabel>[0] | null;
}

export type ReorderLinkState =
  | { kind: 'ready'; lines: LinkLine[] }
  | { kind: 'done'; cartName: string; lines: LinkLine[] }
  | { kind: 'used'; at: string }
  | { kind: 'expired'; at: string }
  | { kind: 'invalid' };

const T = {
  de: {
    title: 'Nachbestellen',
    ask: 'Diese Artikel in einen neuen Warenkorb legen?',
    what: 'Es wird nichts bestellt: Der Warenkorb erscheint unter Ihren gespeicherten Warenkörben, zu den Preisen von heute.',
    button: 'Warenkorb vorbereiten',
    done: (n: string) => `Der Warenkorb „${n}“ ist vorbereitet. Sie finden ihn im Shop unter Ihren gespeicherten Warenkörben.`,
    used: (at: string) => `Dieser Link wurde schon benutzt (${at}). Es wurde nichts geändert.`,
    expired: (at: string) => `Dieser Link ist abgelaufen (${at}). Es wurde nichts geändert; nachbestellen können Sie im Shop.`,
    invalid: 'Dieser Link ist ungültig. Es wurde nichts geändert.',
  },
  en: {
    title: 'Reorder',
    ask: 'Put these items into a new cart?',
    what: 'Nothing is ordered: the cart appears among your saved carts, at today’s prices.',
    button: 'Prepare the cart',
    done: (n: string) => `The cart “${n}” is ready. You find it in the shop among your saved carts.`,
    used: (at: string) => `This link was used already (${at}). Nothing was changed.`,
    expired: (at: string) => `This link has expired (${at}). Nothing was changed; you can reorder in the shop.`,
    invalid: 'This link is not valid. Nothing was changed.',
  },
} as const;

const instant = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(iso));

const list = (lines: LinkLine[], lang: Lang) =>
  `<ul>${lines.map((l) => `<li>${esc(`${l.quantity} ${l.unit ? unitLabel(l.unit, l.quantity, lang) : '×'} ${l.name?.[lang] ?? ''} (${l.sku})`)}</li>`).join('')}</ul>`;

/** The page of a reorder link in `state`, in `lang`; every value escaped. */
export function reorderLinkPage(state: ReorderLinkState, lang: Lang): string {
  const t = T[lang];
  const p = (s: string) => `<p>${esc(s)}</p>`;
  switch (state.kind) {
    case 'ready':
      return layout(lang, t.title, `<h1>${esc(t.ask)}</h1>${p(t.what)}${list(state.lines, lang)}<form method="post"><button type="submit">${esc(t.button)}</button></form>`);
    case 'done':
      return layout(lang, t.title, `<h1 role="status">${esc(t.done(state.cartName))}</h1>${list(state.lines, lang)}`);
    case 'used':
      return layout(lang, t.title, `<h1>${esc(t.title)}</h1>${p(t.used(instant(state.at, lang)))}`);
    case 'expired':
      return layout(lang, t.title, `<h1>${esc(t.title)}</h1>${p(t.expired(instant(state.at, lang)))}`);
    case 'invalid':
      return layout(lang, t.title, `<h1>${esc(t.title)}</h1>${p(t.invalid)}`);
  }
}
