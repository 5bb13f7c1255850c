import type { ChatbotStrings } from '../translation.js';

/** English: chatbot (the launcher; the panel's strings load with it). */
export const chatbot: ChatbotStrings = {
  chatTitle: 'Shop assistant',
  closeChat: 'Close the chat',
  chatLoadFailed: 'The chat could not be loaded.',
};
