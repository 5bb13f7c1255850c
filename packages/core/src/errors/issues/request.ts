import type { IssueMessages } from '../messages.js';
import { num } from './format.js';

/**
 * Issues of the request itself, found before any route (the server's router): its URL. Not in
 * `issueMessage()`, so no page carries them; the server names them with `messageIn([requestIssues])`.
 */
export const requestIssues: IssueMessages = {
  en: {
    invalid_url: () => 'The address of the request is not valid: a “%” must be followed by two hexadecimal digits, and the bytes must be UTF-8.',
    param_too_long: (p) => `A value in the address is longer than ${num(p.max, 'en')} characters.`,
  },
  de: {
    invalid_url: () => 'Die Adresse der Anfrage ist ungültig: auf ein „%“ müssen zwei Hexadezimalziffern folgen, und die Bytes müssen UTF-8 sein.',
    param_too_long: (p) => `Ein Wert in der Adresse ist länger als ${num(p.max, 'de')} Zeichen.`,
  },
};
