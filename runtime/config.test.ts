import { describe, expect, it } from 'vitest';
import { parseCli } from './config';

const base = ['--model', 'm.onnx', '--name', 'demo', '--port', '0'];

describe('parseCli', () => {
  it('applies defaults', () => {
    const r = parseCli(base, {});
    expect(r).toEqual({
      ok: true,
      options: expect.objectContaining({
        modelPath: 'm.onnx',
        name: 'demo',
        modelVersion: '1',
        port: 0,
        host: '127.0.0.1',
        maxBatchSize: 32,
        preferredBatchSizes: [],
        maxQueueDelayMs: 0,
        maxQueueSize: 1024,
        queueTimeoutMs: 5000,
        instances: 1,
        intraOpThreads: 1,
        device: 'cpu',
        cacheMaxBytes: 0,
        warmupRuns: 1,
        maxBodyBytes: 67108864,
        testHooks: false,
        holdDispatchUntil: 0,
      }),
    });
  });

  it('reads every flag', () => {
    const r = parseCli(
      [
        ...['--model', 'a.onnx', '--name', 'x', '--model-version', '3', '--socket', '/tmp/s.sock'],
        ...['--max-batch-size', '16', '--preferred-batch-sizes', '4,8', '--max-queue-delay-ms', '0.5'],
        ...['--max-queue-size', '10', '--queue-timeout-ms', '100', '--instances', '2', '--intra-op-threads', '2'],
        ...['--device', 'cuda', '--cache-max-bytes', '1000', '--warmup-runs', '0', '--max-body-bytes', '2048'],
      ],
      { SLIPWAY_TEST_HOOKS: '1', SLIPWAY_TEST_HOLD_DISPATCH: '3' },
    );
    expect(r.ok && r.options).toMatchObject({
      modelVersion: '3',
      socket: '/tmp/s.sock',
      maxBatchSize: 16,
      preferredBatchSizes: [4, 8],
      maxQueueDelayMs: 0.5,
      maxQueueSize: 10,
      queueTimeoutMs: 100,
      instances: 2,
      intraOpThreads: 2,
      device: 'cuda',
      cacheMaxBytes: 1000,
      warmupRuns: 0,
      maxBodyBytes: 2048,
      testHooks: true,
      holdDispatchUntil: 3,
    });
  });

  it('takes the control plane RuntimeConfig, with flags overriding it', () => {
    const config = { replicas: 2, instances: 3, maxBatchSize: 8, cache: { enabled: true, maxBytes: 500 }, warmupRuns: 2 };
    const r = parseCli([...base, '--config-json', JSON.stringify(config), '--max-batch-size', '4'], {});
    expect(r.ok && r.options).toMatchObject({ instances: 3, maxBatchSize: 4, cacheMaxBytes: 500, warmupRuns: 2 });
  });

  it.each([
    ['flag auto', ['--preferred-batch-sizes', 'auto'], 'auto'],
    ['flag empty: none', ['--preferred-batch-sizes', ''], []],
    ['config-json auto', ['--config-json', JSON.stringify({ preferredBatchSizes: 'auto', maxBatchSize: 4 })], 'auto'],
    ['config-json sizes', ['--config-json', JSON.stringify({ preferredBatchSizes: [2, 4], maxBatchSize: 4 })], [2, 4]],
  ])('preferred batch sizes: %s', (_name, args, expected) => {
    const r = parseCli([...base, ...args], {});
    expect(r.ok && r.options.preferredBatchSizes).toEqual(expected);
  });

  it('refuses preferred batch sizes that are neither sizes nor auto', () => {
    expect(parseCli([...base, '--config-json', JSON.stringify({ preferredBatchSizes: 'AUTO' })], {}).ok).toBe(false);
    expect(parseCli([...base, '--preferred-batch-sizes', 'four'], {}).ok).toBe(false);
  });

  it('takes the sizes the control plane resolved, spin-waiting included (on unless told otherwise)', () => {
    const r = parseCli([...base, '--config-json', JSON.stringify({ instances: 2, intraOpThreads: 1, intraOpSpinning: false })], {});
    expect(r.ok && r.options).toMatchObject({ instances: 2, intraOpThreads: 1, intraOpSpinning: false });
    const plain = parseCli(base, {});
    expect(plain.ok && plain.options.intraOpSpinning).toBe(true);
  });

  it('a disabled cache in RuntimeConfig means no cache', () => {
    const r = parseCli([...base, '--config-json', '{"cache":{"enabled":false,"maxBytes":500}}'], {});
    expect(r.ok && r.options.cacheMaxBytes).toBe(0);
  });

  it.each<[string, string[], RegExp]>([
    ['unknown flag', [...base, '--bogus', '1'], /bogus/],
    ['missing model', ['--name', 'x', '--port', '1'], /modelPath/],
    ['neither port nor socket', ['--model', 'm', '--name', 'x'], /exactly one of --port or --socket/],
    ['both port and socket', [...base, '--socket', '/tmp/x'], /exactly one/],
    ['non-numeric port', ['--model', 'm', '--name', 'x', '--port', 'abc'], /port/],
    ['port out of range', ['--model', 'm', '--name', 'x', '--port', '70000'], /port/],
    ['bad device', [...base, '--device', 'tpu'], /device/],
    ['preferred size over the max batch size', [...base, '--max-batch-size', '4', '--preferred-batch-sizes', '8'], /preferred/],
    ['bad config JSON', [...base, '--config-json', '{'], /not valid JSON/],
    ['unknown config key', [...base, '--config-json', '{"nope":1}'], /config-json/],
    ['bad model name', ['--model', 'm', '--name', 'a b', '--port', '1'], /name/],
  ])('refuses %s with one clear message', (_name, argv, message) => {
    const r = parseCli(argv, {});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
  });
});
