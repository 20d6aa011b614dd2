/**
 * KServe v2 binary tensor extension, client side, for one input and one requested output:
 * a JSON header whose length travels in `Inference-Header-Content-Length`, then raw tensor bytes.
 * Kept apart from runtime/ on purpose: the bench speaks the wire protocol as any client would.
 */
export interface BinaryRequestSpec {
  inputName: string;
  datatype: string;
  shape: number[];
  /** Raw little-endian tensor bytes. */
  data: Uint8Array;
  outputName: string;
}

export interface BinaryRequest {
  body: Buffer;
  headers: Record<string, string>;
  /** Where the tensor bytes start in `body`; a closed-loop client may rewrite them between requests. */
  dataOffset: number;
}

export function binaryInferRequest(spec: BinaryRequestSpec): BinaryRequest {
  const header = Buffer.from(
    JSON.stringify({
      inputs: [
        {
          name: spec.inputName,
          shape: spec.shape,
          datatype: spec.datatype,
          parameters: { binary_data_size: spec.data.byteLength },
        },
      ],
      outputs: [{ name: spec.outputName, parameters: { binary_data: true } }],
      parameters: { binary_data_output: true },
    }),
  );
  const body = Buffer.concat([header, spec.data]);
  return {
    body,
    dataOffset: header.byteLength,
    headers: {
      'content-type': 'application/octet-stream',
      'inference-header-content-length': String(header.byteLength),
      'content-length': String(body.byteLength),
    },
  };
}

export interface ResponseOutput {
  name: string;
  datatype: string;
  shape: number[];
  byteLength: number;
}

interface HeaderOutput {
  name?: unknown;
  datatype?: unknown;
  shape?: unknown;
  parameters?: { binary_data_size?: unknown };
}

/**
 * Reads an infer response (binary when `headerLength` is given, JSON otherwise) and checks that the
 * binary sizes add up to the body; throws on anything malformed so the caller counts an error.
 */
export function parseInferResponse(body: Buffer, headerLength: number | undefined): ResponseOutput[] {
  const jsonEnd = headerLength ?? body.byteLength;
  if (jsonEnd > body.byteLength) throw new Error('header length exceeds body');
  const header = JSON.parse(body.subarray(0, jsonEnd).toString('utf8')) as { outputs?: HeaderOutput[] };
  if (!Array.isArray(header.outputs)) throw new Error('response has no outputs');
  let binaryBytes = 0;
  const outputs = header.outputs.map((o) => {
    const size = o.parameters?.binary_data_size;
    const byteLength = typeof size === 'number' ? size : 0;
    binaryBytes += byteLength;
    return {
      name: String(o.name),
      datatype: String(o.datatype),
      shape: Array.isArray(o.shape) ? o.shape.map(Number) : [],
      byteLength,
    };
  });
  if (jsonEnd + binaryBytes !== body.byteLength) throw new Error('binary sizes do not match the body');
  return outputs;
}
