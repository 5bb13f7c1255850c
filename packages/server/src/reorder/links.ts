import { newLinkId, signedLinks } from '../standing-orders/links.js';

// A reorder reminder's one-click link into a prepared cart: a row (`reorder_links`: company, the
// user it is for, the lines, expiry, used) and a token signed as the standing orders' links are,
// with a key of its own purpose.

const links = signedLinks('kontor reorder links v1');

/** How long a reminder's link can be used. */
export const REORDER_LINK_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export { newLinkId };
export const reorderLinkToken = (secret: string, id: string): string => links.token(secret, id);
export const verifyReorderLinkToken = (secret: string, token: string): string | null => links.verify(secret, token);
/** The URL of a reorder link's page. */
export const reorderLinkUrl = (publicUrl: string, secret: string, id: string): string => `${publicUrl.replace(/\/+$/, '')}/v1/reorder-links/${reorderLinkToken(secret, id)}`;
