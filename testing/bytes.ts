/** Triton's binary BYTES form for tests, written independently of the runtime's codec: each element a 4-byte little-endian length, then its bytes. */
export function prefixed(values: (string | Buffer)[]): Buffer {
  return Buffer.concat(
    values.flatMap((v) => {
      const b = Buffer.from(v);
      const n = Buffer.alloc(4);
      n.writeUInt32LE(b.length);
      return [n, b];
    }),
  );
}

export function unprefixed(raw: Uint8Array): string[] {
  const b = Buffer.from(raw);
  const out: string[] = [];
  for (let at = 0; at < b.length; at += 4 + b.readUInt32LE(at)) out.push(b.subarray(at + 4, at + 4 + b.readUInt32LE(at)).toString('utf8'));
  return out;
}
