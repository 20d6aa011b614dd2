/**
 * Child process of the bench: the naive server a user would write in twenty lines, the baseline
 * Slipway must beat. node:http, one ONNX Runtime session with its default threads, one
 * `session.run` per request (no batching, no worker thread), KServe v2 binary input, JSON output.
 * Prints `{"event":"ready","port":N}` once listening.
 *
 * node --import tsx bench/naive-server.ts --model m.onnx --name demo
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';

const { values } = parseArgs({ options: { model: { type: 'string' }, name: { type: 'string', default: 'demo' }, port: { type: 'string', default: '0' } } });
const session = await ort.InferenceSession.create(values.model!);

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      try {
        const body = Buffer.concat(chunks);
        const headerLength = Number(req.headers['inference-header-content-length'] ?? body.length);
        const header = JSON.parse(body.subarray(0, headerLength).toString()) as { inputs: { name: string; shape: number[] }[] };
        const input = header.inputs[0]!;
        const bytes = body.subarray(headerLength);
        const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
        const results = await session.run({ [input.name]: new ort.Tensor('float32', data, input.shape) });
        const outputs = Object.entries(results).map(([name, t]) => ({ name, datatype: 'FP32', shape: t.dims, data: Array.from(t.data as Float32Array) }));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ model_name: values.name, outputs }));
      } catch (err) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: (err as Error).message }));
      }
    })();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(values.port), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ event: 'ready', port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
