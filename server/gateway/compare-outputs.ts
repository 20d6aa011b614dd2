import type { DecodedTensor } from './decode-response';

export interface Tolerance {
  atol: number;
  rtol: number;
}

export interface Comparison {
  shapeMatch: boolean;
  /** Largest |candidate − stable| over all outputs; Infinity when shapes differ. */
  maxAbsDiff: number;
  /** Every element within atol + rtol·|stable| (numpy.allclose). */
  withinTolerance: boolean;
  /** Per row of the first output, the arg-max class is the same. */
  argmaxAgree: boolean;
  /** The candidate agrees: same shapes and every element within tolerance. */
  agree: boolean;
}

function argmaxRows(t: DecodedTensor): number[] {
  const rows = t.shape.length > 1 ? t.shape[0]! : 1;
  const width = rows > 0 ? t.values.length / rows : 0;
  const result: number[] = [];
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < width; c++) if (t.values[r * width + c]! > t.values[r * width + best]!) best = c;
    result.push(best);
  }
  return result;
}

/** Compares a candidate's outputs with stable's, output by output (matched by name). Pure. */
export function compareOutputs(stable: DecodedTensor[], candidate: DecodedTensor[], tol: Tolerance): Comparison {
  const byName = new Map(candidate.map((t) => [t.name, t]));
  let shapeMatch = stable.length === candidate.length;
  let maxAbsDiff = 0;
  let withinTolerance = true;
  for (const s of stable) {
    const c = byName.get(s.name);
    if (!c || c.shape.join(',') !== s.shape.join(',') || c.values.length !== s.values.length || c.strings?.length !== s.strings?.length) {
      shapeMatch = false;
      continue;
    }
    // Strings have no distance: any differing element is outside every tolerance.
    if (s.strings && s.strings.some((v, i) => v !== c.strings![i])) withinTolerance = false;
    for (let i = 0; i < s.values.length; i++) {
      const diff = Math.abs(c.values[i]! - s.values[i]!);
      if (!(diff <= maxAbsDiff)) maxAbsDiff = Number.isNaN(diff) ? Infinity : diff;
      if (!(diff <= tol.atol + tol.rtol * Math.abs(s.values[i]!))) withinTolerance = false;
    }
  }
  if (!shapeMatch) return { shapeMatch, maxAbsDiff: Infinity, withinTolerance: false, argmaxAgree: false, agree: false };
  const first = stable[0];
  // A BYTES first output has no classes: its answer agrees when every string does.
  const argmaxAgree = !first ? true : first.strings ? first.strings.every((v, i) => v === byName.get(first.name)!.strings![i]) : argmaxRows(first).join() === argmaxRows(byName.get(first.name)!).join();
  return { shapeMatch, maxAbsDiff, withinTolerance, argmaxAgree, agree: withinTolerance };
}
