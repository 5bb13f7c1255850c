import { css } from 'lit';

// The current tier's ▸ marker: not colour alone. (Comments here, not in the CSS, which ships as written.)
export const styles = css`
  :host {
    display: block;
    --price-color: var(--kontor-color-text, #1f2328);
    --price-muted-color: var(--kontor-color-text-muted, #59636e);
    --price-current-background: var(--kontor-color-highlight, #e8f0fe);
    --price-font-size: var(--kontor-font-size-l, 1.125rem);
  }
  .base {
    display: grid;
    gap: var(--kontor-space-xs, 0.25rem);
    color: var(--price-color);
  }
  .unit-price {
    font-size: var(--price-font-size);
    font-weight: 600;
  }
  .net,
  .line,
  .next,
  .source {
    color: var(--price-muted-color);
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .net {
    font-weight: normal;
  }
  summary {
    cursor: pointer;
    width: fit-content;
    color: var(--price-muted-color);
    font-size: var(--kontor-font-size-s, 0.875rem);
  }

  table {
    border-collapse: collapse;
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  caption {
    text-align: start;
    color: var(--price-muted-color);
  }
  th,
  td {
    text-align: start;
    padding: 0.125rem 0.75rem 0.125rem 0;
  }
  td:last-child,
  th:last-child {
    text-align: end;
  }
  tr[aria-current='true'] {
    background: var(--price-current-background);
    font-weight: 600;
  }
  tr[aria-current='true'] td:first-child::before {
    content: '▸ ';
  }
  .skeleton {
    display: block;
    height: 1.25em;
    width: 8em;
    border-radius: var(--kontor-radius, 4px);
    background: var(--kontor-color-skeleton, #e5e7eb);
  }
`;
