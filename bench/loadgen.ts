/**
 * Child process of the bench: a closed-loop KServe v2 client. For each concurrency C it runs C
 * workers over a keep-alive Agent (maxSockets = C); each sends a binary infer request, waits for
 * the answer, and sends the next. Prints one JSON object (LoadgenResult) on stdout.
 *
 * node --import tsx bench/loadgen.ts --url http://127.0.0.1:8001/v2/models/demo/infer \
 *   --input x --item-shape 3,48,192 --output softmax_0.tmp_0 [--concurrency 1,8,32,64]
 *   [--mode varied|identical] [--window-ms 3000] [--warmup-ms 1000] [--max-windows 5]
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import { binaryInferRequest, parseInferResponse, type BinaryRequest } from './kserve-binary';
import { measureUntilStable, WindowMeter } from './meter';
import { DEFAULT_STABILITY } from './stability';
import type { LoadgenResult, LoadMode, LoadPoint } from './types';

interface Target {
  url: URL;
  /** Send over this unix socket instead of the URL's host and port (a runtime under a gateway). */
  socketPath?: string;
  input: string;
  itemShape: number[];
  output: string;
}

function makeRequest(target: Target): BinaryRequest {
  const elements = target.itemShape.reduce((a, b) => a * b, 1);
  const data = Float32Array.from({ length: elements }, () => Math.random());
  return binaryInferRequest({
    inputName: target.input,
    datatype: 'FP32',
    shape: [1, ...target.itemShape],
    data: new Uint8Array(data.buffer),
    outputName: target.output,
  });
}

function send(agent: http.Agent, url: URL, request: BinaryRequest, socketPath?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: request.headers, ...(socketPath && { socketPath }) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        try {
          if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
          const headerLength = res.headers['inference-header-content-length'];
          parseInferResponse(Buffer.concat(chunks), headerLength === undefined ? undefined : Number(headerLength));
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

async function runPoint(target: Target, concurrency: number, mode: LoadMode, windowMs: number, warmupMs: number, maxWindows: number): Promise<LoadPoint> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const meter = new WindowMeter();
  const shared = makeRequest(target);
  let running = true;
  let stamp = 0;
  const worker = async () => {
    // Varied: each worker owns its body and rewrites the first element before each send, so no two
    // requests are identical and a buffer is never changed while it is in flight.
    const request = mode === 'identical' ? shared : makeRequest(target);
    while (running) {
      if (mode === 'varied') request.body.writeFloatLE(++stamp, request.dataOffset);
      const start = performance.now();
      try {
        await send(agent, target.url, request, target.socketPath);
        meter.record((performance.now() - start) * 1000);
      } catch {
        meter.error();
      }
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  const summary = await measureUntilStable(meter, { warmupMs, windowMs, policy: { ...DEFAULT_STABILITY, maxWindows } });
  running = false;
  await Promise.all(workers);
  agent.destroy();
  return { concurrency, ...summary };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      socket: { type: 'string' },
      input: { type: 'string', default: 'x' },
      'item-shape': { type: 'string' },
      output: { type: 'string' },
      concurrency: { type: 'string', default: '1,8,32,64' },
      mode: { type: 'string', default: 'varied' },
      'window-ms': { type: 'string', default: '3000' },
      'warmup-ms': { type: 'string', default: '1000' },
      'max-windows': { type: 'string', default: String(DEFAULT_STABILITY.maxWindows) },
    },
  });
  if (!values.url || !values['item-shape'] || !values.output) throw new Error('--url, --item-shape and --output are required');
  if (values.mode !== 'varied' && values.mode !== 'identical') throw new Error('--mode is varied or identical');
  const target: Target = {
    url: new URL(values.url),
    socketPath: values.socket,
    input: values.input,
    itemShape: values['item-shape'].split(',').map(Number),
    output: values.output,
  };
  const points: LoadPoint[] = [];
  for (const concurrency of values.concurrency.split(',').map(Number)) {
    points.push(await runPoint(target, concurrency, values.mode, Number(values['window-ms']), Number(values['warmup-ms']), Number(values['max-windows'])));
  }
  const result: LoadgenResult = { url: values.url, mode: values.mode, points };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
