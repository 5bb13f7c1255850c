// pnpm bench: the assistant's built-in router on its evaluation table — intent and entity
// accuracy (tuned table and held-out table) and routing time per message. Reports, never asserts.
import { evaluateRouter, quantile, type EvalResult } from './assistant.eval.js';
import { routeMessage, type RouterProduct } from './assistant.router.js';
import { HELD_OUT_UTTERANCES, UTTERANCE_NOW, UTTERANCE_PRODUCTS, UTTERANCES } from './utterances.js';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const ms = (x: number) => `${x.toFixed(3)} ms`;
const line = (name: string, r: EvalResult) =>
  console.log(`${name.padEnd(34)} n=${String(r.total).padStart(3)}  intent ${pct(r.intentAccuracy).padStart(7)}  entities ${pct(r.entityAccuracy).padStart(7)}  p50 ${ms(quantile(r.timings, 0.5))}  p95 ${ms(quantile(r.timings, 0.95))}`);

// The first pass is cold (JIT, the typo cache empty): what the first messages after a start cost.
line('tuned table, cold', evaluateRouter(UTTERANCES));
line('tuned table, warm', evaluateRouter(UTTERANCES));
line('held-out table (never tuned on)', evaluateRouter(HELD_OUT_UTTERANCES));
const all = evaluateRouter([...UTTERANCES, ...HELD_OUT_UTTERANCES]);
line('both', all);

// Against a catalogue of 1,000 products (the fixture names with other SKUs), as a server passes its catalogue.
const big: RouterProduct[] = Array.from({ length: 1000 }, (_, i) => {
  const p = UTTERANCE_PRODUCTS[i % UTTERANCE_PRODUCTS.length]!;
  return { ...p, sku: `XX-${10_000 + i}`, name: { de: `${p.name.de} ${i}`, en: `${p.name.en} ${i}` } };
});
const times: number[] = [];
for (const u of [...UTTERANCES, ...HELD_OUT_UTTERANCES]) {
  const start = performance.now();
  routeMessage(u.text, { now: UTTERANCE_NOW, products: big });
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(`${'1,000-product catalogue'.padEnd(34)} n=${String(times.length).padStart(3)}  p50 ${ms(quantile(times, 0.5))}  p95 ${ms(quantile(times, 0.95))}`);
