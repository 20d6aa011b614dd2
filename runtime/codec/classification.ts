/**
 * Triton's classification extension: an output asked for with `class_count: k` comes back as a
 * BYTES tensor of the k largest values per batch item, each `"<value>:<index>"` (Triton writes
 * the value with six decimals), shape [batch, k] (or [k] for a rank-1 output). Pure.
 */
import { BYTES_PER_ELEMENT } from '../../protocol/datatypes';
import { badRequest } from '../errors';
import { bytesToValues, type NumericDatatype } from './tensor-values';
import type { RawTensor } from './types';

export function classify(t: RawTensor, k: number): { shape: number[]; labels: string[] } {
  if (t.datatype === 'BYTES' || t.datatype === 'BOOL') throw badRequest(`output '${t.name}': class_count needs a numeric output, not ${t.datatype}`);
  const values = bytesToValues(t.datatype as NumericDatatype, t.bytes) as number[];
  const rows = t.shape.length > 1 ? t.shape[0]! : 1;
  const perRow = rows > 0 ? values.length / rows : 0;
  const count = Math.min(k, perRow);
  const labels: string[] = [];
  for (let r = 0; r < rows; r++) {
    const row = values.slice(r * perRow, (r + 1) * perRow).map((v, i) => [v, i] as const);
    // Highest first; equal values keep index order, as a stable sort does.
    row.sort((a, b) => b[0] - a[0]);
    for (const [v, i] of row.slice(0, count)) labels.push(`${v.toFixed(6)}:${i}`);
  }
  return { shape: t.shape.length > 1 ? [rows, count] : [count], labels };
}

export const isNumeric = (datatype: string): boolean => Object.hasOwn(BYTES_PER_ELEMENT, datatype);
