import { css } from 'lit';

// Comments live here, not in the CSS, which ships as written:
// - A <dl> row is a term column of at most 10rem and a value column: long terms wrap in their column.
// - Selects take the field's whole width (a saved address is a long option).
// - Grid minimums are min(…, 100%) and fieldsets min-width: 0, so the steps fit a 360 px phone.
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --checkout-gap: var(--kontor-space-m, 0.75rem);
    --checkout-accent: var(--kontor-color-primary, #0b57d0);
    --checkout-number-font-size: 1.75rem;
  }
  .base,
  .step,
  .confirmation {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--checkout-gap);
  }
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kontor-space-s, 0.5rem);
    margin: 0;
    padding: 0;
    list-style: none;
    counter-reset: step;
  }
  .steps li {
    counter-increment: step;
    padding: var(--kontor-space-xs, 0.25rem) var(--kontor-space-s, 0.5rem);
    border-bottom: 3px solid var(--kontor-color-border, #d0d7de);
    color: var(--kontor-color-text-muted, #59636e);
  }
  .steps li::before {
    content: counter(step) '. ';
  }
  .steps li[data-done] {
    border-bottom-color: var(--kontor-color-border-strong, #6e7781);
  }
  .steps li[aria-current='step'] {
    border-bottom-color: var(--checkout-accent);
    color: var(--kontor-color-text, #1f2328);
    font-weight: 600;
  }
  .step-title {
    font-size: var(--kontor-font-size-l, 1.125rem);
    font-weight: 600;
  }
  fieldset {
    display: grid;
    min-width: 0;
    gap: var(--kontor-space-s, 0.5rem);
    margin: 0;
    padding: var(--kontor-space-m, 0.75rem);
    border: 1px solid var(--kontor-color-border, #d0d7de);
    border-radius: var(--kontor-radius, 4px);
  }
  legend {
    padding: 0 var(--kontor-space-xs, 0.25rem);
    font-weight: 600;
  }
  .address,
  .sepa {
    display: grid;
    gap: var(--kontor-space-s, 0.5rem);
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(12rem, 100%), 1fr));
    gap: var(--kontor-space-s, 0.5rem);
  }
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--kontor-space-xs, 0.25rem);
    align-content: start;
  }
  .field input:not([type='checkbox'], [type='radio']),
  .field select,
  .field textarea {
    width: 100%;
    max-width: 36rem;
  }
  .field select {
    max-width: 100%;
  }
  textarea {
    font: inherit;
    padding: var(--kontor-space-xs, 0.25rem) var(--kontor-space-s, 0.5rem);
    border: 1px solid var(--kontor-color-border-strong, #6e7781);
    border-radius: var(--kontor-radius, 4px);
  }
  [aria-invalid='true'] {
    border-color: var(--kontor-color-danger, #b3261e);
    border-width: 2px;
  }
  .field-error {
    margin: 0;
    color: var(--kontor-color-danger-text, #7a1712);
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .field-error::before {
    content: '⚠ ';
  }
  .hint,
  .muted {
    margin: 0;
    color: var(--kontor-color-text-muted, #59636e);
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .choice {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kontor-space-m, 0.75rem);
  }
  .radio,
  .check {
    display: flex;
    gap: var(--kontor-space-s, 0.5rem);
    align-items: center;
  }
  .radio input,
  .check input {
    min-height: auto;
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
  }
  .option {
    display: grid;
    gap: var(--kontor-space-xs, 0.25rem);
    padding: var(--kontor-space-s, 0.5rem) 0;
    border-bottom: 1px solid var(--kontor-color-border, #d0d7de);
  }
  .option[data-available='false'] .radio {
    color: var(--kontor-color-text-muted, #59636e);
  }
  .mandate {
    margin: 0;
    padding: var(--kontor-space-s, 0.5rem);
    background: var(--kontor-color-surface-hover, #f3f4f6);
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .mono {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
  }
  address {
    font-style: normal;
  }
  dl {
    margin: 0;
    display: grid;
    gap: var(--kontor-space-xs, 0.25rem);
  }
  dl > div {
    display: grid;
    grid-template-columns: minmax(0, 10rem) minmax(0, 1fr);
    gap: var(--kontor-space-s, 0.5rem);
  }
  dt {
    color: var(--kontor-color-text-muted, #59636e);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  address + dl {
    margin-top: var(--kontor-space-s, 0.5rem);
  }
  .summary {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(16rem, 100%), 1fr));
    gap: var(--checkout-gap);
  }
  .summary h3 {
    display: flex;
    align-items: baseline;
    gap: var(--kontor-space-s, 0.5rem);
    margin: 0 0 var(--kontor-space-xs, 0.25rem);
    font-size: var(--kontor-font-size, 1rem);
  }
  .summary p {
    margin: 0;
  }
  .link {
    min-height: auto;
    padding: 0;
    border: 0;
    background: none;
    color: var(--checkout-accent);
    text-decoration: underline;
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kontor-space-s, 0.5rem);
    justify-content: flex-end;
  }
  .primary {
    --_primary: var(--checkout-accent);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .place {
    min-height: 2.75rem;
    padding: 0 var(--kontor-space-l, 1.25rem);
    font-size: var(--kontor-font-size-l, 1.125rem);
  }
  .total {
    text-align: end;
  }
  .drift {
    display: grid;
    gap: var(--kontor-space-s, 0.5rem);
    padding: var(--kontor-space-m, 0.75rem);
    border: 1px solid var(--kontor-color-warning-text, #6a4a00);
    border-left-width: 4px;
    border-radius: var(--kontor-radius, 4px);
    background: var(--kontor-color-warning-surface, #fff4d6);
    color: var(--kontor-color-warning-text, #6a4a00);
  }
  .drift p,
  .drift ul {
    margin: 0;
  }
  .drift button {
    justify-self: start;
  }
  .number-label {
    margin: 0;
    color: var(--kontor-color-text-muted, #59636e);
  }
  .number {
    margin: 0;
    font-size: var(--checkout-number-font-size);
    font-weight: 700;
    letter-spacing: 0.02em;
    font-variant-numeric: tabular-nums;
  }
  .transfer {
    padding: var(--kontor-space-m, 0.75rem);
    border: 1px solid var(--kontor-color-border, #d0d7de);
    border-radius: var(--kontor-radius, 4px);
  }
  .transfer p {
    margin: 0 0 var(--kontor-space-s, 0.5rem);
  }
  .totals .gross {
    font-weight: 600;
  }
  .comment dd {
    white-space: pre-wrap;
  }
  .date-offer {
    margin: calc(-1 * var(--kontor-space-s, 0.5rem)) 0 0;
  }
  .lines h3 {
    margin: 0 0 var(--kontor-space-xs, 0.25rem);
    font-size: var(--kontor-font-size, 1rem);
  }
  .lines table {
    width: 100%;
    border-collapse: collapse;
  }
  .lines th,
  .lines td {
    padding: var(--kontor-space-xs, 0.25rem) var(--kontor-space-s, 0.5rem);
    border-bottom: 1px solid var(--kontor-color-border, #d0d7de);
    text-align: start;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  .lines th {
    font-size: var(--kontor-font-size-s, 0.875rem);
    color: var(--kontor-color-text-muted, #59636e);
  }
  .lines .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .lines .all-lines {
    margin-top: var(--kontor-space-s, 0.5rem);
  }
  .empty {
    margin: 0;
  }
`;
