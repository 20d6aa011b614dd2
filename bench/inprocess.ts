/**
 * Child process of the bench: ONNX Runtime called in-process, no HTTP, one session, batch-size
 * sweep. Its best items/s is the limit a server on this machine can approach; its batch-1 latency
 * is the floor for served latency at concurrency 1. Prints one JSON object on stdout.
 *
 * node --import tsx bench/inprocess.ts --model m.onnx --input x --item-shape 3,48,192 \
 *   [--batches 1,2,4,8,16,32,64] [--intra-op-threads 2] [--window-ms 1500] [--warmup-ms 500]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import { measureUntilStable, WindowMeter } from './meter';
import type { InprocessBatch, InprocessResult } from './types';

const intList = (s: string) => s.split(',').map((v) => Number.parseInt(v, 10));

async function measureBatch(session: ort.InferenceSession, input: string, itemShape: number[], batchSize: number, windowMs: number, warmupMs: number): Promise<InprocessBatch> {
  const itemElements = itemShape.reduce((a, b) => a * b, 1);
  const data = Float32Array.from({ length: batchSize * itemElements }, () => Math.random());
  const feeds = { [input]: new ort.Tensor('float32', data, [batchSize, ...itemShape]) };
  const meter = new WindowMeter();
  let running = true;
  const load = (async () => {
    while (running) {
      const start = performance.now();
      await session.run(feeds);
      meter.record((performance.now() - start) * 1000, batchSize);
    }
  })();
  const summary = await measureUntilStable(meter, { warmupMs, windowMs });
  running = false;
  await load;
  return { batchSize, ...summary };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string' },
      input: { type: 'string', default: 'x' },
      'item-shape': { type: 'string' },
      batches: { type: 'string', default: '1,2,4,8,16,32,64' },
      'intra-op-threads': { type: 'string', default: String(os.availableParallelism()) },
      'window-ms': { type: 'string', default: '1500' },
      'warmup-ms': { type: 'string', default: '500' },
    },
  });
  if (!values.model || !values['item-shape']) throw new Error('--model and --item-shape are required');
  const intraOpThreads = Number(values['intra-op-threads']);
  const session = await ort.InferenceSession.create(values.model, {
    intraOpNumThreads: intraOpThreads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  const batches: InprocessBatch[] = [];
  for (const batchSize of intList(values.batches)) {
    batches.push(
      await measureBatch(session, values.input, intList(values['item-shape']), batchSize, Number(values['window-ms']), Number(values['warmup-ms'])),
    );
  }
  await session.release();
  const result: InprocessResult = { intraOpThreads, batches };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
