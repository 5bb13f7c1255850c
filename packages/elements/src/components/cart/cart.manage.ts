// The cart's management, loaded on demand: the name dialog (save as, rename), the hand-off dialog
// and the history list, with their styles and strings. A buyer opens them now and then; a cart on
// every page shows its lines first. The element keeps the state and the handlers (cart.component.ts).
import type { Cart, CartEvent, Colleague, HandOff } from '@kontor/core/cart';
import type { Channel } from '@kontor/core/identity';
import type { Lang } from '@kontor/core/errors';
import { css, html, nothing, type TemplateResult } from 'lit';
import type { CartStrings, CommonStrings } from '../../translations/translation.js';
import { cartManage } from '../../translations/slices/cartManage.js';

const HANDOFF_CHANNELS: Channel[] = ['partner', 'sales_rep', 'web', 'chat', 'api'];

/** Styles of the dialogs and the history, adopted by the cart's shadow root when this module loads. */
export const manageStyles = css`
  dialog {
    width: min(32rem, 100% - 2rem);
    border: 1px solid var(--cart-border-color);
    border-radius: var(--kontor-radius, 4px);
    padding: var(--kontor-space-l, 1rem);
  }
  dialog form,
  dialog fieldset,
  dialog label:not(.radio) {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--kontor-space-s, 0.5rem);
  }
  dialog fieldset {
    min-width: 0;
    border: 0;
    padding: 0;
    margin: 0;
  }
  dialog label:not(.radio) {
    gap: var(--kontor-space-xs, 0.25rem);
  }
  dialog h3 {
    margin: 0;
  }
  .radio input {
    min-height: auto;
  }
  .code {
    font-family: ui-monospace, monospace;
    font-size: 1.25em;
    letter-spacing: 0.05em;
  }
  .history ol {
    margin: var(--kontor-space-xs, 0.25rem) 0 0;
    padding-inline-start: 1.25rem;
  }
`;

/** What the dialogs show and do; the element's state and handlers. */
export interface DialogsView {
  lang: Lang;
  t: CartStrings & CommonStrings;
  cart: Cart;
  nameMode: 'save-as' | 'rename';
  busy: boolean;
  /** The dialog's error text, if any. */
  error: string | undefined;
  handOffResult: HandOff | undefined;
  /** The link to continue a code hand-off elsewhere (`handoff-url` with the code). */
  link: string | null;
  colleagues: readonly Colleague[];
  onSaveAs: (event: SubmitEvent) => void;
  onHandOff: (event: SubmitEvent) => void;
  closeName: () => void;
  closeHandOff: () => void;
}

/** The name dialog and the hand-off dialog (closed; the element opens them). */
export function renderDialogs(v: DialogsView): TemplateResult {
  const { t, cart } = v;
  const m = cartManage[v.lang];
  const result = v.handOffResult;
  const time = (iso: string) => new Intl.DateTimeFormat(t.$locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  const dialogError = v.error ? html`<p class="error" role="alert">${v.error}</p>` : nothing;
  return html`<dialog class="save-as" part="dialog" aria-labelledby="save-as-title">
      <form @submit=${v.onSaveAs}>
        <h3 id="save-as-title">${v.nameMode === 'rename' ? t.rename : t.saveAs}</h3>
        <label>${m.cartName} <input name="name" required maxlength="100" .value=${cart.name} /></label>
        ${dialogError}
        <div class="buttons">
          <button type="button" @click=${v.closeName}>${t.cancel}</button>
          <button type="submit" class="primary" ?disabled=${v.busy}>${v.nameMode === 'rename' ? t.rename : m.save}</button>
        </div>
      </form>
    </dialog>
    <dialog class="hand-off" part="dialog" aria-labelledby="hand-off-title">
      <form @submit=${v.onHandOff}>
        <h3 id="hand-off-title">${m.handOffTitle}</h3>
        ${result
          ? html`<div class="result" role="status">
              ${result.code
                ? html`<p>${m.handOffCode}: <strong class="code">${result.code}</strong></p>
                    <p>${result.expiresAt ? m.handOffCodeHint(time(result.expiresAt)) : nothing}</p>
                    ${v.link ? html`<p><a class="handoff-link" href=${v.link} target="_blank" rel="noopener">${m.handOffLink}</a></p>` : nothing}`
                : html`<p>${t.handedTo(result.owner.name)}</p>`}
            </div>`
          : html`<fieldset>
                <legend class="visually-hidden">${m.handOffTitle}</legend>
                <label class="radio"><input type="radio" name="to" value="channel" checked /> ${m.handOffToChannel}</label>
                <label>${m.channel}
                  <select name="channel">
                    ${HANDOFF_CHANNELS.map((c) => html`<option value=${c}>${m.channelName(c)}</option>`)}
                  </select>
                </label>
                <label class="radio"><input type="radio" name="to" value="colleague" ?disabled=${!v.colleagues.length} /> ${m.handOffToColleague}</label>
                <label>${m.colleague}
                  <select name="userId" ?disabled=${!v.colleagues.length}>
                    ${v.colleagues.map((c) => html`<option value=${c.id}>${c.name} (${c.email})</option>`)}
                  </select>
                </label>
              </fieldset>
              ${dialogError}`}
        <div class="buttons">
          <button type="button" @click=${v.closeHandOff}>${result ? t.close : t.cancel}</button>
          ${result ? nothing : html`<button type="submit" class="primary" ?disabled=${v.busy}>${t.handOff.replace(' …', '')}</button>`}
        </div>
      </form>
    </dialog>`;
}

/** The cart's history, newest last. */
export function renderHistory(history: readonly CartEvent[], lang: Lang, locale: string): TemplateResult {
  const m = cartManage[lang];
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return html`<ol>
    ${history.map(
      (e) => html`<li>
        <time datetime=${e.at}>${when.format(new Date(e.at))}</time> · ${m.historyKind(e.kind)} · ${m.channelName(e.via.channel)}${e.actor
          ? html` · ${e.actor.name}`
          : nothing}
      </li>`,
    )}
  </ol>`;
}
