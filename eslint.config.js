// ESLint: TypeScript rules everywhere, Lit template, web-component and Lit accessibility rules
// for the elements.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'storybook-static/**', 'docs/api/**', '**/custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'No innerHTML: render data with Lit bindings or textContent.' },
        { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'No outerHTML with data.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No insertAdjacentHTML with data.' },
      ],
    },
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    rules: {
      // unsafeHTML/unsafeSVG would put data into the DOM as markup.
      'no-restricted-imports': ['error', { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'No unsafeHTML.' }, { name: 'lit/directives/unsafe-svg.js', message: 'No unsafeSVG.' }] }],
    },
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Values from core's modules, not its barrels; one translation slice per module (see
    // scripts/size.mjs: a barrel that both an element and its on-demand chunk reach puts all it
    // re-exports into esbuild's first load). Types may come from anywhere.
    files: ['packages/elements/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.stories.ts', 'packages/elements/src/index.ts', 'packages/elements/src/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          {
            regex: '^@kontor/core(/[^/.]+)?$',
            message: 'Import the value from its module, e.g. @kontor/core/orders/order.logic.js.',
            allowTypeImports: true,
          },
          { group: ['**/translations/slices.js'], message: 'Import each slice from translations/slices/<name>.js.' },
        ],
      }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['examples/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Functions handed to Chromium through puppeteer run in the page.
    files: ['packages/elements/bench/**', 'scripts/demo.test.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Chai assertions read as expressions (`expect(x).to.be.true`).
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // Migrations are written against the schema as it was then, not today's Database type.
    files: ['packages/server/src/db/migrations.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
