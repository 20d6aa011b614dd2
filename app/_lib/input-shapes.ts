/**
 * The tuning form's "input shapes" text, `x: 1,3,32,320; mask: 1,16`, as the API's `inputShapes`.
 * Pure and lenient about spacing and brackets; what it cannot read as a number stays NaN, which
 * the API refuses with an issue under the field (sent as null).
 */
export interface InputShapeText {
  name: string;
  shape: number[];
}

export function parseInputShapes(text: string): InputShapeText[] {
  return text
    .split(/[;\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const colon = entry.indexOf(':');
      const name = (colon < 0 ? entry : entry.slice(0, colon)).trim();
      const dims = colon < 0 ? '' : entry.slice(colon + 1).replace(/[[\]()]/g, '');
      return { name, shape: dims.split(/[,x×\s]+/).filter(Boolean).map(Number) };
    });
}

export function formatInputShapes(shapes: readonly InputShapeText[]): string {
  return shapes.map((s) => `${s.name} [${s.shape.join(', ')}]`).join(', ');
}
