import { css } from 'lit';

/**
 * Styles every Kontor element shares. Tokens come from `themes/default.css`, with fallbacks so an unthemed page still works.
 * (Comments here, not in the CSS, which ships as written.) One look for every control; components
 * adjust only what differs. `:where(button):hover` stays at class
 * level, so a component's own button class (.primary, .link …) wins over it. `.primary` is the
 * main action: hover and keyboard focus darken the theme's --kontor-color-primary (a component
 * may set --_primary); the label stays legible. A `.skip` button (a skip link) is visually hidden until it has the focus.
 */
export const componentStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--kontor-font-family, system-ui, sans-serif);
    font-size: var(--kontor-font-size, 1rem);
    color: var(--kontor-color-text, #1f2328);
  }
  :host *,
  :host *::before,
  :host *::after {
    box-sizing: inherit;
  }
  :host([hidden]) {
    display: none !important;
  }
  :focus-visible {
    outline: var(--kontor-focus-ring-width, 2px) solid var(--kontor-focus-ring-color, #0b57d0);
    outline-offset: var(--kontor-focus-ring-offset, 2px);
  }
  button,
  input,
  select {
    font: inherit;
    min-height: var(--kontor-control-height, 2.25rem);
    padding: 0 var(--kontor-space-s, 0.5rem);
    border: 1px solid var(--kontor-color-border-strong, #6e7781);
    border-radius: var(--kontor-radius, 4px);
    background: var(--kontor-color-surface, #fff);
    color: inherit;
  }
  button {
    cursor: pointer;
  }
  :where(button):hover {
    background: var(--kontor-color-surface-hover, #f3f4f6);
  }
  .primary {
    --_primary: var(--kontor-color-primary, #0b57d0);
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--kontor-color-on-primary, #fff);
    font-weight: 600;
  }
  .primary:is(:hover, :focus-visible):not(:disabled, [aria-disabled='true']) {
    background: color-mix(in srgb, var(--_primary) 78%, #000);
  }
  button[aria-disabled='true'] {
    opacity: 0.65;
    cursor: progress;
  }
  .visually-hidden,
  .skip:not(:focus) {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--kontor-space-s, 0.5rem);
    padding: var(--kontor-space-s, 0.5rem) var(--kontor-space-m, 0.75rem);
    border: 1px solid var(--kontor-color-danger, #b3261e);
    border-left-width: 4px;
    border-radius: var(--kontor-radius, 4px);
    background: var(--kontor-color-danger-surface, #fdecea);
    color: var(--kontor-color-danger-text, #7a1712);
  }
`;
