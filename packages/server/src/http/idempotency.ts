import { createHash } from 'node:crypto';
import { ValidationError, errorMessage, issueMessage, type Lang } from '@kontor/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

/** How long a key's answer is kept; older keys are purged lazily. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** 1–255 visible ASCII characters. */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** A request sent with an `Idempotency-Key`: who sent it, the key, and what exactly was asked. */
export interface IdempotencyKey {
  /** The caller's scope, e.g. company and owner: the same key of two callers never collides. */
  scope: string;
  key: string;
  /** SHA-256 of method, path and the canonical JSON body. */
  requestHash: string;
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const invalidKey = (lang: Lang) =>
  new ValidationError(`${errorMessage('validation', lang)} Idempotency-Key: ${issueMessage('invalid', {}, lang)}`, [
    { path: ['headers', 'idempotency-key'], code: 'invalid', message: issueMessage('invalid', {}, lang) },
  ], { status: 400 });

const reused = (lang: Lang) => {
  const message = issueMessage('idempotency_key_reused', {}, lang);
  return new ValidationError(`${errorMessage('validation', lang)} ${message}`, [{ path: [], code: 'idempotency_key_reused', message }], { status: 422 });
};

/**
 * The request's `Idempotency-Key` in `scope`, or `null` when it sent none. A key that is not
 * 1–255 visible ASCII characters is a 400.
 */
export function readIdempotencyKey(req: FastifyRequest, scope: string, lang: Lang): IdempotencyKey | null {
  const header = req.headers['idempotency-key'];
  if (header === undefined) return null;
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) throw invalidKey(lang);
  const path = req.url.split('?')[0];
  const requestHash = createHash('sha256').update(`${req.method}\n${path}\n${canonicalJson(req.body ?? null)}`).digest('base64url');
  return { scope, key: header, requestHash };
}

/** Stores the answer of the request in the transaction that has its effect. */
export type RecordAnswer = (trx: Transaction<Database>, body: unknown) => Promise<void>;

const lastPurge = new WeakMap<Db, number>();

async function storedAnswer(db: Db, key: IdempotencyKey, now: Date, lang: Lang): Promise<{ body: unknown } | null> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'body', 'created_at'])
    .where('scope', '=', key.scope)
    .where('key', '=', key.key)
    .executeTakeFirst();
  if (!row) return null;
  if (row.created_at < new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString()) {
    // Expired but not purged yet: the key is free again.
    await db.deleteFrom('idempotency_keys').where('scope', '=', key.scope).where('key', '=', key.key).where('created_at', '=', row.created_at).execute();
    return null;
  }
  if (row.request_hash !== key.requestHash) throw reused(lang);
  return { body: JSON.parse(row.body) as unknown };
}

/**
 * Runs a write at most once per key. Without a key it simply runs. With one:
 * - a key seen before with the same request answers the stored body (`Idempotent-Replayed: true`)
 *   without running again; with another request it is a 422 `idempotency_key_reused`;
 * - otherwise `run` does the work and must call `record(trx, body)` inside the transaction that
 *   has the effect, so the effect and the key commit together or not at all;
 * - when `run` fails, a duplicate running at the same time may have won (its key row makes ours
 *   fail with a unique violation, or its effect makes ours stale): if the key is stored now, its
 *   answer is returned; else the failure stands and nothing is stored (4xx answers are never kept).
 *
 * Only successful answers are stored, with `status`.
 */
export async function idempotent<T>(
  db: Db,
  key: IdempotencyKey | null,
  options: { now: Date; lang: Lang; reply: FastifyReply; status: number },
  run: (record: RecordAnswer) => Promise<T>,
): Promise<T> {
  if (!key) return run(async () => undefined);
  const { now, lang, reply, status } = options;
  const replay = (stored: { body: unknown }) => {
    void reply.header('idempotent-replayed', 'true');
    return stored.body as T;
  };
  await purgeOld(db, now);
  const before = await storedAnswer(db, key, now, lang);
  if (before) return replay(before);
  const record: RecordAnswer = async (trx, body) => {
    await trx
      .insertInto('idempotency_keys')
      .values({ scope: key.scope, key: key.key, request_hash: key.requestHash, status, body: JSON.stringify(body), created_at: now.toISOString() })
      .execute();
  };
  try {
    return await run(record);
  } catch (error) {
    const after = await storedAnswer(db, key, now, lang);
    if (after) return replay(after);
    throw error;
  }
}

/** Deletes keys older than a day, at most once a minute per database. */
async function purgeOld(db: Db, now: Date): Promise<void> {
  const last = lastPurge.get(db) ?? 0;
  if (now.getTime() - last < 60_000 && now.getTime() >= last) return;
  lastPurge.set(db, now.getTime());
  await db.deleteFrom('idempotency_keys').where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString()).execute();
}
