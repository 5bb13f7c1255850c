import type { IssueMessages } from '../messages.js';
import { list, num, mustConfirm } from './format.js';

/** Issues of any field: what zod and our schemas report. */
export const validationIssues: IssueMessages = {
  en: {
    required: () => 'This field is required.',
    invalid_type: (p) => `Expected ${p.expected ?? 'another type'}.`,
    invalid_json: () => 'The body is not valid JSON.',
    too_small: (p) => (p.origin === 'string' ? `At least ${p.minimum} characters.` : p.origin === 'array' ? `At least ${p.minimum} items.` : `Must be at least ${num(p.minimum, 'en')}.`),
    too_big: (p) => (p.origin === 'string' ? `At most ${p.maximum} characters.` : p.origin === 'array' ? `At most ${p.maximum} items.` : `Must be at most ${num(p.maximum, 'en')}.`),
    invalid_format: (p) => (p.format && p.format !== 'regex' ? `Not a valid ${p.format}.` : 'Not in the expected format.'),
    invalid_value: (p) => (mustConfirm(p.values) ? 'Please confirm this to continue.' : `Must be ${list(p.values, 'en')}.`),
    unrecognized_keys: (p) => `Unknown field ${list(p.keys, 'en')}.`,
    not_integer: () => 'Must be a whole number.',
    not_positive: () => 'Must be greater than zero.',
    // Free text (internal/schema-helpers.ts: singleLineText, multiLineText)
    control_character: () => 'Contains an invisible control character; please remove it.',
    line_break: () => 'Please write this on one line.',
    unpaired_surrogate: () => 'Contains a broken character; please type it again.',
    invalid: () => 'This value is not valid.',
  },
  de: {
    required: () => 'Dieses Feld ist erforderlich.',
    invalid_type: (p) => `Erwartet: ${p.expected ?? 'ein anderer Typ'}.`,
    invalid_json: () => 'Der Inhalt ist kein gültiges JSON.',
    too_small: (p) => (p.origin === 'string' ? `Mindestens ${p.minimum} Zeichen.` : p.origin === 'array' ? `Mindestens ${p.minimum} Einträge.` : `Muss mindestens ${num(p.minimum, 'de')} sein.`),
    too_big: (p) => (p.origin === 'string' ? `Höchstens ${p.maximum} Zeichen.` : p.origin === 'array' ? `Höchstens ${p.maximum} Einträge.` : `Darf höchstens ${num(p.maximum, 'de')} sein.`),
    invalid_format: (p) => (p.format && p.format !== 'regex' ? `Kein gültiges Format (${p.format}).` : 'Nicht im erwarteten Format.'),
    invalid_value: (p) => (mustConfirm(p.values) ? 'Bitte bestätigen Sie dies, um fortzufahren.' : `Erlaubt: ${list(p.values, 'de')}.`),
    unrecognized_keys: (p) => `Unbekanntes Feld ${list(p.keys, 'de')}.`,
    not_integer: () => 'Bitte eine ganze Zahl angeben.',
    not_positive: () => 'Muss größer als null sein.',
    // Freitext (internal/schema-helpers.ts: singleLineText, multiLineText)
    control_character: () => 'Enthält ein unsichtbares Steuerzeichen; bitte entfernen Sie es.',
    line_break: () => 'Bitte in einer Zeile schreiben.',
    unpaired_surrogate: () => 'Enthält ein beschädigtes Zeichen; bitte geben Sie es neu ein.',
    invalid: () => 'Dieser Wert ist ungültig.',
  },
};
