import { describeCadence, type Cadence, type Unit } from '@kontor/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { DEFAULT_MAIL_FROM, senderName } from '../mail/mailer.js';
import { STYLE, esc, isHttpUrl, page, textSignOff, type MailContent, type MailParty } from '../mail/templates.js';
import type { MailTransport } from '../mail/transports.js';
import { enqueueMail, type OutboxDeps } from '../outbox/outbox.js';
import type { OutboxLogger, OutboxMailer } from '../outbox/worker.js';

// The reorder reminder goes through the outbox like the order mails: the event is written in the
// transaction that records the reminded cycles, to the `mail` target, and sent by the worker.

export const REORDER_REMINDER = 'reorder.reminder';

/** A product the reminder lists. */
export interface DueProductMail {
  sku: string;
  name: { de: string; en: string };
  unit: Unit;
  lastQuantity: number;
  cadence: Pick<Cadence, 'bucket' | 'intervalDays' | 'daysSinceLast'>;
}

/** What a reorder reminder says, and to whom: each recipient with the id of their own link. */
export interface ReorderReminderData {
  products: DueProductMail[];
  recipients: { userId: string; linkId: string }[];
}

/** Records a reminder mail in the caller's transaction and wakes the worker; returns the event id. */
export async function enqueueReorderReminder(trx: Kysely<Database> | Transaction<Database>, deps: OutboxDeps, companyId: string, data: ReorderReminderData, now: Date): Promise<string> {
  return enqueueMail(trx, deps, { type: REORDER_REMINDER, aggregateId: `reorder:${companyId}`, companyId, payload: data }, now);
}

const T = {
  de: {
    subject: (n: number) => (n === 1 ? 'Zeit zum Nachbestellen: 1 Artikel' : `Zeit zum Nachbestellen: ${n} Artikel`),
    intro: 'nach Ihrem üblichen Bestellrhythmus werden diese Artikel bald fällig oder sind es schon:',
    overdue: 'überfällig',
    dueSoon: 'bald fällig',
    button: 'Warenkorb damit vorbereiten',
    note: 'Der Link legt die Artikel in den zuletzt bestellten Mengen in einen neuen gespeicherten Warenkorb, zu den Preisen von heute; bestellt wird nichts. Er gilt einmal und 14 Tage lang.',
    optOut: 'Diese Erinnerungen schalten Administratoren Ihres Unternehmens im Shop ab.',
  },
  en: {
    subject: (n: number) => (n === 1 ? 'Time to reorder: 1 item' : `Time to reorder: ${n} items`),
    intro: 'going by how often you usually order them, these items are due soon or due already:',
    overdue: 'overdue',
    dueSoon: 'due soon',
    button: 'Prepare a cart with them',
    note: 'The link puts the items at the quantities you last ordered into a new saved cart, at today’s prices; nothing is ordered. It works once, for 14 days.',
    optOut: 'Administrators of your company turn these reminders off in the shop.',
  },
} as const;

/** The reminder mail to one recipient, with their link. */
export function reorderReminderMail(data: ReorderReminderData, to: MailParty, sender: string, link: string): MailContent {
  const lang = to.locale;
  const t = T[lang];
  const subject = t.subject(data.products.length);
  const hello = `${lang === 'de' ? 'Guten Tag' : 'Hello'} ${to.name},`;
  const status = (p: DueProductMail) => (p.cadence.bucket === 'overdue' ? t.overdue : t.dueSoon);
  const line = (p: DueProductMail) => `${p.sku}  ${p.name[lang] || p.name.de} — ${p.lastQuantity} · ${status(p)} · ${describeCadence(p.cadence, lang)}`;
  const url = isHttpUrl(link) ? link : null;
  const text = [hello, '', t.intro, '', ...data.products.map((p) => `  ${line(p)}`), '', ...(url ? [`${t.button}: ${url}`] : []), t.note, t.optOut, ...textSignOff(lang, sender)].join('\n');
  const rows = data.products
    .map((p) => `<tr><td style="${STYLE.td}">${esc(p.name[lang] || p.name.de)}<br><span style="${STYLE.muted}">${esc(p.sku)}</span></td>` +
      `<td style="${STYLE.td};${STYLE.num}">${esc(p.lastQuantity)}</td><td style="${STYLE.td}">${esc(status(p))}<br><span style="${STYLE.muted}">${esc(describeCadence(p.cadence, lang))}</span></td></tr>`)
    .join('');
  const button = url ? `<p><a href="${esc(url)}" style="display:inline-block;background:#0b5cad;color:#fff;text-decoration:none;border-radius:4px;padding:10px 16px">${esc(t.button)}</a></p>` : '';
  const html = page(lang, subject, `<h1 style="${STYLE.h1}">${esc(subject)}</h1><p>${esc(hello)}</p><p>${esc(t.intro)}</p><table style="${STYLE.table}">${rows}</table>${button}<p style="${STYLE.muted}">${esc(t.note)}</p><p style="${STYLE.muted}">${esc(t.optOut)}</p>`, sender);
  return { subject, text, html };
}

export interface ReorderMailerOptions {
  db: Kysely<Database>;
  transports: MailTransport[];
  from?: string | undefined;
  logger?: OutboxLogger | undefined;
  /** The URL of a reorder link by its id (signed; see links.ts). */
  linkUrl: (linkId: string) => string;
}

/** The outbox mailer with the reorder reminder added; every other event goes to `next`. */
export function withReorderMails(next: OutboxMailer, options: ReorderMailerOptions): OutboxMailer {
  const from = options.from ?? DEFAULT_MAIL_FROM;
  const sender = senderName(from);
  return {
    async deliver(event) {
      if ((event.type as string) !== REORDER_REMINDER) return next.deliver(event);
      const data = event.data as unknown as ReorderReminderData;
      for (const r of data.recipients) {
        const user = await options.db.selectFrom('users').select(['email', 'name', 'locale']).where('company_id', '=', event.companyId).where('id', '=', r.userId).executeTakeFirst();
        if (!user) {
          options.logger?.info({ eventId: event.id, userId: r.userId }, 'mail: reorder reminder recipient is gone; skipped');
          continue;
        }
        const mail = reorderReminderMail(data, user, sender, `${options.linkUrl(r.linkId)}?lang=${user.locale}`);
        for (const transport of options.transports) {
          await transport.send({ from, to: [`"${user.name.replace(/["\\\r\n]/g, '')}" <${user.email}>`], subject: mail.subject, text: mail.text, html: mail.html, headers: { 'X-Kontor-Event-Id': event.id } });
        }
      }
    },
  };
}
