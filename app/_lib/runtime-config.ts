/**
 * The endpoint form's editable subset of RuntimeConfig, and its mapping to the wire shape.
 * The cache size is edited in MB (binary) because nobody types 67108864.
 */
import { RUNTIME_CONFIG_DEFAULTS } from '../../server/endpoints/defaults';
import type { RuntimeConfig } from './types';

const MB = 1024 * 1024;

/** The API's defaults (a zod-free module, safe in the browser bundle). */
export const DEFAULT_RUNTIME_CONFIG: RuntimeConfig = RUNTIME_CONFIG_DEFAULTS;

export interface ConfigFormValues {
  replicas: string;
  instances: string;
  maxBatchSize: string;
  maxQueueDelayMs: string;
  cacheEnabled: boolean;
  cacheMaxMb: string;
  device: 'cpu' | 'cuda';
}

export type ConfigPatch = Pick<RuntimeConfig, 'replicas' | 'instances' | 'maxBatchSize' | 'maxQueueDelayMs' | 'device'> & {
  cache: RuntimeConfig['cache'];
};

export function formValuesOf(config: RuntimeConfig): ConfigFormValues {
  return {
    replicas: String(config.replicas),
    // Blank is `auto` (the number input cannot hold the word).
    instances: config.instances === 'auto' ? '' : String(config.instances),
    maxBatchSize: String(config.maxBatchSize),
    maxQueueDelayMs: String(config.maxQueueDelayMs),
    cacheEnabled: config.cache.enabled,
    cacheMaxMb: String(Math.round((config.cache.maxBytes / MB) * 100) / 100),
    device: config.device,
  };
}

/** Numbers go to the API as typed (even invalid ones) so that its validation message is the one shown. */
export function configPatchOf(values: ConfigFormValues): ConfigPatch {
  return {
    replicas: Number(values.replicas),
    instances: ['', 'auto'].includes(values.instances.trim().toLowerCase()) ? 'auto' : Number(values.instances),
    maxBatchSize: Number(values.maxBatchSize),
    maxQueueDelayMs: Number(values.maxQueueDelayMs),
    cache: { enabled: values.cacheEnabled, maxBytes: Math.round(Number(values.cacheMaxMb) * MB) },
    device: values.device,
  };
}

/** "max 32 · 2 ms delay" — the endpoints table's one-cell batching summary. */
export function batchingSummary(config: RuntimeConfig): string {
  if (config.maxBatchSize <= 1) return 'off';
  return `max ${config.maxBatchSize} · ${config.maxQueueDelayMs} ms delay`;
}
