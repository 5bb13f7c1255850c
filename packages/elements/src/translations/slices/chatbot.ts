import type { ChatbotStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { chatbot as de } from '../de/chatbot.js';
import { chatbot as en } from '../en/chatbot.js';

export const chatbot: Slice<ChatbotStrings> = { de, en };
