// `pnpm test`: build and type-check everything, then core, server (SQLite + PostgreSQL) and
// browser tests, then the bundle-size budget.
import { runSteps } from './run-steps.mjs';

const pnpm = process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm';
const ok = await runSteps([
  { name: 'build', command: pnpm, args: ['build'] },
  { name: 'type-check (sources, tests, stories)', command: pnpm, args: ['typecheck'] },
  { name: 'lint (ESLint: TypeScript, lit, wc, lit-a11y, no innerHTML)', command: pnpm, args: ['lint'], continueOnFailure: true },
  { name: 'core tests', command: pnpm, args: ['--filter', '@kontor/core', 'test'], continueOnFailure: true },
  { name: 'server tests (SQLite, PostgreSQL)', command: pnpm, args: ['--filter', '@kontor/server', 'test'], continueOnFailure: true },
  { name: 'browser tests (Chromium)', command: pnpm, args: ['--filter', '@kontor/elements', 'test'], continueOnFailure: true },
  { name: 'framework apps (React, Vue, Svelte, Angular in Chromium)', command: process.execPath, args: ['--test', 'scripts/test-frameworks.mjs'], continueOnFailure: true },
  { name: 'demo end to end (pnpm start, Chromium)', command: process.execPath, args: ['--test', 'scripts/demo.test.mjs'], continueOnFailure: true },
  { name: 'OpenAPI 3.1 lint (Redocly)', command: pnpm, args: ['lint:openapi'], continueOnFailure: true },
  { name: 'bundle-size budget', command: process.execPath, args: ['scripts/size.mjs'] },
]);
process.exit(ok ? 0 : 1);
