/**
 * `@kontor/server` — the Kontor reference server.
 * @packageDocumentation
 */
export { createApp, type AppOptions } from './app.js';
export { openDatabase, isPostgresUrl, type Db, type DbKind, type OpenDatabaseOptions, type OpenedDatabase } from './db/database.js';
export { migrate } from './db/migrations.js';
export { generateWorld, DEMO_PASSWORD, DEMO_ERP_KEY, type World, type WorldProduct, type WorldStock } from './seed/world.js';
export { seed, isEmpty } from './seed/seed.js';
export { availabilityPlan, checkAvailability, type LineAvailability } from './availability/availability.service.js';
export { enqueue, enqueueOrderEvent, type Outbox, type OutboxDeps, type OrderEventInput, type OutboxEventInput } from './outbox/outbox.js';
export { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions, type OutboxMailer, type OutboxRunResult } from './outbox/worker.js';
export { parseWebhooks, signWebhook, verifyWebhookSignature, type WebhookConfig } from './outbox/webhook.js';
export type { MailOptions, OutboxWorkerTuning } from './outbox/setup.js';
export { createOrderMailer, DEFAULT_MAIL_FROM } from './mail/mailer.js';
export { smtpTransport, devMailboxTransport, type MailTransport, type MailMessage } from './mail/transports.js';
export { createPartnerKey, revokePartnerKey, revokeCustomerTokens, linkPartnerCustomer, unlinkPartnerCustomer, registerPartnerOrigin, removePartnerOrigin } from './partners/partner.service.js';
export { parsePartnerOrigins, type PartnerAccessOptions } from './partners/partner-access.js';
