#!/usr/bin/env node
// Runs the @kontor/server suite twice: on SQLite and on a throwaway PostgreSQL cluster this
// script creates, starts and always stops. Fails loudly when PostgreSQL is not installed.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverDir = join(root, 'packages/server');

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.ts')) out.push(relative(serverDir, p));
  }
  return out.sort();
}

function findPgBin() {
  const candidates = [...(process.env.PATH ?? '').split(':')];
  if (existsSync('/usr/lib/postgresql')) {
    for (const v of readdirSync('/usr/lib/postgresql').sort().reverse()) candidates.push(`/usr/lib/postgresql/${v}/bin`);
  }
  return candidates.find((d) => d && existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const isRoot = process.getuid?.() === 0;
const quote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
/** Runs a PostgreSQL binary; as root via the postgres user, since they refuse to run as root. */
function pgRun(bin, args) {
  const cmd = [bin, ...args].map(quote).join(' ');
  const r = isRoot ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', cmd], { encoding: 'utf8' }) : spawnSync(bin, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function runSuite(label, env, files, preload = []) {
  return new Promise((resolve) => {
    const tap = join(tmpdir(), `kontor-server-${label}-${process.pid}.tap`);
    const args = ['--conditions=source', ...preload.flatMap((p) => ['--import', p]), '--import', 'tsx', '--test', '--test-concurrency=2',
      '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files];
    console.log(`\n=== @kontor/server tests on ${label}${preload.length ? ` (preloaded: ${preload.map((p) => relative(root, fileURLToPath(p))).join(', ')})` : ''} ===`);
    const child = spawn(process.execPath, args, { cwd: serverDir, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code, signal) => {
      let text = '';
      try { text = readFileSync(tap, 'utf8'); rmSync(tap, { force: true }); } catch { /* no report */ }
      const count = (k) => Number(text.match(new RegExp(`^# ${k} (\\d+)`, 'm'))?.[1] ?? NaN);
      resolve({ label, ok: code === 0 && !signal, tests: count('tests'), pass: count('pass'), fail: count('fail') });
    });
  });
}

const files = process.argv.slice(2).length ? process.argv.slice(2) : findTests(join(serverDir, 'src'));
const pgBin = findPgBin();
if (!pgBin) {
  console.error('\nPostgreSQL binaries (initdb, pg_ctl) were not found in PATH or /usr/lib/postgresql/*/bin.');
  console.error('The server suite must run on PostgreSQL too. Install them, e.g.:\n  apt-get install -y postgresql\n');
  process.exit(1);
}

const results = [];
// The SQLite run has the wall clock a year ahead (scripts/clock-ahead.mjs): every time decision must
// read the app's clock, so no test may pass or fail by the date it runs on. PostgreSQL runs on the
// real wall clock, so both sides of the date line are covered on every run.
const clockAhead = new URL('./clock-ahead.mjs', import.meta.url).href;
results.push(await runSuite('sqlite', { KONTOR_TEST_DB: 'sqlite' }, files, [clockAhead]));

const dir = mkdtempSync(join(tmpdir(), 'kontor-pg-'));
const data = join(dir, 'data');
let started = false;
const stop = () => {
  if (started) {
    try { pgRun(join(pgBin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']); } catch (e) { console.error(String(e)); }
    started = false;
  }
  rmSync(dir, { recursive: true, force: true });
};
process.on('SIGINT', () => { stop(); process.exit(130); });
process.on('SIGTERM', () => { stop(); process.exit(143); });
try {
  if (isRoot) chownSync(dir, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()), Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim()));
  pgRun(join(pgBin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  pgRun(join(pgBin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'pg.log'), '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`, '-w', 'start']);
  started = true;
  results.push(await runSuite('postgres', { KONTOR_TEST_DB: 'postgres', KONTOR_TEST_DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres` }, files));
} catch (error) {
  console.error(String(error));
  results.push({ label: 'postgres', ok: false, tests: NaN, pass: NaN, fail: NaN });
} finally {
  stop();
}

console.log('\n=== @kontor/server summary ===');
for (const r of results) console.log(`${r.label.padEnd(9)} ${r.ok ? 'ok  ' : 'FAIL'} tests ${r.tests}  pass ${r.pass}  fail ${r.fail}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
