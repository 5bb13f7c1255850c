// The one micro-benchmark loop of core's `*.bench.ts` files (pnpm bench). Reports, never asserts.
import type { ProductPrice } from '../catalogue/product.schema.js';

/** The benches' sample price of article `i`: three tiers, every 7th priced per 100 units. */
export const benchPrice = (i: number): ProductPrice => ({
  currency: 'EUR',
  priceUnit: i % 7 === 0 ? 100 : 1,
  source: 'base',
  tiers: [
    { minQuantity: 1, price: { amount: 1000 + i, currency: 'EUR' } },
    { minQuantity: 50, price: { amount: 900 + i, currency: 'EUR' } },
    { minQuantity: 500, price: { amount: 800 + i, currency: 'EUR' } },
  ],
});

/** Runs `fn` `runs` times after a warm-up and prints median and p95 in milliseconds. */
export function bench(name: string, runs: number, fn: () => unknown): void {
  for (let i = 0; i < Math.min(20, runs); i++) fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  console.log(`${name.padEnd(52)} median ${median.toFixed(3)} ms  p95 ${p95.toFixed(3)} ms  (${runs} runs)`);
}
