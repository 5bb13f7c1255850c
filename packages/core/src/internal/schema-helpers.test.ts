import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import { CartNameSchema, CreateCartRequestSchema } from '../cart/cart.schema.js';
import { validationErrorFromZod } from '../errors/from-zod.js';
import { multiLineText, singleLineText, textProblem } from './schema-helpers.js';

const issuesOf = (schema: z.core.$ZodType, value: unknown, lang: 'de' | 'en' = 'en') => {
  const r = z.safeParse(schema, value, { reportInput: true });
  return r.success ? [] : validationErrorFromZod(r.error, 'test', { lang }).issues;
};

describe('textProblem()', () => {
  it('names the first control, bidi-override or broken character, and line breaks where one line is expected', () => {
    assert.equal(textProblem('Hafenstraße 12 · 3. OG'), null);
    assert.equal(textProblem('👍 Müller'), null);
    assert.deepEqual(textProblem('a\u0000b'), { code: 'control_character', codePoint: 'U+0000' });
    assert.deepEqual(textProblem('a\u007fb'), { code: 'control_character', codePoint: 'U+007F' });
    assert.deepEqual(textProblem('a\u0085b'), { code: 'control_character', codePoint: 'U+0085' });
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF', '\u2028']) {
      assert.equal(textProblem(`a${c}b`)?.code, 'control_character', c);
    }
    assert.deepEqual(textProblem('a\nb'), { code: 'line_break' });
    assert.deepEqual(textProblem('a\rb'), { code: 'line_break' });
    assert.equal(textProblem('a\r\nb', true), null);
    assert.deepEqual(textProblem('a\tb', true), { code: 'control_character', codePoint: 'U+0009' });
    assert.deepEqual(textProblem('a\uD83Db'), { code: 'unpaired_surrogate' });
    assert.deepEqual(textProblem('a\uDE00b'), { code: 'unpaired_surrogate' });
  });
});

describe('singleLineText() and multiLineText()', () => {
  it('trims, normalises to NFC and checks the length of what is left', () => {
    assert.equal(z.parse(singleLineText(10), '  Mu\u0308ller \n'), 'M\u00fcller');
    assert.deepEqual(issuesOf(singleLineText(10, 1), '   ').map((i) => i.code), ['too_small']);
    assert.deepEqual(issuesOf(singleLineText(3), 'abcd').map((i) => i.code), ['too_big']);
    assert.equal(z.parse(multiLineText(20), ' Zeile 1\nZeile 2 '), 'Zeile 1\nZeile 2');
  });

  it('reports a field issue with a message in both languages', () => {
    assert.deepEqual(issuesOf(z.object({ po: singleLineText(35) }), { po: 'PO\u202E1' }), [
      { path: ['po'], code: 'control_character', message: 'Contains an invisible control character; please remove it.' },
    ]);
    assert.equal(issuesOf(singleLineText(35), 'a\nb', 'de')[0]!.message, 'Bitte in einer Zeile schreiben.');
    assert.equal(issuesOf(singleLineText(35), 'a\uD800', 'de')[0]!.message, 'Enthält ein beschädigtes Zeichen; bitte geben Sie es neu ein.');
    // One issue per field, the first problem found, even with several.
    assert.deepEqual(issuesOf(singleLineText(3), 'a\uD800\u0000\nbcd').map((i) => i.code), ['unpaired_surrogate']);
  });
});

describe('CartNameSchema', () => {
  it('refuses a name with a broken character or a control character instead of storing replacement characters', () => {
    assert.deepEqual(issuesOf(CreateCartRequestSchema, { name: 'Baustelle \uD800' }).map((i) => [i.path, i.code]), [[['name'], 'unpaired_surrogate']]);
    assert.deepEqual(issuesOf(CartNameSchema, 'Baustelle\u0007').map((i) => i.code), ['control_character']);
    assert.equal(z.parse(CartNameSchema, ' Baustelle Arabellapark '), 'Baustelle Arabellapark');
  });
});
