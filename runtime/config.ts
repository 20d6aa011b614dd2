/**
 * The runtime's options: CLI flags over `--config-json` (the control plane's RuntimeConfig)
 * over defaults, checked with zod. The only reader of `process.env` in runtime/ (test hooks).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';

const int = (min = 0) => z.coerce.number().int().min(min);

/** The control plane's per-endpoint runtime config (docs/api-contract.md); every field optional. */
export const RuntimeConfig = z
  .object({
    replicas: int(1),
    instances: int(1),
    maxBatchSize: int(0),
    preferredBatchSizes: z.union([z.literal('auto'), z.array(int(1))]),
    maxQueueDelayMs: z.number().min(0),
    maxQueueSize: int(1),
    queueTimeoutMs: z.number().min(0),
    cache: z.object({ enabled: z.boolean(), maxBytes: int(0) }).partial().strict(),
    device: z.enum(['cpu', 'cuda']),
    intraOpThreads: int(1),
    /** ONNX Runtime spin-waiting; the control plane turns it off when threads share cores. */
    intraOpSpinning: z.boolean(),
    warmupRuns: int(0),
  })
  .partial()
  .strict();
export type RuntimeConfig = z.infer<typeof RuntimeConfig>;

export const RuntimeOptions = z
  .object({
    modelPath: z.string().min(1),
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" or "-"'),
    modelVersion: z.string().regex(/^[0-9]+$/, 'a positive integer').default('1'),
    port: int(0).max(65535).optional(),
    socket: z.string().min(1).optional(),
    /** KServe v2 gRPC on this TCP port as well (standalone use; 0 picks a free one). */
    grpcPort: int(0).max(65535).optional(),
    host: z.string().default('127.0.0.1'),
    maxBatchSize: int(0).default(32),
    /** `auto`: the size a warm-up profile finds cheapest per item (`batching/batch-profile.ts`). */
    preferredBatchSizes: z.union([z.literal('auto'), z.array(int(1))]).default([]),
    // Greedy by default, as Triton: the queue fills while instances are busy; nothing waits at low load.
    maxQueueDelayMs: z.coerce.number().min(0).default(0),
    maxQueueSize: int(1).default(1024),
    queueTimeoutMs: z.coerce.number().min(0).default(5000),
    instances: int(1).max(64).default(1),
    intraOpThreads: int(1).max(256).default(1),
    // ONNX Runtime's default; a spinning thread steals a core another thread needs.
    intraOpSpinning: z.boolean().default(true),
    device: z.enum(['cpu', 'cuda']).default('cpu'),
    cacheMaxBytes: int(0).default(0),
    warmupRuns: int(0).default(1),
    maxBodyBytes: int(1).default(64 * 1024 * 1024),
    /** Who this process is, for a control plane that finds it again after a restart (adoption). */
    instanceId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, ".", "_" or "-"').optional(),
    /** Test hooks (env SLIPWAY_TEST_HOOKS=1): /v2/slipway/test/* routes. */
    testHooks: z.boolean().default(false),
    /** Test hook (env SLIPWAY_TEST_HOLD_DISPATCH=N): dispatch nothing until N requests queue. */
    holdDispatchUntil: int(0).default(0),
    /** Test hook (env SLIPWAY_TEST_READY_GATE=path): stay "warming up" until that file exists. */
    readyGate: z.string().min(1).optional(),
  })
  .refine((o) => (o.port === undefined) !== (o.socket === undefined), { message: 'give exactly one of --port or --socket' })
  .refine((o) => o.preferredBatchSizes === 'auto' || o.preferredBatchSizes.every((s) => s <= o.maxBatchSize), {
    message: 'preferred batch sizes must not exceed --max-batch-size',
  });
export type RuntimeOptions = z.infer<typeof RuntimeOptions>;

const FLAGS = {
  model: 'modelPath',
  name: 'name',
  'model-version': 'modelVersion',
  port: 'port',
  socket: 'socket',
  'grpc-port': 'grpcPort',
  host: 'host',
  'max-batch-size': 'maxBatchSize',
  'preferred-batch-sizes': 'preferredBatchSizes',
  'max-queue-delay-ms': 'maxQueueDelayMs',
  'max-queue-size': 'maxQueueSize',
  'queue-timeout-ms': 'queueTimeoutMs',
  instances: 'instances',
  'intra-op-threads': 'intraOpThreads',
  device: 'device',
  'cache-max-bytes': 'cacheMaxBytes',
  'warmup-runs': 'warmupRuns',
  'max-body-bytes': 'maxBodyBytes',
  'instance-id': 'instanceId',
} as const;

export type ParsedCli = { ok: true; options: RuntimeOptions } | { ok: false; message: string };

export function parseCli(argv: string[], env: Record<string, string | undefined>): ParsedCli {
  let values: Record<string, string | undefined>;
  try {
    const spec = Object.fromEntries([...Object.keys(FLAGS), 'config-json'].map((k) => [k, { type: 'string' as const }]));
    values = parseArgs({ args: argv, options: spec, strict: true, allowPositionals: false }).values as Record<string, string>;
  } catch (err) {
    return { ok: false, message: (err as Error).message.split('\n').join(' ') };
  }
  const fromConfig = configToOptions(values['config-json']);
  if (!fromConfig.ok) return fromConfig;
  const fromFlags: Record<string, unknown> = {};
  for (const [flag, key] of Object.entries(FLAGS)) {
    const v = values[flag];
    if (v === undefined) continue;
    fromFlags[key] = key === 'preferredBatchSizes' ? preferredFlag(v) : v;
  }
  const parsed = RuntimeOptions.safeParse({
    ...fromConfig.values,
    ...fromFlags,
    testHooks: env.SLIPWAY_TEST_HOOKS === '1',
    holdDispatchUntil: env.SLIPWAY_TEST_HOLD_DISPATCH ?? 0,
    readyGate: env.SLIPWAY_TEST_READY_GATE || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return { ok: false, message: `${where}${issue.message}` };
  }
  return { ok: true, options: parsed.data };
}

function configToOptions(json: string | undefined): { ok: true; values: Record<string, unknown> } | { ok: false; message: string } {
  if (json === undefined) return { ok: true, values: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, message: '--config-json is not valid JSON' };
  }
  const parsed = RuntimeConfig.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `--config-json ${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  const { replicas: _replicas, cache, ...rest } = parsed.data;
  const values: Record<string, unknown> = { ...rest };
  if (cache) values.cacheMaxBytes = cache.enabled ? (cache.maxBytes ?? 64 * 1024 * 1024) : 0;
  return { ok: true, values };
}

/** `--preferred-batch-sizes 8,16`, `auto`, or empty for none. */
function preferredFlag(v: string): string[] | 'auto' {
  const text = v.trim();
  if (text === 'auto') return 'auto';
  return text ? text.split(',') : [];
}
