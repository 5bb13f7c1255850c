import { expect } from '@open-wc/testing';
import type { PropertyDeclaration } from 'lit';
import '../kontor.js';
import { toBooleanProperty, toNumberProperty } from './kontor-element.js';

const tags = [
  'kontor-shop', 'kontor-price', 'kontor-quantity', 'kontor-availability', 'kontor-product-list', 'kontor-add-to-cart',
  'kontor-cart-count', 'kontor-cart', 'kontor-quick-order', 'kontor-checkout', 'kontor-order-status', 'kontor-order-history',
];

/** The declared number and boolean properties of a registered element. */
function typedProperties(tag: string): { name: string; type: 'number' | 'boolean' }[] {
  const ctor = customElements.get(tag) as unknown as { elementProperties: Map<PropertyKey, PropertyDeclaration> };
  return [...ctor.elementProperties]
    .filter(([, o]) => o.type === Number || o.type === Boolean)
    .map(([name, o]) => ({ name: String(name), type: o.type === Number ? 'number' : 'boolean' }));
}

describe('properties set by frameworks (React, Vue and Svelte pass strings)', () => {
  it('reads strings as numbers and booleans the way an attribute would', () => {
    expect(toNumberProperty('10')).to.equal(10);
    expect(toNumberProperty(' 2.5 ')).to.equal(2.5);
    expect(toNumberProperty('')).to.equal(undefined);
    expect(Number.isNaN(toNumberProperty('ten'))).to.equal(true);
    expect(toNumberProperty(7)).to.equal(7);
    expect(toBooleanProperty('')).to.equal(true);
    expect(toBooleanProperty('true')).to.equal(true);
    expect(toBooleanProperty('no-tiers')).to.equal(true);
    expect(toBooleanProperty('false')).to.equal(false);
    expect(toBooleanProperty('FALSE')).to.equal(false);
    expect(toBooleanProperty(false)).to.equal(false);
  });

  it('coerces a string on every number and boolean property of every element', () => {
    let checked = 0;
    for (const tag of tags) {
      for (const { name, type } of typedProperties(tag)) {
        const el = document.createElement(tag) as unknown as Record<string, unknown>;
        if (type === 'number') {
          el[name] = '12';
          expect(el[name], `${tag}.${name} = "12"`).to.equal(12);
        } else {
          el[name] = 'false';
          expect(el[name], `${tag}.${name} = "false"`).to.equal(false);
          el[name] = '';
          expect(el[name], `${tag}.${name} = ""`).to.equal(true);
        }
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(20);
  });

  it('coerces a string set before the element was upgraded', async () => {
    const el = document.createElement('kontor-quantity-later') as HTMLElement & { min?: unknown; updateComplete?: Promise<boolean> };
    el.min = '10';
    document.body.append(el);
    try {
      const { KontorQuantity } = await import('../components/quantity/quantity.component.js');
      customElements.define('kontor-quantity-later', class extends KontorQuantity {});
      await el.updateComplete;
      expect(el.min).to.equal(10);
    } finally {
      el.remove();
    }
  });
});
