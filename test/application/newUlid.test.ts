import { decodeTime, isValid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { newUlid } from '../../src/ulid.js';

describe('new ids (src/ulid.ts)', () => {
  it('are ULIDs of the current time', () => {
    const before = Date.now();
    const id = newUlid();
    expect(isValid(id)).toBe(true);
    expect(decodeTime(id)).toBeGreaterThanOrEqual(before);
    expect(decodeTime(id)).toBeLessThanOrEqual(Date.now());
  });

  it('never repeat their random part, across many refills of the random pool', () => {
    const randomParts = new Set(Array.from({ length: 5_000 }, () => newUlid().slice(10)));
    expect(randomParts.size).toBe(5_000);
  });
});
