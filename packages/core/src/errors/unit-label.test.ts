import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUnit, unitLabel } from './unit-label.js';

describe('unitLabel()', () => {
  it('counts units in German and English the way the shop and the mails word them', () => {
    assert.equal(unitLabel('roll', 1, 'de'), 'Rolle');
    assert.equal(unitLabel('roll', 5, 'de'), 'Rollen');
    assert.equal(unitLabel('piece', 1000, 'de'), 'Stk');
    assert.equal(unitLabel('piece', 1, 'en'), 'pc');
    assert.equal(unitLabel('piece', 3, 'en'), 'pcs');
    assert.equal(unitLabel('box', 2, 'en'), 'boxes');
    assert.equal(unitLabel('meter', 100, 'en'), 'm');
  });

  it('knows the sales units and nothing else', () => {
    assert.ok(isUnit('roll'));
    assert.ok(!isUnit('bogus'));
    assert.ok(!isUnit('toString'));
  });
});
