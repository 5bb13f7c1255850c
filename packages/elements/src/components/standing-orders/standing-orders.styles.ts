import { css } from 'lit';

// The table and its narrow layout are the lists' own (internal/list-table.styles.ts); here what is the standing orders'.
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --standing-orders-border-color: var(--kontor-color-border, #d0d7de);
    --list-border-color: var(--standing-orders-border-color);
  }
  .moved {
    display: block;
    font-size: var(--kontor-font-size-s, 0.875rem);
    color: var(--kontor-color-text-muted, #59636e);
  }
  [part='next-run'] time {
    white-space: nowrap;
  }
  .status {
    display: inline-block;
    padding: 0 var(--kontor-space-s, 0.5rem);
    border: 1px solid var(--standing-orders-border-color);
    border-radius: 999px;
    font-size: var(--kontor-font-size-s, 0.875rem);
    white-space: nowrap;
  }
  .status[data-status='active'] {
    border-color: var(--kontor-color-success-text, #1a5e20);
  }
  .status[data-status='cancelled'] {
    border-color: var(--kontor-color-danger, #b3261e);
  }
  .run[data-run-status='failed'],
  .run[data-run-status='held'],
  .run[data-run-status='missed'] {
    color: var(--kontor-color-danger-text, #7a1712);
  }
`;
