import { css } from 'lit';

// Inline: a block with a heading and the chat. Floating: a launcher button fixed in a corner and,
// when open, a panel above it. The chat's own styles load with it (chatbot.panel.styles.ts); the
// custom properties it reads are set here, so a page themes both on the host.
// (Comments here, not in the CSS, which ships as written.)
export const styles = css`
  :host {
    display: block;
    --chatbot-border-color: var(--kontor-color-border, #d0d7de);
    --chatbot-user-background: var(--kontor-color-primary, #0b57d0);
    --chatbot-user-color: var(--kontor-color-on-primary, #fff);
    --chatbot-assistant-background: var(--kontor-color-surface-hover, #f3f4f6);
    --chatbot-panel-width: 24rem;
    --chatbot-offset: var(--kontor-space-l, 1.25rem);
    --chatbot-z-index: 1000;
  }
  :host([floating]) {
    position: fixed;
    inset-block-end: var(--chatbot-offset);
    inset-inline-end: var(--chatbot-offset);
    z-index: var(--chatbot-z-index);
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: var(--kontor-space-s, 0.5rem);
  }
  .panel {
    display: grid;
    gap: var(--kontor-space-s, 0.5rem);
  }
  :host([floating]) .panel {
    order: -1;
    width: min(var(--chatbot-panel-width), calc(100vw - 2 * var(--chatbot-offset)));
    max-height: calc(100vh - 6rem);
    overflow: auto;
    padding: var(--kontor-space-m, 0.75rem);
    border: 1px solid var(--chatbot-border-color);
    border-radius: var(--kontor-radius, 4px);
    background: var(--kontor-color-surface, #fff);
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.18);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--kontor-space-s, 0.5rem);
  }
  h2 {
    margin: 0;
    font-size: var(--kontor-font-size-l, 1.125rem);
  }
  .launcher {
    border-radius: 999px;
    padding-inline: var(--kontor-space-l, 1.25rem);
    box-shadow: 0 0.25rem 0.75rem rgb(0 0 0 / 0.2);
  }
  .muted {
    margin: 0;
    color: var(--kontor-color-text-muted, #59636e);
  }
`;
