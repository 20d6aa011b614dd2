/**
 * Warm-up before readiness: `runs` batches of zeros at each warm-up size on every instance, so
 * the first real requests do not pay for ONNX Runtime's lazy initialisation. Dynamic non-batch
 * dims use 1 (the model's real sizes are unknown); a model that rejects that shape is logged
 * and served cold rather than refused.
 */
import { BYTES_PER_ELEMENT } from '../protocol/datatypes';
import type { NumericDatatype } from './codec/tensor-values';
import type { InstancePool } from './execution/instance-pool';
import type { WireTensor } from './execution/messages';
import type { Logger } from './log';
import type { ModelSig } from './model/signature';

export function warmupSizes(maxBatchSize: number, preferredBatchSizes: readonly number[]): number[] {
  if (maxBatchSize <= 0) return [0]; // 0: the model's own shapes, no batch dim
  const sizes = preferredBatchSizes.length ? preferredBatchSizes : [1, maxBatchSize];
  return [...new Set(sizes)].sort((a, b) => a - b);
}

export function zeroInputs(sig: ModelSig, batchSize: number): WireTensor[] {
  return sig.inputs.map((t) => {
    const shape = t.shape.map((d, i) => (i === 0 && batchSize > 0 ? batchSize : d < 0 ? 1 : d));
    const elements = shape.reduce((n, d) => n * d, 1);
    // BYTES: zeros read as elements of length 0, i.e. empty strings.
    const width = t.datatype === 'BYTES' ? 4 : BYTES_PER_ELEMENT[t.datatype as NumericDatatype];
    const buffer = new ArrayBuffer(elements * width);
    return { name: t.name, datatype: t.datatype, shape, buffer };
  });
}

export async function warmUp(pool: InstancePool, sig: ModelSig, maxBatchSize: number, preferred: readonly number[], runs: number, log: Logger): Promise<void> {
  for (const size of warmupSizes(maxBatchSize, preferred)) {
    for (let run = 0; run < runs; run++) {
      const instances = pool.freeSlots();
      try {
        await Promise.all(Array.from({ length: instances }, () => pool.run(zeroInputs(sig, size))));
      } catch (err) {
        log.warn({ batchSize: size, err: (err as Error).message }, 'warm-up batch failed; serving without it');
        return;
      }
    }
  }
}
