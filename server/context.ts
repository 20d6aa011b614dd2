/**
 * The seam between route handlers and the running control plane. Next.js bundles route handlers
 * apart from the custom server, so module singletons are not shared: the composition root
 * registers the one `Services` instance on `globalThis`, and handlers fetch it with `getServices()`.
 */
import type { Principal } from './auth/schemas';
import { AppError } from './errors';
import type { Services } from './services';

export interface LoginResult {
  sessionSecret: string;
  principal: Principal;
  maxAgeSeconds: number;
}

export interface RegisterVersionRequest {
  model: string;
  /** The upload, streamed; read once, up to `config.maxUploadBytes`. */
  body: AsyncIterable<Uint8Array>;
  description?: string;
  tags?: string[];
}

export interface ArtifactRef {
  /** Absolute path of the content-addressed file. */
  path: string;
  sizeBytes: number;
  sha256: string;
}

/** Every method throws `AppError` on failure; `actor` is the principal's name. Defined by `buildServices`. */
export type { Services };

const KEY = Symbol.for('slipway.services');
type Holder = { [KEY]?: Services };

export function registerServices(s: Services): void {
  (globalThis as Holder)[KEY] = s;
}

export function getServices(): Services {
  const s = (globalThis as Holder)[KEY];
  if (!s) throw new AppError('UNAVAILABLE', 'The control plane is not running in this process (services not registered).');
  return s;
}

/** For tests and shutdown. */
export function clearServices(): void {
  delete (globalThis as Holder)[KEY];
}
