/**
 * `tsx runtime/inspect-model.ts <model.onnx>`: loads a model with ONNX Runtime and prints its
 * signature and header metadata as one JSON line (`{ inputs, outputs, metadata }`), exit 0; on any
 * failure prints the reason to stderr and exits 1 (a model with external data before ORT loads it).
 * The control plane runs it as a short-lived child process so a malformed upload can crash or hang
 * this process, never the control plane; it also rewords what ORT prints (paths, C++ frames).
 */
import { readFileSync } from 'node:fs';
import ort from 'onnxruntime-node';
import protobuf from 'protobufjs/minimal.js';
import { datatypeFromOrt, type ModelSignature, type TensorSpec } from '../protocol/datatypes';
import { EXTERNAL_DATA_REASON } from '../protocol/inspect';
import { usesExternalData } from './external-data';

interface Metadata {
  producer?: string;
  opset?: number;
  irVersion?: number;
}

/** A dynamic dimension keeps its symbolic name; an unnamed one (or an unknown size) is -1. */
function toDim(dim: number | string): number | string {
  if (typeof dim === 'string') return dim === '' ? -1 : dim;
  return Number.isInteger(dim) && dim >= 0 ? dim : -1;
}

function toSpecs(values: readonly ort.InferenceSession.ValueMetadata[], kind: string): TensorSpec[] {
  return values.map((v) => {
    if (!v.isTensor) throw new Error(`${kind} "${v.name}" is not a tensor (sequences and maps are not supported)`);
    const datatype = datatypeFromOrt(v.type);
    if (!datatype) throw new Error(`${kind} "${v.name}" has unsupported element type ${v.type}`);
    return { name: v.name, datatype, shape: v.shape.map(toDim) };
  });
}

/**
 * Reads ModelProto's top-level header fields (ir_version = 1, producer_name = 2, opset_import = 8)
 * from the protobuf wire format, skipping the graph. ORT does not expose them; best effort only.
 */
function readMetadata(bytes: Uint8Array): Metadata {
  const meta: Metadata = {};
  try {
    const r = protobuf.Reader.create(bytes);
    while (r.pos < r.len) {
      const tag = r.uint32();
      const field = tag >>> 3;
      if (field === 1 && (tag & 7) === 0) meta.irVersion = Number(r.int64());
      else if (field === 2 && (tag & 7) === 2) meta.producer = r.string();
      else if (field === 8 && (tag & 7) === 2) {
        const opset = readOpset(r.bytes());
        if (opset.domain === '' || opset.domain === 'ai.onnx') meta.opset = opset.version;
      } else r.skipType(tag & 7);
    }
  } catch {
    // The model already loaded in ORT; a header we cannot read only means less metadata.
  }
  return meta;
}

function readOpset(bytes: Uint8Array): { domain: string; version?: number } {
  const r = protobuf.Reader.create(bytes);
  let domain = '';
  let version: number | undefined;
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag >>> 3 === 1 && (tag & 7) === 2) domain = r.string();
    else if (tag >>> 3 === 2 && (tag & 7) === 0) version = Number(r.int64());
    else r.skipType(tag & 7);
  }
  return { domain, version };
}

async function main(path: string | undefined): Promise<void> {
  if (!path) throw new Error('usage: inspect-model <model.onnx>');
  const bytes = readFileSync(path);
  // Before ONNX Runtime: it would resolve external files against this process's working directory.
  if (usesExternalData(bytes)) throw new Error(EXTERNAL_DATA_REASON);
  // One thread and no graph optimisation: we only need the session to load, not to run fast.
  const session = await ort.InferenceSession.create(bytes, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'disabled',
  });
  const signature: ModelSignature = {
    inputs: toSpecs(session.inputMetadata, 'input'),
    outputs: toSpecs(session.outputMetadata, 'output'),
  };
  await session.release();
  process.stdout.write(`${JSON.stringify({ ...signature, metadata: readMetadata(bytes) })}\n`);
}

main(process.argv[2]).then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
