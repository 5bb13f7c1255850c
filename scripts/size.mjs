// Gzipped sizes of what browsers download, checked against budgets (bytes, gzip level 9).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const budgets = [
  { file: 'packages/elements/dist/kontor.bundle.js', label: 'standalone bundle (all elements + core + lit)', budget: 40_000 },
];
let ok = true;
for (const { file, label, budget } of budgets) {
  if (!existsSync(file)) {
    console.error(`✖ ${file} is missing: run pnpm build first`);
    ok = false;
    continue;
  }
  const raw = readFileSync(file);
  const gz = gzipSync(raw, { level: 9 }).length;
  const pass = gz <= budget;
  ok &&= pass;
  console.log(`${pass ? '✔' : '✖'} ${label}: ${(gz / 1024).toFixed(1)} KiB gz (${(raw.length / 1024).toFixed(1)} KiB raw), budget ${(budget / 1024).toFixed(1)} KiB`);
}
// Per-entry sizes of the library builds, for information (dependencies excluded).
for (const pkg of ['core', 'elements']) {
  const dir = join('packages', pkg, 'dist');
  if (!existsSync(dir)) continue;
  const rows = readdirSync(dir)
    .filter((f) => f.endsWith('.js') && f !== 'kontor.bundle.js')
    .map((f) => `${f} ${(gzipSync(readFileSync(join(dir, f)), { level: 9 }).length / 1024).toFixed(1)} KiB`);
  console.log(`  @kontor/${pkg} entries (gz, without dependencies and shared chunks): ${rows.join(', ')}`);
}
process.exit(ok ? 0 : 1);
