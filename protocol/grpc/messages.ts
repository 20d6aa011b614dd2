/**
 * The decoded shapes of the KServe v2 gRPC messages Slipway reads and writes (see load.ts for
 * how they decode: proto field names, int64 as decimal strings, absent messages as null).
 */
export interface InferParameterMsg {
  parameter_choice?: 'bool_param' | 'int64_param' | 'string_param' | 'double_param' | 'uint64_param';
  bool_param?: boolean;
  int64_param?: string | number;
  string_param?: string;
  double_param?: number;
  uint64_param?: string | number;
}

export interface TensorContentsMsg {
  bool_contents?: boolean[];
  int_contents?: number[];
  int64_contents?: (string | number)[];
  uint_contents?: number[];
  uint64_contents?: (string | number)[];
  fp32_contents?: number[];
  fp64_contents?: number[];
  bytes_contents?: Uint8Array[];
}

export type ParameterMap = Record<string, InferParameterMsg>;

export interface InferInputMsg {
  name: string;
  datatype: string;
  shape: (string | number)[];
  parameters?: ParameterMap;
  contents?: TensorContentsMsg | null;
}

export interface ModelInferRequestMsg {
  model_name: string;
  model_version: string;
  id: string;
  parameters?: ParameterMap;
  inputs: InferInputMsg[];
  outputs?: { name: string; parameters?: ParameterMap }[];
  raw_input_contents?: Uint8Array[];
}

export interface InferOutputMsg {
  name: string;
  datatype: string;
  shape: number[];
  parameters?: ParameterMap;
}

export interface ModelInferResponseMsg {
  model_name: string;
  model_version: string;
  id: string;
  parameters?: ParameterMap;
  outputs: InferOutputMsg[];
  raw_output_contents: Uint8Array[];
}

export interface ModelStreamInferResponseMsg {
  error_message: string;
  infer_response: ModelInferResponseMsg | null;
}

/** A gRPC status code (grpc-js `status`) with its message. */
export interface GrpcFailure {
  code: number;
  details: string;
}
