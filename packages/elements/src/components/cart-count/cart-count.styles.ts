import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    --cart-count-background: var(--kontor-color-primary, #0b57d0);
    --cart-count-color: var(--kontor-color-on-primary, #fff);
  }
  .base {
    display: inline-flex;
    align-items: center;
    gap: var(--kontor-space-xs, 0.25rem);
    color: inherit;
  }
  .badge {
    min-width: 1.5rem;
    padding: 0 0.375rem;
    border-radius: 999px;
    background: var(--cart-count-background);
    color: var(--cart-count-color);
    font-size: var(--kontor-font-size-s, 0.875rem);
    font-weight: 600;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
`;
