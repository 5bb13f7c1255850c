// Gzipped sizes of what browsers download, checked against budgets (bytes, gzip level 9).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const budgets = [
  // 33.6 KiB with the four catalogue elements; the cart issue added cart, add-to-cart, cart-count,
  // quick-order, the cart store and the CSV reader (52.7 KiB); availability added <kontor-availability>,
  // its batcher, the cart's per-line promises and their strings (+5.0 KiB against the same core);
  // orders: core's orders contract (schemas, IBAN check) and the de/en strings put the other
  // elements at 65.3 KiB, <kontor-order-status> +1.7, <kontor-order-history> +1.9, <kontor-checkout>
  // (steps, field checks, payment, review, confirmation) +7.7 → 76.6 KiB.
  // Raise it only with a reason in the commit.
  { file: 'packages/elements/dist/kontor.bundle.js', label: 'standalone bundle (all elements + core + lit)', budget: 80_000 },
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
// Nothing server-side may reach the browser bundle: no server code, Node built-ins or demo secrets.
const bundle = 'packages/elements/dist/kontor.bundle.js';
if (existsSync(bundle)) {
  const text = readFileSync(bundle, 'utf8');
  const forbidden = ['better-sqlite3', 'kysely', 'fastify', 'node:crypto', 'node:fs', 'kpk_', 'password_hash', 'KONTOR_JWT_SECRET'];
  const found = forbidden.filter((needle) => text.includes(needle));
  if (found.length) {
    ok = false;
    console.error(`✖ the browser bundle contains server-side code or secrets: ${found.join(', ')}`);
  } else {
    console.log(`✔ the browser bundle holds no server code or secrets (checked: ${forbidden.join(', ')})`);
  }
}
// What one element costs a page that loads only it (element + the core domains it uses + Lit),
// bundled and minified like the standalone bundle.
const { rollup } = await import('rollup');
const { nodeResolve } = await import('@rollup/plugin-node-resolve');
const { default: esbuild } = await import('rollup-plugin-esbuild');
const { default: terser } = await import('@rollup/plugin-terser');
const { default: replace } = await import('@rollup/plugin-replace');
const componentsDir = 'packages/elements/src/components';
const rows = [];
for (const name of readdirSync(componentsDir)) {
  const entry = join(componentsDir, name, `kontor-${name}.ts`);
  if (!existsSync(entry)) continue;
  const build = await rollup({
    input: entry,
    onwarn: () => {},
    plugins: [
      nodeResolve({ exportConditions: ['source', 'browser', 'module', 'import', 'default'], extensions: ['.ts', '.js', '.mjs'] }),
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      esbuild({ target: 'es2022', tsconfig: 'packages/elements/tsconfig.json' }),
      terser({ ecma: 2022, module: true, format: { comments: false } }),
    ],
  });
  const { output } = await build.generate({ format: 'es', inlineDynamicImports: true });
  await build.close();
  rows.push(`kontor-${name} ${(gzipSync(output[0].code, { level: 9 }).length / 1024).toFixed(1)} KiB`);
}
console.log(`  one element alone (gz, with Lit and the core it uses): ${rows.join(', ')}`);
process.exit(ok ? 0 : 1);
