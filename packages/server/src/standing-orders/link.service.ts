import { effectiveStatus, isKontorError, occurrenceByKey, type Lang } from '@kontor/core';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { findLink, findRun, findStandingOrder, lockStandingOrder, useLink, type StandingOrderLinkRow, type StandingOrderRow } from '../db/standing-order.queries.js';
import { loadWarehouses, standingOrderOf } from './context.js';
import { verifyLinkToken } from './links.js';
import type { LinkPageState } from './pages.js';
import { actByLink } from './service.js';

type Tx = Transaction<Database>;

/** What a link can do at `now`, read inside `db` (a transaction when about to use it). */
async function stateOf(db: Db | Tx, link: StandingOrderLinkRow | undefined, now: Date, lock: boolean): Promise<{ state: LinkPageState; row?: StandingOrderRow }> {
  if (!link) return { state: { kind: 'invalid' } };
  if (link.used_at) return { state: { kind: 'used', at: link.used_at } };
  if (now.getTime() >= Date.parse(link.expires_at)) return { state: { kind: 'expired', at: link.expires_at } };
  const row = lock
    ? await lockStandingOrder(db as Tx, link.company_id, link.standing_order_id)
    : await findStandingOrder(db, link.company_id, link.standing_order_id);
  if (!row) return { state: { kind: 'invalid' } };
  const order = standingOrderOf(row);
  const status = effectiveStatus(order, now.toISOString());
  if (status === 'cancelled' || status === 'ended') return { state: { kind: 'over', day: null } };
  if (await findRun(db, link.company_id, row.id, link.occurrence)) return { state: { kind: 'over', day: link.occurrence } };
  const warehouses = await loadWarehouses(db as Db);
  const calendar = warehouses.calendarOf(order.warehouseId, now);
  const o = occurrenceByKey(order.schedule, link.occurrence, { ...(calendar ? { calendar } : {}), skipped: order.skipped, moves: order.overrides.filter((x) => x.day).map((x) => [x.occurrence, x.day!] as const) });
  if (!o || Date.parse(o.at) <= now.getTime()) return { state: { kind: 'over', day: link.occurrence } };
  if (link.action === 'skip' && order.skipped.includes(link.occurrence)) return { state: { kind: 'already', action: 'skip', day: o.day } };
  if (link.action === 'pause' && status === 'paused') return { state: { kind: 'already', action: 'pause', day: o.day } };
  return { state: { kind: 'ready', action: link.action, order, day: o.day }, row };
}

/** The page of a link (GET): what it would do now; changes nothing. */
export async function linkPageState(db: Db, secret: string, token: string, now: Date): Promise<LinkPageState> {
  const id = verifyLinkToken(secret, token);
  if (!id) return { kind: 'invalid' };
  return (await stateOf(db, await findLink(db, id), now, false)).state;
}

/**
 * Uses a link (POST), once: in one transaction the standing order is locked, the link marked used
 * while unused (of two clicks one wins), and the skip or pause applied by core's rules at the
 * current version. Anything else — used, expired, the run over, a refusal of the rules — answers
 * its page and changes nothing.
 */
export async function useLinkToken(db: Db, secret: string, token: string, now: Date, lang: Lang): Promise<LinkPageState> {
  const id = verifyLinkToken(secret, token);
  if (!id) return { kind: 'invalid' };
  try {
    return await db.transaction().execute(async (trx) => {
      const link = await findLink(trx, id);
      const { state, row } = await stateOf(trx, link, now, true);
      if (state.kind !== 'ready' || !row || !link) return state;
      if (!(await useLink(trx, link.id, now.toISOString()))) return { kind: 'used', at: now.toISOString() } as const;
      try {
        const order = await actByLink(trx, row, link.action === 'skip' ? { action: 'skip', occurrence: link.occurrence } : { action: 'pause' }, now, lang);
        return { kind: 'done', action: link.action, order, day: state.day } as const;
      } catch (error) {
        // Refused by the rules: roll the link's use back too.
        if (isKontorError(error) && error.status < 500) throw new Refused(state.day);
        throw error;
      }
    });
  } catch (error) {
    if (error instanceof Refused) return { kind: 'over', day: error.day };
    throw error;
  }
}

class Refused extends Error {
  constructor(readonly day: string) {
    super('refused');
  }
}
