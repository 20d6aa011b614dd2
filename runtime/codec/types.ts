import type { Datatype } from '../../protocol/datatypes';
import type { TensorBytes } from './body-chunks';

/** One tensor with its raw little-endian bytes (elements × bytes per element, exactly). */
export interface RawTensor {
  name: string;
  datatype: Datatype;
  shape: number[];
  bytes: Uint8Array;
}

/** A decoded input: its bytes may be views of several body chunks, joined only in the batch's buffer. */
export interface InputTensor extends Omit<RawTensor, 'bytes'> {
  bytes: TensorBytes;
}

export interface RequestedOutput {
  name: string;
  /** Answer this output as binary tensor data rather than JSON. */
  binary: boolean;
  /** Triton's classification extension: answer the top `classCount` classes instead of the tensor. */
  classCount?: number;
}

/** An inference request checked against the model's signature. */
export interface DecodedRequest {
  id?: string;
  /** In the model's input order. */
  inputs: InputTensor[];
  /** The outputs to return, in the order asked (all the model's outputs when none were named). */
  outputs: RequestedOutput[];
  /** Items in dim 0 when the model batches; 1 otherwise. */
  items: number;
  /** Triton priority: 0 = default level, 1 = highest. */
  priority: number;
  /** Triton `timeout` parameter, microseconds; undefined when absent. */
  timeoutUs?: number;
}
