// `pnpm start`: the reference server on an embedded SQLite file seeded with the demo catalogue,
// and the example wholesaler site (examples/) on its own origin, embedding Kontor by script tag.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startStaticServer } from './static-server.mjs';

const root = resolve(import.meta.dirname, '..');
const apiPort = Number(process.env.KONTOR_PORT ?? 8787);
const sitePort = Number(process.env.KONTOR_DEMO_PORT ?? 8080);
const host = process.env.KONTOR_HOST ?? '127.0.0.1';
const main = resolve(root, 'packages/server/dist/main.js');
if (!existsSync(main)) {
  console.error('The server is not built. Run `pnpm build` first (pnpm start does).');
  process.exit(1);
}

const api = spawn(process.execPath, ['--enable-source-maps', main], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { KONTOR_DATA_DIR: resolve(root, '.data/demo'), KONTOR_SEED: 'demo', ...process.env, KONTOR_PORT: String(apiPort), KONTOR_HOST: host },
});
api.stdout.pipe(process.stdout);
const apiUrl = await new Promise((ok, fail) => {
  let buffer = '';
  api.stdout.on('data', (d) => {
    buffer += d;
    const m = buffer.match(/Kontor API listening on (http:\/\/\S+)/);
    if (m) ok(m[1]);
  });
  api.once('exit', (code) => fail(new Error(`The server exited with ${code} before listening`)));
});

try {
  await startStaticServer({
    host,
    port: sitePort,
    mounts: {
      '/kontor/themes/': resolve(root, 'packages/elements/src/themes'),
      '/kontor/': resolve(root, 'packages/elements/dist'),
      '/': resolve(root, 'examples'),
    },
  });
} catch (error) {
  console.error(error.code === 'EADDRINUSE' ? `Port ${sitePort} is already in use: stop the other server or set KONTOR_DEMO_PORT.` : error);
  api.kill('SIGTERM');
  process.exit(1);
}
// Let the server finish printing its demo logins before our summary.
await new Promise((r) => setTimeout(r, 300));
const site = `http://${host}:${sitePort}/shop/`;
console.log(`\nKontor demo: the wholesaler's site ${site} (API ${apiUrl}, OpenAPI ${apiUrl}/openapi.json)`);
console.log('Stop with Ctrl+C.');

const stop = () => {
  api.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
api.on('exit', (code) => {
  console.error(`The API server stopped (${code}).`);
  process.exit(code ?? 1);
});
