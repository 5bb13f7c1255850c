import { expect, fixture, html } from '@open-wc/testing';
import { KontorElement } from '../internal/kontor-element.js';
import { strings, type Slice } from './strings.js';

/** A slice whose loaders count their calls and can be made to fail. */
function countingSlice(texts: Record<'de' | 'en', string>, fail: { de?: boolean; en?: boolean } = {}) {
  const calls = { de: 0, en: 0 };
  const slice: Slice<{ hello: string }> = {
    de: async () => {
      calls.de++;
      if (fail.de) throw new Error('de chunk failed');
      return { hello: texts.de };
    },
    en: async () => {
      calls.en++;
      if (fail.en) throw new Error('en chunk failed');
      return { hello: texts.en };
    },
  };
  return { slice, calls };
}

let tagCount = 0;
function defineGreeter(s: ReturnType<typeof strings<[Slice<{ hello: string }>]>>) {
  const tag = `kontor-test-greeter-${++tagCount}`;
  customElements.define(
    tag,
    class extends KontorElement<{ hello: string }> {
      static override strings = s;
      override render() {
        return html`<p>${this.t.hello}</p>`;
      }
    },
  );
  return tag;
}

describe('strings()', () => {
  it('loads only the language asked for, once, and merges the slices', async () => {
    const a = countingSlice({ de: 'Hallo', en: 'Hello' });
    const b: Slice<{ bye: string }> = { de: async () => ({ bye: 'Tschüss' }), en: async () => ({ bye: 'Bye' }) };
    const s = strings(a.slice, b);
    expect(s.get('de')).to.equal(undefined);
    const [first, second] = await Promise.all([s.load('de'), s.load('de')]);
    expect(first).to.equal(second);
    expect(first).to.deep.equal({ hello: 'Hallo', bye: 'Tschüss' });
    expect(s.get('de')).to.equal(first);
    expect(a.calls).to.deep.equal({ de: 1, en: 0 });
  });

  it('tries a failed language again on the next load', async () => {
    let failing = true;
    const s = strings({ de: async () => { if (failing) throw new Error('offline'); return { hello: 'Hallo' }; }, en: async () => ({ hello: 'Hello' }) });
    let error: unknown;
    await s.load('de').catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('offline');
    failing = false;
    expect((await s.load('de')).hello).to.equal('Hallo');
  });
});

describe('an element and its strings', () => {
  it('renders in the page language once its strings have loaded, without loading the other', async () => {
    const { slice, calls } = countingSlice({ de: 'Hallo', en: 'Hello' });
    const tag = defineGreeter(strings(slice));
    const el = await fixture(`<div lang="de"><${tag}></${tag}></div>`);
    const greeter = el.firstElementChild as KontorElement;
    await greeter.updateComplete;
    expect(greeter.shadowRoot!.textContent!.trim()).to.equal('Hallo');
    expect(calls).to.deep.equal({ de: 1, en: 0 });
  });

  it('follows a change of language, loading the new one', async () => {
    const { slice, calls } = countingSlice({ de: 'Hallo', en: 'Hello' });
    const tag = defineGreeter(strings(slice));
    const greeter = await fixture<KontorElement>(`<${tag} lang="de"></${tag}>`);
    greeter.setAttribute('lang', 'en');
    await greeter.updateComplete;
    expect(greeter.shadowRoot!.textContent!.trim()).to.equal('Hello');
    expect(calls).to.deep.equal({ de: 1, en: 1 });
  });

  it('falls back to the other language when the page language cannot be loaded, and reports it', async () => {
    const { slice } = countingSlice({ de: 'Hallo', en: 'Hello' }, { de: true });
    const tag = defineGreeter(strings(slice));
    const errors: unknown[] = [];
    const listen = (e: Event) => errors.push((e as CustomEvent).detail.error);
    document.addEventListener('kontor-error', listen);
    try {
      const greeter = await fixture<KontorElement>(`<${tag} lang="de"></${tag}>`);
      expect(greeter.shadowRoot!.textContent!.trim()).to.equal('Hello');
      expect(errors).to.have.length(0);
    } finally {
      document.removeEventListener('kontor-error', listen);
    }
  });

  it('renders nothing and emits kontor-error when no language can be loaded', async () => {
    const { slice } = countingSlice({ de: 'Hallo', en: 'Hello' }, { de: true, en: true });
    const tag = defineGreeter(strings(slice));
    const errors: unknown[] = [];
    const listen = (e: Event) => errors.push((e as CustomEvent).detail.error);
    document.addEventListener('kontor-error', listen);
    try {
      const greeter = await fixture<KontorElement>(`<${tag} lang="de"></${tag}>`);
      expect(greeter.shadowRoot!.textContent!.trim()).to.equal('');
      expect(errors).to.have.length(1);
    } finally {
      document.removeEventListener('kontor-error', listen);
    }
  });
});
