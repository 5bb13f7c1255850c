import type { Address, ErrorIssue, Money, Occurrence, PaymentMethod, Totals, Unit } from '@kontor/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { senderName, DEFAULT_MAIL_FROM } from '../mail/mailer.js';
import { reminderMail, runFailedMail } from '../mail/standing-order.templates.js';
import type { MailContent, MailLocale } from '../mail/templates.js';
import type { MailTransport } from '../mail/transports.js';
import { enqueueMail, type OutboxDeps } from '../outbox/outbox.js';
import type { OutboxLogger, OutboxMailer, OutboxMailEvent } from '../outbox/worker.js';

// Standing-order mails go through the outbox like the order mails: the event is written in the
// transaction of what it tells (a reminder's row, a failed run's row), to the `mail` target only,
// and the worker sends it afterwards — at least once, de-duplicated by the event id header, and
// never for a change that rolled back. Order confirmations of runs are the placement's own
// `order.placed` events.

export type StandingOrderMailType = 'standing_order.reminder' | 'standing_order.run_failed';
export const isStandingOrderMail = (type: string): type is StandingOrderMailType => type === 'standing_order.reminder' || type === 'standing_order.run_failed';

/** A line as a mail shows it. */
export interface MailLine {
  sku: string;
  name: { de: string; en: string };
  unit: Unit;
  quantity: number;
  priceUnit: number;
  unitPrice: Money;
  net: Money;
}

interface StandingOrderRef {
  id: string;
  name: string | null;
  /** Who is mailed: this user, else the company's admins. */
  userId: string | null;
}

/** What the reminder of a run says: its dry run. `links` are link ids; the mailer signs them into URLs. */
export interface ReminderMailData {
  standingOrder: StandingOrderRef;
  occurrence: Occurrence;
  lines: MailLine[];
  totals: Totals;
  priceMode: 'current' | 'fixed';
  arrives: string | null;
  short: { sku: string; quantity: number; available: number }[];
  notices: ErrorIssue[];
  warnings: ErrorIssue[];
  address: Address;
  payment: PaymentMethod;
  purchaseOrderNumber: string | null;
  links: { skip: string; pause: string };
}

/** A run that placed no order. */
export interface RunFailedMailData {
  standingOrder: StandingOrderRef;
  company: { name: string; customerNumber: string };
  run: { occurrence: string; day: string; status: 'failed' | 'held'; reason: ErrorIssue; notices: ErrorIssue[] };
  lines: { sku: string; name: { de: string; en: string }; unit: Unit; quantity: number }[];
  address: Address;
  /** The seller's address to tell as well (the app's `standingOrders.sellerEmail`), or `null`. */
  seller: string | null;
}

type Data = { 'standing_order.reminder': ReminderMailData; 'standing_order.run_failed': RunFailedMailData };

/**
 * Records a standing-order mail in the caller's transaction (target `mail` when mails are
 * configured, else the event alone) and wakes the worker. Returns the event id.
 */
export async function enqueueStandingOrderMail<K extends StandingOrderMailType>(
  trx: Kysely<Database> | Transaction<Database>,
  deps: OutboxDeps,
  input: { type: K; standingOrderId: string; companyId: string; data: Data[K] },
  now: Date,
): Promise<string> {
  return enqueueMail(trx, deps, { type: input.type, aggregateId: input.standingOrderId, companyId: input.companyId, payload: input.data }, now);
}

export interface StandingOrderMailerOptions {
  db: Kysely<Database>;
  transports: MailTransport[];
  from?: string | undefined;
  logger?: OutboxLogger | undefined;
  /** The URL of a one-click link by its id (signed; see links.ts). */
  linkUrl: (linkId: string) => string;
}

interface Recipient {
  email: string;
  name: string;
  locale: MailLocale;
}
const mailbox = (r: Recipient) => `"${r.name.replace(/["\\\r\n]/g, '')}" <${r.email}>`;

/**
 * The outbox mailer with the standing-order mails added: reminders and failed runs go here, every
 * other event to `orderMailer`. Recipients: the user who set the standing order up, in their
 * language; without one (a partner portal's) the company's admins; a failed run also to the
 * seller's address, in German.
 */
export function withStandingOrderMails(orderMailer: OutboxMailer, options: StandingOrderMailerOptions): OutboxMailer {
  const { db, transports, logger } = options;
  const from = options.from ?? DEFAULT_MAIL_FROM;
  const sender = senderName(from);

  async function buyers(companyId: string, userId: string | null): Promise<Recipient[]> {
    if (userId) {
      const user = await db.selectFrom('users').select(['email', 'name', 'locale']).where('company_id', '=', companyId).where('id', '=', userId).executeTakeFirst();
      if (user) return [user];
    }
    return db.selectFrom('users').select(['email', 'name', 'locale']).where('company_id', '=', companyId).where('role', '=', 'admin').orderBy('email').execute();
  }

  async function send(event: OutboxMailEvent, to: string, mail: MailContent, standingOrderId: string): Promise<void> {
    for (const transport of transports) {
      await transport.send({ from, to: [to], subject: mail.subject, text: mail.text, html: mail.html, headers: { 'X-Kontor-Event-Id': event.id, 'X-Kontor-Standing-Order': standingOrderId } });
    }
  }

  return {
    async deliver(event) {
      const type = event.type as string;
      if (!isStandingOrderMail(type)) return orderMailer.deliver(event);
      const data = event.data as unknown as Data[StandingOrderMailType];
      const to = await buyers(event.companyId, data.standingOrder.userId);
      if (!to.length) logger?.info({ eventId: event.id, standingOrderId: data.standingOrder.id }, 'mail: no recipient for this standing order (no user and no admin); skipped');
      if (type === 'standing_order.reminder') {
        const d = data as ReminderMailData;
        for (const r of to) {
          // The pages speak the recipient's language.
          const links = { skip: `${options.linkUrl(d.links.skip)}?lang=${r.locale}`, pause: `${options.linkUrl(d.links.pause)}?lang=${r.locale}` };
          await send(event, mailbox(r), reminderMail(d, r, sender, links), d.standingOrder.id);
        }
        return;
      }
      const d = data as RunFailedMailData;
      for (const r of to) await send(event, mailbox(r), runFailedMail(d, r, sender), d.standingOrder.id);
      if (d.seller) await send(event, d.seller, runFailedMail(d, { name: sender, locale: 'de' }, sender, { seller: true }), d.standingOrder.id);
    },
  };
}
