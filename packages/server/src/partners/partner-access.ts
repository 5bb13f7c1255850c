import { KontorError, accessIssues, errorMessage, messageIn, type ErrorCode, type Lang } from '@kontor/core';
import type { Db } from '../db/database.js';

/** Which browser origins may use partner credentials. */
export interface PartnerAccessOptions {
  /**
   * Browser origins per partner id besides those registered in the database (`partner_origins`):
   * its customer tokens work from these. `'*'`: from any origin (test setups only). KONTOR_PARTNER_ORIGINS.
   */
  partnerOrigins?: Record<string, string[] | '*'>;
  /**
   * Origins from which a partner key is taken (AppOptions.serverCorsOrigins): none by default, so a
   * partner key in any request carrying an Origin header is refused. Test setups whose pages play
   * the partner's server with the public demo keys name theirs (or `'*'`).
   */
  serverOrigins?: string[] | '*';
}

/** A 401/403 in the one error model, its message and single issue naming why (`token_expired`, `partner_key_in_browser` …). */
export function accessError(code: Extract<ErrorCode, 'unauthorized' | 'forbidden'>, issue: string, lang: Lang, params: Record<string, unknown> = {}): KontorError {
  // Not in issueMessage()'s tables: every element would carry these sentences.
  const message = messageIn([accessIssues], issue, params, lang);
  const header = issue.startsWith('token_') ? 'authorization' : 'origin';
  return new KontorError(code, message || errorMessage(code, lang), {
    status: code === 'unauthorized' ? 401 : 403,
    issues: [{ path: ['headers', header], code: issue, message, ...(Object.keys(params).length ? { params } : {}) }],
  });
}

/** Whether a partner key may be sent from this browser origin (only where a test setup allows it). */
export function serverOriginAllowed(options: PartnerAccessOptions, origin: string): boolean {
  const allowed = options.serverOrigins ?? [];
  return allowed === '*' || allowed.includes(origin);
}

/** The origins registered for a partner in the database. */
export async function registeredOrigins(db: Db, partnerId: string): Promise<string[]> {
  const rows = await db.selectFrom('partner_origins').select('origin').where('partner_id', '=', partnerId).execute();
  return rows.map((r) => r.origin);
}

/**
 * Whether a customer token of this partner may be used from this browser origin: registered for
 * the partner (database or configuration). Origins compare exactly (scheme, host and port, as
 * browsers send them); `null` (a sandboxed frame, a file) is never registered.
 */
export async function partnerOriginAllowed(db: Db, options: PartnerAccessOptions, partnerId: string, origin: string): Promise<boolean> {
  const configured = options.partnerOrigins?.[partnerId];
  if (configured === '*' || configured?.includes(origin)) return true;
  const row = await db.selectFrom('partner_origins').select('origin').where('partner_id', '=', partnerId).where('origin', '=', origin).executeTakeFirst();
  return row !== undefined;
}

/**
 * Reads KONTOR_PARTNER_ORIGINS: `ptn_nord=https://portal.example.com,https://www.example.com;ptn_sued=*`.
 * @throws Error naming the part that is not `partner=origin,…` or an origin that is no `scheme://host[:port]`.
 */
export function parsePartnerOrigins(text: string | undefined): Record<string, string[] | '*'> {
  const out: Record<string, string[] | '*'> = {};
  for (const part of (text ?? '').split(';').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const partner = part.slice(0, eq).trim();
    if (eq < 1 || !partner) throw new Error(`KONTOR_PARTNER_ORIGINS: "${part}" is not partner=origin,origin`);
    const list = part.slice(eq + 1).split(',').map((o) => o.trim()).filter(Boolean);
    if (list.includes('*')) {
      out[partner] = '*';
      continue;
    }
    for (const origin of list) {
      let parsed: URL | undefined;
      try {
        parsed = new URL(origin);
      } catch {
        parsed = undefined;
      }
      if (!parsed || parsed.origin !== origin) throw new Error(`KONTOR_PARTNER_ORIGINS: "${origin}" is not an origin (scheme://host[:port], no path)`);
    }
    const known = out[partner];
    out[partner] = [...(known === '*' || !known ? [] : known), ...list];
  }
  return out;
}
