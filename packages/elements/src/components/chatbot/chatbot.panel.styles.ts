import { css } from 'lit';

// The conversation: a scrolling log of messages (the buyer's on the right, the assistant's on the
// left, text kept as written with its line breaks), cards under a reply, the quick replies as a row
// of buttons, the input below. Adopted by the element's shadow root when the panel loads.
// (Comments here, not in the CSS, which ships as written.)
export const panelStyles = css`
  .chat {
    display: grid;
    gap: var(--kontor-space-s, 0.5rem);
    min-width: 0;
  }
  .log {
    display: flex;
    flex-direction: column;
    gap: var(--kontor-space-s, 0.5rem);
    max-height: var(--chatbot-log-height, 24rem);
    min-height: 6rem;
    overflow-y: auto;
    padding: var(--kontor-space-s, 0.5rem);
    border: 1px solid var(--chatbot-border-color);
    border-radius: var(--kontor-radius, 4px);
  }
  .message {
    max-width: 90%;
    display: grid;
    gap: var(--kontor-space-xs, 0.25rem);
  }
  .message .text,
  .welcome {
    margin: 0;
    padding: var(--kontor-space-xs, 0.25rem) var(--kontor-space-s, 0.5rem);
    border-radius: var(--kontor-radius, 4px);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .message.user {
    align-self: flex-end;
  }
  .message.user .text {
    background: var(--chatbot-user-background);
    color: var(--chatbot-user-color);
  }
  .message.assistant .text,
  .welcome {
    align-self: flex-start;
    background: var(--chatbot-assistant-background);
  }
  .thinking,
  .muted {
    margin: 0;
    color: var(--kontor-color-text-muted, #59636e);
  }
  .cards {
    display: grid;
    gap: var(--kontor-space-s, 0.5rem);
  }
  .card {
    display: grid;
    gap: var(--kontor-space-xs, 0.25rem);
    padding: var(--kontor-space-s, 0.5rem);
    border: 1px solid var(--chatbot-border-color);
    border-radius: var(--kontor-radius, 4px);
    background: var(--kontor-color-surface, #fff);
  }
  .card h3 {
    margin: 0;
    font-size: 1rem;
  }
  .card p,
  .card dl {
    margin: 0;
  }
  .card dl div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--kontor-space-s, 0.5rem);
  }
  .card dt {
    color: var(--kontor-color-text-muted, #59636e);
  }
  .card dd {
    margin: 0;
    font-weight: 600;
  }
  .card button {
    justify-self: start;
  }
  .done {
    color: var(--kontor-color-success-text, #1a5e20);
    font-weight: 600;
  }
  .error-text {
    margin: 0;
    color: var(--kontor-color-danger-text, #7a1712);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kontor-space-xs, 0.25rem);
  }
  [part='chip'] {
    border-radius: 999px;
    border-color: var(--chatbot-border-color);
  }
  .compose {
    display: grid;
    gap: var(--kontor-space-xs, 0.25rem);
  }
  .compose label {
    font-weight: 600;
  }
  textarea {
    font: inherit;
    width: 100%;
    resize: vertical;
    padding: var(--kontor-space-xs, 0.25rem) var(--kontor-space-s, 0.5rem);
    border: 1px solid var(--kontor-color-border-strong, #6e7781);
    border-radius: var(--kontor-radius, 4px);
    background: var(--kontor-color-surface, #fff);
    color: inherit;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--kontor-color-danger, #b3261e);
  }
  .hint {
    font-size: var(--kontor-font-size-s, 0.875rem);
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--kontor-space-s, 0.5rem);
  }
  .link {
    border-color: transparent;
    background: none;
    text-decoration: underline;
  }
`;
