import type { Offer, OfferVersion } from '@kontor/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { DEFAULT_MAIL_FROM, senderName } from '../mail/mailer.js';
import { STYLE, day, esc, factTable, money, page, textFacts, textSignOff, type MailContent, type MailLocale } from '../mail/templates.js';
import type { MailTransport } from '../mail/transports.js';
import { enqueueMail, type OutboxDeps } from '../outbox/outbox.js';
import type { OutboxLogger, OutboxMailer, OutboxMailEvent } from '../outbox/worker.js';

// Offer mails go through the outbox like the order mails: the event is written in the transaction
// of the change it tells (sending a version, withdrawing, the buyer's answer), to the `mail`
// target only, and the worker sends it afterwards — never for a change that rolled back.

export type OfferMailType = 'offer.sent' | 'offer.withdrawn' | 'offer.answered';
export const isOfferMail = (type: string): type is OfferMailType => type === 'offer.sent' || type === 'offer.withdrawn' || type === 'offer.answered';

/** What an offer mail carries: the offer as the buyer sees it, and who is told. */
export interface OfferMailData {
  offer: Offer;
  /** `offer.sent` / `offer.withdrawn`: the user who asked (else the company's admins). */
  userId?: string | null;
  /** `offer.answered`: the rep who answers the offer. */
  repId?: string;
}

/** Records an offer mail in the caller's transaction (target `mail` when mails are configured) and wakes the worker. */
export async function enqueueOfferMail(
  trx: Kysely<Database> | Transaction<Database>,
  deps: OutboxDeps,
  input: { type: OfferMailType; offer: Offer; companyId: string; userId?: string | null; repId?: string },
  now: Date,
): Promise<string> {
  const data: OfferMailData = { offer: input.offer, ...(input.userId !== undefined ? { userId: input.userId } : {}), ...(input.repId !== undefined ? { repId: input.repId } : {}) };
  return enqueueMail(trx, deps, { type: input.type, aggregateId: input.offer.id, companyId: input.companyId, payload: data }, now);
}

const T = {
  de: {
    sentSubject: (n: string, v: number) => `Ihr Angebot ${n} (Version ${v})`,
    sentIntro: (n: string) => `anbei erhalten Sie unser Angebot ${n}. Sie können es im Shop ansehen, annehmen, ablehnen oder um Änderungen bitten.`,
    withdrawnSubject: (n: string) => `Angebot ${n} zurückgezogen`,
    withdrawnIntro: (n: string) => `unser Angebot ${n} wurde zurückgezogen und kann nicht mehr angenommen werden.`,
    answeredSubject: (n: string, s: string) => `Angebot ${n}: ${s}`,
    answered: { accepted: 'angenommen', rejected: 'abgelehnt', changes_requested: 'Änderungswunsch' } as Record<string, string>,
    answeredIntro: (c: string) => `Antwort von ${c}:`,
    version: 'Version', validUntil: 'Gültig bis', net: 'Summe netto', gross: 'Gesamtbetrag', lines: 'Positionen', reason: 'Begründung', comment: 'Kommentar',
    hello: (n: string) => `Guten Tag ${n},`,
  },
  en: {
    sentSubject: (n: string, v: number) => `Your offer ${n} (version ${v})`,
    sentIntro: (n: string) => `please find our offer ${n}. You can view, accept or reject it, or ask for changes, in the shop.`,
    withdrawnSubject: (n: string) => `Offer ${n} withdrawn`,
    withdrawnIntro: (n: string) => `our offer ${n} was withdrawn and can no longer be accepted.`,
    answeredSubject: (n: string, s: string) => `Offer ${n}: ${s}`,
    answered: { accepted: 'accepted', rejected: 'rejected', changes_requested: 'changes requested' } as Record<string, string>,
    answeredIntro: (c: string) => `Answer from ${c}:`,
    version: 'Version', validUntil: 'Valid until', net: 'Net total', gross: 'Total', lines: 'Items', reason: 'Reason', comment: 'Comment',
    hello: (n: string) => `Hello ${n},`,
  },
} as const;

const current = (offer: Offer): OfferVersion | undefined => offer.versions.at(-1);

/** The mail of an offer event to one recipient, in their language; HTML with every value escaped, and text. */
export function offerMail(type: OfferMailType, offer: Offer, to: { name: string; locale: MailLocale }, sender: string): MailContent {
  const lang = to.locale;
  const t = T[lang];
  const v = current(offer);
  const facts: [string, string][] = v ? [[t.version, String(v.number)], [t.validUntil, day(v.validUntil, lang)], [t.net, money(v.totals.net, lang)], [t.gross, money(v.totals.gross, lang)]] : [];
  let subject: string;
  let intro: string;
  let extra: [string, string][] = [];
  if (type === 'offer.sent') {
    subject = t.sentSubject(offer.number, v?.number ?? 1);
    intro = t.sentIntro(offer.number);
  } else if (type === 'offer.withdrawn') {
    subject = t.withdrawnSubject(offer.number);
    intro = t.withdrawnIntro(offer.number);
  } else {
    const last = offer.history.at(-1)!;
    subject = t.answeredSubject(offer.number, t.answered[last.kind] ?? last.kind);
    intro = t.answeredIntro(`${offer.company.name} (${offer.company.customerNumber}), ${last.by?.name ?? ''}`);
    if (last.text) extra = [[last.kind === 'rejected' ? t.reason : t.comment, last.text]];
  }
  const lines = v && type === 'offer.sent' ? v.lines.map((l) => `${l.quantity} × ${l.sku} ${l.name[lang] || l.name.de}: ${money(l.net, lang)}`) : [];
  const text = [t.hello(to.name), '', intro, '', textFacts([...facts, ...extra]), ...(lines.length ? ['', `${t.lines}:`, ...lines.map((l) => `  ${l}`)] : []), ...textSignOff(lang, sender)].join('\n');
  const html = page(
    lang,
    subject,
    `<h1 style="${STYLE.h1}">${esc(subject)}</h1><p>${esc(t.hello(to.name))}</p><p>${esc(intro)}</p>${factTable([...facts, ...extra])}` +
      (lines.length ? `<h2 style="${STYLE.h2}">${esc(t.lines)}</h2><ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : ''),
    sender,
  );
  return { subject, text, html };
}

export interface OfferMailerOptions {
  db: Kysely<Database>;
  transports: MailTransport[];
  from?: string | undefined;
  logger?: OutboxLogger | undefined;
}

const mailbox = (r: { name: string; email: string }) => `"${r.name.replace(/["\\\r\n]/g, '')}" <${r.email}>`;

/**
 * The outbox mailer with the offer mails added: a sent or withdrawn offer to the user who asked
 * for it (else the company's admins), a buyer's answer to the offer's rep; every other event to `next`.
 */
export function withOfferMails(next: OutboxMailer, options: OfferMailerOptions): OutboxMailer {
  const { db, transports, logger } = options;
  const from = options.from ?? DEFAULT_MAIL_FROM;
  const sender = senderName(from);
  async function recipients(event: OutboxMailEvent, data: OfferMailData): Promise<{ email: string; name: string; locale: MailLocale }[]> {
    if (event.type === ('offer.answered' as string)) {
      const rep = data.repId ? await db.selectFrom('seller_users').select(['email', 'name', 'locale']).where('id', '=', data.repId).executeTakeFirst() : undefined;
      return rep ? [rep] : [];
    }
    if (data.userId) {
      const user = await db.selectFrom('users').select(['email', 'name', 'locale']).where('company_id', '=', event.companyId).where('id', '=', data.userId).executeTakeFirst();
      if (user) return [user];
    }
    return db.selectFrom('users').select(['email', 'name', 'locale']).where('company_id', '=', event.companyId).where('role', '=', 'admin').orderBy('email').execute();
  }
  return {
    async deliver(event) {
      const type = event.type as string;
      if (!isOfferMail(type)) return next.deliver(event);
      const data = event.data as unknown as OfferMailData;
      const to = await recipients(event, data);
      if (!to.length) logger?.info({ eventId: event.id, offerId: data.offer.id }, 'mail: no recipient for this offer event; skipped');
      for (const r of to) {
        const mail = offerMail(type, data.offer, r, sender);
        for (const transport of transports) {
          await transport.send({ from, to: [mailbox(r)], subject: mail.subject, text: mail.text, html: mail.html, headers: { 'X-Kontor-Event-Id': event.id, 'X-Kontor-Offer': data.offer.id } });
        }
      }
    },
  };
}
