/** Pure display helpers shared by the dashboard's tables. */
import type { TensorSpec } from '../../protocol/datatypes';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** Binary units (1 KB = 1024 B), one decimal under 10, none above. */
export function formatBytes(sizeBytes: number): string {
  let value = sizeBytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** `x FP32 [-1, 3, -1, -1]`: how Triton's model config names a tensor. */
export function formatTensor(spec: TensorSpec): string {
  return `${spec.name} ${spec.datatype} [${spec.shape.join(', ')}]`;
}

export function shortSha(sha256: string): string {
  return sha256.slice(0, 12);
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toISOString().replace('T', ' ').slice(0, 19) + 'Z';
}

export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}
