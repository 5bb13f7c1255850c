import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { KontorQuantityChangeEvent } from '../../events/kontor-quantity-change.js';
import { clientOf, findProduct } from '../../testing/server.js';
import './kontor-quantity.js';
import type { KontorQuantity } from './quantity.component.js';

const input = (el: KontorQuantity) => el.shadowRoot!.querySelector('input')!;
const message = (el: KontorQuantity) => el.shadowRoot!.querySelector('[part=message]')!.textContent!.trim();
const suggestions = (el: KontorQuantity) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=suggestion]')].map((b) => b.textContent!.trim());

async function type(el: KontorQuantity, value: string): Promise<KontorQuantityChangeEvent> {
  const field = input(el);
  field.value = value;
  const event = oneEvent(el, 'kontor-quantity-change');
  field.dispatchEvent(new Event('change', { bubbles: true }));
  const result = await event;
  await el.updateComplete;
  return result;
}

describe('<kontor-quantity>', () => {
  it('is accessible', async () => {
    const el = await fixture<KontorQuantity>(html`<kontor-quantity min="10" step="10" lang="de"></kontor-quantity>`);
    await expect(el).to.be.accessible();
  });

  it('is accessible while showing an invalid quantity', async () => {
    const el = await fixture<KontorQuantity>(html`<kontor-quantity min="10" step="10" lang="de"></kontor-quantity>`);
    await type(el, '25');
    await expect(el).to.be.accessible();
  });

  it('names the sales unit in its rules hint, counted by the minimum, and leaves it out when there is none', async () => {
    const hint = (el: KontorQuantity) => el.shadowRoot!.querySelector('[id$=-hint]')!.textContent!.trim();
    const rolls = await fixture<KontorQuantity>(html`<kontor-quantity min="1" step="1" unit="roll" lang="de"></kontor-quantity>`);
    expect(hint(rolls)).to.equal('Mindestmenge 1 Rolle, in Schritten von 1');
    const pieces = await fixture<KontorQuantity>(html`<kontor-quantity min="50" step="50" unit="piece" lang="en"></kontor-quantity>`);
    expect(hint(pieces)).to.equal('Minimum 50 pcs, in steps of 50');
    const one = await fixture<KontorQuantity>(html`<kontor-quantity min="1" step="1" unit="piece" lang="en"></kontor-quantity>`);
    expect(hint(one)).to.equal('Minimum 1 pc, in steps of 1');
    const bare = await fixture<KontorQuantity>(html`<kontor-quantity min="1000" step="10" unit="bogus" lang="de"></kontor-quantity>`);
    expect(hint(bare)).to.equal('Mindestmenge 1.000, in Schritten von 10');
    await type(pieces, '70');
    expect(suggestions(pieces)).to.deep.equal(['50 pcs', '100 pcs']);
  });

  it('names the counted item for screen readers while showing only the short label', async () => {
    const el = await fixture<KontorQuantity>(html`<kontor-quantity min="1" step="1" item-name="NYM-J 3x1,5" lang="de"></kontor-quantity>`);
    const label = el.shadowRoot!.querySelector('label')!;
    expect(label.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Menge für NYM-J 3x1,5');
    const hidden = label.querySelector('.visually-hidden')!;
    expect(hidden.textContent!.trim()).to.equal('für NYM-J 3x1,5');
    expect(hidden.getBoundingClientRect().width).to.be.at.most(1);
    await expect(el).to.be.accessible();
  });

  it('starts at the lowest orderable quantity', async () => {
    const el = await fixture<KontorQuantity>(html`<kontor-quantity min="15" step="10"></kontor-quantity>`);
    expect(input(el).value).to.equal('20');
    expect(el.valid).to.equal(true);
  });

  it('rejects a quantity below the minimum order quantity and suggests the minimum', async () => {
    const el = await fixture<KontorQuantity>(html`<kontor-quantity min="10" step="10" lang="de"></kontor-quantity>`);
    const event = await type(el, '5');
    expect(event.detail).to.deep.equal({ quantity: 5, valid: false });
    expect(message(el)).to.equal('Die Mindestbestellmenge ist 10.');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(suggestions(el)).to.deep.equal(['10']);
  });

  it('rejects a quantity off the pack-size step and suggests the neighbouring quantities', async () => {
    const el = await fixture<KontorQuantity>(html`<kontor-quantity min="10" step="10" lang="en"></kontor-quantity>`);
    await type(el, '25');
    expect(message(el)).to.equal('Order in steps of 10.');
    expect(suggestions(el)).to.deep.equal(['20', '30']);
  });

  it('rejects a quantity above the maximum', async () => {
    const el = await fixture<KontorQuantity>(html`<kontor-quantity min="1" step="1" max="50" lang="en"></kontor-quantity>`);
    await type(el, '80');
    expect(message(el)).to.equal('The maximum order quantity is 50.');
    expect(suggestions(el)).to.deep.equal(['50']);
  });

  it('links the message to the input with aria-describedby', async () => {
    const el = await fixture<KontorQuantity>(html`<kontor-quantity min="10" step="10"></kontor-quantity>`);
    await type(el, '3');
    const ids = input(el).getAttribute('aria-describedby')!.split(' ');
    const described = ids.map((id) => el.shadowRoot!.getElementById(id)?.textContent ?? '').join(' ');
    expect(described).to.contain('The minimum order quantity is 10.');
  });

  it('sets the suggested quantity when a suggestion is chosen', async () => {
    const el = await fixture<KontorQuantity>(html`<kontor-quantity min="10" step="10"></kontor-quantity>`);
    await type(el, '25');
    const button = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=suggestion]')[1]!;
    const event = oneEvent(el, 'kontor-quantity-change');
    button.click();
    expect((await event).detail).to.deep.equal({ quantity: 30, valid: true });
    await el.updateComplete;
    expect(input(el).value).to.equal('30');
    expect(input(el).getAttribute('aria-invalid')).to.equal('false');
    expect(message(el)).to.equal('');
  });

  it('steps by the pack size with the − and + buttons', async () => {
    const el = await fixture<KontorQuantity>(html`<kontor-quantity min="50" step="50" quantity="100"></kontor-quantity>`);
    const plus = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=increment]')!;
    const minus = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=decrement]')!;
    let event = oneEvent(el, 'kontor-quantity-change');
    plus.click();
    expect((await event).detail).to.deep.equal({ quantity: 150, valid: true });
    event = oneEvent(el, 'kontor-quantity-change');
    minus.click();
    minus.click();
    await event;
    await el.updateComplete;
    expect(el.quantity).to.equal(50);
    expect(minus.disabled).to.equal(true);
  });

  it('takes min, step, max and quantity given as strings, as React, Vue and Svelte set them', async () => {
    const el = await fixture<KontorQuantity>(html`<kontor-quantity></kontor-quantity>`);
    Object.assign(el, { min: '10', step: '10', max: '500', quantity: '20' });
    await el.updateComplete;
    expect(input(el).value).to.equal('20');
    const event = oneEvent(el, 'kontor-quantity-change');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=increment]')!.click();
    expect((await event).detail).to.deep.equal({ quantity: 30, valid: true });
  });

  it('commits on Enter', async () => {
    const el = await fixture<KontorQuantity>(html`<kontor-quantity></kontor-quantity>`);
    input(el).value = '7';
    const event = oneEvent(el, 'kontor-quantity-change');
    input(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect((await event).detail).to.deep.equal({ quantity: 7, valid: true });
  });

  it('rejects a fraction', async () => {
    const el = await fixture<KontorQuantity>(html`<kontor-quantity lang="de"></kontor-quantity>`);
    await type(el, '2.5');
    expect(message(el)).to.equal('Bitte eine ganze Zahl angeben.');
  });

  it('labels the input in German and in English', async () => {
    const de = await fixture<KontorQuantity>(html`<div lang="de"><kontor-quantity></kontor-quantity></div>`);
    const en = await fixture<KontorQuantity>(html`<div lang="en"><kontor-quantity></kontor-quantity></div>`);
    const label = (wrapper: Element) => wrapper.querySelector('kontor-quantity')!.shadowRoot!.querySelector('label')!.textContent!.trim();
    expect(label(de)).to.equal('Menge');
    expect(label(en)).to.equal('Quantity');
  });

  it('takes the rules of a real cable product sold in steps of 50 m', async () => {
    const client = await clientOf('schmidt');
    const cable = await findProduct(client, (p) => p.unit === 'meter' && p.quantityRules.step === 50);
    const el = await fixture<KontorQuantity>(html`<kontor-quantity .product=${cable} lang="de"></kontor-quantity>`);
    const start = el.value;
    expect(start).to.equal(Math.ceil(cable.quantityRules.min / 50) * 50);
    await type(el, String(start + 20));
    expect(message(el)).to.equal('Bitte in Schritten von 50 bestellen.');
    const fmt = (n: number) => new Intl.NumberFormat('de-DE').format(n);
    expect(suggestions(el)).to.deep.equal([`${fmt(start)} m`, `${fmt(start + 50)} m`]);
  });

  it('takes part in forms with its name', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><kontor-quantity name="qty" min="10" step="10"></kontor-quantity></form>`);
    const el = form.querySelector('kontor-quantity')!;
    await el.updateComplete;
    expect(new FormData(form).get('qty')).to.equal('10');
  });
});
