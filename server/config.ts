/**
 * The control plane's configuration: the only reader of `process.env`. `parseConfig` is pure
 * (env, cwd and project root in; a checked `Config` or one `ConfigError` line out) so the table
 * test covers every rule; `loadConfig` is the thin shell the composition root calls.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_MAX_UPLOAD_BYTES = 1024 ** 3;
/** Below this much free space on the data volume, health reports `degraded`. */
export const DEFAULT_LOW_SPACE_BYTES = 256 * 1024 ** 2;
export const ADMIN_TOKEN_MIN_LENGTH = 24;

export interface Config {
  /** Absolute. */
  dataDir: string;
  port: number;
  /** The inference gateway (KServe v2 over HTTP). */
  gatewayPort: number;
  /** The gateway's KServe v2 gRPC service (Triton's 8001). */
  grpcPort: number;
  /** Client connections the gateway holds at most (the longest-idle are shed past it). */
  gatewayMaxConnections: number;
  host: string;
  /** Bootstrap admin secret; undefined means "generate one on a fresh data dir". */
  adminToken: string | undefined;
  demo: boolean;
  /** `GET /metrics` without a token (for scrapers); otherwise it needs a viewer bearer token. */
  metricsPublic?: boolean;
  maxUploadBytes: number;
  lowSpaceThresholdBytes: number;
  /** Cores the runtimes' auto sizing shares out (`SLIPWAY_HOST_CPUS`); undefined: detect them. */
  hostCpus: number | undefined;
  logLevel: LogLevel;
  /** Absolute paths computed once at startup, so bundled code never resolves files itself. */
  paths: {
    projectRoot: string;
    database: string;
    artifacts: string;
    tmp: string;
    adminTokenFile: string;
    migrations: string;
    inspectScript: string;
  };
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(`slipway: invalid configuration: ${message}`);
    this.name = 'ConfigError';
  }
}

const port = (name: string) =>
  z.coerce
    .number({ error: () => `${name} must be an integer 1–65535` })
    .int(`${name} must be an integer 1–65535`)
    .min(1, `${name} must be an integer 1–65535`)
    .max(65535, `${name} must be an integer 1–65535`);

const FALSY = ['0', 'false', 'off', 'no'];
const TRUTHY = ['1', 'true', 'on', 'yes'];

const EnvSchema = z.object({
  SLIPWAY_DATA_DIR: z.string().min(1, 'SLIPWAY_DATA_DIR must not be empty').default('./data'),
  PORT: port('PORT').default(3000),
  SLIPWAY_GATEWAY_PORT: port('SLIPWAY_GATEWAY_PORT').default(8000),
  SLIPWAY_GRPC_PORT: port('SLIPWAY_GRPC_PORT').default(8001),
  SLIPWAY_GATEWAY_MAX_CONNECTIONS: z.coerce
    .number({ error: () => 'SLIPWAY_GATEWAY_MAX_CONNECTIONS must be an integer 16–1000000' })
    .int('SLIPWAY_GATEWAY_MAX_CONNECTIONS must be an integer 16–1000000')
    .min(16, 'SLIPWAY_GATEWAY_MAX_CONNECTIONS must be an integer 16–1000000')
    .max(1_000_000, 'SLIPWAY_GATEWAY_MAX_CONNECTIONS must be an integer 16–1000000')
    .default(10_000),
  SLIPWAY_HOST: z.string().min(1, 'SLIPWAY_HOST must not be empty').default('127.0.0.1'),
  SLIPWAY_ADMIN_TOKEN: z
    .string()
    .refine(
      (s) => s.startsWith('slw_') && s.length >= ADMIN_TOKEN_MIN_LENGTH,
      `SLIPWAY_ADMIN_TOKEN must start with "slw_" and be at least ${ADMIN_TOKEN_MIN_LENGTH} characters`,
    )
    .optional(),
  SLIPWAY_DEMO: z
    .string()
    .refine((s) => [...FALSY, ...TRUTHY].includes(s.trim().toLowerCase()), 'SLIPWAY_DEMO must be one of 1/0, true/false, on/off, yes/no')
    .transform((s) => !FALSY.includes(s.trim().toLowerCase()))
    .default(true),
  SLIPWAY_METRICS_PUBLIC: z
    .string()
    .refine((s) => [...FALSY, ...TRUTHY].includes(s.trim().toLowerCase()), 'SLIPWAY_METRICS_PUBLIC must be one of 1/0, true/false, on/off, yes/no')
    .transform((s) => !FALSY.includes(s.trim().toLowerCase()))
    .default(false),
  SLIPWAY_MAX_UPLOAD_BYTES: z.coerce
    .number({ error: () => 'SLIPWAY_MAX_UPLOAD_BYTES must be a positive integer' })
    .int('SLIPWAY_MAX_UPLOAD_BYTES must be a positive integer')
    .positive('SLIPWAY_MAX_UPLOAD_BYTES must be a positive integer')
    .default(DEFAULT_MAX_UPLOAD_BYTES),
  SLIPWAY_LOW_SPACE_BYTES: z.coerce
    .number({ error: () => 'SLIPWAY_LOW_SPACE_BYTES must be a non-negative integer' })
    .int('SLIPWAY_LOW_SPACE_BYTES must be a non-negative integer')
    .nonnegative('SLIPWAY_LOW_SPACE_BYTES must be a non-negative integer')
    .default(DEFAULT_LOW_SPACE_BYTES),
  SLIPWAY_HOST_CPUS: z.coerce
    .number({ error: () => 'SLIPWAY_HOST_CPUS must be an integer 1–1024' })
    .int('SLIPWAY_HOST_CPUS must be an integer 1–1024')
    .min(1, 'SLIPWAY_HOST_CPUS must be an integer 1–1024')
    .max(1024, 'SLIPWAY_HOST_CPUS must be an integer 1–1024')
    .optional(),
  SLIPWAY_LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: () => `SLIPWAY_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
});

/** Unset and empty are the same: `PORT= npm start` means "the default", not "port zero". */
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

export function parseConfig(env: Record<string, string | undefined>, opts: { cwd: string; projectRoot: string }): Config {
  const cleaned = withoutEmpty(env);
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    const got = key && key !== 'SLIPWAY_ADMIN_TOKEN' ? ` (got ${JSON.stringify(cleaned[key])})` : '';
    throw new ConfigError(`${issue?.message ?? 'unknown problem'}${got}`);
  }
  const e = parsed.data;
  const dataDir = isAbsolute(e.SLIPWAY_DATA_DIR) ? e.SLIPWAY_DATA_DIR : resolve(opts.cwd, e.SLIPWAY_DATA_DIR);
  const root = opts.projectRoot;
  return {
    dataDir,
    port: e.PORT,
    gatewayPort: e.SLIPWAY_GATEWAY_PORT,
    grpcPort: e.SLIPWAY_GRPC_PORT,
    gatewayMaxConnections: e.SLIPWAY_GATEWAY_MAX_CONNECTIONS,
    host: e.SLIPWAY_HOST,
    adminToken: e.SLIPWAY_ADMIN_TOKEN,
    demo: e.SLIPWAY_DEMO,
    metricsPublic: e.SLIPWAY_METRICS_PUBLIC,
    maxUploadBytes: e.SLIPWAY_MAX_UPLOAD_BYTES,
    lowSpaceThresholdBytes: e.SLIPWAY_LOW_SPACE_BYTES,
    hostCpus: e.SLIPWAY_HOST_CPUS,
    logLevel: e.SLIPWAY_LOG_LEVEL,
    paths: {
      projectRoot: root,
      database: join(dataDir, 'slipway.db'),
      artifacts: join(dataDir, 'artifacts'),
      tmp: join(dataDir, 'tmp'),
      adminTokenFile: join(dataDir, 'admin-token'),
      migrations: join(root, 'db', 'migrations'),
      inspectScript: join(root, 'runtime', 'inspect-model.ts'),
    },
  };
}

/** The shell: reads the real environment. `projectRoot` comes from the unbundled entry point. */
export function loadConfig(projectRoot: string): Config {
  return parseConfig(process.env, { cwd: process.cwd(), projectRoot });
}
