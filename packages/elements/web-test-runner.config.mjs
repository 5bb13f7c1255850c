// Runs the element tests in headless Chromium against the real Kontor server.
// The server is started here with a fresh data directory and the demo seed; tests read its URL
// from `window.KONTOR_TEST_ENDPOINT` and log in as demo users through the SDK.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { startKontorServer } from '../../scripts/kontor-server-process.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

async function startServer() {
  if (process.env.KONTOR_TEST_ENDPOINT) return { url: process.env.KONTOR_TEST_ENDPOINT, stop: () => {} };
  const server = await startKontorServer({
    name: 'kontor-elements-test',
    // The test pages also play the seller's ERP and the partner's server with the demo keys: the
    // server lets any origin call those routes here (KONTOR_SERVER_CORS_ORIGINS; closed by default).
    // Customer tokens work only from their partner's registered origins: here the test page's, whatever its port.
    env: { KONTOR_SEED_PRODUCTS: '1200', KONTOR_SERVER_CORS_ORIGINS: '*', KONTOR_PARTNER_ORIGINS: 'ptn_nord=*;ptn_sued=*' },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => { server.stop(); process.exit(130); });
  return server;
}

const server = await startServer();

export default {
  rootDir: root,
  files: ['src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  concurrency: 1,
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 20_000 } },
  testsFinishTimeout: 180_000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: join(here, 'tsconfig.test.json') }),
    { name: 'kontor-server', serverStop: () => server.stop() },
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head>
    <script>
      window.process = { env: { NODE_ENV: 'development' } };
      window.KONTOR_TEST_ENDPOINT = ${JSON.stringify(server.url)};
    </script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
