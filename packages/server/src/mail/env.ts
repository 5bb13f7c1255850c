import type { MailOptions } from '../outbox/setup.js';
import { DEFAULT_MAIL_FROM } from './mailer.js';

/**
 * Mail options from the environment:
 * - `KONTOR_SMTP_URL` — `smtp://user:pass@host:port` (nodemailer URL; options as query parameters,
 *   e.g. `?ignoreTLS=true`); mails go out over SMTP whenever it is set
 * - `KONTOR_MAIL_FROM` — sender, `Name <address>`
 * - `KONTOR_DEV_MAILBOX=1` — also keep every mail in the database and serve them at `/dev/mailbox`
 *   (the demo sets it; never in production)
 */
export function mailOptionsFromEnv(env: Record<string, string | undefined>): MailOptions {
  const smtpUrl = env.KONTOR_SMTP_URL?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new Error('KONTOR_SMTP_URL must start with smtp:// or smtps://');
  const devMailbox = ['1', 'true', 'yes'].includes((env.KONTOR_DEV_MAILBOX ?? '').trim().toLowerCase());
  return { smtpUrl, devMailbox, from: env.KONTOR_MAIL_FROM?.trim() || DEFAULT_MAIL_FROM };
}

/** One line for the start-up output: where mails go (without the SMTP password). */
export function describeMail(mail: MailOptions): string {
  const where: string[] = [];
  if (mail.smtpUrl) {
    const url = new URL(mail.smtpUrl);
    where.push(`SMTP ${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}`);
  }
  if (mail.devMailbox) where.push('dev mailbox');
  return where.length ? `${where.join(' + ')}, from ${mail.from ?? DEFAULT_MAIL_FROM}` : 'off (set KONTOR_SMTP_URL or KONTOR_DEV_MAILBOX=1)';
}
