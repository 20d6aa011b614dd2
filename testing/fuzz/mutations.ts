/**
 * Seeded mutations of inference requests, shared by the runtime fuzz and the gateway fuzz: JSON
 * bodies with parts deleted, replaced or duplicated, bytes cut, flipped or inserted, BYTES
 * element lengths rewritten, and the names that a plain object inherits (a client-chosen string
 * must never find them).
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Rand = () => number;

/** Keys every plain object answers to: as model names and versions they must meet 404, never a 500. */
export const INHERITED_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'] as const;

export const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const JUNK: Json[] = [null, true, -1, 0, 1.5, 2 ** 31, 1e15, -1e308, 'x', 'FP32', 'BYTES', [], [[]], {}, [-1, 4], [1, 1e9], { a: 1 }, ...INHERITED_KEYS];

/** A fresh copy: a shared junk array mutated in place could come to contain itself. */
const junk = (rand: Rand): Json => structuredClone(pick(rand, JUNK));

/** Every (container, key) in a JSON value, for picking a place to mutate. */
function slots(v: Json, out: [Json[] | { [k: string]: Json }, string | number][] = []) {
  if (Array.isArray(v)) {
    v.forEach((c, i) => {
      out.push([v, i]);
      slots(c, out);
    });
  } else if (v && typeof v === 'object') {
    for (const [k, c] of Object.entries(v)) {
      out.push([v, k]);
      slots(c, out);
    }
  }
  return out;
}

/** One to three mutations of a fresh copy of `valid()`. */
export function mutateJson(rand: Rand, valid: () => { [k: string]: Json }): { [k: string]: Json } {
  const req = valid();
  const times = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < times; i++) {
    const all = slots(req);
    if (all.length === 0) break; // everything deleted already
    const [container, key] = pick(rand, all);
    const op = rand();
    const c = container as Record<string | number, Json>;
    if (op < 0.25) {
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete c[key];
    } else if (op < 0.6) c[key] = junk(rand);
    else if (op < 0.8) c[key] = typeof c[key] === 'number' ? Math.floor((rand() - 0.3) * 2 ** (rand() * 40)) : junk(rand);
    else if (Array.isArray(container)) container.push(structuredClone(container[0] ?? null));
    else c[`${String(key)}_x`] = junk(rand);
  }
  return req;
}

export function mutateBytes(rand: Rand, bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  const op = rand();
  if (op < 0.3) return out.subarray(0, Math.floor(rand() * out.length));
  if (op < 0.6) {
    for (let i = 0; i < 1 + rand() * 8; i++) out[Math.floor(rand() * out.length)] = Math.floor(rand() * 256);
    return out;
  }
  const at = Math.floor(rand() * out.length);
  return Buffer.concat([out.subarray(0, at), Buffer.from(Array.from({ length: 1 + rand() * 16 }, () => Math.floor(rand() * 256))), out.subarray(at)]);
}

/**
 * BYTES data in Triton's binary form (4-byte little-endian length, then the bytes) with one
 * element's length rewritten (short, long, past the end, near 2^32) or the data cut off.
 */
export function mutateStringElements(rand: Rand, data: Buffer): Buffer {
  const out = Buffer.from(data);
  const starts: number[] = [];
  for (let at = 0; at + 4 <= out.length; at += 4 + out.readUInt32LE(at)) starts.push(at);
  if (starts.length === 0 || rand() < 0.2) return out.subarray(0, Math.floor(rand() * out.length));
  const at = pick(rand, starts);
  const length = out.readUInt32LE(at);
  out.writeUInt32LE(pick(rand, [0, Math.max(0, length - 1), length + 1, out.length, 0x7fffffff, 0xffffffff]), at);
  return out;
}

/** An inherited key as a model name or version, plain or percent-encoded, on any KServe model path. */
export function inheritedKeyPath(rand: Rand, endpoint: string): { method: 'GET' | 'POST'; path: string } {
  const key = pick(rand, INHERITED_KEYS);
  const name = rand() < 0.7 ? key : [...key].map((ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`).join('');
  const action = pick(rand, ['/infer', '/infer', '/ready', '', '/stats']);
  const path = rand() < 0.6 ? `/v2/models/${name}${action}` : `/v2/models/${endpoint}/versions/${name}${action}`;
  return { method: action === '/infer' ? 'POST' : 'GET', path };
}
