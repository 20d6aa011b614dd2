/**
 * Validates an uploaded file by loading it in a separate, short-lived process
 * (runtime/inspect-model.ts): a malformed model may crash or hang ONNX Runtime, and that must cost
 * one child process, never the control plane. Any failure is UNPROCESSABLE, with the inspector's
 * reason reworded by `plainReason` (never a server path or a native signature).
 */
import { spawn } from 'node:child_process';
import { z } from 'zod';
import { AppError } from '../errors';
import { plainReason } from './plain-reason';
import { ModelMetadata, ModelSignature, type ModelMetadata as Metadata, type ModelSignature as Signature } from './schemas';

export const INSPECT_TIMEOUT_MS = 20_000;
const MAX_STDOUT_BYTES = 4 * 1024 * 1024;
/** The reason comes last: keep the tail of what the inspector printed. */
const MAX_STDERR_CHARS = 8000;

export interface InspectOptions {
  /** Absolute path of runtime/inspect-model.ts. */
  script: string;
  /** Where `tsx` resolves from (the project root). */
  cwd: string;
  timeoutMs?: number;
}

const InspectOutput = ModelSignature.extend({ metadata: ModelMetadata.optional() });

function reject(reason: string): AppError {
  return new AppError('UNPROCESSABLE', `Not a loadable ONNX model: ${reason}`);
}

export function inspectArtifact(file: string, opts: InspectOptions): Promise<{ signature: Signature; metadata: Metadata }> {
  const timeoutMs = opts.timeoutMs ?? INSPECT_TIMEOUT_MS;
  return new Promise((resolve, rejectPromise) => {
    const child = spawn(process.execPath, ['--import', 'tsx', opts.script, file], {
      cwd: opts.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      if (stdout.length < MAX_STDOUT_BYTES) stdout += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr = (stderr + s).slice(-MAX_STDERR_CHARS);
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      rejectPromise(new AppError('INTERNAL', `Could not start the model inspector: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return rejectPromise(reject(`loading took longer than ${timeoutMs / 1000} s`));
      if (code !== 0) {
        const why = plainReason(stderr) ?? `inspector exited with ${signal ?? `code ${code}`}`;
        return rejectPromise(reject(why));
      }
      const line = stdout.trim().split('\n').pop() ?? '';
      let parsed: z.infer<typeof InspectOutput>;
      try {
        parsed = InspectOutput.parse(JSON.parse(line));
      } catch {
        return rejectPromise(reject('the inspector printed no readable signature'));
      }
      resolve({ signature: { inputs: parsed.inputs, outputs: parsed.outputs }, metadata: parsed.metadata ?? {} });
    });
  });
}
