/**
 * A hand-written check of the inference request envelope for the hot path: it accepts only
 * requests that `InferRequest` (zod) accepts too, so a request it refuses is re-checked by zod,
 * whose message the client gets. Unknown keys are left in place (zod would strip them); the
 * decoder reads only the known ones.
 */
import { DATATYPES } from '../../protocol/datatypes';
import type { InferRequest } from '../../protocol/kserve';

const DATATYPE_SET: ReadonlySet<unknown> = new Set(DATATYPES);

export function isPlainInferRequest(json: unknown): json is InferRequest {
  if (!isRecord(json)) return false;
  if (json.id !== undefined && typeof json.id !== 'string') return false;
  if (!isOptionalRecord(json.parameters) || !Array.isArray(json.inputs)) return false;
  for (const input of json.inputs as unknown[]) if (!isInput(input)) return false;
  if (json.outputs === undefined) return true;
  if (!Array.isArray(json.outputs)) return false;
  for (const output of json.outputs as unknown[]) if (!isRecord(output) || typeof output.name !== 'string' || !isOptionalRecord(output.parameters)) return false;
  return true;
}

function isInput(input: unknown): boolean {
  if (!isRecord(input) || typeof input.name !== 'string' || !DATATYPE_SET.has(input.datatype)) return false;
  if (!Array.isArray(input.shape) || !(input.shape as unknown[]).every((d) => Number.isSafeInteger(d))) return false;
  return isOptionalRecord(input.parameters) && (input.data === undefined || Array.isArray(input.data));
}

/** A JSON object (JSON.parse yields no other non-array objects). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOptionalRecord(value: unknown): boolean {
  return value === undefined || isRecord(value);
}
