import { css } from 'lit';

// The lines as a table that scrolls sideways inside .scroll when wider than the element; below
// 40rem each line is a block (name, then each figure labelled by its column's name; the headers,
// only visually hidden, still name the cells). Forms stack their fields, labels above.
// (Comments here, not in the CSS, which ships as written.)
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --offer-border-color: var(--kontor-color-border, #d0d7de);
    --offer-added-color: var(--kontor-color-success-text, #1a5e20);
    --offer-removed-color: var(--kontor-color-danger-text, #7a1712);
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
  h3,
  h4,
  p {
    margin: 0;
  }
  h3 {
    font-size: 1.375em;
  }
  h4 {
    font-size: 1.0625em;
  }
  .muted,
  .hint,
  .sku {
    color: var(--kontor-color-text-muted, #59636e);
  }
  .hint,
  .sku,
  .countdown {
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .sku {
    display: block;
    font-weight: normal;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kontor-space-xs, 0.25rem) var(--kontor-space-m, 0.75rem);
  }
  [part='validity'][data-days-left='0'] .countdown,
  [part='validity'][data-days-left='1'] .countdown {
    color: var(--kontor-color-danger-text, #7a1712);
  }
  .status {
    display: inline-block;
    padding: 0 var(--kontor-space-s, 0.5rem);
    border: 1px solid var(--offer-border-color);
    border-radius: 999px;
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .status[data-status='sent'],
  .status[data-status='accepted'] {
    border-color: var(--kontor-color-success-text, #1a5e20);
  }
  .status[data-status='rejected'],
  .status[data-status='expired'],
  .status[data-status='withdrawn'] {
    border-color: var(--kontor-color-danger, #b3261e);
  }
  .note,
  .notice {
    padding: var(--kontor-space-s, 0.5rem) var(--kontor-space-m, 0.75rem);
    border: 1px solid var(--kontor-color-warning, #9a6700);
    border-left-width: 4px;
    border-radius: var(--kontor-radius, 4px);
    background: var(--kontor-color-warning-surface, #fff8c5);
  }
  .note[data-status='accepted'] {
    border-color: var(--kontor-color-success-text, #1a5e20);
    background: var(--kontor-color-success-surface, #e6f4ea);
  }
  [part='result'] {
    font-weight: 600;
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
    border-bottom: 1px solid var(--offer-border-color);
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
  .num {
    text-align: end;
    white-space: nowrap;
  }
  .list {
    color: var(--kontor-color-text-muted, #59636e);
  }
  .group {
    font-size: var(--kontor-font-size-s, 0.875rem);
    color: var(--kontor-color-text-muted, #59636e);
  }
  .totals,
  .terms {
    display: grid;
    gap: var(--kontor-space-xs, 0.25rem);
    margin: 0;
  }
  .totals {
    justify-self: end;
    min-width: min(100%, 20rem);
  }
  .totals div,
  .terms div {
    display: flex;
    justify-content: space-between;
    gap: var(--kontor-space-m, 0.75rem);
  }
  .terms div {
    justify-content: start;
  }
  dt {
    color: var(--kontor-color-text-muted, #59636e);
  }
  .terms dt::after {
    content: ':';
  }
  dd {
    margin: 0;
    white-space: pre-line;
  }
  [data-total='gross'] {
    font-weight: 600;
    border-top: 1px solid var(--offer-border-color);
    padding-top: var(--kontor-space-xs, 0.25rem);
  }
  [part='differences'] {
    display: grid;
    gap: var(--kontor-space-s, 0.5rem);
  }
  .mark {
    font-size: var(--kontor-font-size-s, 0.875rem);
    font-weight: 600;
  }
  [data-kind='added'] .mark {
    color: var(--offer-added-color);
  }
  [data-kind='removed'] .mark {
    color: var(--offer-removed-color);
  }
  [data-kind='removed'] .name {
    text-decoration: line-through;
  }
  [data-changed='true'] {
    font-weight: 600;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kontor-space-s, 0.5rem);
  }
  [part='history'] ol {
    display: grid;
    gap: var(--kontor-space-xs, 0.25rem);
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  [part='history'] .muted {
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .comment {
    display: block;
    white-space: pre-line;
  }
  @container (max-width: 40rem) {
    table,
    tbody,
    tr,
    th,
    td {
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
    tr {
      padding: var(--kontor-space-s, 0.5rem) 0;
      border-bottom: 1px solid var(--offer-border-color);
    }
    th,
    td {
      padding: 0;
      border: 0;
      text-align: start;
    }
    td[data-label]::before {
      content: attr(data-label) ': ' / '';
      color: var(--kontor-color-text-muted, #59636e);
    }
  }
`;
