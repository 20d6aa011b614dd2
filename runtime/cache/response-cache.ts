/**
 * Response cache: outputs keyed by a SHA-1 of the model version, every input (name, dtype,
 * shape, bytes) and the requested output names; LRU bounded in bytes. Only successes are
 * stored. Concurrent identical misses each run the model (no in-flight coalescing): simpler,
 * and correct, at the cost of duplicate work under a burst of identical requests.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { CacheStats } from '../../protocol/stats';
import { tensorByteLength } from '../codec/body-chunks';
import type { DecodedRequest, RawTensor } from '../codec/types';

/** Rough fixed cost of an entry beyond its tensor bytes (key, objects, shapes). */
const ENTRY_OVERHEAD_BYTES = 256;

export function cacheKey(model: string, version: string, request: DecodedRequest): string {
  const h = createHash('sha1');
  // Lengths and separators keep distinct field sequences from hashing alike.
  h.update(`${model.length}:${model}|${version.length}:${version}|`);
  for (const t of request.inputs) {
    h.update(`${t.name.length}:${t.name}|${t.datatype}|${t.shape.join(',')}|${tensorByteLength(t.bytes)}|`);
    // BYTES inputs hash their length prefixes too: ['ab','c'] and ['a','bc'] differ.
    for (const part of t.bytes instanceof Uint8Array ? [t.bytes] : t.bytes) h.update(part);
  }
  h.update(`outputs:${JSON.stringify(request.outputs.map((o) => o.name))}`);
  return h.digest('hex');
}

export class ResponseCache {
  private readonly lru: LRUCache<string, RawTensor[]>;
  private counts = { hits: 0, misses: 0, evictions: 0 };

  constructor(maxBytes: number) {
    this.lru = new LRUCache<string, RawTensor[]>({
      maxSize: maxBytes,
      sizeCalculation: (v) => entryBytes(v),
      dispose: (_v, _k, reason) => {
        if (reason === 'evict') this.counts.evictions++;
      },
    });
  }

  get(key: string): RawTensor[] | undefined {
    const hit = this.lru.get(key);
    if (hit) this.counts.hits++;
    else this.counts.misses++;
    return hit;
  }

  /** Stores copies: the tensors may be views into a whole batch's output buffer. */
  set(key: string, tensors: readonly RawTensor[]): void {
    const owned = tensors.map((t) => ({ ...t, shape: [...t.shape], bytes: new Uint8Array(t.bytes) }));
    if (entryBytes(owned) > this.lru.maxSize) return; // larger than the whole cache
    this.lru.set(key, owned);
  }

  stats(): CacheStats {
    return { ...this.counts, entries: this.lru.size, bytes: this.lru.calculatedSize };
  }
}

function entryBytes(tensors: readonly RawTensor[]): number {
  return tensors.reduce((n, t) => n + t.bytes.byteLength, ENTRY_OVERHEAD_BYTES);
}
