// Reordering: candidates at today's prices, purchase cadences ("time to reorder"), the plan of a
// reorder line by line, and the client.
export * from './reorder.schema.js';
export { purchaseCadence, isDue, dueFirst, describeCadence, spanOf, graceDays, leadDays, MIN_CADENCE_ORDERS, MIN_CONFIDENCE } from './cadence.logic.js';
export { planReorder, reorderCounts, type ReorderFacts, type ReorderPlan, type ReorderSourceLine } from './reorder.logic.js';
export { reorderIssues, reorderIssueMessage } from './reorder.messages.js';
export { createReorderClient, type ReorderClient } from './reorder.client.js';
