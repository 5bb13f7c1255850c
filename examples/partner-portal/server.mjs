// The partner's own server (ElektroPartner Nord). It holds the Kontor partner API key — never
// sent to a browser — signs its own portal users in (its own accounts, its own session cookie)
// and hands a signed-in user a short-lived Kontor customer token for that user's company, minted
// through @kontor/core/partner with the user's portal id as the token's external user reference.
// The page embeds Kontor elements with that token and asks here again when Kontor says it expired.
//
//   KONTOR_ENDPOINT=http://127.0.0.1:8787 KONTOR_PARTNER_KEY=kpk_… node server.mjs
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isKontorError } from '@kontor/core/errors';
import { createPartnerClient } from '@kontor/core/partner';

const here = dirname(fileURLToPath(import.meta.url));
const endpoint = process.env.KONTOR_ENDPOINT ?? 'http://127.0.0.1:8787';
const partnerKey = process.env.KONTOR_PARTNER_KEY;
const port = Number(process.env.PORTAL_PORT ?? 8081);
const host = process.env.PORTAL_HOST ?? '127.0.0.1';
/** Lifetime of the Kontor tokens handed to the browser; short, since the page asks again when one expires. */
const tokenTtl = Number(process.env.PORTAL_TOKEN_TTL ?? 900);
const elementsDist = resolve(here, '../../packages/elements/dist');
if (!partnerKey) {
  console.error('Set KONTOR_PARTNER_KEY to the partner API key (the demo prints it at start).');
  process.exit(1);
}

// Server to server: the partner key authenticates the partner itself. createPartnerClient refuses
// to run in a browser, and Kontor refuses the key from any browser origin.
const kontor = createPartnerClient({ endpoint, partnerKey });

// The portal's own accounts (a real portal has its user database). Each belongs to one of the
// partner's customer companies; `ref` is the portal's id of the person, recorded by Kontor on the
// token and on every order placed with it.
const hash = (password, salt) => scryptSync(password, salt, 32);
const account = (login, name, password, companyId, ref) => {
  const salt = randomBytes(16);
  return { login, name, companyId, ref, salt, hash: hash(password, salt) };
};
const accounts = [account('bremen@baulicht.example', 'Jana Petersen', 'portal-demo', 'cmp_baulicht', 'portal-user-4711')];
/** The demo login, prefilled on the sign-in form. */
const DEMO_LOGIN = { login: accounts[0].login, password: 'portal-demo' };

/** Portal sessions: cookie value → account. */
const sessions = new Map();
const SESSION_COOKIE = 'portal_session';

function sessionOf(req) {
  const cookie = (req.headers.cookie ?? '').split(/;\s*/).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return cookie ? sessions.get(cookie.slice(SESSION_COOKIE.length + 1)) : undefined;
}

async function readJson(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error('body too large');
  }
  return body ? JSON.parse(body) : {};
}

const json = (res, status, value, headers = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(value));
};

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json' };

function serveFile(res, root, path) {
  const file = resolve(join(root, normalize(path)));
  if (!file.startsWith(root) || !existsSync(file)) return void res.writeHead(404).end('Not found');
  res.writeHead(200, { 'content-type': types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  createReadStream(file).pipe(res);
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://portal');
  try {
    if (url.pathname === '/portal/login' && req.method === 'POST') {
      const { login, password } = await readJson(req);
      const found = accounts.find((a) => a.login === String(login ?? '').trim().toLowerCase());
      // Compare a hash either way, so an unknown login takes as long as a wrong password.
      const given = hash(String(password ?? ''), found?.salt ?? randomBytes(16));
      if (!found || !timingSafeEqual(given, found.hash)) return json(res, 401, { error: 'Wrong e-mail or password.' });
      const id = randomBytes(24).toString('base64url');
      sessions.set(id, found);
      return json(res, 200, { name: found.name }, { 'set-cookie': `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Lax; Path=/` });
    }
    if (url.pathname === '/portal/logout' && req.method === 'POST') {
      const cookie = (req.headers.cookie ?? '').split(/;\s*/).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
      if (cookie) sessions.delete(cookie.slice(SESSION_COOKIE.length + 1));
      return json(res, 200, {}, { 'set-cookie': `${SESSION_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0` });
    }
    if (url.pathname === '/portal/demo-login' && req.method === 'GET') return json(res, 200, DEMO_LOGIN);
    // A Kontor token for the signed-in portal user's company: on sign-in, and whenever Kontor says
    // the previous one expired or was revoked (the page answers kontor-token-expired with it).
    if (url.pathname === '/kontor-session' && req.method === 'POST') {
      const user = sessionOf(req);
      if (!user) return json(res, 401, { error: 'Please sign in to the portal.' });
      const customers = await kontor.customers();
      const company = customers.find((c) => c.id === user.companyId);
      if (!company) return json(res, 403, { error: 'Hansen no longer serves your company through this portal.' });
      const { token, expiresAt } = await kontor.mintCustomerToken({ companyId: company.id, ttlSeconds: tokenTtl, externalUserRef: user.ref });
      return json(res, 200, { endpoint, token, expiresAt, companyName: company.name, userName: user.name });
    }
    if (url.pathname === '/' || url.pathname === '/index.html') return serveFile(res, here, 'index.html');
    if (url.pathname.startsWith('/kontor/')) return serveFile(res, elementsDist, url.pathname.slice('/kontor/'.length));
    res.writeHead(404).end('Not found');
  } catch (error) {
    console.error('Partner portal:', isKontorError(error) ? `${error.code}: ${error.message}` : error);
    json(res, 502, { error: 'Kontor is not available right now' });
  }
});

server.listen(port, host, () => console.log(`Partner portal (ElektroPartner Nord) on http://${host}:${port}/`));
