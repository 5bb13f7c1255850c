import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// The one-click links of a reminder mail (skip this run, pause the standing order). A link is a
// row (`standing_order_links`: standing order, occurrence, action, expiry, used) and its token is
// the row's id signed with a key derived from the server's secret: `<id>.<signature>`. The
// signature is computed when the mail is rendered, so the token itself is stored nowhere; a forged
// or altered token fails the signature before the database is asked.

/** Where the server is reached from outside (links in mails, the calendar feed) unless told. */
export const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:8787';

/**
 * Signed link tokens for one purpose: the key is derived from the server secret and the purpose,
 * so a token of one kind of link (standing orders, reorder reminders) is no token of another.
 */
export function signedLinks(purpose: string) {
  const keys = new Map<string, Buffer>();
  /** The signing key of links, derived from the server secret (never the secret itself). */
  const linkKey = (secret: string): Buffer => {
    let key = keys.get(secret);
    if (!key) {
      key = createHmac('sha256', secret).update(purpose).digest();
      keys.set(secret, key);
    }
    return key;
  };
  const sign = (secret: string, id: string) => createHmac('sha256', linkKey(secret)).update(id).digest('base64url').slice(0, 32);
  return {
    /** The token of a link: its id and signature. */
    token: (secret: string, id: string): string => `${id}.${sign(secret, id)}`,
    /** The link's id when the token carries a valid signature, else `null`. */
    verify(secret: string, token: string): string | null {
      const m = /^([A-Za-z0-9_-]{16,40})\.([A-Za-z0-9_-]{32})$/.exec(token);
      if (!m) return null;
      const expected = Buffer.from(sign(secret, m[1]!));
      const given = Buffer.from(m[2]!);
      return given.length === expected.length && timingSafeEqual(given, expected) ? m[1]! : null;
    },
  };
}

const standingOrderLinks = signedLinks('kontor standing-order links v1');

/** A new link id: 128 random bits, URL-safe. */
export const newLinkId = (): string => randomBytes(16).toString('base64url');

/** The token of a link: its id and signature. */
export const linkToken = (secret: string, id: string): string => standingOrderLinks.token(secret, id);

/** The link's id when the token carries a valid signature, else `null`. */
export const verifyLinkToken = (secret: string, token: string): string | null => standingOrderLinks.verify(secret, token);

/** The URL of a link's page. */
export const linkUrl = (publicUrl: string, secret: string, id: string): string => `${publicUrl.replace(/\/+$/, '')}/v1/standing-order-links/${linkToken(secret, id)}`;
