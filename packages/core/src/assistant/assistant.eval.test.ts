import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateRouter } from './assistant.eval.js';
import { HELD_OUT_UTTERANCES, UTTERANCES } from './utterances.js';

// A test of quality, not of timing: the router must read at least 90 % of the table's intents.
describe('the built-in router on its evaluation table', () => {
  it('holds at least 200 German and English utterances', () => {
    assert.ok(UTTERANCES.length + HELD_OUT_UTTERANCES.length >= 200);
    assert.equal(new Set(UTTERANCES.map((u) => u.intent)).size, 14, 'every intent is in the table');
  });

  it('reads at least 90 % of the intents right (tuned and held-out tables together), and says which it missed', (t) => {
    const tuned = evaluateRouter(UTTERANCES);
    const heldOut = evaluateRouter(HELD_OUT_UTTERANCES);
    const all = evaluateRouter([...UTTERANCES, ...HELD_OUT_UTTERANCES]);
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    t.diagnostic(`tuned: intent ${pct(tuned.intentAccuracy)}, entities ${pct(tuned.entityAccuracy)} of ${tuned.total}`);
    t.diagnostic(`held-out: intent ${pct(heldOut.intentAccuracy)}, entities ${pct(heldOut.entityAccuracy)} of ${heldOut.total}`);
    t.diagnostic(`both: intent ${pct(all.intentAccuracy)}, entities ${pct(all.entityAccuracy)} of ${all.total}`);
    for (const m of all.misses) t.diagnostic(`miss: ${JSON.stringify(m.text)} expected ${m.expected.intent} ${JSON.stringify(m.expected.entities ?? {})}, got ${m.got.intent} ${JSON.stringify(m.got.entities)}`);
    assert.ok(all.intentAccuracy >= 0.9, `intent accuracy ${pct(all.intentAccuracy)} is below 90 %`);
  });
});
