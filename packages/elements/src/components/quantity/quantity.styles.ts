import { css } from 'lit';

// The message's ⚠ marker: not colour alone. (Comments here, not in the CSS, which ships as written.)
export const styles = css`
  :host {
    display: inline-block;
    --quantity-input-width: 6ch;
    --quantity-invalid-color: var(--kontor-color-danger, #b3261e);
    --quantity-border-color: var(--kontor-color-border-strong, #6e7781);
  }
  .base {
    display: grid;
    gap: var(--kontor-space-xs, 0.25rem);
  }
  label {
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .control {
    display: inline-flex;
    align-items: stretch;
  }
  .control button {
    min-width: var(--kontor-control-height, 2.25rem);
    border-color: var(--quantity-border-color);
  }
  .control button:first-child {
    border-start-end-radius: 0;
    border-end-end-radius: 0;
  }
  .control button:last-child {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }
  input {
    width: calc(var(--quantity-input-width) + 1.5rem);
    text-align: end;
    border: 1px solid var(--quantity-border-color);
    border-inline: none;
    border-radius: 0;
    -moz-appearance: textfield;
  }
  input::-webkit-outer-spin-button,
  input::-webkit-inner-spin-button {
    -webkit-appearance: none;
    margin: 0;
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--quantity-invalid-color);
  }
  .message {
    color: var(--quantity-invalid-color);
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .message:empty {
    display: none;
  }
  .message::before {
    content: '⚠ ';
  }
  .suggestions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kontor-space-xs, 0.25rem);
  }
`;
