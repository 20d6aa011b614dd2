/**
 * BYTES tensors inside the runtime. Triton's binary form (each element a 4-byte little-endian
 * length, then its bytes) is the one representation a RawTensor holds, so BYTES data hashes,
 * concatenates and crosses threads as any other tensor's bytes. ONNX Runtime for Node holds
 * string tensors as JS strings, so elements must be UTF-8; invalid UTF-8 is refused. Pure.
 */
import { isUtf8 } from 'node:buffer';
import { badRequest } from '../errors';

const PREFIX = 4;

/** Strings in the binary form. Fresh, whole ArrayBuffer: safe to transfer to another thread. */
export function encodeStrings(values: readonly string[]): Uint8Array {
  const parts = values.map((v) => Buffer.from(v, 'utf8'));
  const out = new Uint8Array(parts.reduce((n, p) => n + PREFIX + p.byteLength, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const p of parts) {
    view.setUint32(at, p.byteLength, true);
    out.set(p, at + PREFIX);
    at += PREFIX + p.byteLength;
  }
  return out;
}

/**
 * Byte offsets where each element starts, then the end (length = elements + 1). A length that
 * runs past the buffer throws a 400 naming `what`.
 */
export function elementOffsets(bytes: Uint8Array, what: string): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offsets = [0];
  let at = 0;
  while (at < bytes.byteLength) {
    if (at + PREFIX > bytes.byteLength) throw badRequest(`${what}: BYTES element ${offsets.length - 1} has a cut length prefix (${bytes.byteLength - at} of 4 bytes)`);
    const length = view.getUint32(at, true);
    if (at + PREFIX + length > bytes.byteLength) {
      throw badRequest(`${what}: BYTES element ${offsets.length - 1} claims ${length} bytes but ${bytes.byteLength - at - PREFIX} remain`);
    }
    at += PREFIX + length;
    offsets.push(at);
  }
  return offsets;
}

/** Checks client data in the binary form: exactly `elements` elements, each valid UTF-8. */
export function checkBinaryStrings(bytes: Uint8Array, elements: number, inputName: string): void {
  const what = `input '${inputName}'`;
  const offsets = elementOffsets(bytes, what);
  if (offsets.length - 1 !== elements) throw badRequest(`${what}: binary data holds ${offsets.length - 1} BYTES elements but the shape needs ${elements}`);
  for (let i = 0; i < elements; i++) {
    if (!isUtf8(bytes.subarray(offsets[i]! + PREFIX, offsets[i + 1]!))) throw badRequest(`${what}: BYTES element ${i} is not valid UTF-8 (ONNX Runtime holds strings)`);
  }
}

/** JSON `data` for a BYTES input: every element must be a string. */
export function stringsFromJson(values: readonly unknown[], inputName: string): Uint8Array {
  const i = values.findIndex((v) => typeof v !== 'string');
  if (i >= 0) throw badRequest(`input '${inputName}': element ${i} (${JSON.stringify(values[i])}) is not a string for BYTES`);
  return encodeStrings(values as string[]);
}

/** The strings of data in the binary form (already checked, or produced by ONNX Runtime). */
export function decodeStrings(bytes: Uint8Array): string[] {
  const offsets = elementOffsets(bytes, 'tensor');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return offsets.slice(1).map((end, i) => buf.toString('utf8', offsets[i]! + PREFIX, end));
}
