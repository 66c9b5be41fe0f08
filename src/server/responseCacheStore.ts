import type { ExecutionResult } from 'graphql';

/**
 * The response cache's store, bounded by bytes (the JSON size of the answers it holds), not by
 * a count of entries: one huge answer cannot hold the memory of thousands of small ones. Answers
 * larger than `maxEntryBytes` are not kept; the least recently used go first. Keys hold the read
 * models' position, so entries are never invalidated by content, only by age and size.
 */
export class ByteBoundedCache {
  private readonly entries = new Map<string, { result: ExecutionResult; bytes: number; expires: number }>();
  private total = 0;

  constructor(
    readonly maxBytes: number,
    readonly maxEntryBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The bytes the cached answers take now. */
  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  set(id: string, result: ExecutionResult, _entities: unknown, ttl: number): void {
    this.delete(id);
    const bytes = Buffer.byteLength(JSON.stringify(result));
    if (bytes > this.maxEntryBytes || bytes > this.maxBytes) return;
    this.entries.set(id, { result, bytes, expires: Number.isFinite(ttl) && ttl > 0 ? this.now() + ttl : Infinity });
    this.total += bytes;
    for (const key of this.entries.keys()) {
      if (this.total <= this.maxBytes) break;
      this.delete(key);
    }
  }

  get(id: string): ExecutionResult | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.delete(id);
      return undefined;
    }
    // Most recently used last: eviction walks from the front.
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.result;
  }

  invalidate(): void {
    // Keys carry the read models' position: a write moves it, so old entries are never asked for again.
  }

  private delete(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.total -= entry.bytes;
  }
}
