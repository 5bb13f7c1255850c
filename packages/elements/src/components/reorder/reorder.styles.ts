import { css } from 'lit';

// One column of sections (due, recent orders, most ordered), each line a block: the pick and the
// name, then its facts, then (products) its rhythm. `compact` (a portal's sidebar) drops an
// order's lines — its "reorder whole order" button stays — and tightens the spacing.
// (Comments here, not in the CSS, which ships as written.)
export const styles = css`
  :host {
    display: block;
    --reorder-border-color: var(--kontor-color-border, #d0d7de);
    --reorder-due-color: var(--kontor-color-danger, #b3261e);
  }
  .base {
    display: grid;
    gap: var(--kontor-space-m, 0.75rem);
  }
  :host([compact]) .base {
    gap: var(--kontor-space-s, 0.5rem);
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  h3 {
    margin: 0 0 var(--kontor-space-s, 0.5rem);
    font-size: 1rem;
  }
  h4 {
    margin: 0 0 var(--kontor-space-xs, 0.25rem);
    font-size: 0.9375rem;
    font-weight: 600;
  }
  .muted,
  .empty {
    margin: 0;
    color: var(--kontor-color-text-muted, #59636e);
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part='line'],
  [part='result-line'] {
    display: grid;
    gap: 0.125rem;
    padding: var(--kontor-space-s, 0.5rem) 0;
    border-bottom: 1px solid var(--reorder-border-color);
  }
  [part='line'] label {
    display: flex;
    gap: var(--kontor-space-s, 0.5rem);
    align-items: center;
  }
  input[type='checkbox'],
  input[type='radio'] {
    min-height: auto;
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
  }
  .name {
    font-weight: 600;
  }
  .sku,
  .facts,
  .promise {
    color: var(--kontor-color-text-muted, #59636e);
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .today {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--kontor-space-xs, 0.25rem) var(--kontor-space-s, 0.5rem);
  }
  .price {
    color: var(--kontor-color-text, #1f2328);
  }
  [part='price-change'][data-direction='up'] {
    color: var(--reorder-due-color);
  }
  [part='cadence'] {
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  [part='cadence'][data-bucket='overdue'] .bucket {
    color: var(--reorder-due-color);
    font-weight: 600;
  }
  [part='cadence'] .bucket {
    font-weight: 600;
  }
  [part='order'] {
    padding: var(--kontor-space-s, 0.5rem) 0;
    border-bottom: 1px solid var(--reorder-border-color);
  }
  .whole {
    margin-bottom: var(--kontor-space-xs, 0.25rem);
  }
  fieldset {
    display: grid;
    gap: var(--kontor-space-xs, 0.25rem);
    margin: 0;
    padding: var(--kontor-space-s, 0.5rem);
    border: 1px solid var(--reorder-border-color);
    border-radius: var(--kontor-radius, 4px);
  }
  fieldset label {
    display: flex;
    gap: var(--kontor-space-s, 0.5rem);
    align-items: center;
  }
  .result {
    padding: var(--kontor-space-m, 0.75rem);
    border: 1px solid var(--reorder-border-color);
    border-radius: var(--kontor-radius, 4px);
  }
  .result h3:focus {
    outline: none;
  }
  .result h3:focus-visible {
    outline: var(--kontor-focus-ring-width, 2px) solid var(--kontor-focus-ring-color, #0b57d0);
  }
  [part='result-line'][data-outcome='refused'] {
    color: var(--reorder-due-color);
  }
  .summary {
    margin: 0 0 var(--kontor-space-s, 0.5rem);
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kontor-space-s, 0.5rem);
    align-items: center;
    color: var(--reorder-due-color);
  }
`;
