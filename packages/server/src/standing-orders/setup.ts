import type { FastifyInstance } from 'fastify';
import { standingOrderRoutes } from '../http/standing-order.routes.js';
import type { AppDeps } from '../http/route.js';
import type { OutboxDeps } from '../outbox/outbox.js';
import { DEFAULT_PUBLIC_URL } from './links.js';
import { createStandingOrderScheduler, type StandingOrderScheduler, type StandingOrderSchedulerOptions } from './scheduler.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The standing-order scheduler: `runOnce()` for tests and tools, `wake()` after a change. */
    standingOrders: StandingOrderScheduler;
  }
}

/** How the app runs standing orders. */
export interface StandingOrderAppOptions {
  /**
   * The scheduler's tuning, or `false` to not start it with the app (another process runs it, or
   * a test calls `app.standingOrders.runOnce()` on its own clock).
   */
  scheduler?: Pick<StandingOrderSchedulerOptions, 'batchSize' | 'concurrency' | 'maxSleepMs'> | false | undefined;
  /** The seller's address that hears of failed runs too (KONTOR_STANDING_ORDER_SELLER_MAIL). */
  sellerEmail?: string | undefined;
  /** Tests: called after a claim, before placement; a throw acts like a crash there (see the scheduler). */
  afterClaim?: StandingOrderSchedulerOptions['afterClaim'];
}

/**
 * Wires standing orders into an app: the routes, and the scheduler — started when the app is
 * ready unless `scheduler: false`, stopped when it closes, always reachable as
 * `app.standingOrders` (`runOnce()`, `wake()`).
 */
export function setupStandingOrders(
  app: FastifyInstance,
  deps: AppDeps & OutboxDeps,
  options: { publicUrl?: string | undefined; standingOrders?: StandingOrderAppOptions | undefined },
): StandingOrderScheduler {
  const so = options.standingOrders ?? {};
  const tuning = so.scheduler === false ? {} : (so.scheduler ?? {});
  const scheduler = createStandingOrderScheduler({ db: deps.db, deps, logger: app.log, sellerEmail: so.sellerEmail ?? null, afterClaim: so.afterClaim, ...tuning });
  if (so.scheduler !== false) app.addHook('onReady', async () => scheduler.start());
  app.addHook('onClose', async () => scheduler.stop());
  app.decorate('standingOrders', scheduler);
  standingOrderRoutes(app, deps, { publicUrl: options.publicUrl ?? DEFAULT_PUBLIC_URL, wake: () => scheduler.wake() });
  return scheduler;
}
