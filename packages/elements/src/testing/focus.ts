import { expect, oneEvent } from '@open-wc/testing';
import type { LitElement } from 'lit';

/**
 * Focuses `button` of `host`, clicks it, and checks that it stays focused while the work runs
 * (marked aria-disabled, not disabled: a disabled button drops the focus to the page) and after
 * `host` fired `kontor-cart-change`. Resolves with that event.
 */
export async function clickKeepingFocus(host: LitElement, button: HTMLButtonElement): Promise<CustomEvent> {
  button.focus();
  const changed = oneEvent(host, 'kontor-cart-change');
  button.click();
  await host.updateComplete;
  expect(button.getAttribute('aria-disabled')).to.equal('true');
  expect(host.shadowRoot!.activeElement).to.equal(button);
  const event = await changed;
  await host.updateComplete;
  expect(host.shadowRoot!.activeElement).to.equal(button);
  expect(button.getAttribute('aria-disabled')).to.equal('false');
  return event;
}
