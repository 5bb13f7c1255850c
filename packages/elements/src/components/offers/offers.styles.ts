import { css } from 'lit';

// As the standing orders: a table that scrolls sideways inside .scroll when wider than the list, and
// below 40rem each offer is a block of its own (number and status, then each fact labelled
// by its column's name; the table's headers, only visually hidden, still name the cells).
// (Comments here, not in the CSS, which ships as written.)
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --offers-border-color: var(--kontor-color-border, #d0d7de);
  }
  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--kontor-space-m, 0.75rem);
  }
  .muted {
    margin: 0;
    color: var(--kontor-color-text-muted, #59636e);
  }
  .empty {
    margin: 0;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: var(--kontor-space-s, 0.5rem);
    border-bottom: 1px solid var(--offers-border-color);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    font-size: var(--kontor-font-size-s, 0.875rem);
    color: var(--kontor-color-text-muted, #59636e);
  }
  tbody th {
    font-weight: 600;
  }
  .link {
    min-height: auto;
    padding: 0;
    border: 0;
    background: none;
    color: var(--kontor-color-primary, #0b57d0);
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
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
  .load-more {
    justify-self: center;
  }
  @container (max-width: 40rem) {
    table,
    tbody {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    tr[part='row'] {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: var(--kontor-space-xs, 0.25rem) var(--kontor-space-s, 0.5rem);
      padding: var(--kontor-space-s, 0.5rem) 0;
      border-bottom: 1px solid var(--offers-border-color);
    }
    tr[part='row'] > * {
      padding: 0;
      border: 0;
      grid-column: 1 / -1;
    }
    tr[part='row'] > th {
      grid-area: 1 / 1;
    }
    .state {
      grid-area: 1 / 2;
      text-align: end;
    }
    td:not(.state)::before {
      content: attr(data-label) ': ' / '';
      color: var(--kontor-color-text-muted, #59636e);
    }
  }
`;
