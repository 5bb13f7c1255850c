import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --quick-order-rows: 8;
    --quick-order-issue-color: var(--kontor-color-danger-text, #7a1712);
  }
  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--kontor-space-s, 0.5rem);
  }
  label {
    font-weight: 600;
  }
  textarea {
    font: inherit;
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    min-height: calc(var(--quick-order-rows) * 1.5em);
    padding: var(--kontor-space-s, 0.5rem);
    border: 1px solid var(--kontor-color-border-strong, #6e7781);
    border-radius: var(--kontor-radius, 4px);
    resize: vertical;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--kontor-color-danger, #b3261e);
  }
  .hint {
    margin: 0;
    color: var(--kontor-color-text-muted, #59636e);
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--kontor-space-m, 0.75rem);
  }
  .file {
    display: inline-flex;
    flex-wrap: wrap;
    max-width: 100%;
    gap: var(--kontor-space-s, 0.5rem);
    align-items: center;
    font-weight: normal;
  }
  .file input {
    max-width: 100%;
    border: 0;
    padding: 0;
  }
  .summary p,
  .summary ul {
    margin: 0;
  }
  .summary .warn,
  .issues {
    color: var(--quick-order-issue-color);
  }
  .issues {
    display: grid;
    gap: var(--kontor-space-xs, 0.25rem);
    margin: 0;
    padding-inline-start: 0;
    list-style: none;
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .issues li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kontor-space-xs, 0.25rem) var(--kontor-space-s, 0.5rem);
    align-items: center;
  }
  .raw {
    padding: 0 var(--kontor-space-xs, 0.25rem);
    background: var(--kontor-color-surface-hover, #f3f4f6);
    color: var(--kontor-color-text, #1f2328);
    white-space: pre-wrap;
  }
  .issues button {
    min-height: 1.75rem;
  }
`;
