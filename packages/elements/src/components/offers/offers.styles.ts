import { css } from 'lit';

// The table and its narrow layout are the lists' own (internal/list-table.styles.ts); here what is the offers'.
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --offers-border-color: var(--kontor-color-border, #d0d7de);
    --list-border-color: var(--offers-border-color);
  }
  .version,
  .countdown {
    display: block;
    font-weight: normal;
    font-size: var(--kontor-font-size-s, 0.875rem);
    color: var(--kontor-color-text-muted, #59636e);
  }
  [part='validity'] time {
    white-space: nowrap;
  }
  .status {
    display: inline-block;
    padding: 0 var(--kontor-space-s, 0.5rem);
    border: 1px solid var(--offers-border-color);
    border-radius: 999px;
    font-size: var(--kontor-font-size-s, 0.875rem);
    white-space: nowrap;
  }
  .status[data-status='sent'] {
    border-color: var(--kontor-color-success-text, #1a5e20);
  }
  .status[data-status='rejected'],
  .status[data-status='expired'],
  .status[data-status='withdrawn'] {
    border-color: var(--kontor-color-danger, #b3261e);
  }
  [part='validity'][data-days-left='0'] .countdown,
  [part='validity'][data-days-left='1'] .countdown {
    color: var(--kontor-color-danger-text, #7a1712);
  }
  .filter {
    display: flex;
    gap: var(--kontor-space-s, 0.5rem);
    align-items: center;
    justify-self: start;
  }
`;
