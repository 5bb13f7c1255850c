import { KontorError } from './kontor-error.js';
import type { RequestInfo } from './http-error.js';

/** The server could not be reached (DNS, refused connection, CORS, offline). */
export class NetworkError extends KontorError {
  readonly request: RequestInfo;
  constructor(request: RequestInfo, cause?: unknown) {
    super('network', `${request.method} ${request.url} could not reach the server`, { cause });
    this.name = 'NetworkError';
    this.request = request;
  }
}
