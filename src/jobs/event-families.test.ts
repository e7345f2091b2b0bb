import { describe, expect, it } from 'vitest';
import { makeCtx } from '../core/context.js';
import { useHarness } from '../test/harness.js';
import { type EventHandler, handlersFor } from './outbox.js';
import { Scheduler } from './scheduler.js';

const h = useHarness();

describe('event families (order.*)', () => {
  it('finds the exact handlers first, then the family’s, and nothing for another family', () => {
    const exact: EventHandler = async () => {};
    const family: EventHandler = async () => {};
    const handlers = new Map([
      ['order.shipped', [exact]],
      ['order.*', [family]],
    ]);
    expect(handlersFor(handlers, 'order.shipped')).toEqual([exact, family]);
    expect(handlersFor(handlers, 'order.confirmed')).toEqual([family]);
    expect(handlersFor(handlers, 'orders.confirmed')).toEqual([]);
    expect(handlersFor(handlers, 'order')).toEqual([]);
  });

  it('refuses a wildcard anywhere but a whole family', () => {
    const scheduler = new Scheduler(h.database, h.clock);
    for (const bad of ['*', 'order.*.x', 'ord*', '*.shipped']) {
      expect(() => scheduler.onEvent(bad, async () => {})).toThrow(/whole family/);
    }
  });

  it('delivers every event of a family to a family handler, once, alongside exact handlers', async () => {
    const scheduler = new Scheduler(h.database, h.clock);
    const seen: string[] = [];
    scheduler.onEvent('fam.*', async (event) => {
      seen.push(`family:${event.type}`);
    });
    scheduler.onEvent('fam.one', async (event) => {
      seen.push(`exact:${event.type}`);
    });
    const ctx = makeCtx(h.database.db, { kind: 'anonymous' }, h.clock);
    await ctx.events.emit('fam.one', {});
    await ctx.events.emit('famous.two', {});
    await ctx.events.emit('fam.three', {});
    await scheduler.drainOutbox();
    expect(seen).toEqual(['exact:fam.one', 'family:fam.one', 'family:fam.three']);
    expect(await scheduler.drainOutbox()).toBe(0);
  });
});
