import { css } from 'lit';

// The company's lists (offers, standing orders): a table that scrolls sideways inside .scroll when
// wider than the list, and below 40rem each row is a block of its own (its name and state, then
// each fact labelled by its column's name; the table's headers, only visually hidden, still name
// the cells). Each element sets --list-border-color from its own public property.
// (Comments here, not in the CSS, which ships as written.)
export const listTableStyles = css`
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
    border-bottom: 1px solid var(--list-border-color);
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
      border-bottom: 1px solid var(--list-border-color);
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
