import type { Product, QuantityRules, Unit } from '@kontor/core/catalogue';
import { quantityIssueMessage } from '@kontor/core/errors/messages.js';
import { isUnit } from '@kontor/core/errors/unit-label.js';
import type { QuantityProblem } from '@kontor/core/pricing';
import { checkQuantity, highestValidQuantity, lowestValidQuantity } from '@kontor/core/pricing/quantity.logic.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { componentStyles } from '../../internal/component-styles.js';
import { KontorElement } from '../../internal/kontor-element.js';
import { styles } from './quantity.styles.js';
import { common } from '../../translations/slices/common.js';
import { quantity } from '../../translations/slices/quantity.js';
import { strings, type StringsOf } from '../../translations/strings.js';

let nextId = 0;

const quantityStrings = strings(common, quantity);

/**
 * @summary A quantity input that knows the product's order rules: minimum, pack-size steps, maximum.
 * @tag kontor-quantity
 * @event kontor-quantity-change - The buyer committed a quantity. detail: `{ quantity, valid }`.
 * @csspart base - The wrapper.
 * @csspart label - The label.
 * @csspart input - The number input.
 * @csspart decrement - The − button.
 * @csspart increment - The + button.
 * @csspart message - The validation message.
 * @csspart suggestions - The group of suggested quantities.
 * @csspart suggestion - One suggested quantity button.
 * @cssproperty --quantity-input-width - Width of the input in characters (e.g. `6ch`).
 * @cssproperty --quantity-invalid-color - Colour of the invalid border and message.
 * @cssproperty --quantity-border-color - Border colour of input and buttons.
 *
 * @example
 * ```html
 * <kontor-quantity min="10" step="10" quantity="20" label="Menge"></kontor-quantity>
 * ```
 */
export class KontorQuantity extends KontorElement<StringsOf<typeof quantityStrings>> {
  static override strings = quantityStrings;
  static override styles = [componentStyles, styles];
  /** Takes part in forms with its `name`; the value is the quantity. */
  static formAssociated = true;

  private readonly internals: ElementInternals;
  private readonly uid = `kq${++nextId}`;

  @query('input') private input!: HTMLInputElement;

  /** What is wrong with the committed quantity, if anything. */
  @state() private problem: QuantityProblem | null = null;

  /** The quantity. Defaults to the lowest orderable quantity. */
  @property({ type: Number }) quantity?: number;

  /** The order rules. Wins over `product` and the `min`/`step`/`max` attributes. */
  // Compared by value: a list that hands in equal rules from a fresh server answer re-renders nothing.
  @property({ attribute: false, hasChanged: (a?: QuantityRules, b?: QuantityRules) => a?.min !== b?.min || a?.step !== b?.step || (a?.max ?? null) !== (b?.max ?? null) || !a !== !b })
  rules?: QuantityRules;

  /** A product whose `quantityRules` and unit apply. */
  @property({ attribute: false }) product?: Product;

  /** The sales unit (`piece`, `meter`, `roll`, `pack`, `box`, `kg`, `liter`) when no `product` is set: named in the hint and the suggestions. */
  @property() unit?: Unit;

  /** Minimum order quantity when neither `rules` nor `product` is set. */
  @property({ type: Number }) min = 1;

  /** Step (pack size) when neither `rules` nor `product` is set. */
  @property({ type: Number }) step = 1;

  /** Maximum order quantity when neither `rules` nor `product` is set. */
  @property({ type: Number }) max?: number;

  /** Visible label. Defaults to "Menge"/"Quantity". */
  @property() label?: string;

  /** What is counted, e.g. the product name: screen readers hear "Menge für …", the eye sees only the label. */
  @property({ attribute: 'item-name' }) itemName?: string;

  /** Form field name. */
  @property() name?: string;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** The rules that apply. */
  get effectiveRules(): QuantityRules {
    return this.rules ?? this.product?.quantityRules ?? { min: this.min, step: this.step, max: this.max ?? null };
  }

  /** The quantity shown (set or the default). */
  get value(): number {
    return this.quantity ?? lowestValidQuantity(this.effectiveRules);
  }

  /** True when the current quantity satisfies the rules. */
  get valid(): boolean {
    return checkQuantity(this.effectiveRules, this.value) === null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // A quantity set by code or a change of rules re-checks what the buyer already sees as wrong.
    if (this.problem && (changed.has('rules') || changed.has('product') || changed.has('min') || changed.has('step') || changed.has('max'))) {
      this.problem = checkQuantity(this.effectiveRules, this.value);
    }
  }

  override updated(): void {
    this.internals.setFormValue(String(this.value));
    const problem = checkQuantity(this.effectiveRules, this.value);
    if (problem && this.input) {
      this.internals.setValidity({ customError: true }, quantityIssueMessage(problem.code, problem.params, this.currentLang), this.input);
    } else {
      this.internals.setValidity({});
    }
  }

  private commit(quantity: number): void {
    this.quantity = quantity;
    this.problem = checkQuantity(this.effectiveRules, quantity);
    if (this.input) this.input.value = Number.isFinite(quantity) ? String(quantity) : '';
    this.emit('kontor-quantity-change', { quantity, valid: this.problem === null });
  }

  private readInput(): number {
    const raw = this.input.value.trim().replace(',', '.');
    return raw === '' ? NaN : Number(raw);
  }

  private onChange = () => this.commit(this.readInput());

  private onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.commit(this.readInput());
    }
  };

  private stepBy(direction: -1 | 1): void {
    const rules = this.effectiveRules;
    const current = this.value;
    const lowest = lowestValidQuantity(rules);
    const highest = highestValidQuantity(rules);
    // From an off-step value, go to the neighbouring multiple of step rather than adding step.
    const base = direction > 0 ? Math.floor(current / rules.step) * rules.step + rules.step : Math.ceil(current / rules.step) * rules.step - rules.step;
    this.commit(Math.min(highest, Math.max(lowest, Number.isFinite(base) ? base : lowest)));
  }

  /** Moves focus to the input. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  override render() {
    const t = this.t;
    const rules = this.effectiveRules;
    const value = this.value;
    const problem = this.problem;
    const lowest = lowestValidQuantity(rules);
    const highest = highestValidQuantity(rules);
    const salesUnit = this.product?.unit ?? (isUnit(this.unit) ? this.unit : undefined);
    const unitOf = (n: number) => (salesUnit ? t.unit(salesUnit, n) : '');
    const fmt = (n: number) => new Intl.NumberFormat(t.$locale).format(n);
    return html`<div class="base" part="base">
      <label part="label" for="${this.uid}-input"
        >${this.label ?? t.quantity}${this.itemName ? html`<span class="visually-hidden"> ${t.quantityFor(this.itemName)}</span>` : nothing}</label
      >
      <div class="control">
        <button
          type="button"
          part="decrement"
          aria-label=${t.decrease}
          aria-controls="${this.uid}-input"
          ?disabled=${Number.isFinite(value) && value <= lowest}
          @click=${() => this.stepBy(-1)}
        >
          −
        </button>
        <input
          id="${this.uid}-input"
          part="input"
          type="number"
          inputmode="numeric"
          .value=${Number.isFinite(value) ? String(value) : ''}
          min=${lowest}
          step=${rules.step}
          max=${Number.isFinite(highest) ? highest : nothing}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby="${this.uid}-hint ${this.uid}-message"
          @change=${this.onChange}
          @keydown=${this.onKeydown}
        />
        <button
          type="button"
          part="increment"
          aria-label=${t.increase}
          aria-controls="${this.uid}-input"
          ?disabled=${Number.isFinite(value) && value >= highest}
          @click=${() => this.stepBy(1)}
        >
          +
        </button>
      </div>
      <span id="${this.uid}-hint" class="visually-hidden">${t.quantityRulesHint(fmt(rules.min), fmt(rules.step), unitOf(rules.min))}</span>
      <div aria-live="polite">
        <div id="${this.uid}-message" class="message" part="message">${problem ? quantityIssueMessage(problem.code, problem.params, this.currentLang) : ''}</div>
        ${problem && problem.suggestions.length
          ? html`<div class="suggestions" part="suggestions" role="group" aria-label=${t.suggestions}>
              ${problem.suggestions.map(
                (s) => html`<button type="button" part="suggestion" title=${t.useQuantity(fmt(s))} @click=${() => this.commit(s)}>
                  ${fmt(s)}${salesUnit ? ` ${unitOf(s)}` : ''}
                </button>`,
              )}
            </div>`
          : nothing}
      </div>
    </div>`;
  }
}
