import type { ChatbotStrings } from '../translation.js';

/** German: chatbot (the launcher; the panel's strings load with it). */
export const chatbot: ChatbotStrings = {
  chatTitle: 'Shop-Assistent',
  closeChat: 'Chat schließen',
  chatLoadFailed: 'Der Chat konnte nicht geladen werden.',
};
