import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';

const ISSUER = 'kontor';
const AUDIENCE = 'kontor-api';

export interface CustomerClaims {
  companyId: string;
  partnerId: string;
  /** The id of the partner key that minted the token (the JWT's `kid`); revoking the key ends the token. */
  keyId: string;
  externalUserRef?: string | undefined;
}

/** Why a token was refused, as the 401's issue code says it. */
export type TokenRefusal = 'token_expired' | 'token_invalid' | 'token_revoked';

const key = (secret: string) => new TextEncoder().encode(secret);

/** A short-lived HS256 token a partner hands to its customer's browser. */
export async function signCustomerToken(secret: string, claims: CustomerClaims, ttlSeconds: number, now: Date) {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttlSeconds;
  const token = await new SignJWT({ cmp: claims.companyId, ptn: claims.partnerId, channel: 'partner', ...(claims.externalUserRef ? { ext: claims.externalUserRef } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: claims.keyId })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(claims.companyId)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key(secret));
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

export type VerifiedCustomerToken = CustomerClaims & { expiresAt: string; issuedAt: string };

/**
 * The claims of a valid token, or why it is refused: `token_expired` for a genuine token past its
 * `exp`, `token_invalid` for anything else (bad signature, wrong issuer, missing claims).
 * Expiry is checked against `now`, the app's clock, never the wall clock: jose would otherwise read
 * `Date.now()` and a token minted at a test's (or a replayed job's) time would die by the calendar.
 */
export async function verifyCustomerToken(secret: string, token: string, now: Date): Promise<{ ok: true; claims: VerifiedCustomerToken } | { ok: false; reason: TokenRefusal }> {
  try {
    const { payload, protectedHeader } = await jwtVerify(token, key(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], currentDate: now });
    const { cmp, ptn, channel, exp, iat, ext } = payload;
    const kid = protectedHeader.kid;
    if (typeof cmp !== 'string' || typeof ptn !== 'string' || channel !== 'partner' || typeof exp !== 'number' || typeof iat !== 'number' || typeof kid !== 'string') {
      return { ok: false, reason: 'token_invalid' };
    }
    return {
      ok: true,
      claims: {
        companyId: cmp,
        partnerId: ptn,
        keyId: kid,
        externalUserRef: typeof ext === 'string' ? ext : undefined,
        expiresAt: new Date(exp * 1000).toISOString(),
        issuedAt: new Date(iat * 1000).toISOString(),
      },
    };
  } catch (error) {
    // Only a correctly signed token can be "expired": jose checks the signature before the claims.
    return { ok: false, reason: error instanceof joseErrors.JWTExpired ? 'token_expired' : 'token_invalid' };
  }
}
