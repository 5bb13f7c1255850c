// The shop assistant: its message, reply and card schemas, the client, and the built-in
// deterministic intent router (German and English, offline).
export * from './assistant.schema.js';
export { createAssistantClient, type AssistantClient } from './assistant.client.js';
export { routeMessage, matchProducts, foldText, type AssistantEntities, type RoutedMessage, type RouteOptions, type RouterProduct } from './assistant.router.js';
export { assistantTools, type AssistantToolName, type AssistantToolInput } from './assistant.tools.js';
