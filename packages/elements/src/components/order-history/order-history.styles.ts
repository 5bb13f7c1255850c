import { css } from 'lit';

// The search filter has a row of its own, wide enough for its placeholder (a phone shows an ellipsis);
// a table wider than the list scrolls sideways inside .scroll; a status's tone only adds to its text.
// (Comments here, not in the CSS, which ships as written.)
// Narrow (a phone, a sidebar): each order is a block of its own instead of a six-column row: number
// and total, then date and status, then PO number and delivery, labelled by their column's name
// (a label that screen readers skip: the table's headers, only visually hidden, still name the cells).
// Nothing scrolls sideways but an expanded order wider than the list, inside its own cell. Tables
// keep their semantics with other display values in Chromium, Firefox and Safari ≥ 16.
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --order-history-border-color: var(--kontor-color-border, #d0d7de);
  }
  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--kontor-space-m, 0.75rem);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--kontor-space-s, 0.5rem);
  }
  .filters label {
    display: grid;
    gap: var(--kontor-space-xs, 0.25rem);
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .filters .wide {
    flex: 1 1 100%;
  }
  .filters label {
    min-width: 0;
  }
  .filters input,
  .filters select {
    max-width: 100%;
    font-size: var(--kontor-font-size, 1rem);
    text-overflow: ellipsis;
  }
  .field-error {
    flex-basis: 100%;
    margin: 0;
    color: var(--kontor-color-danger-text, #7a1712);
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
    border-bottom: 1px solid var(--order-history-border-color);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    font-size: var(--kontor-font-size-s, 0.875rem);
    color: var(--kontor-color-text-muted, #59636e);
  }
  tbody th {
    font-weight: 600;
    white-space: nowrap;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .link {
    min-height: auto;
    padding: 0;
    border: 0;
    background: none;
    color: var(--kontor-color-primary, #0b57d0);
    font-weight: 600;
    text-decoration: underline;
  }
  .chevron {
    display: inline-block;
    width: 1em;
  }
  .status {
    display: inline-block;
    padding: 0 var(--kontor-space-s, 0.5rem);
    border: 1px solid var(--order-history-border-color);
    border-radius: 999px;
    font-size: var(--kontor-font-size-s, 0.875rem);
    white-space: nowrap;
  }
  .status[data-status='shipped'],
  .status[data-status='delivered'] {
    border-color: var(--kontor-color-success-text, #1a5e20);
  }
  .status[data-status='cancelled'] {
    border-color: var(--kontor-color-danger, #b3261e);
  }
  .details td {
    padding: var(--kontor-space-m, 0.75rem);
    background: var(--kontor-color-surface-hover, #f3f4f6);
  }
  .load-more {
    justify-self: center;
  }
  @container (max-width: 40rem) {
    table,
    tbody,
    .details,
    .details td {
      display: block;
    }
    .details[hidden] {
      display: none;
    }
    .details td {
      overflow-x: auto;
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
      align-items: baseline;
      padding: var(--kontor-space-s, 0.5rem) 0;
      border-bottom: 1px solid var(--order-history-border-color);
    }
    tr[part='row'] > * {
      padding: 0;
      border: 0;
    }
    tr[part='row'] > th {
      grid-area: 1 / 1;
    }
    tr[part='row'] > .gross {
      grid-area: 1 / 2;
      font-weight: 600;
    }
    .date {
      grid-area: 2 / 1;
    }
    .state {
      grid-area: 2 / 2;
      text-align: end;
    }
    .po,
    .promise {
      grid-column: 1 / -1;
    }
    .po:empty {
      display: none;
    }
    .po::before,
    .promise::before {
      content: attr(data-label) ': ' / '';
      color: var(--kontor-color-text-muted, #59636e);
    }
  }
`;
