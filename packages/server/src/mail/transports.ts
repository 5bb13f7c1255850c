import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Database } from '../db/schema.js';

/** One mail, ready to send. */
export interface MailMessage {
  from: string;
  /** One or more addresses, each optionally `Name <address>`. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/** Where mails go. Throws to have the outbox retry. */
export interface MailTransport {
  readonly name: string;
  send(message: MailMessage): Promise<void>;
  close?(): void | Promise<void>;
}

/**
 * SMTP through nodemailer, from a URL: `smtp://user:pass@host:587` (STARTTLS when offered),
 * `smtps://…:465` (TLS). nodemailer takes options as query parameters, e.g. `?ignoreTLS=true` for
 * a local server without TLS, or `?tls.rejectUnauthorized=false` for a self-signed certificate
 * (on loopback hosts a self-signed certificate is accepted anyway).
 */
export function smtpTransport(url: string): MailTransport {
  // A relay on this machine (a dev or test SMTP server) usually offers STARTTLS with a self-signed
  // certificate; nobody sits between us and loopback, so accept it there (and only there).
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '::1' || /^127\./.test(host);
  // (tls.* parameters in the URL still win.)
  const transporter = nodemailer.createTransport(loopback ? { url, tls: { rejectUnauthorized: false } } : url);
  return {
    name: 'smtp',
    async send(message) {
      await transporter.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        ...(message.headers ? { headers: message.headers } : {}),
      });
    },
    close: () => transporter.close(),
  };
}

/**
 * The dev mailbox: keeps mails in the `dev_mailbox` table, viewable at `/dev/mailbox` when the
 * app runs with `devMailbox` (KONTOR_DEV_MAILBOX=1). For the demo, never for production.
 */
export function devMailboxTransport(db: Kysely<Database>, now: () => Date = () => new Date()): MailTransport {
  return {
    name: 'dev-mailbox',
    async send(message) {
      await db
        .insertInto('dev_mailbox')
        .values({
          id: `mail_${randomBytes(12).toString('hex')}`,
          from: message.from,
          to: message.to.join(', '),
          subject: message.subject,
          text: message.text,
          html: message.html,
          created_at: now().toISOString(),
        })
        .execute();
    },
  };
}
