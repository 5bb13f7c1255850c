// The partner's own server (ElektroPartner Nord). It holds the Kontor partner API key — never
// sent to a browser — and hands its signed-in customer a short-lived Kontor token for that
// customer's company. The page then embeds Kontor elements with that token.
//
//   KONTOR_ENDPOINT=http://127.0.0.1:8787 KONTOR_PARTNER_KEY=kpk_… node server.mjs
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKontorClient, isKontorError } from '@kontor/core';

const here = dirname(fileURLToPath(import.meta.url));
const endpoint = process.env.KONTOR_ENDPOINT ?? 'http://127.0.0.1:8787';
const partnerKey = process.env.KONTOR_PARTNER_KEY;
const port = Number(process.env.PORTAL_PORT ?? 8081);
const host = process.env.PORTAL_HOST ?? '127.0.0.1';
const elementsDist = resolve(here, '../../packages/elements/dist');
if (!partnerKey) {
  console.error('Set KONTOR_PARTNER_KEY to the partner API key (the demo prints it at start).');
  process.exit(1);
}

// Server to server: the partner key authenticates the partner itself.
const kontor = createKontorClient({ endpoint, token: partnerKey });

// The portal's own sign-in is out of scope here: this demo portal's visitor is always the buyer
// of the first company the partner serves.
async function currentCustomer() {
  const companies = await kontor.identity.partnerCompanies();
  if (!companies.length) throw new Error('This partner serves no companies');
  return { companyId: companies[0].id, companyName: companies[0].name, portalUserId: 'portal-user-4711' };
}

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
    if (url.pathname === '/kontor-session' && req.method === 'POST') {
      const customer = await currentCustomer();
      const { token, expiresAt } = await kontor.identity.mintCustomerToken({
        companyId: customer.companyId,
        ttlSeconds: 900,
        externalUserRef: customer.portalUserId,
      });
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ endpoint, token, expiresAt, companyName: customer.companyName }));
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') return serveFile(res, here, 'index.html');
    if (url.pathname.startsWith('/kontor/')) return serveFile(res, elementsDist, url.pathname.slice('/kontor/'.length));
    res.writeHead(404).end('Not found');
  } catch (error) {
    console.error('Partner portal:', isKontorError(error) ? `${error.code}: ${error.message}` : error);
    res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Kontor is not available right now' }));
  }
});

server.listen(port, host, () => console.log(`Partner portal (ElektroPartner Nord) on http://${host}:${port}/`));
