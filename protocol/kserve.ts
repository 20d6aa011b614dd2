/**
 * KServe v2 / Open Inference Protocol wire shapes (the JSON part of an inference request and
 * response), shared by the runtime and the gateway. Values are checked against a model's
 * signature elsewhere; these schemas only hold the envelope's shape.
 */
import { z } from 'zod';
import { DATATYPES } from './datatypes';

/** Nested or flat tensor data: numbers, booleans, or (BYTES only) strings. */
export type TensorData = (number | boolean | string | TensorData)[];
// Elements are checked where they are converted (per datatype); validating each of possibly
// millions of elements here too would double the cost of a JSON request.
const TensorData = z.array(z.unknown()) as unknown as z.ZodType<TensorData>;

const Parameters = z.record(z.string(), z.unknown());

export const InferInputTensor = z.object({
  name: z.string(),
  datatype: z.enum(DATATYPES),
  shape: z.array(z.number().int()),
  parameters: Parameters.optional(),
  data: TensorData.optional(),
});
export type InferInputTensor = z.infer<typeof InferInputTensor>;

export const InferRequestedOutput = z.object({
  name: z.string(),
  parameters: Parameters.optional(),
});
export type InferRequestedOutput = z.infer<typeof InferRequestedOutput>;

export const InferRequest = z.object({
  id: z.string().optional(),
  parameters: Parameters.optional(),
  inputs: z.array(InferInputTensor),
  outputs: z.array(InferRequestedOutput).optional(),
});
export type InferRequest = z.infer<typeof InferRequest>;

export interface InferOutputTensor {
  name: string;
  datatype: string;
  shape: number[];
  parameters?: Record<string, unknown>;
  data?: (number | boolean | string)[];
}

export interface InferResponse {
  id?: string;
  model_name: string;
  model_version: string;
  outputs: InferOutputTensor[];
}

/** Header carrying the JSON part's length when binary tensor data follows it. */
export const INFERENCE_HEADER_CONTENT_LENGTH = 'inference-header-content-length';

/** Set by a draining runtime on its answers: a 503 with it ran nothing, so the gateway may re-route it. */
export const DRAINING_HEADER = 'x-slipway-draining';
