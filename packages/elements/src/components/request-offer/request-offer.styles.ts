import { css } from 'lit';

// A button; the form opens under it, its fields stacked with their labels above.
// (Comments here, not in the CSS, which ships as written.)
export const styles = css`
  :host {
    display: block;
    --request-offer-border-color: var(--kontor-color-border, #d0d7de);
  }
  .base,
  .form {
    display: grid;
    gap: var(--kontor-space-s, 0.5rem);
    justify-items: start;
  }
  .form {
    width: 100%;
    padding: var(--kontor-space-m, 0.75rem);
    border: 1px solid var(--request-offer-border-color);
    border-radius: var(--kontor-radius, 4px);
  }
  h3,
  p {
    margin: 0;
  }
  h3 {
    font-size: 1.0625em;
  }
  .field {
    display: grid;
    gap: var(--kontor-space-xs, 0.25rem);
    width: 100%;
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
  input {
    justify-self: start;
  }
  .hint {
    font-size: var(--kontor-font-size-s, 0.875rem);
    color: var(--kontor-color-text-muted, #59636e);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kontor-space-s, 0.5rem);
  }
  .result {
    padding: var(--kontor-space-s, 0.5rem) var(--kontor-space-m, 0.75rem);
    border: 1px solid var(--kontor-color-success-text, #1a5e20);
    border-left-width: 4px;
    border-radius: var(--kontor-radius, 4px);
    background: var(--kontor-color-success-surface, #e6f4ea);
  }
`;
