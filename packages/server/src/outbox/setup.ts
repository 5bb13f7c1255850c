import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/route.js';
import { devMailboxRoutes } from '../mail/dev-mailbox.routes.js';
import { createOrderMailer } from '../mail/mailer.js';
import { devMailboxTransport, smtpTransport, type MailTransport } from '../mail/transports.js';
import { DEFAULT_PUBLIC_URL, linkUrl } from '../standing-orders/links.js';
import { withStandingOrderMails } from '../standing-orders/mails.js';
import { withOfferMails } from '../offers/mails.js';
import { withAssistantMails } from '../assistant/mails.js';
import { reorderLinkUrl } from '../reorder/links.js';
import { withReorderMails } from '../reorder/mails.js';
import type { Outbox, OutboxTarget } from './outbox.js';
import { outboxRoutes } from './outbox.routes.js';
import { validateWebhook, type WebhookConfig } from './webhook.js';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from './worker.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's outbox (targets, worker wake-up): what `enqueueOrderEvent` reads from the deps. */
    kontorOutbox: Outbox;
  }
}

/** Order mails (see mail/). With none of `smtpUrl`, `devMailbox`, `transports` no mails are sent. */
export interface MailOptions {
  /** `smtp://user:pass@host:port` (KONTOR_SMTP_URL). */
  smtpUrl?: string | undefined;
  /** Sender, `Name <address>` (KONTOR_MAIL_FROM). */
  from?: string | undefined;
  /** Keep mails in the database and serve them at `/dev/mailbox` (KONTOR_DEV_MAILBOX=1); demo only. */
  devMailbox?: boolean | undefined;
  /** More transports (tests). */
  transports?: MailTransport[] | undefined;
}

/** The worker's tuning; see createOutboxWorker. */
export type OutboxWorkerTuning = Pick<OutboxWorkerOptions, 'pollMs' | 'maxAttempts' | 'batchSize' | 'leaseMs' | 'timeoutMs' | 'baseDelayMs' | 'maxDelayMs'>;

export interface OutboxSetupOptions {
  webhooks?: WebhookConfig[] | undefined;
  mail?: MailOptions | undefined;
  /** `false`: record and never deliver here (another process runs the worker). */
  outboxWorker?: OutboxWorkerTuning | false | undefined;
  /** Where the server is reached from outside: the one-click links in standing-order reminders. */
  publicUrl?: string | undefined;
}

/**
 * Wires the outbox into an app: the mail transports, the worker (started when the app is ready,
 * stopped when it closes, only when there is something to deliver to), the ERP's outbox routes
 * and the dev mailbox routes. Returns what `enqueueOrderEvent` needs in the app's deps.
 */
export function setupOutbox(app: FastifyInstance, deps: AppDeps, options: OutboxSetupOptions): { outbox: Outbox; worker: OutboxWorker | null } {
  const webhooks = options.webhooks ?? [];
  const names = new Set<string>();
  for (const w of webhooks) {
    validateWebhook(w);
    if (names.has(w.name)) throw new Error(`webhook name "${w.name}" appears twice`);
    names.add(w.name);
  }
  const mail = options.mail ?? {};
  const transports: MailTransport[] = [...(mail.transports ?? [])];
  if (mail.smtpUrl) transports.push(smtpTransport(mail.smtpUrl));
  if (mail.devMailbox) {
    transports.push(devMailboxTransport(deps.db, deps.now));
    devMailboxRoutes(app, deps.db);
  }
  const orderMailer = transports.length ? createOrderMailer({ db: deps.db, transports, from: mail.from, logger: app.log }) : null;
  // Standing-order mails (reminders with their signed one-click links, failed runs) through the same outbox.
  const standingOrderMailer = orderMailer && withStandingOrderMails(orderMailer, {
    db: deps.db, transports, from: mail.from, logger: app.log, linkUrl: (id) => linkUrl(options.publicUrl ?? DEFAULT_PUBLIC_URL, deps.jwtSecret, id),
  });
  // Reorder reminders (with each recipient's signed one-click link into a prepared cart) too.
  const reorderMailer = standingOrderMailer && withReorderMails(standingOrderMailer, {
    db: deps.db, transports, from: mail.from, logger: app.log, linkUrl: (id) => reorderLinkUrl(options.publicUrl ?? DEFAULT_PUBLIC_URL, deps.jwtSecret, id),
  });
  // Offer mails (a version sent or withdrawn to the buyer, the buyer's answer to the rep) too.
  const offerMailer = reorderMailer && withOfferMails(reorderMailer, { db: deps.db, transports, from: mail.from, logger: app.log });
  // The shop assistant's hand-offs (a contact request with the transcript) to the company's sales rep too.
  const mailer = offerMailer && withAssistantMails(offerMailer, { db: deps.db, transports, from: mail.from, logger: app.log });

  const worker =
    options.outboxWorker !== false && (webhooks.length || mailer)
      ? createOutboxWorker({ db: deps.db, now: deps.now, webhooks, mailer, logger: app.log, ...(options.outboxWorker ?? {}) })
      : null;
  if (worker) app.addHook('onReady', async () => worker.start());
  app.addHook('onClose', async () => {
    await worker?.stop();
    for (const t of transports) await t.close?.();
  });

  const outbox: Outbox = {
    webhookTargets: webhooks.map((w): OutboxTarget => `webhook:${w.name}`),
    mail: !!mailer,
    notify: () => worker?.wake(),
  };
  app.decorate('kontorOutbox', outbox);
  outboxRoutes(app, deps, outbox.notify);
  return { outbox, worker };
}
