// Real key presses in the test browser (puppeteer's keyboard, through Web Test Runner's built-in
// send-keys command): what `@web/test-runner-commands`' sendKeys does, without the dependency.

type SendKeys = { press: string } | { type: string } | { down: string } | { up: string };

interface WtrSocket {
  sendMessageWaitForResponse(message: unknown): Promise<{ executed: boolean; result?: unknown }>;
}

/** Presses (`{ press: 'Shift+Enter' }`) or types (`{ type: 'Hallo' }`) into whatever has the focus. */
export async function sendKeys(payload: SendKeys): Promise<void> {
  const sessionId = new URL(window.location.href).searchParams.get('wtr-session-id');
  if (!sessionId) throw new Error('sendKeys needs a browser run by Web Test Runner');
  const socketModule = '/__web-dev-server__web-socket.js';
  const socket = (await import(/* @vite-ignore */ socketModule)) as WtrSocket;
  const response = await socket.sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command: 'send-keys', payload });
  if (!response.executed) throw new Error('The test runner has no send-keys command');
}
