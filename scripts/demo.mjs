// `pnpm start`: the reference server on an embedded SQLite file seeded with the demo catalogue,
// and the example wholesaler site (examples/) on its own origin, embedding Kontor by script tag.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startStaticServer } from './static-server.mjs';

const root = resolve(import.meta.dirname, '..');
const apiPort = Number(process.env.KONTOR_PORT ?? 8787);
const sitePort = Number(process.env.KONTOR_DEMO_PORT ?? 8080);
const host = process.env.KONTOR_HOST ?? '127.0.0.1';
const portalPort = Number(process.env.KONTOR_PORTAL_PORT ?? 8081);
const main = resolve(root, 'packages/server/dist/main.js');
if (!existsSync(main)) {
  console.error('The server is not built. Run `pnpm build` first (pnpm start does).');
  process.exit(1);
}

const api = spawn(process.execPath, ['--enable-source-maps', main], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: {
    KONTOR_DATA_DIR: resolve(root, '.data/demo'), KONTOR_SEED: 'demo', KONTOR_SEED_PRODUCTS: '1200', KONTOR_DEV_MAILBOX: '1',
    // The partner's portal may use its customer tokens from its own origin (whatever port it runs on).
    KONTOR_PARTNER_ORIGINS: `ptn_nord=http://${host}:${portalPort}`,
    ...process.env, KONTOR_PORT: String(apiPort), KONTOR_HOST: host,
  },
});
api.stdout.pipe(process.stdout);
let apiOutput = '';
api.stdout.on('data', (d) => {
  apiOutput += d;
});
const apiUrl = await new Promise((ok, fail) => {
  api.stdout.on('data', () => {
    const m = apiOutput.match(/Kontor API listening on (http:\/\/\S+)/);
    if (m) ok(m[1]);
  });
  api.once('exit', (code) => fail(new Error(`The server exited with ${code} before listening`)));
});

// The site asks /demo/config.json where the API and the portal listen, so the printed URL works
// on any ports (`?api=` and `?portal=` still win). Host-relative: the page keeps its own hostname.
const configDir = mkdtempSync(join(tmpdir(), 'kontor-demo-site-'));
writeFileSync(join(configDir, 'config.json'), JSON.stringify({ apiPort: Number(new URL(apiUrl).port), portalPort }));
process.on('exit', () => rmSync(configDir, { recursive: true, force: true }));

try {
  await startStaticServer({
    host,
    port: sitePort,
    mounts: {
      '/kontor/themes/': resolve(root, 'packages/elements/src/themes'),
      '/kontor/': resolve(root, 'packages/elements/dist'),
      // The sales reps' page loads the seller's SDK in one file (core's kontor-seller.bundle.js).
      '/kontor/core/': resolve(root, 'packages/core/dist'),
      '/demo/': configDir,
      '/': resolve(root, 'examples'),
    },
  });
} catch (error) {
  console.error(error.code === 'EADDRINUSE' ? `Port ${sitePort} is already in use: stop the other server or set KONTOR_DEMO_PORT.` : error);
  api.kill('SIGTERM');
  process.exit(1);
}
// Let the server finish printing its demo logins (and the partner key) before our summary.
await new Promise((r) => setTimeout(r, 300));

// A partner's portal: its own server holds the partner key the API printed and mints
// short-lived customer tokens for the browser.
const partnerKey = apiOutput.match(/Partner API key ptn_nord: (\S+)/)?.[1];
let portal;
if (partnerKey) {
  portal = spawn(process.execPath, [resolve(root, 'examples/partner-portal/server.mjs')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, KONTOR_ENDPOINT: apiUrl, KONTOR_PARTNER_KEY: partnerKey, PORTAL_PORT: String(portalPort), PORTAL_HOST: host },
  });
}

const site = `http://${host}:${sitePort}/shop/`;
console.log(`\nKontor demo: the wholesaler's site ${site} (API ${apiUrl}, OpenAPI ${apiUrl}/openapi.json)`);
console.log(`The sales reps' offers page: http://${host}:${sitePort}/sales/ (jana.petersen@hansen.example, max.huber@hansen.example; password kontor-demo)`);
if (portal) console.log(`A partner's portal embedding Kontor with customer tokens: http://${host}:${portalPort}/`);
if (/Dev mailbox: /.test(apiOutput)) console.log(`Order mails the demo sent: ${apiUrl}/dev/mailbox`);
console.log('Stop with Ctrl+C.');

const stop = () => {
  api.kill('SIGTERM');
  portal?.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
api.on('exit', (code) => {
  console.error(`The API server stopped (${code}).`);
  process.exit(code ?? 1);
});
