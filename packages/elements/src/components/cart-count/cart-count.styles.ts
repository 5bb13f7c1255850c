import { css } from 'lit';

// A count sits in the page's header, on the header's colours: its text inherits them (the shared
// :host colour would force the body text colour, 2.39:1 on a green header), and its focus ring
// defaults to that text colour, legible there by the page's own design, where the page-wide ring
// colour is often the header's own background. (Comments here, not in the CSS, which ships as written.)
export const styles = css`
  :host {
    display: inline-block;
    color: inherit;
    --cart-count-background: var(--kontor-color-primary, #0b57d0);
    --cart-count-color: var(--kontor-color-on-primary, #fff);
    --cart-count-focus-ring-color: currentColor;
  }
  .base:focus-visible {
    outline-color: var(--cart-count-focus-ring-color);
  }
  .base {
    display: inline-flex;
    align-items: center;
    gap: var(--kontor-space-xs, 0.25rem);
    color: inherit;
  }
  .badge {
    min-width: 1.5rem;
    padding: 0 0.375rem;
    border-radius: 999px;
    background: var(--cart-count-background);
    color: var(--cart-count-color);
    font-size: var(--kontor-font-size-s, 0.875rem);
    font-weight: 600;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
`;
