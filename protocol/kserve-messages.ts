/**
 * The error texts the gateway and the runtime both answer with, so a client sees the same body
 * whichever it talks to (Triton's own wording where Triton has one).
 */
export function unknownModel(name: string, version?: number | string): string {
  return version === undefined ? `Request for unknown model: '${name}' is not found` : `Request for unknown model: '${name}' version ${version} is not found`;
}

export function methodNotAllowed(method: string, path: string): string {
  return `${method} is not allowed on ${path}`;
}

export function noRoute(method: string, path: string): string {
  return `no route for ${method} ${path}`;
}

/**
 * KServe v2 / Triton extensions served, under their standard names; the same list at the
 * gateway and a runtime, over HTTP (`GET /v2`) and gRPC (`ServerMetadata`).
 */
export const SERVED_EXTENSIONS = ['classification', 'binary_tensor_data', 'parameters', 'statistics', 'model_configuration', 'schedule_policy'];
