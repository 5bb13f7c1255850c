export { createHttpClient, type HttpClient, type HttpClientOptions, type CallOptions, type Getter, type RouteInput, type RouteOutput } from './http-client.js';
