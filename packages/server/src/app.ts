import { createRequire } from 'node:module';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { DEFAULT_BODY_LIMIT, KontorError, MAX_PATH_PARAM_LENGTH, buildOpenApi, errorMessage, reorderRoutes, resolveLang, routes, standingOrderRoutes } from '@kontor/core';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Db } from './db/database.js';
import { availabilityRoutes } from './http/availability.routes.js';
import { cartRoutes } from './http/cart.routes.js';
import { catalogueRoutes } from './http/catalogue.routes.js';
import { corsDelegator } from './http/cors.js';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './http/errors.js';
import { identityRoutes } from './http/identity.routes.js';
import { orderRoutes } from './http/order.routes.js';
import { partnerRoutesOf } from './http/partner.routes.js';
import { pricingRoutes } from './http/pricing.routes.js';
import { partnerRoutes } from '@kontor/core/partner';
import { clockedRateLimitStore } from './http/rate-limit-store.js';
import type { AppDeps } from './http/route.js';
import type { OutboxDeps } from './outbox/outbox.js';
import { setupOutbox, type MailOptions, type OutboxWorkerTuning } from './outbox/setup.js';
import type { WebhookConfig } from './outbox/webhook.js';
import { setupReorder, type ReorderAppOptions } from './reorder/setup.js';
import { setupStandingOrders, type StandingOrderAppOptions } from './standing-orders/setup.js';
import { setupOffers, type OfferAppOptions } from './offers/setup.js';
import { assistantRoutes, offerRoutes, sellerOfferRoutes } from '@kontor/core/api';
import { setupAssistant, type AssistantAppOptions } from './assistant/setup.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

export interface AppOptions {
  db: Db;
  /** HS256 secret of customer tokens; at least 32 characters. */
  jwtSecret: string;
  logger?: FastifyServerOptions['logger'];
  /** Allowed CORS origins of buyer routes; default any (auth is bearer tokens, never cookies). */
  corsOrigins?: string[] | '*';
  /**
   * Allowed CORS origins of partner-key and ERP routes; default none, since their keys never belong
   * in a browser. For test setups whose pages play the partner or the ERP with the demo keys.
   */
  serverCorsOrigins?: string[] | '*';
  /**
   * Browser origins per partner id, besides those registered in the database (`partner_origins`):
   * the partner's customer tokens work from these only (a request from any other origin is a 403
   * `origin_not_allowed`). `'*'`: any origin, for test setups. KONTOR_PARTNER_ORIGINS.
   */
  partnerOrigins?: Record<string, string[] | '*'>;
  /** Login attempts per IP and e-mail per window; default 10 per minute. */
  loginRateLimit?: { max: number; timeWindowMs: number };
  /** Clock, for tests. */
  now?: () => Date;
  /** How many days after today (on `now`) a delivery date may be requested; default 365. */
  deliveryHorizonDays?: number;
  /** Webhooks that get every order event, signed (the outbox; KONTOR_WEBHOOKS). */
  webhooks?: WebhookConfig[];
  /** Order mails: SMTP, the dev mailbox (see mail/). None: no mails. */
  mail?: MailOptions;
  /** Tuning of the outbox worker, or `false` to deliver from another process only. */
  outboxWorker?: OutboxWorkerTuning | false;
  /** Where the server is reached from outside (links in mails, the calendar feed); KONTOR_PUBLIC_URL, default http://127.0.0.1:8787. */
  publicUrl?: string;
  /** Standing orders: the scheduler's tuning or `false` (not started with the app), the seller's address for failed runs. */
  standingOrders?: StandingOrderAppOptions;
  /** Offers: the expiry job's interval or `false` (not started with the app; `app.offers.runOnce()`), the letterhead's lines. */
  offers?: OfferAppOptions;
  /** Reordering: the reminder job's interval or `false` (not started with the app; `app.reorderReminders.runOnce()`). */
  reorder?: ReorderAppOptions;
  /** The shop assistant: how long a proposed action can be confirmed, the per-user message limit. */
  assistant?: AssistantAppOptions;
}

/**
 * The Kontor API as a Fastify instance, not listening yet: `app.inject()` in tests,
 * `app.listen()` in main. Every route comes from core's route table.
 */
export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  if (options.jwtSecret.length < 32) throw new Error('jwtSecret must be at least 32 characters');
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: false,
    routerOptions: { maxParamLength: MAX_PATH_PARAM_LENGTH },
    // The router's refusals (bad URL, over-long path parameter) and the HTTP parser's in our error shape too.
    frameworkErrors,
    clientErrorHandler,
  });
  const deliveryHorizonDays = options.deliveryHorizonDays ?? 365;
  if (!Number.isInteger(deliveryHorizonDays) || deliveryHorizonDays < 1) throw new Error('deliveryHorizonDays must be a whole number ≥ 1');
  const deps: AppDeps & OutboxDeps = {
    db: options.db,
    jwtSecret: options.jwtSecret,
    now: options.now ?? (() => new Date()),
    deliveryHorizonDays,
    partnerAccess: { partnerOrigins: options.partnerOrigins ?? {}, serverOrigins: options.serverCorsOrigins ?? [] },
  };

  registerErrorHandling(app);
  // Big answers (a 1,000-line cart is ~740 KB of JSON, a 10,000-item availability ~1.9 MB) shrink
  // about tenfold with gzip. Small ones are sent as they are; level 4 keeps the CPU cost low.
  await app.register(compress, {
    global: true,
    threshold: 16 * 1024,
    encodings: ['gzip', 'deflate'],
    zlibOptions: { level: 4 },
  });
  // Per route: buyer routes allow the configured origins (a customer token: its partner's origins only),
  // partner-key and ERP routes none.
  await app.register(cors, {
    delegator: corsDelegator({
      origin: options.corsOrigins ?? '*',
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'accept', 'accept-language', 'idempotency-key'],
      exposedHeaders: ['retry-after', 'idempotent-replayed', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
      maxAge: 600,
    }, options.serverCorsOrigins, { db: options.db, access: deps.partnerAccess ?? {} }),
  });
  await app.register(rateLimit, {
    global: false,
    // Windows on the app's clock, like every other time decision.
    store: clockedRateLimitStore(deps.now),
    // preHandler: the body is parsed, so the login limit can key on the e-mail.
    hook: 'preHandler',
    errorResponseBuilder: (req, context) =>
      new KontorError('rate_limited', errorMessage('rate_limited', resolveLang(req.headers['accept-language'])), {
        status: 429,
        details: { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
      }),
  });

  identityRoutes(app, deps, { loginRateLimit: options.loginRateLimit ?? { max: 10, timeWindowMs: 60_000 } });
  catalogueRoutes(app, deps);
  pricingRoutes(app, deps);
  cartRoutes(app, deps);
  availabilityRoutes(app, deps);
  orderRoutes(app, deps);
  // A partner's server: its customers' orders and the revocation of their tokens (partner API key).
  partnerRoutesOf(app, deps);
  // Standing orders: their routes, and the scheduler (started when the app is ready; app.standingOrders).
  setupStandingOrders(app, deps, options);
  // Offers: the buyers' and the reps' routes, and the expiry job (app.offers).
  setupOffers(app, deps, options);
  // Reordering: its routes, and the reminder job (app.reorderReminders).
  setupReorder(app, deps, options);
  // The shop assistant: messages, confirmations of proposed actions, conversations.
  setupAssistant(app, deps, options);

  // Order changes record their events through deps.outbox (read per request; outbox/outbox.ts:
  // enqueueOrderEvent); the worker starts when the app is ready and stops when it closes.
  deps.outbox = setupOutbox(app, deps, options).outbox;
  const openapi = buildOpenApi({ ...routes, ...standingOrderRoutes, ...reorderRoutes, ...partnerRoutes, ...offerRoutes, ...sellerOfferRoutes, ...assistantRoutes }, { title: 'Kontor API', version });
  app.get('/openapi.json', async () => openapi);
  app.get('/health', async () => ({ ok: true }));
  return app;
}
