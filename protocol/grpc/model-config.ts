/**
 * Triton's model configuration from its JSON form (what `GET /v2/models/{m}/config` answers) to
 * the `ModelConfig` message: parameters become `{ string_value }`, the response cache its own
 * field. Pure.
 */
export interface HttpModelConfig {
  name: string;
  platform: string;
  backend: string;
  max_batch_size: number;
  input: { name: string; data_type: string; dims: number[] }[];
  output: { name: string; data_type: string; dims: number[] }[];
  dynamic_batching?: unknown;
  instance_group: { count: number; kind: string }[];
  parameters?: Record<string, unknown>;
}

export function configToGrpc(config: HttpModelConfig): Record<string, unknown> {
  const parameters: Record<string, { string_value: string }> = {};
  let responseCache: unknown;
  for (const [key, value] of Object.entries(config.parameters ?? {})) {
    if (key === 'response_cache') responseCache = value;
    else parameters[key] = { string_value: typeof value === 'string' ? value : JSON.stringify(value) };
  }
  return { ...config, parameters, ...(responseCache !== undefined && { response_cache: responseCache }) };
}
