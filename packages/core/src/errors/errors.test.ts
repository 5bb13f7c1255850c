import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import vm from 'node:vm';
import * as z from 'zod/mini';
import { PriceQuoteRequestSchema } from '../pricing/pricing.schema.js';
import { parseOrThrow, validationErrorFromZod } from './from-zod.js';
import { HttpError } from './http-error.js';
import { KontorError, isKontorError } from './kontor-error.js';
import { issueMessage, resolveLang } from './messages.js';
import { ValidationError } from './validation-error.js';

describe('isKontorError()', () => {
  it('recognises every Kontor error class', () => {
    assert.ok(isKontorError(new KontorError('not_found', 'x')));
    assert.ok(isKontorError(new ValidationError('x', [])));
    assert.ok(isKontorError(new HttpError('conflict', 'x', { status: 409, request: { method: 'GET', url: '/' } })));
    assert.ok(!isKontorError(new Error('x')));
    assert.ok(!isKontorError({ code: 'validation' }));
    assert.ok(!isKontorError(null));
  });

  it('recognises an error from another realm', () => {
    const foreign = vm.runInNewContext(`const e = new Error('x'); Object.defineProperty(e, Symbol.for('kontor.error'), { value: true }); e`);
    assert.ok(isKontorError(foreign));
    assert.ok(!(foreign instanceof KontorError));
  });
});

describe('KontorError', () => {
  it('serialises to the one error body shape', () => {
    const e = new ValidationError('Quote is not valid', [{ path: ['lines', 0, 'quantity'], code: 'step', message: 'm', suggestions: [20, 30] }]);
    assert.deepEqual(e.toJSON(), {
      status: 422,
      code: 'validation',
      message: 'Quote is not valid',
      issues: [{ path: ['lines', 0, 'quantity'], code: 'step', message: 'm', suggestions: [20, 30] }],
    });
  });

  it('keeps the cause', () => {
    const cause = new Error('socket hang up');
    assert.equal(new KontorError('network', 'x', { cause }).cause, cause);
  });
});

describe('validationErrorFromZod()', () => {
  it('names the path of a wrong quantity and says required for a missing field', () => {
    let e: ValidationError | undefined;
    try {
      parseOrThrow(PriceQuoteRequestSchema, { lines: [{ sku: 'A-1', quantity: 'ten' }, { quantity: 1 }] }, 'Price quote');
    } catch (error) {
      e = error as ValidationError;
    }
    assert.ok(e instanceof ValidationError);
    assert.equal(e.code, 'validation');
    assert.match(e.message, /Price quote is not valid at lines\.0\.quantity/);
    assert.deepEqual(e.issues.map((i) => [i.path, i.code]), [[['lines', 0, 'quantity'], 'invalid_type'], [['lines', 1, 'sku'], 'required']]);
  });

  it('speaks German when asked', () => {
    const r = z.safeParse(PriceQuoteRequestSchema, { lines: [] });
    assert.ok(!r.success);
    assert.equal(validationErrorFromZod(r.error, 'x', { lang: 'de' }).issues[0]?.message, 'Mindestens 1 Einträge.');
  });
});

describe('resolveLang()', () => {
  it('reads the first de/en of an Accept-Language header', () => {
    assert.equal(resolveLang('de-DE,de;q=0.9,en;q=0.8'), 'de');
    assert.equal(resolveLang('fr-FR, en;q=0.5'), 'en');
    assert.equal(resolveLang('fr'), 'en');
    assert.equal(resolveLang(undefined), 'en');
  });
});

describe('issueMessage()', () => {
  it('groups large limits the way each language does', () => {
    assert.equal(issueMessage('too_big', { origin: 'number', maximum: 10_000_000 }, 'de'), 'Darf höchstens 10.000.000 sein.');
    assert.equal(issueMessage('too_big', { origin: 'number', maximum: 10_000_000 }, 'en'), 'Must be at most 10,000,000.');
    assert.equal(issueMessage('min_quantity', { min: 1000 }, 'de'), 'Die Mindestbestellmenge ist 1.000.');
    assert.equal(issueMessage('step', { step: 2500 }, 'en'), 'Order in steps of 2,500.');
  });

  it('asks to tick a box that must be ticked instead of naming the value true', () => {
    const mandate = z.object({ mandateAccepted: z.literal(true) });
    const error = validationErrorFromZod(z.safeParse(mandate, { mandateAccepted: false }).error!, 'body', { lang: 'de' });
    assert.equal(error.issues[0]!.message, 'Bitte bestätigen Sie dies, um fortzufahren.');
    assert.equal(issueMessage('invalid_value', { values: [true] }, 'en'), 'Please confirm this to continue.');
    assert.equal(issueMessage('invalid_value', { values: ['DE', 'AT'] }, 'de'), 'Erlaubt: DE oder AT.');
  });

  it('ends a date message without a second full stop after an abbreviated date', () => {
    assert.equal(issueMessage('delivery_date_too_early', { earliest: 'Di, 08.12.' }, 'de'), 'Frühestmöglicher Liefertermin: Di, 08.12.');
  });
});

