// Starts the Kontor server from source in a child process, on a free port with a fresh data
// directory and the demo seed, for test runners that drive it over HTTP (the browser tests, the
// framework apps). Resolves with its URL once it prints "Kontor API listening on …"; `stop()` ends
// it and removes the data directory (also when the calling process exits).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverMain = join(root, 'packages/server/src/main.ts');

/** @param {{ env?: Record<string, string>, name?: string }} [options] extra environment; a name for the temp folder */
export async function startKontorServer({ env = {}, name = 'kontor-test' } = {}) {
  if (!existsSync(serverMain)) throw new Error(`Cannot start the Kontor server: ${serverMain} does not exist.`);
  const dataDir = mkdtempSync(join(tmpdir(), `${name}-`));
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', serverMain], {
    cwd: root,
    env: { ...process.env, KONTOR_PORT: '0', KONTOR_DATA_DIR: dataDir, KONTOR_SEED: 'demo', KONTOR_LOGIN_RATE_LIMIT: '1000', ...env },
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
