export { routes, type RouteDef, type RouteId, type RouteAuth } from './routes.js';
export { buildOpenApi } from './openapi.js';
