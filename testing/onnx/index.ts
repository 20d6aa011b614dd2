/**
 * Test-model generator: tests build small ONNX models in code instead of committing binaries.
 * `writeModelFile` puts the bytes where a spawned runtime can read them.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export { buildModel, IR_VERSION, ONNX_ELEM_TYPE, OPSET_VERSION } from './build';
export type { AttributeValue, InitializerSpec, ModelSpec, NodeSpec } from './build';
export {
  addMulModel,
  classifierModel,
  classifierWeights,
  fixedBatchModel,
  identityModel,
  mixedTypesModel,
  mulberry32,
  scaleModel,
  stringsModel,
} from './models';
export type { ClassifierOptions } from './models';

/** Writes the model as `<sha256 prefix>.onnx` in `dir` (a fresh temp dir when absent); returns its path. */
export async function writeModelFile(bytes: Uint8Array, dir?: string): Promise<string> {
  const target = dir ?? (await mkdtemp(path.join(tmpdir(), 'slipway-onnx-')));
  await mkdir(target, { recursive: true });
  const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const file = path.join(target, `${digest}.onnx`);
  await writeFile(file, bytes);
  return file;
}
