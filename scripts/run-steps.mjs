// Runs named steps one after another, streaming their output, and counts the tests each runner
// reports. Exits non-zero when a step fails; prints one "N passed, N failed" line at the end.
import { spawn } from 'node:child_process';

/** Test counts from node:test (spec or TAP) and web-test-runner output. */
export function countTests(output) {
  // eslint-disable-next-line no-control-regex -- strips ANSI colour codes
  const clean = output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  let passed = 0;
  let failed = 0;
  let found = false;
  for (const m of clean.matchAll(/^(?:ℹ|#) pass (\d+)$/gm)) { passed += Number(m[1]); found = true; }
  for (const m of clean.matchAll(/^(?:ℹ|#) fail (\d+)$/gm)) failed += Number(m[1]);
  // web-test-runner prints progress lines "N passed, N failed"; the last one is final.
  const wtr = [...clean.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  if (wtr && !found) { passed += Number(wtr[1]); failed += Number(wtr[2]); found = true; }
  return found ? { passed, failed } : null;
}

export function runStep(name, command, args, options = {}) {
  return new Promise((resolveStep) => {
    const started = Date.now();
    console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout.on('data', (d) => { output += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { output += d; process.stderr.write(d); });
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      resolveStep({ name, ok: code === 0, code: code ?? signal, seconds, counts: countTests(output) });
    });
  });
}

export async function runSteps(steps) {
  const results = [];
  for (const step of steps) {
    const r = await runStep(step.name, step.command, step.args, step.options);
    results.push(r);
    if (!r.ok && !step.continueOnFailure) break;
  }
  console.log('\nSummary');
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    const c = r.counts ? ` — ${r.counts.passed} passed, ${r.counts.failed} failed` : '';
    console.log(`  ${r.ok ? '✔' : '✖'} ${r.name} (${r.seconds} s)${c}`);
    if (r.counts) { passed += r.counts.passed; failed += r.counts.failed; }
  }
  const ok = results.length === steps.length && results.every((r) => r.ok);
  if (!ok && failed === 0) failed = 1; // a step failed outside a test (build, setup): never report green
  console.log(`\n${passed} passed, ${failed} failed`);
  return ok;
}
