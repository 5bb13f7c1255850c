import { css } from 'lit';

// Fields stack, with their label above; a row puts a radio and its field side by side and wraps on
// a phone. A run's move and status sit under its day. (Comments here, not in the CSS, which ships as written.)
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --standing-order-border-color: var(--kontor-color-border, #d0d7de);
    --standing-order-muted-color: var(--kontor-color-text-muted, #59636e);
  }
  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--kontor-space-m, 0.75rem);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--kontor-space-s, 0.5rem);
  }
  .heading {
    font-weight: 600;
    font-size: 1.125em;
  }
  [part='title'] {
    font-size: 1.375em;
  }
  .status {
    display: inline-block;
    padding: 0 var(--kontor-space-s, 0.5rem);
    border: 1px solid var(--standing-order-border-color);
    border-radius: 999px;
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .status[data-status='active'] {
    border-color: var(--kontor-color-success-text, #1a5e20);
  }
  .status[data-status='cancelled'] {
    border-color: var(--kontor-color-danger, #b3261e);
  }
  .muted,
  .hint,
  .moved {
    margin: 0;
    color: var(--standing-order-muted-color);
  }
  .hint,
  .moved {
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .notice {
    margin: 0;
    padding: var(--kontor-space-s, 0.5rem) var(--kontor-space-m, 0.75rem);
    border: 1px solid var(--kontor-color-warning, #9a6700);
    border-left-width: 4px;
    border-radius: var(--kontor-radius, 4px);
    background: var(--kontor-color-warning-surface, #fff8c5);
  }
  .error ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .facts {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: var(--kontor-space-xs, 0.25rem) var(--kontor-space-m, 0.75rem);
    margin: 0;
  }
  .facts > div {
    display: contents;
  }
  .facts dt {
    color: var(--standing-order-muted-color);
  }
  .facts dd {
    margin: 0;
  }
  .facts .line {
    display: block;
  }
  .facts .moved {
    display: block;
  }
  .form,
  fieldset {
    display: grid;
    gap: var(--kontor-space-s, 0.5rem);
  }
  fieldset {
    margin: 0;
    padding: var(--kontor-space-s, 0.5rem) var(--kontor-space-m, 0.75rem) var(--kontor-space-m, 0.75rem);
    border: 1px solid var(--standing-order-border-color);
    border-radius: var(--kontor-radius, 4px);
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 var(--kontor-space-xs, 0.25rem);
  }
  .row,
  .buttons,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--kontor-space-s, 0.5rem);
  }
  .actions {
    align-items: start;
  }
  .field {
    display: grid;
    gap: var(--kontor-space-xs, 0.25rem);
    font-size: var(--kontor-font-size-s, 0.875rem);
    min-width: 0;
  }
  .field input,
  .field select,
  .field textarea {
    font-size: var(--kontor-font-size, 1rem);
    max-width: 100%;
  }
  input[type='number'] {
    width: 6em;
  }
  .wide input,
  .wide select,
  textarea {
    width: 100%;
  }
  textarea {
    font: inherit;
    font-family: var(--kontor-font-family-mono, ui-monospace, monospace);
    padding: var(--kontor-space-s, 0.5rem);
    border: 1px solid var(--kontor-color-border-strong, #6e7781);
    border-radius: var(--kontor-radius, 4px);
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: var(--kontor-space-xs, 0.25rem);
    min-height: var(--kontor-control-height, 2.25rem);
  }
  .choice input {
    min-height: auto;
  }
  .weekdays {
    grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
  }
  .weekdays legend {
    grid-column: 1 / -1;
  }
  [aria-invalid='true'] {
    border-color: var(--kontor-color-danger, #b3261e);
  }
  .field-error {
    margin: 0;
    color: var(--kontor-color-danger-text, #7a1712);
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .summary {
    margin: 0;
  }
  .summary .label {
    color: var(--standing-order-muted-color);
  }
  .summary .text {
    font-weight: 600;
  }
  .link {
    min-height: auto;
    padding: 0;
    border: 0;
    background: none;
    color: var(--kontor-color-primary, #0b57d0);
    text-decoration: underline;
    justify-self: start;
  }
  .runs,
  .history ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .runs li,
  .history li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--kontor-space-xs, 0.25rem) var(--kontor-space-m, 0.75rem);
    padding: var(--kontor-space-s, 0.5rem) 0;
    border-bottom: 1px solid var(--standing-order-border-color);
  }
  .runs time {
    min-width: 9em;
    font-weight: 600;
  }
  .runs .moved {
    flex-basis: 100%;
    order: 3;
  }
  .runs li[data-status='skipped'] time {
    text-decoration: line-through;
  }
  .run-status,
  .runs .arrives {
    color: var(--standing-order-muted-color);
  }
  .skip-run {
    margin-inline-start: auto;
  }
  .run[data-run-status='failed'],
  .run[data-run-status='held'],
  .run[data-run-status='missed'] {
    color: var(--kontor-color-danger-text, #7a1712);
  }
  .confirm {
    display: grid;
    gap: var(--kontor-space-s, 0.5rem);
    padding: var(--kontor-space-m, 0.75rem);
    border: 1px solid var(--kontor-color-danger, #b3261e);
    border-radius: var(--kontor-radius, 4px);
  }
  .confirm p {
    margin: 0;
  }
  .edit,
  .add-line,
  .form > .field:not(.wide),
  .builder > .field {
    justify-self: start;
  }
  @container (max-width: 30rem) {
    .facts {
      grid-template-columns: minmax(0, 1fr);
    }
    .facts dd {
      margin-bottom: var(--kontor-space-xs, 0.25rem);
    }
    .runs time {
      min-width: 0;
    }
  }
`;
