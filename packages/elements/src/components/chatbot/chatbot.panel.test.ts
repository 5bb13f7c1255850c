import { expect } from '@open-wc/testing';
import { isAllowedLink, messageProblem } from './chatbot.panel.js';

describe('isAllowedLink()', () => {
  const api = 'https://shop.example.com/api';
  it('allows the endpoint\'s host and the listed ones, over http(s) only', () => {
    expect(isAllowedLink('https://shop.example.com/track/1', api, [])).to.equal(true);
    expect(isAllowedLink('https://nolp.dhl.de/x?idc=1', api, ['nolp.dhl.de'])).to.equal(true);
    expect(isAllowedLink('https://NOLP.dhl.de/x', api, [' nolp.dhl.de '])).to.equal(true);
    expect(isAllowedLink('https://evil.example/x', api, ['nolp.dhl.de'])).to.equal(false);
    expect(isAllowedLink('https://nolp.dhl.de.evil.example/x', api, ['nolp.dhl.de'])).to.equal(false);
    expect(isAllowedLink('javascript:alert(1)', api, ['nolp.dhl.de'])).to.equal(false);
    expect(isAllowedLink('not a url', api, [])).to.equal(false);
  });
});

describe('messageProblem()', () => {
  it('words an empty and an over-long message in German and English, and lets 2000 characters pass', () => {
    expect(messageProblem(' \n ', 'de')).to.equal('Mindestens 1 Zeichen.');
    expect(messageProblem('x'.repeat(2001), 'en')).to.equal('At most 2000 characters.');
    expect(messageProblem(` ${'x'.repeat(2000)} `, 'de')).to.equal(null);
  });
});
