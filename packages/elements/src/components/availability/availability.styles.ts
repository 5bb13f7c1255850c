import { css } from 'lit';

// The .icon adds to the text; the text alone carries the meaning. (Comments here, not in the CSS, which ships as written.)
export const styles = css`
  :host {
    display: block;
    --availability-font-size: var(--kontor-font-size-s, 0.875rem);
    --availability-gap: var(--kontor-space-xs, 0.25rem);
    --availability-color: var(--kontor-color-text, #1f2328);
    --availability-available-color: var(--kontor-color-success-text, #1a5e20);
    --availability-partial-color: var(--kontor-color-warning-text, #6a4a00);
    --availability-later-color: var(--kontor-color-warning-text, #6a4a00);
    --availability-unavailable-color: var(--kontor-color-danger-text, #7a1712);
  }
  .base {
    display: flex;
    align-items: baseline;
    gap: var(--availability-gap);
    font-size: var(--availability-font-size);
    color: var(--availability-color);
    min-height: 1.25em;
  }
  .icon {
    flex: none;
    font-size: 0.8em;
    line-height: 1;
  }
  .tone-available .icon {
    color: var(--availability-available-color);
  }
  .tone-partial .icon {
    color: var(--availability-partial-color);
  }
  .tone-later .icon {
    color: var(--availability-later-color);
  }
  .tone-unavailable .icon,
  .tone-error .icon {
    color: var(--availability-unavailable-color);
  }
  .skeleton {
    display: inline-block;
    width: 12em;
    max-width: 100%;
    height: 0.9em;
    border-radius: var(--kontor-radius, 4px);
    background: var(--kontor-color-skeleton, #e5e7eb);
  }
  [aria-busy='true'] .text {
    opacity: 0.6;
  }
  button {
    min-height: 1.75rem;
    font-size: inherit;
  }
`;
