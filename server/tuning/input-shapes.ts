/**
 * The shapes of the tuner's synthetic requests: one item per request (the batcher's job is to
 * combine them), each input's dims as the model fixes them, and its dynamic dims as given in the
 * run's `inputShapes` or, where not given, guessed (`concreteShape`: an image's H×W 48×192, the
 * demo's text lines; others 8). A model tuned on guessed sizes is tuned for those sizes, so the
 * run records the shapes it used. Pure: the wire input is checked against the signature here.
 */
import { isFixedDim } from '../../protocol/datatypes';
import { concreteShape, SYNTHETIC_BYTES_PER_ELEMENT, type SignatureTensor } from './synthetic-request';

export interface InputShape {
  name: string;
  shape: number[];
}

export type ResolvedShapes = { ok: true; shapes: InputShape[] } | { ok: false; path: string; message: string };

/** `given` in the order the client sent it (its index names the field in an error). */
export function resolveInputShapes(signature: readonly SignatureTensor[], given: readonly InputShape[] = [], maxBodyBytes = Infinity): ResolvedShapes {
  const byName = new Map(signature.map((t) => [t.name, t]));
  const chosen = new Map<string, number[]>();
  for (const [i, g] of given.entries()) {
    const path = `inputShapes.${i}`;
    const t = byName.get(g.name);
    if (!t) return { ok: false, path: `${path}.name`, message: `the model has no input '${g.name}' (its inputs: ${signature.map((s) => s.name).join(', ')})` };
    if (chosen.has(g.name)) return { ok: false, path: `${path}.name`, message: `input '${g.name}' is given twice` };
    const problem = shapeProblem(t, g.shape);
    if (problem) return { ok: false, path: `${path}.shape`, message: `input '${g.name}': ${problem}` };
    chosen.set(g.name, g.shape);
  }
  const shapes: InputShape[] = [];
  let bytes = 0;
  for (const t of signature) {
    const perElement = SYNTHETIC_BYTES_PER_ELEMENT.get(t.datatype);
    if (perElement === undefined) return { ok: false, path: 'inputShapes', message: `input '${t.name}' is ${t.datatype}: the tuner cannot make synthetic ${t.datatype} values` };
    const shape = chosen.get(t.name) ?? concreteShape(t.shape);
    bytes += shape.reduce((n, d) => n * d, 1) * perElement;
    shapes.push({ name: t.name, shape });
  }
  if (bytes > maxBodyBytes) return { ok: false, path: 'inputShapes', message: `one request of these shapes is ${bytes} bytes, over the ${maxBodyBytes}-byte body limit` };
  return { ok: true, shapes };
}

function shapeProblem(t: SignatureTensor, shape: readonly number[]): string | undefined {
  if (shape.length !== t.shape.length) return `the model's shape has ${t.shape.length} dims (${describe(t.shape)}), this one ${shape.length}`;
  for (const [i, d] of shape.entries()) {
    const declared = t.shape[i]!;
    if (isFixedDim(declared) && d !== declared) return `dim ${i} is fixed at ${declared} by the model, not ${d}`;
    if (i === 0 && !isFixedDim(declared) && d !== 1) return `dim 0 is the batch: one item per request (1), the batcher combines them`;
  }
  return undefined;
}

const describe = (shape: readonly (number | string)[]) => `[${shape.map((d) => (isFixedDim(d) ? d : '?')).join(', ')}]`;
