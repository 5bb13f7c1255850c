// The answer forms of <kontor-offer>, loaded on demand: accept into an order or a standing order,
// reject with a reason, ask for changes — with their styles and strings. An offer is read far more
// often than it is answered, and an answered one is never answered again. The element keeps the
// state and the handlers (offer.component.ts); this module renders the forms and builds the body.
import type { Lang } from '@kontor/core/errors';
import type { AcceptOfferBody, Offer, OfferVersion } from '@kontor/core/offers';
import type { SavedAddress } from '@kontor/core/orders';
import { css, html, nothing } from 'lit';
import { offerAnswer } from '../../translations/slices/offerAnswer.js';

export type Schedule = 'weekly' | 'biweekly' | 'fourweekly' | 'monthly';
const SCHEDULES: readonly Schedule[] = ['weekly', 'biweekly', 'fourweekly', 'monthly'];
const PAYMENTS = ['invoice', 'prepayment'] as const;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** What the accept form holds, as typed. */
export interface AcceptDraft {
  into: 'order' | 'standing_order';
  addressId: string;
  payment: (typeof PAYMENTS)[number];
  deliveryDate: string;
  po: string;
  name: string;
  schedule: Schedule;
  start: string;
}

export const emptyDraft = (): AcceptDraft => ({ into: 'order', addressId: '', payment: 'invoice', deliveryDate: '', po: '', name: '', schedule: 'weekly', start: '' });

/** The day after `day` (`YYYY-MM-DD`). */
export const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Styles of the forms, adopted by the element's shadow root when this module loads. */
export const answerStyles = css`
  .form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--kontor-space-m, 0.75rem);
    padding: var(--kontor-space-m, 0.75rem);
    border: 1px solid var(--offer-border-color);
    border-radius: var(--kontor-radius, 4px);
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kontor-space-s, 0.5rem) var(--kontor-space-m, 0.75rem);
    margin: 0;
    padding: var(--kontor-space-s, 0.5rem) 0 0;
    border: 0;
  }
  legend {
    padding: 0;
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: var(--kontor-space-xs, 0.25rem);
    justify-items: start;
  }
  .field select {
    max-width: 100%;
  }
  .radio {
    display: inline-flex;
    align-items: center;
    gap: var(--kontor-space-xs, 0.25rem);
  }
  .radio input {
    min-height: auto;
  }
  textarea {
    font: inherit;
    width: 100%;
    padding: var(--kontor-space-s, 0.5rem);
    border: 1px solid var(--kontor-color-border-strong, #6e7781);
    border-radius: var(--kontor-radius, 4px);
    background: var(--kontor-color-surface, #fff);
    color: inherit;
  }
  [aria-invalid='true'] {
    border-color: var(--kontor-color-danger, #b3261e);
  }
  .field-error {
    color: var(--kontor-color-danger-text, #7a1712);
  }
`;

/** The standing orders' structured schedule of a small choice: from `start`, until the offer's prices end. */
function scheduleOf(choice: Schedule, start: string, until: string): Record<string, unknown> {
  const end = { kind: 'until', until };
  const form =
    choice === 'monthly'
      ? { every: 'month', interval: 1, on: { kind: 'day', day: Number(start.slice(8, 10)), missing: 'last_day' }, start, end }
      : { every: 'week', interval: choice === 'weekly' ? 1 : choice === 'biweekly' ? 2 : 4, weekdays: [WEEKDAYS[new Date(`${start}T00:00:00Z`).getUTCDay()]], start, end };
  return { form };
}

/** The accept body of what the form holds, against the offer's `version` and the version shown. */
export function acceptBody(d: AcceptDraft, offer: Offer, v: OfferVersion): AcceptOfferBody {
  const deliveryAddress = { addressId: d.addressId };
  const payment = { method: d.payment };
  const base = { version: offer.version, versionNumber: v.number };
  if (d.into === 'order') {
    return {
      ...base,
      into: {
        kind: 'order', deliveryAddress, payment,
        ...(d.deliveryDate ? { requestedDeliveryDate: d.deliveryDate } : {}),
        ...(d.po.trim() ? { purchaseOrderNumber: d.po.trim() } : {}),
      },
    };
  }
  return {
    ...base,
    into: {
      kind: 'standing_order', deliveryAddress, payment,
      ...(d.name.trim() ? { name: d.name.trim() } : {}),
      schedule: scheduleOf(d.schedule, d.start, v.priceValidUntil),
    },
  };
}

/** What the forms show and do: the element's state and handlers. */
export interface AnswerView {
  lang: Lang;
  draft: AcceptDraft;
  set<K extends keyof AcceptDraft>(key: K, value: AcceptDraft[K]): void;
  text: string;
  setText(text: string): void;
  fieldError: string;
  working: boolean;
  /** The company's saved addresses; `null` while they load. */
  addresses: SavedAddress[] | null;
  /** Tomorrow on the page's clock, in the seller's time zone. */
  tomorrow: string;
  onAccept(event: SubmitEvent): void;
  onText(event: SubmitEvent, mode: 'reject' | 'changes'): void;
  cancel(): void;
}

function buttons(view: AnswerView, label: string, busy: string, off = false) {
  return html`<div class="buttons">
    <button type="submit" class="primary" part="confirm" aria-disabled=${view.working || off ? 'true' : 'false'}>${view.working ? busy : label}</button>
    <button type="button" class="cancel" @click=${() => view.working || view.cancel()}>${offerAnswer[view.lang].cancel}</button>
  </div>`;
}

/** The form that accepts `v` into an order or a standing order. */
export function renderAcceptForm(view: AnswerView, v: OfferVersion) {
  const t = offerAnswer[view.lang];
  const d = view.draft;
  const standing = d.into === 'standing_order';
  const addresses = view.addresses;
  const radio = <K extends 'into' | 'payment'>(key: K, value: AcceptDraft[K], label: string) =>
    html`<label class="radio"><input type="radio" name=${key} value=${value} .checked=${d[key] === value} @change=${() => view.set(key, value)} /> ${label}</label>`;
  const input = (key: 'deliveryDate' | 'po' | 'name' | 'start', label: string, type: string, extra: { min?: string; max?: string; maxlength?: number; required?: boolean } = {}) =>
    html`<label class="field"><span>${label}</span><input
        type=${type}
        name=${key}
        .value=${d[key]}
        min=${extra.min ?? nothing}
        max=${extra.max ?? nothing}
        maxlength=${extra.maxlength ?? nothing}
        ?required=${extra.required}
        @input=${(e: Event) => view.set(key, (e.target as HTMLInputElement).value)}
      /></label>`;
  return html`<form part="accept-form" class="form" novalidate @submit=${(e: SubmitEvent) => view.onAccept(e)}>
    <h4>${t.acceptTitle}</h4>
    <fieldset><legend>${t.intoLabel}</legend>${radio('into', 'order', t.intoOrder)} ${radio('into', 'standing_order', t.intoStandingOrder)}</fieldset>
    ${addresses === null
      ? html`<p class="muted">${t.addressesLoading}</p>`
      : addresses.length
        ? html`<label class="field"><span>${t.deliveryAddress}</span><select
              name="address"
              aria-invalid=${view.fieldError ? 'true' : 'false'}
              aria-describedby=${view.fieldError ? 'accept-error' : nothing}
              @change=${(e: Event) => view.set('addressId', (e.target as HTMLSelectElement).value)}
            >
              ${addresses.map((a) => html`<option value=${a.id} ?selected=${a.id === d.addressId}>${a.label} – ${a.address.name}, ${a.address.street}, ${a.address.postcode} ${a.address.city}</option>`)}
            </select></label>
            ${view.fieldError ? html`<p class="field-error" part="field-error" id="accept-error">${view.fieldError}</p>` : nothing}`
        : html`<p class="field-error" part="field-error">${t.noSavedAddress}</p>`}
    <fieldset><legend>${t.paymentLabel}</legend>${PAYMENTS.map((m) => radio('payment', m, t.offerPaymentName(m)))}</fieldset>
    ${standing
      ? html`${input('name', t.offerStandingOrderName, 'text', { maxlength: 100 })}
          <label class="field"><span>${t.offerSchedule}</span><select name="schedule" @change=${(e: Event) => view.set('schedule', (e.target as HTMLSelectElement).value as Schedule)}>
            ${SCHEDULES.map((s) => html`<option value=${s} ?selected=${s === d.schedule}>${t.scheduleChoice(s)}</option>`)}
          </select></label>
          ${input('start', t.firstRun, 'date', { min: view.tomorrow, max: v.priceValidUntil, required: true })}
          <p class="hint">${t.standingOrderPrices(v.priceValidUntil)}</p>`
      : html`${input('deliveryDate', t.offerDeliveryDate, 'date', { min: view.tomorrow })} ${input('po', t.offerPoNumber, 'text', { maxlength: 35 })}`}
    ${buttons(view, standing ? t.confirmStandingOrder : t.confirmAccept, t.accepting, !addresses?.length)}
  </form>`;
}

/** The form with the reason for rejecting, or the changes asked for. */
export function renderTextForm(view: AnswerView, mode: 'reject' | 'changes') {
  const t = offerAnswer[view.lang];
  const id = `${mode}-text`;
  return html`<form part=${`${mode}-form`} class="form" novalidate @submit=${(e: SubmitEvent) => view.onText(e, mode)}>
    <h4>${mode === 'reject' ? t.rejectTitle : t.changesTitle}</h4>
    <label class="field" for=${id}><span>${mode === 'reject' ? t.rejectReason : t.changesComment}</span></label>
    <textarea
      id=${id}
      rows="4"
      maxlength=${mode === 'reject' ? 1000 : 2000}
      required
      aria-invalid=${view.fieldError ? 'true' : 'false'}
      aria-describedby=${view.fieldError ? `${id}-error` : nothing}
      .value=${view.text}
      @input=${(e: Event) => view.setText((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${view.fieldError ? html`<p class="field-error" part="field-error" id=${`${id}-error`}>${view.fieldError}</p>` : nothing}
    ${buttons(view, mode === 'reject' ? t.confirmReject : t.sendChanges, t.answerSending)}
  </form>`;
}
