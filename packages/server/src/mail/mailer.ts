import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { OutboxLogger, OutboxMailer, OutboxMailEvent } from '../outbox/worker.js';
import { cancellationMail, orderConfirmationMail, shippingConfirmationMail, type Creditor, type MailContent, type MailLocale } from './templates.js';
import type { MailTransport } from './transports.js';

export const DEFAULT_MAIL_FROM = 'Hansen Elektrogroßhandel <bestellung@hansen.example>';

export interface OrderMailerOptions {
  db: Kysely<Database>;
  /** Every mail goes through each of them (e.g. SMTP and the dev mailbox). */
  transports: MailTransport[];
  /** Sender, `Name <address>`; default {@link DEFAULT_MAIL_FROM}. */
  from?: string;
  logger?: OutboxLogger;
}

interface Recipient {
  email: string;
  name: string;
  locale: MailLocale;
}

/** The display name of `Name <address>` (the mails sign with it), else the address. */
export const senderName = (from: string): string => from.match(/^\s*"?([^"<]+?)"?\s*</)?.[1] ?? from.trim();

/** `Name <address>` with the name quoted when it needs to be. */
const mailbox = (r: Recipient) => `"${r.name.replace(/["\\\r\n]/g, '')}" <${r.email}>`;

/**
 * The mails of order events: the confirmation on `order.placed` (naming the seller as the SEPA
 * creditor with its creditor ID), the shipping confirmation on a change to `shipped`, the
 * cancellation on a change to `cancelled`; nothing for other events.
 *
 * Recipient: the user who placed the order (`placedBy.userId`), in their language. An order
 * placed through a partner portal has no user; it goes to the company's admins (each in their
 * language), and when the company has none it is skipped with a log line (the partner's portal
 * confirms to its own customer).
 */
export function createOrderMailer(options: OrderMailerOptions): OutboxMailer {
  const { db, transports, logger } = options;
  const from = options.from ?? DEFAULT_MAIL_FROM;
  const sender = senderName(from);

  async function recipients(event: OutboxMailEvent): Promise<Recipient[]> {
    const userId = event.data.order.placedBy.userId;
    if (userId) {
      const user = await db.selectFrom('users').select(['email', 'name', 'locale']).where('id', '=', userId).where('company_id', '=', event.companyId).executeTakeFirst();
      if (user) return [user];
    }
    return db.selectFrom('users').select(['email', 'name', 'locale']).where('company_id', '=', event.companyId).where('role', '=', 'admin').orderBy('email').execute();
  }

  async function creditorOf(event: OutboxMailEvent): Promise<Creditor | null> {
    if (event.type !== 'order.placed' || event.data.order.payment.method !== 'sepa_debit') return null;
    const seller = await db.selectFrom('seller_profile').select(['name', 'creditor_id']).executeTakeFirst();
    return seller ? { name: seller.name, creditorId: seller.creditor_id } : null;
  }

  function content(event: OutboxMailEvent, to: Recipient, creditor: Creditor | null): MailContent | null {
    const { order, previousStatus } = event.data;
    if (event.type === 'order.placed') return orderConfirmationMail(order, to, sender, creditor);
    if (order.status === previousStatus) return null;
    if (order.status === 'shipped') return shippingConfirmationMail(order, to, sender);
    if (order.status === 'cancelled') return cancellationMail(order, to, sender);
    return null;
  }

  return {
    async deliver(event) {
      const order = event.data.order;
      if (!content(event, { email: '', name: '', locale: 'de' }, null)) return;
      const creditor = await creditorOf(event);
      const to = await recipients(event);
      if (!to.length) {
        logger?.info({ eventId: event.id, order: order.number, companyId: event.companyId }, 'mail: no recipient for this order (no user placed it and the company has no admin); skipped');
        return;
      }
      // One mail per recipient, in their language.
      for (const recipient of to) {
        const mail = content(event, recipient, creditor)!;
        for (const transport of transports) {
          await transport.send({
            from,
            to: [mailbox(recipient)],
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            headers: { 'X-Kontor-Event-Id': event.id, 'X-Kontor-Order': order.number },
          });
        }
      }
    },
  };
}
