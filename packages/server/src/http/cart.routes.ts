import { randomBytes } from 'node:crypto';
import {
  type KontorError,
  MAX_CART_LINES,
  ValidationError,
  applyCartChanges,
  errorMessage,
  issueMessage,
  routes,
  type Cart,
  type CartChange,
  type CartSummary,
  type Channel,
  type ErrorIssue,
  type HandOff,
  type HandOffRequest,
  type Lang,
  type Product,
} from '@kontor/core';
import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import type { BuyerCaller } from '../auth/caller.js';
import { hashToken } from '../auth/tokens.js';
import {
  bumpCart,
  cartEvents,
  cartLines,
  companyUsers,
  deactivateActiveCart,
  deleteCart,
  findCart,
  findCompanyCart,
  findCompanyUser,
  findHandoff,
  hasActiveCart,
  insertCart,
  insertCartEvent,
  insertCartLines,
  insertHandoff,
  listOpenCarts,
  markHandoffClaimed,
  newId,
  priceListCurrency,
  writeCartLines,
  type CartLineRow,
  type CartRow,
  type CartScope,
  type LineWrites,
} from '../db/cart.queries.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { httpError } from './errors.js';
import { idempotent, readIdempotencyKey, type RecordAnswer } from './idempotency.js';
import { catalogueSpellings, lineIssues, loadLineProducts, suggestSkus } from './line-check.js';
import { addRoute, type AppDeps } from './route.js';
import { cartView, ownerOf } from './cart-view.js';

/** How long a hand-off code can be claimed. */
export const HANDOFF_TTL_MS = 30 * 60 * 1000;
const HISTORY_LIMIT = 500;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A hand-off code `KH-XXXX-XXXX`: 8 Crockford base32 characters, 40 random bits. */
export function newHandOffCode(): string {
  let bits = 0n;
  for (const byte of randomBytes(5)) bits = (bits << 8n) | BigInt(byte);
  let chars = '';
  for (let i = 0; i < 8; i++) chars = CROCKFORD[Number((bits >> BigInt(5 * i)) & 31n)]! + chars;
  return `KH-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** A code as typed, in its one stored form: upper case, no dashes or spaces, I/L → 1, O → 0, `KH` prefix. */
export function normalizeHandOffCode(code: string): string {
  const folded = code.toUpperCase().replace(/[\s-]+/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return folded.length === 8 ? `KH${folded}` : folded;
}

/** Where a request acts from. */
interface Via {
  channel: Channel;
  partnerId: string | null;
}

const USER_CHANNELS: readonly Channel[] = ['web', 'sales_rep', 'chat', 'api'];

const scopeOf = (caller: BuyerCaller): CartScope => ({
  companyId: caller.company.id,
  owner: caller.kind === 'user' ? { kind: 'user', userId: caller.user.id } : { kind: 'partner', partnerId: caller.partner.id },
});

/** Idempotency keys are the caller's own: company plus owner. */
const keyScope = (caller: BuyerCaller) => `${caller.company.id}:${caller.kind === 'user' ? caller.user.id : caller.partner.id}`;

/**
 * The channel of a request on a cart: a partner's customer token is always `partner`; a user works
 * through the channel the cart was last worked through (set when creating it), `web` when that
 * was a partner portal.
 */
const viaOf = (caller: BuyerCaller, cart?: Pick<CartRow, 'last_channel'>): Via =>
  caller.kind === 'customer'
    ? { channel: 'partner', partnerId: caller.partner.id }
    : { channel: cart && cart.last_channel !== 'partner' ? cart.last_channel : 'web', partnerId: null };

const actorOf = (caller: BuyerCaller) => (caller.kind === 'user' ? caller.user.id : null);

const notFound = (lang: Lang) => httpError('not_found', lang);

function validation(issues: ErrorIssue[], lang: Lang): ValidationError {
  return new ValidationError(`${errorMessage('validation', lang)} ${issues[0]!.message}`, issues, { status: 422 });
}

/** Thrown inside a transaction when the cart moved on; answered as a 409 with the current cart. */
class StaleCart extends Error {}

/** How often a change without a version (only adds) is merged again after another writer got in first. */
const MERGE_ATTEMPTS = 50;

const isUniqueViolation = (error: unknown): boolean => {
  const e = error as { code?: string; message?: string } | null;
  return e?.code === '23505' || (typeof e?.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT_') && /UNIQUE|PRIMARYKEY/.test(e.code));
};
const isIdempotencyKeyClash = (error: unknown) => /idempotency_keys/.test(String((error as { message?: string; constraint?: string })?.constraint ?? (error as Error)?.message ?? ''));

/**
 * A transaction, tried again (up to 3 times) when it lost a race on one of the cart invariants
 * (one active cart per owner, the order of history entries). A clash on an idempotency key is
 * not retried: the duplicate's answer is what the caller gets.
 */
async function transact<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error) || isIdempotencyKeyClash(error)) throw error;
    }
  }
}

/** A cart at the caller's current prices. */
async function pricedCart(db: Db, caller: BuyerCaller, row: CartRow, lang: Lang, lines?: readonly CartLineRow[], products?: ReadonlyMap<string, Product>): Promise<Cart> {
  const stored = lines ?? (await cartLines(db, [row.id]));
  const known = products ?? (await loadLineProducts(db, caller, stored.map((l) => l.sku)));
  return cartView(row, stored, known, lang);
}

/** The 409 of a stale version: `details.cart` is the cart as it is now (404 if it is gone). */
async function conflictError(db: Db, caller: BuyerCaller, cartId: string, lang: Lang): Promise<KontorError> {
  const row = await findCart(db, scopeOf(caller), cartId);
  if (!row) return notFound(lang);
  return httpError('conflict', lang, { status: 409, details: { cart: await pricedCart(db, caller, row, lang) } });
}

async function currencyOf(db: Db, caller: BuyerCaller): Promise<string> {
  const currency = await priceListCurrency(db, caller.company.priceListId);
  if (!currency) throw new Error(`no price list for company ${caller.company.id}`);
  return currency;
}

/**
 * "Warenkorb 24.11.2026, 01:52" / "Cart 24 Nov 2026, 01:52", in Berlin time (neither users nor
 * companies have a time zone of their own), so two carts started in the same minute are told
 * apart only by id.
 */
const defaultName = (now: Date, lang: Lang) => {
  const when = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    ...(lang === 'de' ? { day: '2-digit', month: '2-digit' } : { day: 'numeric', month: 'short' }),
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Berlin',
  }).format(now);
  return `${lang === 'de' ? 'Warenkorb' : 'Cart'} ${when.replace(/\u00a0|\u202f/g, ' ')}`;
};

export function cartRoutes(app: FastifyInstance, deps: AppDeps): void {
  addRoute(app, deps, routes.listCarts, async ({ caller, lang, deps: { db } }) => {
    const rows = await listOpenCarts(db, scopeOf(caller));
    const lines = await cartLines(db, rows.map((r) => r.id));
    const products = await loadLineProducts(db, caller, lines.map((l) => l.sku));
    const byCart = new Map<string, CartLineRow[]>();
    for (const line of lines) {
      let list = byCart.get(line.cart_id);
      if (!list) byCart.set(line.cart_id, (list = []));
      list.push(line);
    }
    const items: CartSummary[] = rows.map((row) => {
      const { lines: _lines, ...summary } = cartView(row, byCart.get(row.id) ?? [], products, lang);
      return summary;
    });
    return { items };
  });

  addRoute(app, deps, routes.createCart, async ({ body, caller, lang, req, reply, deps: { db, now } }) => {
    if (body.channel !== undefined) {
      const allowed = caller.kind === 'customer' ? (['partner'] as Channel[]) : USER_CHANNELS;
      if (!allowed.includes(body.channel)) {
        const params = { values: allowed };
        throw validation([{ path: ['channel'], code: 'invalid_value', message: issueMessage('invalid_value', params, lang), params }], lang);
      }
    }
    const scope = scopeOf(caller);
    const at = now();
    return idempotent(db, readIdempotencyKey(req, keyScope(caller), lang), { now: at, lang, reply, status: 201 }, async (record) => {
      let copied: CartLineRow[] = [];
      if (body.copyFrom) {
        const source = await findCart(db, scope, body.copyFrom);
        if (!source) throw notFound(lang);
        copied = await cartLines(db, [source.id]);
      }
      const via: Via = caller.kind === 'customer' ? viaOf(caller) : { channel: body.channel ?? 'web', partnerId: null };
      const active = body.active ?? true;
      const iso = at.toISOString();
      const row: Database['carts'] = {
        id: newId('cart'),
        company_id: caller.company.id,
        owner_user_id: caller.kind === 'user' ? caller.user.id : null,
        owner_partner_id: caller.kind === 'customer' ? caller.partner.id : null,
        name: body.name ?? defaultName(at, lang),
        status: 'open',
        active: active ? 1 : 0,
        version: 0,
        currency: await currencyOf(db, caller),
        created_channel: via.channel,
        created_partner_id: via.partnerId,
        last_channel: via.channel,
        last_partner_id: via.partnerId,
        created_at: iso,
        updated_at: iso,
      };
      const ownerName = caller.kind === 'user' ? caller.user.name : caller.partner.name;
      const cart = await pricedCart(db, caller, { ...row, owner_name: ownerName }, lang, copied.map((l, i) => ({ ...l, cart_id: row.id, position: i })));
      await transact(db, async (trx) => {
        if (active) await deactivateActiveCart(trx, scope);
        await insertCart(trx, row);
        await insertCartLines(trx, row.id, copied);
        await insertCartEvent(trx, {
          cart_id: row.id, company_id: row.company_id, at: iso, kind: 'created', version: 0, channel: via.channel, partner_id: via.partnerId,
          actor_user_id: actorOf(caller), data: { name: row.name, ...(body.copyFrom ? { copiedFrom: body.copyFrom, lines: copied.length } : {}) },
        });
        await record(trx, cart);
      });
      return cart;
    });
  });

  addRoute(app, deps, routes.getCart, async ({ params, caller, lang, deps: { db } }) => {
    const row = await findCart(db, scopeOf(caller), params.cartId);
    if (!row) throw notFound(lang);
    return pricedCart(db, caller, row, lang);
  });

  addRoute(app, deps, routes.changeCart, async ({ params, body, caller, lang, req, reply, deps: { db, now } }) => {
    const scope = scopeOf(caller);
    const at = now();
    return idempotent(db, readIdempotencyKey(req, keyScope(caller), lang), { now: at, lang, reply, status: 200 }, async (record) => {
      // Without a version (only adds, which commute) the changes merge into the cart as it is: when
      // another writer got in between, read again and apply them to that (bounded; each try is short).
      for (let attempt = 1; ; attempt++) {
        try {
          return await applyChanges(record);
        } catch (error) {
          if (!(error instanceof StaleCart) || body.version !== undefined || attempt >= MERGE_ATTEMPTS) {
            if (error instanceof StaleCart) throw await conflictError(db, caller, params.cartId, lang);
            throw error;
          }
          // Ten writers retrying at once lose to each other again and again (on PostgreSQL one in
          // a few hundred requests lost 50 times in a row: a 409 for a change that commutes). A
          // random pause that grows with the attempts spreads them out, so each gets its turn.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** attempt, 64)));
        }
      }
    });

    async function applyChanges(record: RecordAnswer) {
      const row = await findCart(db, scope, params.cartId);
      if (!row) throw notFound(lang);
      if (row.status !== 'open') throw await conflictError(db, caller, row.id, lang);
      const expected = body.version ?? Number(row.version);
      if (Number(row.version) !== expected) throw new StaleCart();
      const iso = at.toISOString();
      const stored = await cartLines(db, [row.id]);
      // Every SKU the request touched is checked at its resulting quantity (after merging); the
      // issue goes to the last change that touched it.
      const check = async (changes: CartChange[]) => {
        const { lines, effects } = applyCartChanges(stored, changes, iso);
        if (lines.length > MAX_CART_LINES) return { lines, effects, products: new Map<string, Product>(), issues: [] };
        const products = await loadLineProducts(db, caller, lines.map((l) => l.sku));
        const touched = effects.filter((e) => e.to > 0).map((e) => ({ sku: e.sku, quantity: e.to, path: ['changes', e.changes[e.changes.length - 1]!] }));
        return { lines, effects, products, issues: lineIssues(touched, products, row.currency, lang) };
      };
      let checked = await check(body.changes);
      // A SKU typed in another case than the catalogue's ("fl-1005") is the catalogue's article.
      // (Not asked for a request over the line limit: it is refused anyway.)
      const known = new Set([...stored.map((l) => l.sku), ...checked.products.keys()]);
      const unknown = checked.lines.length > MAX_CART_LINES ? [] : body.changes.map((c) => c.sku).filter((sku) => !known.has(sku));
      const spelled = await catalogueSpellings(db, caller, unknown);
      if (spelled.size) checked = await check(body.changes.map((c) => (spelled.has(c.sku) ? { ...c, sku: spelled.get(c.sku)! } : c)));
      const { lines, effects, products, issues } = checked;
      if (lines.length > MAX_CART_LINES) {
        const params = { max: MAX_CART_LINES };
        throw validation([{ path: ['changes'], code: 'max_lines', message: issueMessage('max_lines', params, lang), params }], lang);
      }
      if (issues.length) {
        await suggestSkus(db, caller, issues);
        issues.sort((a, b) => (a.path[1] as number) - (b.path[1] as number));
        throw validation(issues, lang);
      }

      // Only touched lines are written. A SKU removed and added again in one request moves to the end.
      const before = new Map(stored.map((l) => [l.sku, l]));
      let nextPosition = stored.reduce((max, l) => Math.max(max, l.position), -1) + 1;
      const positions = new Map<string, number>();
      const writes: LineWrites = { deletes: [], inserts: [], updates: [] };
      let added = 0;
      let updated = 0;
      let removed = 0;
      const readded = new Set(effects.filter((e) => e.from > 0 && e.to > 0 && e.changes.some((i) => body.changes[i]!.op === 'remove')).map((e) => e.sku));
      for (const e of effects) {
        if (e.from > 0 && e.to === 0) {
          writes.deletes.push(e.sku);
          removed++;
        } else if (e.from === 0 && e.to > 0) {
          added++;
        } else if (readded.has(e.sku)) {
          writes.deletes.push(e.sku);
          updated++;
        } else if (e.from !== e.to) {
          writes.updates.push({ sku: e.sku, quantity: e.to });
          updated++;
        }
      }
      // New lines (and re-added ones) get positions in the order the result shows them.
      for (const line of lines) {
        if (!before.has(line.sku) || readded.has(line.sku)) {
          positions.set(line.sku, nextPosition++);
          writes.inserts.push({ sku: line.sku, quantity: line.quantity, position: positions.get(line.sku)!, added_at: line.addedAt });
        }
      }
      const via = viaOf(caller, row);
      const next: CartRow = { ...row, version: Number(row.version) + 1, updated_at: iso, last_channel: via.channel, last_partner_id: via.partnerId };
      const nextLines: CartLineRow[] = lines.map((l) => ({ ...l, cart_id: row.id, position: positions.get(l.sku) ?? before.get(l.sku)!.position }));
      const cart = cartView(next, nextLines, products, lang);
      await transact(db, async (trx) => {
        // First, so a concurrent writer of the same version waits here and then finds 0 rows.
        const won = await bumpCart(trx, row.id, { version: expected, scope }, { updated_at: iso, last_channel: via.channel, last_partner_id: via.partnerId });
        if (!won) throw new StaleCart();
        await writeCartLines(trx, row.id, writes);
        await insertCartEvent(trx, {
          cart_id: row.id, company_id: row.company_id, at: iso, kind: 'changed', version: next.version, channel: via.channel, partner_id: via.partnerId,
          actor_user_id: actorOf(caller), data: { added, updated, removed },
        });
        await record(trx, cart);
      });
      return cart;
    }
  });

  addRoute(app, deps, routes.updateCart, async ({ params, body, caller, lang, deps: { db, now } }) => {
    const scope = scopeOf(caller);
    const row = await findCart(db, scope, params.cartId);
    if (!row) throw notFound(lang);
    if (Number(row.version) !== body.version) throw await conflictError(db, caller, row.id, lang);
    const rename = body.name !== undefined && body.name !== row.name;
    const activate = body.active === true && Number(row.active) !== 1;
    if (!rename && !activate) return pricedCart(db, caller, row, lang);
    const iso = now().toISOString();
    const via = viaOf(caller, row);
    const version = Number(row.version) + 1;
    try {
      await transact(db, async (trx) => {
        if (activate) await deactivateActiveCart(trx, scope, row.id);
        const won = await bumpCart(trx, row.id, { version: body.version, scope }, {
          updated_at: iso, last_channel: via.channel, last_partner_id: via.partnerId,
          ...(rename ? { name: body.name! } : {}), ...(activate ? { active: 1 } : {}),
        });
        if (!won) throw new StaleCart();
        const event = { cart_id: row.id, company_id: row.company_id, at: iso, version, channel: via.channel, partner_id: via.partnerId, actor_user_id: actorOf(caller) };
        if (rename) await insertCartEvent(trx, { ...event, kind: 'renamed', data: { name: body.name!, previous: row.name } });
        if (activate) await insertCartEvent(trx, { ...event, kind: 'activated', data: {} });
      });
    } catch (error) {
      if (error instanceof StaleCart) throw await conflictError(db, caller, row.id, lang);
      throw error;
    }
    return pricedCart(db, caller, (await findCart(db, scope, row.id))!, lang);
  });

  addRoute(app, deps, routes.deleteCart, async ({ params, caller, lang, deps: { db } }) => {
    const row = await findCart(db, scopeOf(caller), params.cartId);
    if (!row) throw notFound(lang);
    await transact(db, (trx) => deleteCart(trx, row.company_id, row.id));
  });

  addRoute(app, deps, routes.cartHistory, async ({ params, caller, lang, deps: { db } }) => {
    const row = await findCart(db, scopeOf(caller), params.cartId);
    if (!row) throw notFound(lang);
    const events = await cartEvents(db, row.company_id, row.id, HISTORY_LIMIT);
    return {
      items: events.map((e) => ({
        at: e.at,
        kind: e.kind,
        version: e.version,
        via: { channel: e.channel, partnerId: e.partner_id },
        actor: e.actor_user_id ? { userId: e.actor_user_id, name: e.actor_name ?? '' } : null,
        data: e.data,
      })),
    };
  });

  addRoute(app, deps, routes.handOffCart, async ({ params, body, caller, lang, req, reply, deps: { db, now } }) => {
    const at = now();
    // A colleague hand-off retried with its key answers the same (the cart is no longer the
    // caller's, so without the key a retry is a 404). A channel hand-off is not recorded: its code
    // is kept only hashed, so a retry makes a new code and the unused first one expires.
    return idempotent(db, readIdempotencyKey(req, keyScope(caller), lang), { now: at, lang, reply, status: 201 }, (record) =>
      handOffCart(db, caller, params.cartId, body, at, lang, record),
    );
  });

  async function handOffCart(db: Db, caller: BuyerCaller, cartId: string, body: HandOffRequest, at: Date, lang: Lang, record: RecordAnswer): Promise<HandOff> {
    const scope = scopeOf(caller);
    const row = await findCart(db, scope, cartId);
    if (!row || row.status !== 'open') throw notFound(lang);
    const iso = at.toISOString();
    const via = viaOf(caller, row);
    const event = { cart_id: row.id, company_id: row.company_id, at: iso, kind: 'handed_off' as const, channel: via.channel, partner_id: via.partnerId, actor_user_id: actorOf(caller) };

    if (body.to === 'colleague') {
      const colleague = await findCompanyUser(db, caller.company.id, body.userId);
      if (!colleague) throw notFound(lang);
      const theirs: CartScope = { companyId: caller.company.id, owner: { kind: 'user', userId: colleague.id } };
      const handOff: HandOff = { to: 'colleague', code: null, expiresAt: null, channel: null, owner: { kind: 'user', userId: colleague.id, partnerId: null, name: colleague.name } };
      await transact(db, async (trx) => {
        // Theirs becomes the active cart only if they have none; else it waits among their saved carts.
        const active = (await hasActiveCart(trx, theirs, row.id)) ? 0 : 1;
        const won = await bumpCart(trx, row.id, { scope }, { owner_user_id: colleague.id, owner_partner_id: null, active, updated_at: iso });
        if (!won) throw notFound(lang);
        const version = Number((await trx.selectFrom('carts').select('version').where('id', '=', row.id).executeTakeFirstOrThrow()).version);
        await insertCartEvent(trx, { ...event, version, data: { to: 'colleague', userId: colleague.id, name: colleague.name } });
        await record(trx, handOff);
      });
      return handOff;
    }

    const code = newHandOffCode();
    const expiresAt = new Date(at.getTime() + HANDOFF_TTL_MS).toISOString();
    await transact(db, async (trx) => {
      // Lock the cart row (and check it is still ours) so history entries stay in order.
      const locked = await trx.updateTable('carts').set({ updated_at: row.updated_at }).where('id', '=', row.id).where('company_id', '=', row.company_id).executeTakeFirst();
      if (!Number(locked.numUpdatedRows)) throw notFound(lang);
      await insertHandoff(trx, { code_hash: hashToken(normalizeHandOffCode(code)), cart_id: row.id, company_id: row.company_id, channel: body.channel, created_at: iso, expires_at: expiresAt, claimed_at: null });
      await insertCartEvent(trx, { ...event, version: Number(row.version), data: { to: 'channel', channel: body.channel } });
    });
    const handOff: HandOff = { to: 'channel', code, expiresAt, channel: body.channel, owner: ownerOf(row) };
    return handOff;
  }

  addRoute(app, deps, routes.claimCart, async ({ body, caller, lang, req, reply, deps: { db, now } }) => {
    const at = now();
    const iso = at.toISOString();
    // A claim whose answer got lost is retried with its key and answered with the same cart, not
    // with the 404 of a used code.
    return idempotent(db, readIdempotencyKey(req, keyScope(caller), lang), { now: at, lang, reply, status: 200 }, (record) => claimCart(db, caller, body.code, iso, lang, record));
  });

  /** Moves a handed-off cart to the caller and records the answer with the move. */
  async function claimCart(db: Db, caller: BuyerCaller, code: string, iso: string, lang: Lang, record: RecordAnswer): Promise<Cart> {
    const codeHash = hashToken(normalizeHandOffCode(code));
    const handoff = await findHandoff(db, codeHash);
    // Unknown, another company's, used or expired: all the same 404.
    if (!handoff || handoff.company_id !== caller.company.id || handoff.claimed_at || handoff.expires_at <= iso) throw notFound(lang);
    const row = await findCompanyCart(db, caller.company.id, handoff.cart_id);
    if (!row || row.status !== 'open') throw notFound(lang);
    const scope = scopeOf(caller);
    const via = viaOf(caller);
    const previous = ownerOf(row);
    return transact(db, async (trx) => {
      if (!(await markHandoffClaimed(trx, codeHash, iso))) throw notFound(lang);
      await deactivateActiveCart(trx, scope, row.id);
      const moved = await trx
        .updateTable('carts')
        .set((eb) => ({
          owner_user_id: caller.kind === 'user' ? caller.user.id : null,
          owner_partner_id: caller.kind === 'customer' ? caller.partner.id : null,
          active: 1,
          version: eb('version', '+', 1),
          last_channel: via.channel,
          last_partner_id: via.partnerId,
          updated_at: iso,
        }))
        .where('id', '=', row.id)
        .where('company_id', '=', caller.company.id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (!Number(moved.numUpdatedRows)) throw notFound(lang);
      const version = Number((await trx.selectFrom('carts').select('version').where('id', '=', row.id).executeTakeFirstOrThrow()).version);
      await insertCartEvent(trx, {
        cart_id: row.id, company_id: row.company_id, at: iso, kind: 'claimed', version, channel: via.channel, partner_id: via.partnerId,
        actor_user_id: actorOf(caller), data: { channel: handoff.channel, from: { kind: previous.kind, userId: previous.userId, partnerId: previous.partnerId, name: previous.name } },
      });
      const claimed = await findCart(trx, scope, row.id);
      if (!claimed) throw notFound(lang);
      const cart = await pricedCart(trx, caller, claimed, lang);
      await record(trx, cart);
      return cart;
    });
  }

  addRoute(app, deps, routes.listColleagues, async ({ caller, deps: { db } }) => ({ items: await companyUsers(db, caller.company.id) }));
}
