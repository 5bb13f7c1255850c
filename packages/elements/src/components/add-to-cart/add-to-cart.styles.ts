import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    --add-to-cart-background: var(--kontor-color-primary, #0b57d0);
    --add-to-cart-color: var(--kontor-color-on-primary, #fff);
  }
  .base {
    display: grid;
    gap: var(--kontor-space-xs, 0.25rem);
    justify-items: start;
  }
  .add {
    background: var(--add-to-cart-background);
    border-color: var(--add-to-cart-background);
    color: var(--add-to-cart-color);
    font-weight: 600;
  }
  .add:hover {
    filter: brightness(1.1);
    background: var(--add-to-cart-background);
  }
  .add[disabled] {
    opacity: 0.7;
    cursor: progress;
  }
  .add[aria-disabled='true']:not([aria-busy='true']) {
    cursor: not-allowed;
  }
  .status {
    color: var(--kontor-color-success-text, #1a5e20);
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .status:empty {
    display: none;
  }
  .error-text {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kontor-space-xs, 0.25rem);
    align-items: center;
    color: var(--kontor-color-danger-text, #7a1712);
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .error-text button {
    min-height: 1.75rem;
  }
`;
