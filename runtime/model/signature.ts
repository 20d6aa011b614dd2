/**
 * A model's signature as the runtime serves it: read from the ONNX session's metadata, with
 * dynamic (symbolic or unknown) dimensions as -1, and whether dim 0 can carry a batch.
 */
import { datatypeFromOrt, isFixedDim, type Datatype } from '../../protocol/datatypes';

export interface TensorSig {
  name: string;
  datatype: Datatype;
  /** Full model shape; -1 = dynamic. Empty when the model does not declare one. */
  shape: number[];
}

export interface ModelSig {
  inputs: TensorSig[];
  outputs: TensorSig[];
}

/** The subset of onnxruntime's ValueMetadata this module reads (kept structural for tests). */
export interface OrtValueMetadata {
  name: string;
  isTensor: boolean;
  type?: string;
  shape?: readonly (number | string)[];
}

export function tensorSigFromOrt(meta: OrtValueMetadata): TensorSig {
  if (!meta.isTensor || !meta.type) throw new Error(`'${meta.name}' is not a tensor; only tensor inputs/outputs are served`);
  const datatype = datatypeFromOrt(meta.type);
  if (!datatype) throw new Error(`'${meta.name}' has unsupported element type ${meta.type}`);
  const shape = (meta.shape ?? []).map((d) => (isFixedDim(d) ? d : -1));
  return { name: meta.name, datatype, shape };
}

export function signatureFromOrt(inputs: readonly OrtValueMetadata[], outputs: readonly OrtValueMetadata[]): ModelSig {
  return { inputs: inputs.map(tensorSigFromOrt), outputs: outputs.map(tensorSigFromOrt) };
}

/**
 * The batch limit actually served: the configured one, or 0 (run each request alone) when any
 * input or output has no dynamic first dimension to batch along.
 */
export function servedMaxBatchSize(sig: ModelSig, configured: number): number {
  if (configured <= 0) return 0;
  const all = [...sig.inputs, ...sig.outputs];
  return all.every((t) => t.shape.length > 0 && t.shape[0] === -1) ? configured : 0;
}
