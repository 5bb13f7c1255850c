import type { FastifyBaseLogger } from 'fastify';
import { companyAdmins, insertReorderLinks, insertReorderReminder, remindedCompanies, remindedCycles, setReminderEvent } from '../db/reorder.queries.js';
import type { AppDeps } from '../http/route.js';
import type { OutboxDeps } from '../outbox/outbox.js';
import { runnerOf } from '../standing-orders/run.js';
import { reorderCandidates } from './history.js';
import { newLinkId, REORDER_LINK_TTL_MS } from './links.js';
import { enqueueReorderReminder, type DueProductMail } from './mails.js';

/** How many of a company's most-ordered products the reminder job looks at. */
const PRODUCTS = 50;

export interface ReorderReminderResult {
  /** Companies mailed in this pass. */
  mails: number;
  /** Products reminded of in this pass. */
  products: number;
}

/**
 * One pass of the reminder job at `deps.now()`: for every company that opted in, its products
 * due now (overdue or due soon, still orderable) whose due cycle — the company's last order of the
 * product — was not reminded yet. One mail per company lists them, to its admins, each with their
 * own one-click link into a prepared cart. The cycles, the links and the mail's outbox event are
 * written in one transaction, and a cycle's row is unique: a pass (or a second process) that
 * comes again finds it and sends nothing, so each due cycle is mailed exactly once; a new order of
 * the product starts a new cycle.
 */
export async function runReorderReminders(deps: AppDeps & OutboxDeps): Promise<ReorderReminderResult> {
  const { db } = deps;
  const now = deps.now();
  const iso = now.toISOString();
  const result: ReorderReminderResult = { mails: 0, products: 0 };
  for (const companyId of await remindedCompanies(db)) {
    const admins = await companyAdmins(db, companyId);
    if (!admins.length) continue;
    const caller = await runnerOf(db, { company_id: companyId, created_by_user_id: admins[0]!.id, created_by_partner_id: null });
    if (!caller) continue;
    const candidates = await reorderCandidates(db, caller, { orders: 1, products: PRODUCTS, now, lang: 'de' });
    const reminded = await remindedCycles(db, companyId);
    const bySku = new Map(candidates.products.map((p) => [p.sku, p]));
    const due = candidates.due
      .map((sku) => bySku.get(sku)!)
      .filter((p) => p.today.status !== 'not_orderable' && !reminded.has(`${p.sku}|${p.lastOrderId}`));
    if (!due.length) continue;
    await db.transaction().execute(async (trx) => {
      const fresh: typeof due = [];
      for (const p of due) {
        if (await insertReorderReminder(trx, { company_id: companyId, sku: p.sku, cycle: p.lastOrderId, event_id: null, created_at: iso })) fresh.push(p);
      }
      if (!fresh.length) return;
      const lines = JSON.stringify(fresh.map((p) => ({ sku: p.today.replacementSku && p.today.status === 'discontinued' ? p.today.replacementSku : p.sku, quantity: p.lastQuantity })));
      const recipients = admins.map((a) => ({ userId: a.id, linkId: newLinkId() }));
      const expires = new Date(now.getTime() + REORDER_LINK_TTL_MS).toISOString();
      await insertReorderLinks(trx, recipients.map((r) => ({ id: r.linkId, company_id: companyId, user_id: r.userId, lines, expires_at: expires, used_at: null, cart_id: null, created_at: iso })));
      const products: DueProductMail[] = fresh.map((p) => ({ sku: p.sku, name: p.name, unit: p.unit, lastQuantity: p.lastQuantity, cadence: p.cadence }));
      const eventId = await enqueueReorderReminder(trx, deps, companyId, { products, recipients }, now);
      await setReminderEvent(trx, companyId, fresh.map((p) => ({ sku: p.sku, cycle: p.lastOrderId })), eventId);
      result.mails++;
      result.products += fresh.length;
    });
  }
  return result;
}

export interface ReorderReminderJob {
  /** One pass now (on the app's clock). */
  runOnce(): Promise<ReorderReminderResult>;
  start(): void;
  stop(): Promise<void>;
}

/** The job: a pass every `intervalMs` (default an hour), the first one `intervalMs` after start; one at a time. */
export function createReorderReminderJob(deps: AppDeps & OutboxDeps, options: { intervalMs?: number | undefined; logger?: FastifyBaseLogger }): ReorderReminderJob {
  const intervalMs = options.intervalMs ?? 60 * 60 * 1000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const runOnce = async () => {
    while (running) await running.catch(() => undefined);
    const pass = runReorderReminders(deps);
    running = pass;
    try {
      return await pass;
    } finally {
      running = null;
    }
  };
  return {
    runOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return;
        runOnce().catch((error: unknown) => options.logger?.error({ err: error }, 'reorder reminders: pass failed; tried again at the next'));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
