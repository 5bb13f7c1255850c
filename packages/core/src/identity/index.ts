export * from './identity.schema.js';
export { createIdentityClient, type IdentityClient } from './identity.client.js';
