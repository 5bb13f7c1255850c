import { KontorError, type ErrorIssue } from './kontor-error.js';

/**
 * Input was rejected. `issues` says where (`path`), why (`code`) and what would be valid
 * (`suggestions`). Thrown by the SDK before a request is sent and rebuilt from a server's 400/422.
 */
export class ValidationError extends KontorError {
  constructor(message: string, issues: ErrorIssue[], options: { status?: number; cause?: unknown } = {}) {
    super('validation', message, { issues, status: options.status ?? 422, cause: options.cause });
    this.name = 'ValidationError';
  }
}
