import { describe, expect, it } from 'vitest';
import { createReadCache } from './read-cache.js';

const at = (iso: string) => new Date(`2026-11-02T${iso}Z`);
const counter = () => {
  let loads = 0;
  return {
    load: (until: Date) => async () => ({ value: ++loads, until }),
    loads: () => loads,
  };
};

describe('read cache', () => {
  it('serves a value until its own end, then loads again', async () => {
    const cache = createReadCache({ maxEntries: 10 });
    const c = counter();
    expect(await cache.get('k', at('08:00:00'), c.load(at('08:00:30')))).toBe(1);
    expect(await cache.get('k', at('08:00:29'), c.load(at('08:01:00')))).toBe(1);
    expect(await cache.get('k', at('08:00:30'), c.load(at('08:01:00')))).toBe(2);
    // A clock moved back before the entry was read does not trust it.
    expect(await cache.get('k', at('07:59:00'), c.load(at('08:01:00')))).toBe(3);
    expect(cache.stats()).toEqual({ hits: 1, misses: 3, size: 1 });
  });

  it('drops everything on invalidate', async () => {
    const cache = createReadCache({ maxEntries: 10 });
    const c = counter();
    await cache.get('a', at('08:00:00'), c.load(at('09:00:00')));
    await cache.get('b', at('08:00:00'), c.load(at('09:00:00')));
    cache.invalidate();
    expect(cache.stats().size).toBe(0);
    expect(await cache.get('a', at('08:00:01'), c.load(at('09:00:00')))).toBe(3);
  });

  it('never stores a load that an invalidation overtook, though its caller gets it', async () => {
    const cache = createReadCache({ maxEntries: 10 });
    let release!: () => void;
    const slow = cache.get('k', at('08:00:00'), async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return { value: 'read before the write', until: at('09:00:00') };
    });
    cache.invalidate();
    release();
    expect(await slow).toBe('read before the write');
    expect(
      await cache.get('k', at('08:00:01'), async () => ({ value: 'fresh', until: at('09:00:00') })),
    ).toBe('fresh');
  });

  it('holds at most maxEntries, letting the least recently used go', async () => {
    const cache = createReadCache({ maxEntries: 2 });
    const c = counter();
    const until = at('09:00:00');
    await cache.get('a', at('08:00:00'), c.load(until));
    await cache.get('b', at('08:00:00'), c.load(until));
    await cache.get('a', at('08:00:01'), c.load(until)); // a is now the most recent
    await cache.get('c', at('08:00:02'), c.load(until)); // b goes
    expect(cache.stats().size).toBe(2);
    expect(await cache.get('a', at('08:00:03'), c.load(until))).toBe(1);
    expect(await cache.get('b', at('08:00:03'), c.load(until))).toBe(4);
  });
});
