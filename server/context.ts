/**
 * The seam between route handlers and the running control plane. Next.js bundles route handlers
 * apart from the custom server, so module singletons are not shared: the composition root
 * registers the one `Services` instance on `globalThis`, and handlers fetch it with `getServices()`.
 */
import type { AuditPage, AuditQuery } from './audit/schemas';
import type { ScalingStatus } from './autoscaling/schemas';
import type { ApiToken, CreatedToken, CreateTokenInput, Principal } from './auth/schemas';
import type { Config } from './config';
import type { CreateEndpointInput, Endpoint, EndpointList, UpdateEndpointInput } from './endpoints/schemas';
import { AppError } from './errors';
import type { EndpointMetrics, MetricsQuery, Overview } from './metrics/schemas';
import type { RolloutAction } from './rollout/apply-action';
import type { Rollout, RolloutList } from './rollout/schemas';
import type { StorageStatus } from './storage/schemas';
import type { ReplicaList } from './supervisor/schemas';
import type { Tuning, TuningAction, TuningList } from './tuning/schemas';
import type {
  CreateModelInput,
  ListModelsQuery,
  Model,
  ModelList,
  ModelVersion,
  UpdateModelInput,
  UpdateVersionInput,
  VersionList,
} from './registry/schemas';

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

/** Every function throws `AppError` on failure; `actor` is the principal's name. */
export interface Services {
  config: Config;
  startedAt: Date;
  auth: {
    /** Also records `lastUsedAt` (throttled). */
    authenticateBearer(secret: string): Principal | null;
    /** UNAUTHORIZED when the token secret is unknown. */
    login(tokenSecret: string): LoginResult;
    /** `login` for a browser at `clientAddress`: failures are audited and throttled (TOO_MANY_REQUESTS). */
    signIn(tokenSecret: string, clientAddress: string | null): LoginResult;
    authenticateSession(sessionSecret: string): Principal | null;
    logout(sessionSecret: string): void;
    listTokens(): ApiToken[];
    createToken(input: CreateTokenInput, actor: string): CreatedToken;
    revokeToken(id: string, actor: string): void;
  };
  registry: {
    listModels(q: ListModelsQuery): ModelList;
    createModel(input: CreateModelInput, actor: string): Model;
    getModel(name: string): Model;
    updateModel(name: string, patch: UpdateModelInput, actor: string): Model;
    archiveModel(name: string, actor: string): Model;
    /** CONFLICT while an endpoint serves it. */
    deleteModel(name: string, actor: string): void;
    listVersions(model: string): VersionList;
    registerVersion(input: RegisterVersionRequest, actor: string): Promise<ModelVersion>;
    getVersion(model: string, version: number): ModelVersion;
    updateVersion(model: string, version: number, patch: UpdateVersionInput, actor: string): ModelVersion;
    archiveVersion(model: string, version: number, actor: string): ModelVersion;
    artifact(model: string, version: number): ArtifactRef;
  };
  endpoints: {
    list(): EndpointList;
    create(input: CreateEndpointInput, actor: string): Endpoint;
    get(name: string): Endpoint;
    update(name: string, patch: UpdateEndpointInput, actor: string): Endpoint;
    remove(name: string, actor: string): void;
  };
  audit: { list(q: AuditQuery): AuditPage };
  rollouts: {
    /** `input` is parsed with `StartRolloutInput`. */
    start(endpoint: string, input: unknown, actor: string): Rollout;
    list(endpoint: string): RolloutList;
    get(id: number): Rollout;
    act(id: number, action: RolloutAction, actor: string): Rollout;
    rollback(endpoint: string, actor: string): Rollout;
  };
  replicas: { list(endpoint: string): ReplicaList };
  tunings: {
    /** `input` is parsed with `StartTuningInput`; CONFLICT while one runs, PRECONDITION_FAILED with no room on the host. */
    start(endpoint: string, input: unknown, actor: string): Tuning;
    list(endpoint: string): TuningList;
    get(endpoint: string, id: number): Tuning;
    act(endpoint: string, id: number, action: TuningAction, actor: string): Tuning;
  };
  /** NOT_FOUND for an unknown endpoint. */
  scaling: { status(endpoint: string): ScalingStatus };
  /** The data volume's free space against the low-space threshold; never throws. */
  storage: { status(): Promise<StorageStatus> };
  metrics: {
    /** VALIDATION for a bad range (message names the limit), NOT_FOUND for an unknown endpoint. */
    endpoint(endpoint: string, query: MetricsQuery): EndpointMetrics;
    overview(): Overview;
    /** Prometheus text exposition of the control plane's registry. */
    prometheus(): Promise<{ contentType: string; body: string }>;
  };
}

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
