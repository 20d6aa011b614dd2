/** What route handlers need from the HTTP layer, in one import. */
export { artifactFilename, artifactResponse } from './artifact';
export { clientAddress } from './client-address';
export { routes } from './contracts';
export { extractCredential } from './credentials';
export { isSecureRequest } from './origin';
export { json, noContent } from './responses';
export { clearedSessionCookie, sessionCookie } from './session-cookie';
export { uploadVersion } from './upload-version';
export { withRoute } from './with-route';
