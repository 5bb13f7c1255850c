import type { FastifyInstance } from 'fastify';
import { reorderRoutes } from '../http/reorder.routes.js';
import type { AppDeps } from '../http/route.js';
import type { OutboxDeps } from '../outbox/outbox.js';
import { createReorderReminderJob, type ReorderReminderJob } from './reminders.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Reorder reminders: `runOnce()` for tests and tools. */
    reorderReminders: ReorderReminderJob;
  }
}

/** How the app runs reorder reminders. */
export interface ReorderAppOptions {
  /** The reminder job's interval (default an hour), or `false` to not start it with the app (`app.reorderReminders.runOnce()` still works). */
  reminders?: { intervalMs?: number } | false | undefined;
}

/** Wires reordering into an app: the routes and the reminder job (started when the app is ready unless `reminders: false`). */
export function setupReorder(app: FastifyInstance, deps: AppDeps & OutboxDeps, options: { reorder?: ReorderAppOptions | undefined }): ReorderReminderJob {
  const reminders = options.reorder?.reminders;
  const job = createReorderReminderJob(deps, { intervalMs: reminders ? reminders.intervalMs : undefined, logger: app.log });
  if (reminders !== false) app.addHook('onReady', async () => job.start());
  app.addHook('onClose', async () => job.stop());
  app.decorate('reorderReminders', job);
  reorderRoutes(app, deps);
  return job;
}
