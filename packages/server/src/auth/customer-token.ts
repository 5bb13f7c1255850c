import { SignJWT, jwtVerify } from 'jose';

const ISSUER = 'kontor';
const AUDIENCE = 'kontor-api';

export interface CustomerClaims {
  companyId: string;
  partnerId: string;
  externalUserRef?: string | undefined;
}

const key = (secret: string) => new TextEncoder().encode(secret);

/** A short-lived HS256 token a partner hands to its customer's browser. */
export async function signCustomerToken(secret: string, claims: CustomerClaims, ttlSeconds: number, now: Date) {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttlSeconds;
  const token = await new SignJWT({ cmp: claims.companyId, ptn: claims.partnerId, channel: 'partner', ...(claims.externalUserRef ? { ext: claims.externalUserRef } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(claims.companyId)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key(secret));
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

/**
 * The claims of a valid token, or `null` (bad signature, expired, wrong issuer, missing claims).
 * Expiry is checked against `now`, the app's clock, never the wall clock: jose would otherwise read
 * `Date.now()` and a token minted at a test's (or a replayed job's) time would die by the calendar.
 */
export async function verifyCustomerToken(secret: string, token: string, now: Date): Promise<(CustomerClaims & { expiresAt: string }) | null> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], currentDate: now });
    if (typeof payload.cmp !== 'string' || typeof payload.ptn !== 'string' || payload.channel !== 'partner' || typeof payload.exp !== 'number') return null;
    return { companyId: payload.cmp, partnerId: payload.ptn, expiresAt: new Date(payload.exp * 1000).toISOString() };
  } catch {
    return null;
  }
}
