// Runs the element tests in headless Chromium against the real Kontor server.
// The server is started here with a fresh data directory and the demo seed; tests read its URL
// from `window.KONTOR_TEST_ENDPOINT` and log in as demo users through the SDK.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const serverMain = join(root, 'packages/server/src/main.ts');

async function startServer() {
  if (process.env.KONTOR_TEST_ENDPOINT) return { url: process.env.KONTOR_TEST_ENDPOINT, stop: () => {} };
  if (!existsSync(serverMain)) throw new Error(`Cannot start the Kontor server: ${serverMain} does not exist.`);
  const dataDir = mkdtempSync(join(tmpdir(), 'kontor-elements-test-'));
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: root,
    // The test pages also play the seller's ERP and the partner's server with the demo keys: the
    // server lets any origin call those routes here (KONTOR_SERVER_CORS_ORIGINS; closed by default).
    env: { ...process.env, KONTOR_PORT: '0', KONTOR_DATA_DIR: dataDir, KONTOR_SEED: 'demo', KONTOR_SEED_PRODUCTS: '1200', KONTOR_LOGIN_RATE_LIMIT: '1000', KONTOR_SERVER_CORS_ORIGINS: '*' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => { stop(); process.exit(130); });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The Kontor server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /Kontor API listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The Kontor server exited with ${code} before listening:\n${output}`));
    });
  });
  // Keep draining output so the child never blocks on a full pipe.
  child.stdout.resume();
  child.stderr.resume();
  return { url, stop };
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
