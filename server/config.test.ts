import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_LOW_SPACE_BYTES, DEFAULT_MAX_UPLOAD_BYTES, parseConfig } from './config';

const opts = { cwd: '/srv/slipway', projectRoot: '/opt/slipway' };
const GOOD_TOKEN = `slw_${'x'.repeat(20)}`;

function errorOf(env: Record<string, string>): string | undefined {
  try {
    parseConfig(env, opts);
  } catch (err) {
    return err instanceof ConfigError ? err.message : `not a ConfigError: ${String(err)}`;
  }
  return undefined;
}

describe('parseConfig', () => {
  it('applies the defaults to an empty environment', () => {
    const c = parseConfig({}, opts);
    expect(c).toMatchObject({
      dataDir: '/srv/slipway/data',
      port: 3000,
      gatewayPort: 8000,
      grpcPort: 8001,
      gatewayMaxConnections: 10_000,
      host: '127.0.0.1',
      adminToken: undefined,
      demo: true,
      maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES,
      lowSpaceThresholdBytes: DEFAULT_LOW_SPACE_BYTES,
      logLevel: 'info',
    });
    expect(c.paths).toEqual({
      projectRoot: '/opt/slipway',
      database: '/srv/slipway/data/slipway.db',
      artifacts: '/srv/slipway/data/artifacts',
      tmp: '/srv/slipway/data/tmp',
      adminTokenFile: '/srv/slipway/data/admin-token',
      migrations: '/opt/slipway/db/migrations',
      inspectScript: '/opt/slipway/runtime/inspect-model.ts',
    });
  });

  it.each([
    [{ SLIPWAY_DATA_DIR: '/var/lib/slipway' }, { dataDir: '/var/lib/slipway' }],
    [{ SLIPWAY_DATA_DIR: 'rel/dir' }, { dataDir: '/srv/slipway/rel/dir' }],
    [{ PORT: '8080' }, { port: 8080 }],
    [{ PORT: '' }, { port: 3000 }],
    [{ SLIPWAY_GATEWAY_PORT: '9000' }, { gatewayPort: 9000 }],
    [{ SLIPWAY_GRPC_PORT: '9001' }, { grpcPort: 9001 }],
    [{ SLIPWAY_HOST: '0.0.0.0' }, { host: '0.0.0.0' }],
    [{ SLIPWAY_ADMIN_TOKEN: GOOD_TOKEN }, { adminToken: GOOD_TOKEN }],
    [{ SLIPWAY_DEMO: '0' }, { demo: false }],
    [{ SLIPWAY_DEMO: 'false' }, { demo: false }],
    [{ SLIPWAY_DEMO: 'OFF' }, { demo: false }],
    [{ SLIPWAY_DEMO: 'on' }, { demo: true }],
    [{ SLIPWAY_DEMO: '1' }, { demo: true }],
    [{ SLIPWAY_MAX_UPLOAD_BYTES: '1048576' }, { maxUploadBytes: 1_048_576 }],
    [{ SLIPWAY_LOW_SPACE_BYTES: '0' }, { lowSpaceThresholdBytes: 0 }],
    [{ SLIPWAY_LOG_LEVEL: 'debug' }, { logLevel: 'debug' }],
    [{}, { hostCpus: undefined }],
    [{ SLIPWAY_HOST_CPUS: '6' }, { hostCpus: 6 }],
  ])('%j → %j', (env, expected) => {
    expect(parseConfig(env, opts)).toMatchObject(expected);
  });

  it.each([
    [{ PORT: 'abc' }, 'slipway: invalid configuration: PORT must be an integer 1–65535 (got "abc")'],
    [{ PORT: '0' }, 'slipway: invalid configuration: PORT must be an integer 1–65535 (got "0")'],
    [{ PORT: '70000' }, 'slipway: invalid configuration: PORT must be an integer 1–65535 (got "70000")'],
    [{ PORT: '80.5' }, 'slipway: invalid configuration: PORT must be an integer 1–65535 (got "80.5")'],
    [{ SLIPWAY_GATEWAY_PORT: 'x' }, 'slipway: invalid configuration: SLIPWAY_GATEWAY_PORT must be an integer 1–65535 (got "x")'],
    [{ SLIPWAY_ADMIN_TOKEN: 'hunter2' }, 'slipway: invalid configuration: SLIPWAY_ADMIN_TOKEN must start with "slw_" and be at least 24 characters'],
    [{ SLIPWAY_ADMIN_TOKEN: 'slw_short' }, 'slipway: invalid configuration: SLIPWAY_ADMIN_TOKEN must start with "slw_" and be at least 24 characters'],
    [{ SLIPWAY_DEMO: 'maybe' }, 'slipway: invalid configuration: SLIPWAY_DEMO must be one of 1/0, true/false, on/off, yes/no (got "maybe")'],
    [{ SLIPWAY_MAX_UPLOAD_BYTES: '-5' }, 'slipway: invalid configuration: SLIPWAY_MAX_UPLOAD_BYTES must be a positive integer (got "-5")'],
    [{ SLIPWAY_MAX_UPLOAD_BYTES: '1GB' }, 'slipway: invalid configuration: SLIPWAY_MAX_UPLOAD_BYTES must be a positive integer (got "1GB")'],
    [{ SLIPWAY_LOW_SPACE_BYTES: '-1' }, 'slipway: invalid configuration: SLIPWAY_LOW_SPACE_BYTES must be a non-negative integer (got "-1")'],
    [{ SLIPWAY_HOST_CPUS: '0' }, 'slipway: invalid configuration: SLIPWAY_HOST_CPUS must be an integer 1–1024 (got "0")'],
    [{ SLIPWAY_HOST_CPUS: 'many' }, 'slipway: invalid configuration: SLIPWAY_HOST_CPUS must be an integer 1–1024 (got "many")'],
    [{ SLIPWAY_LOG_LEVEL: 'loud' }, 'slipway: invalid configuration: SLIPWAY_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")'],
  ])('%j fails with one line naming the variable', (env, message) => {
    expect(errorOf(env)).toBe(message);
  });

  it('never echoes an invalid admin token back', () => {
    expect(errorOf({ SLIPWAY_ADMIN_TOKEN: 'supersecretvalue' })).not.toContain('supersecretvalue');
  });
});
