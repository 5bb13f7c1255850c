export { createHttpClient, type HttpClient, type HttpClientOptions, type CallOptions, type Getter, type RouteInput, type RouteOutput, type SchemaInput, type SchemaOutput } from './http-client.js';
