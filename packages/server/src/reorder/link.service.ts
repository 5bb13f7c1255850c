import type { Lang } from '@kontor/core';
import type { Db } from '../db/database.js';
import { findReorderLink, useReorderLink } from '../db/reorder.queries.js';
import type { Database } from '../db/schema.js';
import { loadLineProducts } from '../http/line-check.js';
import { runnerOf } from '../standing-orders/run.js';
import { verifyReorderLinkToken } from './links.js';
import type { LinkLine, ReorderLinkState } from './pages.js';
import { newCartWith, reorderCartName } from './service.js';

type LinkRow = Database['reorder_links'];

async function linesOf(db: Db, link: LinkRow): Promise<LinkLine[]> {
  const lines = JSON.parse(link.lines) as { sku: string; quantity: number }[];
  const caller = await runnerOf(db, { company_id: link.company_id, created_by_user_id: link.user_id, created_by_partner_id: null });
  const products = caller ? await loadLineProducts(db, caller, lines.map((l) => l.sku)) : new Map();
  return lines.map((l) => {
    const p = products.get(l.sku);
    return { ...l, name: p?.name ?? null, unit: p?.unit ?? null };
  });
}

function stateOf(link: LinkRow | undefined, now: Date): ReorderLinkState | null {
  if (!link) return { kind: 'invalid' };
  if (link.used_at) return { kind: 'used', at: link.used_at };
  if (now.getTime() >= Date.parse(link.expires_at)) return { kind: 'expired', at: link.expires_at };
  return null;
}

/** The page of a link (GET): what the cart would hold; changes nothing. */
export async function reorderLinkState(db: Db, secret: string, token: string, now: Date): Promise<ReorderLinkState> {
  const id = verifyReorderLinkToken(secret, token);
  if (!id) return { kind: 'invalid' };
  const link = await findReorderLink(db, id);
  return stateOf(link, now) ?? { kind: 'ready', lines: await linesOf(db, link!) };
}

class AlreadyUsed extends Error {}

/**
 * Uses a link (POST), once: in one transaction a new saved cart of the link's user with the due
 * products is made and the link marked used with it, while unused — of two clicks one wins, the
 * other answers "used" and changes nothing. A used, expired or forged link changes nothing.
 */
export async function useReorderLinkToken(db: Db, secret: string, token: string, now: Date, lang: Lang): Promise<ReorderLinkState> {
  const id = verifyReorderLinkToken(secret, token);
  if (!id) return { kind: 'invalid' };
  const link = await findReorderLink(db, id);
  const early = stateOf(link, now);
  if (early) return early;
  const caller = await runnerOf(db, { company_id: link!.company_id, created_by_user_id: link!.user_id, created_by_partner_id: null });
  if (!caller) return { kind: 'invalid' };
  const lines = await linesOf(db, link!);
  try {
    return await db.transaction().execute(async (trx) => {
      const cart = await newCartWith(trx, caller, lines, { name: reorderCartName(null, now, lang), active: false, now, lang, from: null });
      if (!(await useReorderLink(trx, link!.id, now.toISOString(), cart.id))) throw new AlreadyUsed();
      return { kind: 'done', cartName: cart.name, lines } as const;
    });
  } catch (error) {
    if (error instanceof AlreadyUsed) return { kind: 'used', at: (await findReorderLink(db, id))?.used_at ?? now.toISOString() };
    throw error;
  }
}
