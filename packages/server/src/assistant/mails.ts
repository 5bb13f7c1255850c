import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { DEFAULT_MAIL_FROM, senderName } from '../mail/mailer.js';
import { STYLE, esc, factTable, page, textFacts, textSignOff, type MailContent, type MailLocale } from '../mail/templates.js';
import type { MailTransport } from '../mail/transports.js';
import { enqueueMail, type OutboxDeps } from '../outbox/outbox.js';
import type { OutboxLogger, OutboxMailer } from '../outbox/worker.js';

// A hand-off from the shop assistant to a person goes through the outbox like the order mails:
// the event is written in the transaction that stores the contact request, to the `mail` target
// only, and the worker mails it to the company's sales rep (else every rep).

export const ASSISTANT_HANDOFF = 'assistant.handoff';

/** What the hand-off mail carries: who asks, from which company, and the conversation. */
export interface HandoffMailData {
  requestId: string;
  company: { id: string; name: string; customerNumber: string };
  requester: { name: string; email: string | null };
  transcript: { role: 'user' | 'assistant'; text: string; at: string }[];
}

/** Records the hand-off mail in the caller's transaction (target `mail` when mails are configured) and wakes the worker. */
export async function enqueueHandoffMail(trx: Kysely<Database> | Transaction<Database>, deps: OutboxDeps, data: HandoffMailData, now: Date): Promise<string> {
  return enqueueMail(trx, deps, { type: ASSISTANT_HANDOFF, aggregateId: data.requestId, companyId: data.company.id, payload: data }, now);
}

const T = {
  de: {
    subject: (c: string) => `Kontaktwunsch aus dem Shop-Assistenten: ${c}`,
    intro: 'ein Kunde möchte über den Shop-Assistenten mit Ihnen sprechen. Der Gesprächsverlauf:',
    company: 'Firma', customer: 'Kundennummer', who: 'Anfrage von', email: 'E-Mail', buyer: 'Kunde', bot: 'Assistent',
    hello: (n: string) => `Guten Tag ${n},`,
  },
  en: {
    subject: (c: string) => `Contact request from the shop assistant: ${c}`,
    intro: 'a customer would like to speak to you through the shop assistant. The conversation:',
    company: 'Company', customer: 'Customer number', who: 'Requested by', email: 'E-mail', buyer: 'Customer', bot: 'Assistant',
    hello: (n: string) => `Hello ${n},`,
  },
} as const;

/** The hand-off mail to one rep, in their language: every value escaped in HTML, the transcript as text. */
export function handoffMail(data: HandoffMailData, to: { name: string; locale: MailLocale }, sender: string): MailContent {
  const t = T[to.locale];
  const subject = t.subject(data.company.name);
  const facts: [string, string][] = [[t.company, data.company.name], [t.customer, data.company.customerNumber], [t.who, data.requester.name], ...(data.requester.email ? [[t.email, data.requester.email] as [string, string]] : [])];
  const line = (turn: HandoffMailData['transcript'][number]) => `${turn.role === 'user' ? t.buyer : t.bot} (${turn.at.slice(11, 16)} UTC): ${turn.text}`;
  const text = [t.hello(to.name), '', t.intro, '', textFacts(facts), '', ...data.transcript.map((turn) => `  ${line(turn)}`), ...textSignOff(to.locale, sender)].join('\n');
  const html = page(
    to.locale,
    subject,
    `<h1 style="${STYLE.h1}">${esc(subject)}</h1><p>${esc(t.hello(to.name))}</p><p>${esc(t.intro)}</p>${factTable(facts)}` +
      `<ul>${data.transcript.map((turn) => `<li>${esc(line(turn))}</li>`).join('')}</ul>`,
    sender,
  );
  return { subject, text, html };
}

export interface AssistantMailerOptions {
  db: Kysely<Database>;
  transports: MailTransport[];
  from?: string | undefined;
  logger?: OutboxLogger | undefined;
}

/** The outbox mailer with the assistant's hand-off mail added; every other event goes to `next`. */
export function withAssistantMails(next: OutboxMailer, options: AssistantMailerOptions): OutboxMailer {
  const from = options.from ?? DEFAULT_MAIL_FROM;
  const sender = senderName(from);
  return {
    async deliver(event) {
      if ((event.type as string) !== ASSISTANT_HANDOFF) return next.deliver(event);
      const data = event.data as unknown as HandoffMailData;
      const assigned = await options.db
        .selectFrom('company_sales_reps')
        .innerJoin('seller_users', 'seller_users.id', 'company_sales_reps.rep_id')
        .select(['seller_users.email', 'seller_users.name', 'seller_users.locale'])
        .where('company_sales_reps.company_id', '=', event.companyId)
        .execute();
      const reps = assigned.length ? assigned : await options.db.selectFrom('seller_users').select(['email', 'name', 'locale']).orderBy('email').execute();
      if (!reps.length) options.logger?.info({ eventId: event.id }, 'mail: no sales rep for this hand-off; skipped');
      for (const rep of reps) {
        const mail = handoffMail(data, rep, sender);
        for (const transport of options.transports) {
          await transport.send({ from, to: [`"${rep.name.replace(/["\\\r\n]/g, '')}" <${rep.email}>`], subject: mail.subject, text: mail.text, html: mail.html, headers: { 'X-Kontor-Event-Id': event.id } });
        }
      }
    },
  };
}
