// Builds @kontor/core and @kontor/elements as ESM libraries (one entry per subpath export, deps
// external) and the one-file standalone bundle of elements for a plain <script type="module">.
// Usage: rollup -c ../../rollup.config.mjs --environment PKG:core|elements (from the package dir).
import { readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import replace from '@rollup/plugin-replace';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';

const root = dirname(fileURLToPath(import.meta.url));
const pkg = process.env.PKG;
if (pkg !== 'core' && pkg !== 'elements') throw new Error('Set PKG=core or PKG=elements');
const dir = resolve(root, 'packages', pkg);

const ts = () =>
  esbuild({ target: 'es2022', tsconfig: join(dir, 'tsconfig.json'), sourceMap: true, minify: false });

/**
 * Minifies the markup of Lit's html`` and css`` templates (whitespace, comments; CSS through
 * lightningcss) in our own sources before TypeScript is stripped: an app's minifier leaves
 * template text alone, so this is the only place it can shrink. Lit's own maintained plugin.
 */
const templates = () => minifyHTML({ include: [join(dir, 'src/**/*.ts')], exclude: [join(dir, 'src/**/*.test.ts'), join(dir, 'src/**/*.stories.ts')], failOnError: true });

/** Anything not relative or absolute is a dependency the consumer installs. */
const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

function coreConfig() {
  const domains = ['errors', 'money', 'catalogue', 'pricing', 'identity', 'http', 'api', 'cart', 'availability', 'orders', 'standing-orders', 'offers', 'partner', 'reorder', 'assistant'];
  const input = { index: 'src/index.ts' };
  for (const d of domains) input[d] = `src/${d}/index.ts`;
  return [
    {
      input: Object.fromEntries(Object.entries(input).map(([k, v]) => [k, join(dir, v)])),
      external,
      plugins: [ts()],
      output: libraryOutput(),
    },
    // Standalone: the sales reps' SDK in one minified file, for a rep's page with a plain
    // <script type="module"> (the demo's examples/sales); zod and ky inside.
    {
      input: join(dir, 'src/bundles/seller.ts'),
      plugins: [
        nodeResolve({ exportConditions: ['source', 'browser', 'module', 'import', 'default'], extensions: ['.ts', '.js', '.mjs'] }),
        ts(),
        terser({ ecma: 2022, module: true, format: { comments: false } }),
      ],
      output: { file: join(dir, 'dist/kontor-seller.bundle.js'), format: 'es', sourcemap: true, inlineDynamicImports: true },
    },
  ];
}

/**
 * One output file per source module (`dist/pricing/tier.logic.js`), so an app's bundler can drop
 * every module an import does not reach: the packages are `sideEffects: false` (elements: but for
 * the registering files), which only works on whole modules. Rollup's shared chunks glued unrelated
 * modules together, and top-level zod schemas in a chunk kept all of it alive under esbuild/Vite.
 */
const libraryOutput = () => ({
  dir: join(dir, 'dist'),
  format: 'es',
  sourcemap: true,
  preserveModules: true,
  preserveModulesRoot: join(dir, 'src'),
  entryFileNames: '[name].js',
});

function elementsConfig() {
  const componentsDir = join(dir, 'src/components');
  const input = { index: join(dir, 'src/index.ts'), kontor: join(dir, 'src/kontor.ts') };
  if (existsSync(componentsDir)) {
    for (const name of readdirSync(componentsDir)) {
      const reg = join(componentsDir, name, `kontor-${name}.ts`);
      if (existsSync(reg)) input[`kontor-${name}`] = reg;
    }
  }
  const nodeEnv = () => replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } });
  return [
    // Library build: one file per element; lit, @kontor/core and friends stay imports.
    {
      input,
      external,
      plugins: [templates(), ts()],
      output: libraryOutput(),
    },
    // Standalone: everything in one minified file, for <script type="module" src=".../kontor.bundle.js">.
    {
      input: join(dir, 'src/kontor.ts'),
      // rrule-temporal declares no `sideEffects`, so Rollup keeps all of it (65 KB minified) once
      // core's standing-orders barrel is in the graph, though no element calls it (the server
      // expands schedules). It is a side-effect-free library of classes.
      treeshake: { moduleSideEffects: (id) => !/[\\/]rrule-temporal[\\/]/.test(id) },
      plugins: [
        nodeResolve({ exportConditions: ['source', 'browser', 'module', 'import', 'default'], extensions: ['.ts', '.js', '.mjs'] }),
        nodeEnv(),
        templates(),
        ts(),
        terser({ ecma: 2022, module: true, format: { comments: false } }),
      ],
      output: { file: join(dir, 'dist/kontor.bundle.js'), format: 'es', sourcemap: true, inlineDynamicImports: true },
    },
  ];
}

export default pkg === 'core' ? coreConfig() : elementsConfig();
