/**
 * Pure parts of `npm run loadgen`: arguments, concrete input shapes from a model signature,
 * random tensors, KServe v2 binary requests with any number of inputs, open-loop pacing and the
 * per-second report. The shell (scripts/loadgen.ts) owns the sockets and timers.
 */
import { parseArgs } from 'node:util';

export interface LoadgenOptions {
  endpoint: string;
  gateway: URL;
  /** Open loop at this rate, or closed loop with `concurrency` workers. */
  rps?: number;
  concurrency?: number;
  durationSeconds: number;
  /** Share of requests that repeat an earlier input (cache hits). */
  repeatPct: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function parseLoadgenArgs(argv: string[]): LoadgenOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      endpoint: { type: 'string', default: 'text-orientation' },
      gateway: { type: 'string', default: 'http://127.0.0.1:8000' },
      rps: { type: 'string' },
      concurrency: { type: 'string' },
      duration: { type: 'string', default: '60' },
      'repeat-pct': { type: 'string', default: '0' },
    },
  });
  const num = (name: string, s: string, min: number, max: number): number => {
    const n = Number(s);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max}`);
    return n;
  };
  if (values.rps !== undefined && values.concurrency !== undefined) throw new Error('give --rps or --concurrency, not both');
  const gateway = new URL(values.gateway);
  // The generator is for a local gateway only: it must never become a way to load someone else's host.
  if (!LOOPBACK.has(gateway.hostname) || gateway.protocol !== 'http:') throw new Error('--gateway must be http on a loopback address (127.0.0.1, localhost, ::1)');
  const options: LoadgenOptions = {
    endpoint: values.endpoint,
    gateway,
    durationSeconds: num('duration', values.duration, 1, 86_400),
    repeatPct: num('repeat-pct', values['repeat-pct'], 0, 100),
  };
  if (values.concurrency !== undefined) options.concurrency = Math.round(num('concurrency', values.concurrency, 1, 1024));
  else options.rps = num('rps', values.rps ?? '10', 0.1, 100_000);
  return options;
}

export interface TensorSpec {
  name: string;
  datatype: string;
  shape: number[];
}

/** Dynamic dims (-1): batch → 1; an image's H×W → 48×192 (the demo's text lines); others → 8. */
export function concreteShape(shape: readonly number[]): number[] {
  const image = shape.length === 4;
  return shape.map((d, i) => {
    if (d >= 0) return d;
    if (i === 0) return 1;
    if (image && i === 2) return 48;
    if (image && i === 3) return 192;
    return 8;
  });
}

const BYTES: Record<string, number> = { FP64: 8, INT64: 8, UINT64: 8, FP32: 4, INT32: 4, UINT32: 4, FP16: 2, INT16: 2, UINT16: 2, INT8: 1, UINT8: 1, BOOL: 1 };

export function bytesPerElement(datatype: string): number {
  const n = BYTES[datatype];
  if (n === undefined) throw new Error(`cannot generate ${datatype} tensors`);
  return n;
}

/** Random little-endian tensor bytes; floats in [0, 1), integers small and non-negative. */
export function randomTensor(datatype: string, elements: number, random: () => number = Math.random): Buffer {
  const size = bytesPerElement(datatype);
  const buf = Buffer.alloc(elements * size);
  for (let i = 0; i < elements; i++) {
    const r = random();
    if (datatype === 'FP32') buf.writeFloatLE(r, i * 4);
    else if (datatype === 'FP64') buf.writeDoubleLE(r, i * 8);
    else if (datatype === 'FP16') buf.writeUInt16LE(Math.round(r * 0x3bff), i * 2); // positive halves below 1
    else if (size === 8) buf.writeBigInt64LE(BigInt(Math.floor(r * 16)), i * 8);
    else if (datatype === 'BOOL') buf.writeUInt8(r < 0.5 ? 0 : 1, i);
    else buf.writeUIntLE(Math.floor(r * 16), i * size, size);
  }
  return buf;
}

export interface InferRequest {
  body: Buffer;
  headers: Record<string, string>;
}

/** A binary-extension request: JSON header (`binary_data_size` per input), then the inputs' bytes in order. */
export function binaryRequest(inputs: readonly (TensorSpec & { data: Buffer })[], outputs: readonly string[]): InferRequest {
  const header = Buffer.from(
    JSON.stringify({
      inputs: inputs.map((i) => ({ name: i.name, datatype: i.datatype, shape: i.shape, parameters: { binary_data_size: i.data.byteLength } })),
      outputs: outputs.map((name) => ({ name, parameters: { binary_data: true } })),
    }),
  );
  const body = Buffer.concat([header, ...inputs.map((i) => i.data)]);
  return {
    body,
    headers: {
      'content-type': 'application/octet-stream',
      'inference-header-content-length': String(header.byteLength),
      'content-length': String(body.byteLength),
    },
  };
}

/** Requests an open loop owes at `elapsedMs` after sending `sent` (never a burst larger than one second's worth). */
export function dueRequests(rps: number, elapsedMs: number, sent: number): number {
  const owed = Math.floor((rps * elapsedMs) / 1000) - sent;
  return Math.max(0, Math.min(owed, Math.ceil(rps)));
}

/** Nearest-rank percentile of unsorted values; NaN for none. */
export function percentile(values: readonly number[], pct: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((pct / 100) * sorted.length) - 1)]!;
}

export interface Tally {
  ok: number;
  errors: number;
  byStatus: Record<string, number>;
  latenciesMs: number[];
}

export function emptyTally(): Tally {
  return { ok: 0, errors: 0, byStatus: {}, latenciesMs: [] };
}

export function record(t: Tally, status: number, latencyMs: number): void {
  if (status === 200) t.ok++;
  else t.errors++;
  t.byStatus[status] = (t.byStatus[status] ?? 0) + 1;
  t.latenciesMs.push(latencyMs);
}

const ms = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(1));

export function reportLine(label: string, t: Tally, seconds: number): string {
  const total = t.ok + t.errors;
  const statuses = Object.entries(t.byStatus)
    .filter(([s]) => s !== '200')
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  return `${label} rps=${(total / seconds).toFixed(1)} ok=${t.ok} errors=${t.errors}${statuses ? ` (${statuses})` : ''} p50=${ms(percentile(t.latenciesMs, 50))}ms p99=${ms(percentile(t.latenciesMs, 99))}ms`;
}
