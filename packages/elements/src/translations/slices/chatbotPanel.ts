import type { ChatbotPanelStrings } from '../translation.js';
import type { Slice } from '../strings.js';
import { chatbotPanel as de } from '../de/chatbotPanel.js';
import { chatbotPanel as en } from '../en/chatbotPanel.js';

export const chatbotPanel: Slice<ChatbotPanelStrings> = { de, en };
