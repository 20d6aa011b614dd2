/**
 * The demo: on a database with no models, register the PaddleOCR text-orientation classifier
 * through the normal upload path (so it is validated and stored like any upload) and serve it.
 */
import { createReadStream } from 'node:fs';
import type { Services } from '../context';

export const DEMO_MODEL = 'text-orientation';
export const DEMO_ENDPOINT = 'text-orientation';
export const DEMO_DESCRIPTION = 'PaddleOCR text-orientation classifier (0°/180°)';
const ACTOR = 'system';

/** Returns false when there was nothing to do (the database already has models). */
export async function seedDemo(services: Services, modelPath: string): Promise<boolean> {
  if (services.models.list({ limit: 1 }).items.length > 0) return false;
  services.models.create({ name: DEMO_MODEL, description: DEMO_DESCRIPTION, task: 'image-classification', tags: ['demo', 'ocr', 'vision'] }, ACTOR);
  const version = await services.versions.register(
    { model: DEMO_MODEL, body: createReadStream(modelPath), description: 'ch_ppocr_mobile_v2.0_cls', tags: ['demo'] },
    ACTOR,
  );
  services.endpoints.create({ name: DEMO_ENDPOINT, model: DEMO_MODEL, version: version.version }, ACTOR);
  return true;
}
