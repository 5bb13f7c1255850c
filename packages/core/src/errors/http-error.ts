import { KontorError, type ErrorCode, type ErrorIssue } from './kontor-error.js';

/** The request that failed, for messages and logs. Never holds the token. */
export interface RequestInfo {
  method: string;
  url: string;
}

/**
 * The server answered with an error status. `code` is the server's stable code
 * (`not_found`, `conflict`, `unauthorized`, …) or `http` when the body was not a Kontor error.
 */
export class HttpError extends KontorError {
  readonly request: RequestInfo;

  constructor(
    code: ErrorCode,
    message: string,
    options: { status: number; request: RequestInfo; issues?: ErrorIssue[]; details?: Record<string, unknown>; cause?: unknown },
  ) {
    super(code, message, options);
    this.name = 'HttpError';
    this.request = options.request;
  }
}
