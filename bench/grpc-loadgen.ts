/**
 * Closed-loop gRPC `ModelInfer` load with raw contents (the tritonclient.grpc fast path), one
 * process, measured like bench/loadgen.ts (stable windows); prints one LoadgenResult JSON line.
 *
 * node --import tsx bench/grpc-loadgen.ts --address 127.0.0.1:8001 --model demo --input x \
 *   --item-shape 3,48,192 --output softmax_0.tmp_0 --concurrency 1,64
 */
import { parseArgs } from 'node:util';
import { credentials, type Client, type ServiceError } from '@grpc/grpc-js';
import { inferenceClientConstructor, messageLimits } from '../protocol/grpc/load';
import { measureUntilStable, WindowMeter } from './meter';
import { DEFAULT_STABILITY } from './stability';
import type { LoadgenResult, LoadPoint } from './types';

type Infer = (request: unknown, callback: (err: ServiceError | null, res: { raw_output_contents: Uint8Array[] }) => void) => void;

async function runPoint(client: Client, request: () => unknown, concurrency: number, windowMs: number, warmupMs: number, maxWindows: number): Promise<LoadPoint> {
  const meter = new WindowMeter();
  let running = true;
  const infer = ((client as unknown as Record<string, Infer>).ModelInfer!).bind(client);
  const worker = async () => {
    while (running) {
      const start = performance.now();
      const ok = await new Promise<boolean>((resolve) => infer(request(), (err, res) => resolve(!err && res.raw_output_contents.length > 0)));
      if (ok) meter.record((performance.now() - start) * 1000);
      else meter.error();
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  const summary = await measureUntilStable(meter, { warmupMs, windowMs, policy: { ...DEFAULT_STABILITY, maxWindows } });
  running = false;
  await Promise.all(workers);
  return { concurrency, ...summary };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      address: { type: 'string' },
      model: { type: 'string', default: 'demo' },
      input: { type: 'string', default: 'x' },
      'item-shape': { type: 'string' },
      output: { type: 'string' },
      concurrency: { type: 'string', default: '1,64' },
      'window-ms': { type: 'string', default: '3000' },
      'warmup-ms': { type: 'string', default: '1000' },
      'max-windows': { type: 'string', default: String(DEFAULT_STABILITY.maxWindows) },
    },
  });
  if (!values.address || !values['item-shape'] || !values.output) throw new Error('--address, --item-shape and --output are required');
  const itemShape = values['item-shape'].split(',').map(Number);
  const data = Float32Array.from({ length: itemShape.reduce((a, b) => a * b, 1) }, () => Math.random());
  const raw = Buffer.from(data.buffer);
  let stamp = 0;
  // Each request differs in its first element, as the HTTP load generator's varied mode.
  const request = () => {
    const bytes = Buffer.from(raw);
    bytes.writeFloatLE(++stamp, 0);
    return { model_name: values.model, inputs: [{ name: values.input, datatype: 'FP32', shape: [1, ...itemShape] }], outputs: [{ name: values.output }], raw_input_contents: [bytes] };
  };
  const Ctor = inferenceClientConstructor();
  const client = new Ctor(values.address, credentials.createInsecure(), messageLimits(64 * 1024 * 1024));
  const points: LoadPoint[] = [];
  for (const c of values.concurrency.split(',').map(Number)) {
    points.push(await runPoint(client, request, c, Number(values['window-ms']), Number(values['warmup-ms']), Number(values['max-windows'])));
  }
  client.close();
  const result: LoadgenResult = { url: `grpc://${values.address}`, mode: 'varied', points };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
