import type { FastifyInstance } from 'fastify';
import { sellerProfile } from '../db/order.queries.js';
import { offerRoutesOf } from '../http/offer.routes.js';
import type { AppDeps } from '../http/route.js';
import type { OutboxDeps } from '../outbox/outbox.js';
import type { Letterhead } from './document.js';
import { expireOffers } from './service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The offers' expiry job: `runOnce()` marks sent offers past their validity on the app's clock (tests, tools). */
    offers: { runOnce(): Promise<number> };
  }
}

/** How the app runs offers. */
export interface OfferAppOptions {
  /** How often the expiry job looks (default every 10 minutes), or `false` to not start it (tests call `app.offers.runOnce()`). */
  expiry?: { intervalMs?: number } | false | undefined;
  /** The lines under the seller's name on offer documents (address, phone, register, VAT id); KONTOR_SELLER_LETTERHEAD, lines split by `|`. */
  letterhead?: string[] | undefined;
}

/**
 * Wires offers into an app: the routes of buyers and reps, and the expiry job — a timer on the
 * app's clock (`deps.now`) started when the app is ready unless `expiry: false`, stopped when it
 * closes, reachable as `app.offers.runOnce()`.
 */
export function setupOffers(
  app: FastifyInstance,
  deps: AppDeps & OutboxDeps,
  options: { offers?: OfferAppOptions | undefined; loginRateLimit?: { max: number; timeWindowMs: number } | undefined },
): void {
  const o = options.offers ?? {};
  const letterhead = async (): Promise<Letterhead> => {
    const seller = await sellerProfile(deps.db);
    return { name: seller?.name ?? 'Kontor', lines: o.letterhead ?? (seller ? [`IBAN ${seller.bank_iban} · BIC ${seller.bank_bic} · ${seller.bank_name}`, `Gläubiger-ID ${seller.creditor_id}`] : []) };
  };
  const runOnce = () => expireOffers(deps.db, deps.now());
  app.decorate('offers', { runOnce });
  if (o.expiry !== false) {
    let timer: NodeJS.Timeout | undefined;
    const interval = o.expiry?.intervalMs ?? 10 * 60_000;
    const tick = () => {
      runOnce().catch((error: unknown) => app.log.error({ err: error }, 'offers: the expiry job failed; it tries again'));
    };
    app.addHook('onReady', async () => {
      tick();
      timer = setInterval(tick, interval);
      timer.unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  }
  offerRoutesOf(app, deps, {
    letterhead,
    wakeStandingOrders: () => (app as FastifyInstance & { standingOrders?: { wake(): void } }).standingOrders?.wake(),
    loginRateLimit: options.loginRateLimit ?? { max: 10, timeWindowMs: 60_000 },
  });
}
