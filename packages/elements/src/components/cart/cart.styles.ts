import { css } from 'lit';

// Comments live here, not in the CSS, which ships as written:
// - .totals stay in view at the viewport bottom while a long cart scrolls (sticky); the negative
//   top margin lays their top border on the last row's, so a short cart looks the same. Sticky within
//   .lines, so they never rise over the header; not sticky on a phone (narrow, or short in landscape),
//   where they would cover the lines they sum up.
// - The saved-cart switcher shrinks to the header's width (a long cart name made a phone scroll sideways).
// - minmax(0, 1fr) columns and min-width: 0 let the dialogs' selects with long names shrink.
// - Grid columns are minmax(0, …) and controls max-width: 100%, so the cart fits a 360 px phone.
// - Off-screen rows skip layout and paint (content-visibility): a 1,000-line cart scrolls like a short one.
// - A line's availability symbol adds to the text (same as <kontor-availability>); the empty alt text
//   keeps it out of the accessible name.
// - The column header says "Menge" once; each row's quantity label stays for screen readers only.
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --cart-border-color: var(--kontor-color-border, #d0d7de);
    --cart-row-padding: var(--kontor-space-s, 0.5rem);
    --cart-issue-color: var(--kontor-color-danger-text, #7a1712);
    --cart-total-font-size: var(--kontor-font-size-l, 1.125rem);
    --cart-availability-available-color: var(--kontor-color-success-text, #1a5e20);
    --cart-availability-later-color: var(--kontor-color-warning-text, #6a4a00);
    --cart-availability-unavailable-color: var(--kontor-color-danger-text, #7a1712);
  }
  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--kontor-space-m, 0.75rem);
  }
  select,
  input {
    max-width: 100%;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--kontor-space-s, 0.5rem);
  }
  .title {
    min-width: 0;
    overflow-wrap: anywhere;
    font-size: var(--kontor-font-size-l, 1.125rem);
    font-weight: 600;
  }
  .count,
  .meta,
  .muted,
  .per,
  .history {
    color: var(--kontor-color-text-muted, #59636e);
    font-size: var(--kontor-font-size-s, 0.875rem);
    font-weight: normal;
  }
  .count {
    margin-inline-start: var(--kontor-space-s, 0.5rem);
  }
  .badge {
    white-space: nowrap;
    margin-inline-start: var(--kontor-space-s, 0.5rem);
    padding: 0 var(--kontor-space-xs, 0.25rem);
    border: 1px solid var(--cart-border-color);
    border-radius: var(--kontor-radius, 4px);
    font-size: var(--kontor-font-size-s, 0.875rem);
    font-weight: normal;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kontor-space-s, 0.5rem);
    min-width: 0;
    max-width: 100%;
  }
  .switch {
    display: flex;
    min-width: 0;
    max-width: 100%;
  }
  .switch select {
    width: 100%;
    text-overflow: ellipsis;
  }
  .lines {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--kontor-space-m, 0.75rem);
  }
  .line {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 12rem 8.5rem 8rem 2.75rem;
    gap: var(--kontor-space-s, 0.5rem);
    align-items: start;
    padding: var(--cart-row-padding) 0;
    border-bottom: 1px solid var(--cart-border-color);
    content-visibility: auto;
    contain-intrinsic-size: auto 4.5rem;
  }
  .line.head {
    content-visibility: visible;
    font-size: var(--kontor-font-size-s, 0.875rem);
    font-weight: 600;
    color: var(--kontor-color-text-muted, #59636e);
  }
  .item {
    display: grid;
    gap: 0.125rem;
    min-width: 0;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .total {
    font-weight: 600;
  }
  .availability {
    display: block;
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .availability[data-tone]::before {
    font-size: 0.8em;
    margin-inline-end: 0.25em;
  }
  .availability[data-tone='available']::before {
    content: '✓' / '';
    color: var(--cart-availability-available-color);
  }
  .availability[data-tone='partial']::before {
    content: '◐' / '';
    color: var(--cart-availability-later-color);
  }
  .availability[data-tone='later']::before {
    content: '◷' / '';
    color: var(--cart-availability-later-color);
  }
  .availability[data-tone='unavailable']::before {
    content: '✕' / '';
    color: var(--cart-availability-unavailable-color);
  }
  .availability[data-tone='error']::before {
    content: '!' / '';
    color: var(--cart-availability-unavailable-color);
  }
  .availability-error {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--kontor-space-s, 0.5rem);
    color: var(--cart-issue-color);
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .availability-error button {
    min-height: 1.75rem;
    font-size: inherit;
  }
  .issue {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--kontor-space-xs, 0.25rem);
    color: var(--cart-issue-color);
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .issue::before {
    content: '⚠';
    speak: never;
  }
  .suggestion {
    min-height: 1.75rem;
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .remove {
    min-width: 2.25rem;
  }
  kontor-quantity::part(label) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .totals {
    position: sticky;
    bottom: 0;
    z-index: 1;
    display: grid;
    justify-content: end;
    gap: var(--kontor-space-xs, 0.25rem);
    margin: calc(-1px - var(--kontor-space-m, 0.75rem)) 0 0;
    padding: var(--kontor-space-s, 0.5rem) 0;
    border-top: 1px solid var(--cart-border-color);
    background: var(--cart-totals-background, var(--kontor-color-surface, #fff));
    font-variant-numeric: tabular-nums;
  }
  .totals dl {
    display: grid;
    gap: inherit;
    margin: 0;
  }
  .skip {
    justify-self: start;
  }
  .totals div {
    display: grid;
    grid-template-columns: minmax(10rem, auto) 9rem;
    gap: var(--kontor-space-m, 0.75rem);
  }
  .totals dd {
    margin: 0;
    text-align: end;
  }
  .totals .gross {
    font-size: var(--cart-total-font-size);
    font-weight: 700;
    border-top: 1px solid var(--cart-border-color);
    padding-top: var(--kontor-space-xs, 0.25rem);
  }
  .empty {
    margin: 0;
    padding: var(--kontor-space-l, 1rem) 0;
    color: var(--kontor-color-text-muted, #59636e);
  }
  .claim {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--kontor-space-s, 0.5rem);
  }
  .claim label {
    display: grid;
    gap: var(--kontor-space-xs, 0.25rem);
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    justify-content: end;
    gap: var(--kontor-space-s, 0.5rem);
  }
  .skeleton {
    display: grid;
    gap: var(--kontor-space-s, 0.5rem);
  }
  .skeleton div {
    height: 3rem;
    border-radius: var(--kontor-radius, 4px);
    background: var(--kontor-color-skeleton, #eef1f4);
  }
  @container (max-width: 40rem) {
    .line {
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .line.head {
      display: none;
    }
    .line .item {
      grid-column: 1 / -1;
    }
    .totals {
      position: static;
      justify-content: stretch;
    }
    .totals div {
      grid-template-columns: minmax(0, 1fr) auto;
    }
  }
  @media (max-height: 30rem) {
    .totals {
      position: static;
    }
  }
`;
