import { css } from 'lit';

// Below the four columns' minimum the rows are one column: a container query, so the list follows
// its own width, not the window's. A row's tracks are fixed so columns line up from row to row.
// Loading rows are shaped like product rows (same grid, bars where the text and controls go), so a
// page of them is about as tall as the page it stands for, in both layouts; .more-space holds the
// place of the "load more" button a full page brings.
// (Comments here, not in the CSS, which ships as written.)
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --product-list-gap: var(--kontor-space-m, 0.75rem);
    --product-list-row-padding: var(--kontor-space-m, 0.75rem);
    --product-list-border-color: var(--kontor-color-border, #d0d7de);
    --product-list-badge-background: var(--kontor-color-warning-surface, #fff4d6);
    --product-list-badge-color: var(--kontor-color-warning-text, #6a4a00);
  }
  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--product-list-gap);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kontor-space-m, 0.75rem);
    align-items: end;
  }
  .field {
    display: grid;
    gap: var(--kontor-space-xs, 0.25rem);
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  input[type='search'] {
    min-width: min(16rem, 100%);
  }
  .field,
  select {
    max-width: 100%;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    border-top: 1px solid var(--product-list-border-color);
  }
  li {
    display: grid;
    grid-template-columns: minmax(12rem, 2fr) minmax(11rem, 1.4fr) minmax(9rem, 12rem) 12.5rem;
    gap: var(--product-list-gap);
    align-items: start;
    padding: var(--product-list-row-padding) 0;
    border-bottom: 1px solid var(--product-list-border-color);
  }
  @container (max-width: 48rem) {
    li {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .name {
    font-weight: 600;
    margin: 0;
    font-size: 1em;
  }
  .meta {
    color: var(--kontor-color-text-muted, #59636e);
    font-size: var(--kontor-font-size-s, 0.875rem);
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--kontor-space-m, 0.75rem);
  }
  .brand {
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .description {
    margin: 0;
    color: var(--kontor-color-text-muted, #59636e);
    font-size: var(--kontor-font-size-s, 0.875rem);
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  details {
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 var(--kontor-space-m, 0.75rem);
  }
  dd {
    margin: 0;
  }
  .brands {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--kontor-space-m, 0.75rem);
    margin: 0;
    border: 0;
    padding: 0;
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .brands legend {
    padding: 0;
  }
  .badge {
    display: inline-block;
    margin-top: var(--kontor-space-xs, 0.25rem);
    padding: 0 var(--kontor-space-s, 0.5rem);
    border-radius: var(--kontor-radius, 4px);
    border: 1px solid currentColor;
    background: var(--product-list-badge-background);
    color: var(--product-list-badge-color);
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  kontor-availability {
    margin-top: var(--kontor-space-xs, 0.25rem);
  }
  .skeleton li div {
    display: grid;
    gap: 0.375em;
    align-content: start;
  }
  .skeleton span {
    height: 0.875em;
    width: 70%;
    border-radius: var(--kontor-radius, 4px);
    background: var(--kontor-color-skeleton, #e5e7eb);
  }
  .skeleton .name {
    height: 2.25em;
    width: 90%;
  }
  .skeleton .description {
    height: 1.5em;
    width: 100%;
  }
  .skeleton .price {
    height: 1.5em;
    width: 55%;
  }
  .skeleton .control {
    height: var(--kontor-control-height, 2.25rem);
    width: 9rem;
    max-width: 100%;
  }
  .empty {
    padding: var(--kontor-space-l, 1.25rem) 0;
    color: var(--kontor-color-text-muted, #59636e);
  }
  .more {
    justify-self: center;
  }
  .more-space {
    height: var(--kontor-control-height, 2.25rem);
  }
`;
