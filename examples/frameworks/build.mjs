// Builds the four apps with esbuild, as their developers' bundlers would: React's JSX by esbuild,
// the Vue single-file component by vue/compiler-sfc (template compiled at build time), the Svelte
// component by svelte/compiler, the Angular component as TypeScript (compiled just in time in the
// page). Kontor comes through @kontor/elements' package exports, i.e. its built dist/.
//
//   node examples/frameworks/build.mjs [outdir]      (default: examples/frameworks/dist)
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { compile as compileSvelte } from 'svelte/compiler';
import { compileScript, parse as parseVue } from 'vue/compiler-sfc';

const here = dirname(fileURLToPath(import.meta.url));

/** The apps: where their entry is and what their page mounts into. */
export const apps = [
  { id: 'react', name: 'React', entry: 'react/main.jsx', mount: '<div id="app"></div>' },
  { id: 'vue', name: 'Vue', entry: 'vue/main.js', mount: '<div id="app"></div>' },
  { id: 'svelte', name: 'Svelte', entry: 'svelte/main.js', mount: '<div id="app"></div>' },
  { id: 'angular', name: 'Angular', entry: 'angular/main.ts', mount: '<kontor-framework-app></kontor-framework-app>' },
];

const isKontorTag = (tag) => tag.startsWith('kontor-');

/** `.vue` files: `<script setup>` with the template inlined; `kontor-*` are custom elements, not Vue components. */
const vuePlugin = {
  name: 'vue-sfc',
  setup(b) {
    b.onLoad({ filter: /\.vue$/ }, async ({ path }) => {
      const { descriptor, errors } = parseVue(await readFile(path, 'utf8'), { filename: path });
      if (errors.length) return { errors: errors.map((e) => ({ text: e.message })) };
      const id = createHash('sha256').update(path).digest('hex').slice(0, 8);
      const script = compileScript(descriptor, { id, inlineTemplate: true, templateOptions: { compilerOptions: { isCustomElement: isKontorTag } } });
      return { contents: script.content, loader: 'js', resolveDir: dirname(path) };
    });
  },
};

/** `.svelte` files, compiled for the browser. */
const sveltePlugin = {
  name: 'svelte',
  setup(b) {
    b.onLoad({ filter: /\.svelte$/ }, async ({ path }) => {
      const { js, warnings } = compileSvelte(await readFile(path, 'utf8'), { filename: path, generate: 'client', css: 'injected' });
      return { contents: js.code, loader: 'js', resolveDir: dirname(path), warnings: warnings.map((w) => ({ text: w.message })) };
    });
  },
};

const page = (app) => `<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Kontor in ${app.name}</title>
    <link rel="stylesheet" href="app.css">
    <script type="module" src="app.js"></script>
  </head>
  <body>
    ${app.mount}
  </body>
</html>
`;

/** Builds every app into `outdir/<id>/` (index.html, app.js, app.css). */
export async function buildApps({ outdir = join(here, 'dist') } = {}) {
  // Where the export points is the package's business (its dist layout may change); that it is there is ours.
  const entry = fileURLToPath(import.meta.resolve('@kontor/elements/kontor-quantity.js'));
  if (!existsSync(entry)) throw new Error(`@kontor/elements is not built (${entry} does not exist): run \`pnpm build\` at the root first.`);
  const result = await build({
    absWorkingDir: here,
    entryPoints: Object.fromEntries(apps.map((app) => [`${app.id}/app`, app.entry])),
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    jsx: 'automatic',
    // Angular's decorators are the legacy (experimental) kind; its class fields are assigned, not defined.
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    plugins: [vuePlugin, sveltePlugin],
    logLevel: 'warning',
    metafile: true,
  });
  await Promise.all(
    apps.map(async (app) => {
      await mkdir(join(outdir, app.id), { recursive: true });
      await writeFile(join(outdir, app.id, 'index.html'), page(app));
    }),
  );
  return { outdir, apps, metafile: result.metafile };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const { outdir, metafile } = await buildApps({ outdir: process.argv[2] ? resolve(process.argv[2]) : undefined });
  for (const [file, { bytes }] of Object.entries(metafile.outputs)) {
    if (file.endsWith('.js')) console.log(`${file.padEnd(40)} ${(bytes / 1024).toFixed(0).padStart(6)} KiB`);
  }
  console.log(`built ${apps.length} apps into ${outdir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
