import { css } from 'lit';

// The timeline's .dot only adds to the text. (Comments here, not in the CSS, which ships as written.)
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --order-status-accent: var(--kontor-color-primary, #0b57d0);
    --order-status-border-color: var(--kontor-color-border, #d0d7de);
  }
  .base {
    display: grid;
    gap: var(--kontor-space-m, 0.75rem);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--kontor-space-s, 0.5rem) var(--kontor-space-m, 0.75rem);
  }
  .title {
    font-size: var(--kontor-font-size-l, 1.125rem);
    font-weight: 600;
  }
  .number {
    font-variant-numeric: tabular-nums;
  }
  .refresh {
    margin-inline-start: auto;
  }
  .subtitle {
    margin: 0 0 var(--kontor-space-xs, 0.25rem);
    font-weight: 600;
  }
  p {
    margin: 0;
  }
  .muted,
  time {
    color: var(--kontor-color-text-muted, #59636e);
    font-size: var(--kontor-font-size-s, 0.875rem);
    font-weight: normal;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: var(--kontor-space-xs, 0.25rem);
    padding: 0 var(--kontor-space-s, 0.5rem);
    border: 1px solid var(--order-status-border-color);
    border-radius: 999px;
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .dot {
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: var(--kontor-color-text-muted, #59636e);
  }
  [data-status='shipped'] .dot,
  [data-status='delivered'] .dot {
    background: var(--kontor-color-success-text, #1a5e20);
  }
  [data-status='cancelled'] .dot {
    background: var(--kontor-color-danger, #b3261e);
  }
  .timeline {
    margin: 0;
    padding: 0;
    list-style: none;
    border-inline-start: 2px solid var(--order-status-border-color);
  }
  .timeline li {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--kontor-space-s, 0.5rem);
    padding: 0 0 var(--kontor-space-s, 0.5rem) var(--kontor-space-m, 0.75rem);
  }
  .timeline li::before {
    content: '';
    position: absolute;
    inset-inline-start: -0.4rem;
    top: 0.35rem;
    width: 0.6rem;
    height: 0.6rem;
    border-radius: 50%;
    background: var(--order-status-accent);
  }
  .event-status {
    font-weight: 600;
  }
  .note {
    flex-basis: 100%;
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .tracking a {
    color: var(--order-status-accent);
  }
  .dates {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kontor-space-xs, 0.25rem) var(--kontor-space-l, 1.25rem);
    margin: 0;
  }
  .dates div {
    display: flex;
    gap: var(--kontor-space-s, 0.5rem);
  }
  .dates dt {
    color: var(--kontor-color-text-muted, #59636e);
  }
  .dates dd {
    margin: 0;
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
    padding: var(--kontor-space-xs, 0.25rem) var(--kontor-space-s, 0.5rem);
    border-bottom: 1px solid var(--order-status-border-color);
    text-align: start;
    vertical-align: top;
  }
  th {
    font-size: var(--kontor-font-size-s, 0.875rem);
    color: var(--kontor-color-text-muted, #59636e);
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  tbody tr {
    content-visibility: auto;
    contain-intrinsic-size: auto 3rem;
  }
  .totals {
    display: grid;
    justify-content: end;
    gap: var(--kontor-space-xs, 0.25rem);
    margin: var(--kontor-space-s, 0.5rem) 0 0;
  }
  .totals div {
    display: flex;
    justify-content: space-between;
    gap: var(--kontor-space-l, 1.25rem);
  }
  .totals dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .totals .gross {
    font-weight: 600;
  }
  .all-lines {
    margin-top: var(--kontor-space-s, 0.5rem);
  }
`;
