import { routeMessage } from './assistant.router.js';
import { EVAL_ENTITY_KEYS, HELD_OUT_UTTERANCES, UTTERANCE_NOW, UTTERANCE_PRODUCTS, UTTERANCES, type EvalUtterance } from './utterances.js';

export { HELD_OUT_UTTERANCES, UTTERANCES };

/** One utterance the router got wrong. */
export interface EvalMiss {
  text: string;
  expected: EvalUtterance;
  got: { intent: string; entities: Record<string, unknown> };
}

export interface EvalResult {
  total: number;
  intentCorrect: number;
  /** Utterances whose compared entities all match (an unexpected one counts as wrong). */
  entitiesCorrect: number;
  intentAccuracy: number;
  entityAccuracy: number;
  misses: EvalMiss[];
  /** Routing time per utterance, milliseconds, sorted. */
  timings: number[];
}

/**
 * Routes an evaluation table (default: the tuned table; `HELD_OUT_UTTERANCES` for the held-out
 * one) and scores it; `clock` times each routing.
 */
export function evaluateRouter(table: readonly EvalUtterance[] = UTTERANCES, clock: () => number = () => performance.now()): EvalResult {
  let intentCorrect = 0;
  let entitiesCorrect = 0;
  const misses: EvalMiss[] = [];
  const timings: number[] = [];
  for (const expected of table) {
    const start = clock();
    const routed = routeMessage(expected.text, { now: UTTERANCE_NOW, products: UTTERANCE_PRODUCTS });
    timings.push(clock() - start);
    const intentOk = routed.intent === expected.intent;
    const want = expected.entities ?? {};
    const entitiesOk = EVAL_ENTITY_KEYS.every((k) => routed.entities[k] === want[k]);
    if (intentOk) intentCorrect++;
    if (entitiesOk) entitiesCorrect++;
    if (!intentOk || !entitiesOk) {
      const got = Object.fromEntries(EVAL_ENTITY_KEYS.filter((k) => routed.entities[k] !== undefined).map((k) => [k, routed.entities[k]]));
      misses.push({ text: expected.text, expected, got: { intent: routed.intent, entities: got } });
    }
  }
  timings.sort((a, b) => a - b);
  const total = table.length;
  return { total, intentCorrect, entitiesCorrect, intentAccuracy: intentCorrect / total, entityAccuracy: entitiesCorrect / total, misses, timings };
}

/** The `q` quantile of sorted numbers. */
export const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
