import { createHash, randomBytes } from 'node:crypto';

/** Prefix of partner API keys, so a key is recognisable in logs and secret scanners. */
export const PARTNER_KEY_PREFIX = 'kpk_';

/** Prefix of the seller's ERP API keys (stock updates, server to server). */
export const ERP_KEY_PREFIX = 'kek_';

/** Session lifetime. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Tokens are stored only as their SHA-256, so a leaked database holds no usable token. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** A new session token: 32 random bytes. */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

/** A new partner API key. */
export const newPartnerKey = (): string => PARTNER_KEY_PREFIX + randomBytes(24).toString('base64url');

/** A new ERP API key. */
export const newErpKey = (): string => ERP_KEY_PREFIX + randomBytes(24).toString('base64url');

/**
 * The public id of a partner key (the `kid` of the customer tokens it mints): derived from its
 * hash as migration 0012 does for keys that existed before, so an id names one key and reveals
 * nothing usable about it.
 */
export const partnerKeyIdOf = (keyHash: string): string => `pk_${keyHash.slice(0, 16)}`;
