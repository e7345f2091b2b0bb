import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeCtx } from '../core/context.js';
import { useHarness } from '../test/harness.js';
import { Scheduler } from './scheduler.js';

const h = useHarness();

const waitFor = async (condition: () => boolean, timeoutMs = 10_000) => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('outbox and scheduler', () => {
  it('delivers an event only if its transaction commits, in order, once', async () => {
    const scheduler = new Scheduler(h.database, h.clock);
    const seen: string[] = [];
    scheduler.onEvent('test.happened', async (event) => {
      seen.push(String(event.payload.n));
    });
    const ctx = makeCtx(h.database.db, { kind: 'anonymous' }, h.clock);
    await ctx.events.emit('test.happened', { n: 1 });
    await h.database.db
      .transaction(async (tx) => {
        await makeCtx(tx as never, ctx.actor, h.clock).events.emit('test.happened', { n: 'rolled back' });
        throw new Error('abort');
      })
      .catch(() => {});
    await ctx.events.emit('test.happened', { n: 2 });

    expect(await scheduler.drainOutbox()).toBeGreaterThanOrEqual(2);
    expect(seen).toEqual(['1', '2']);
    expect(await scheduler.drainOutbox()).toBe(0);
  });

  it('keeps a failed event pending and delivers it on the next round, without later events overtaking it', async () => {
    const scheduler = new Scheduler(h.database, h.clock);
    const seen: number[] = [];
    let fail = true;
    scheduler.onEvent('test.flaky', async (event) => {
      if (fail && event.payload.n === 1) throw new Error('handler down');
      seen.push(Number(event.payload.n));
    });
    const ctx = makeCtx(h.database.db, { kind: 'anonymous' }, h.clock);
    await ctx.events.emit('test.flaky', { n: 1 });
    await ctx.events.emit('test.flaky', { n: 2 });
    await scheduler.drainOutbox();
    expect(seen).toEqual([]);
    fail = false;
    await scheduler.drainOutbox();
    expect(seen).toEqual([1, 2]);
  });

  it('starts pg-boss on this engine, polls the outbox by itself, runs timers, and stops cleanly', async () => {
    const scheduler = new Scheduler(h.database, h.clock);
    const seen: unknown[] = [];
    let ticks = 0;
    scheduler.onEvent('test.polled', async (event) => {
      seen.push(event.payload.n);
    });
    scheduler.every('test.tick', '*/5 * * * *', async () => {
      ticks += 1;
    });
    await scheduler.start({ pollMs: 50 });
    try {
      await makeCtx(h.database.db, { kind: 'anonymous' }, h.clock).events.emit('test.polled', { n: 7 });
      await waitFor(() => seen.length === 1);
      expect(seen).toEqual([7]);
      await scheduler.runTimer('test.tick');
      expect(ticks).toBe(1);
      const schedules = await h.database.db.execute(sql`select name from pgboss.schedule`);
      expect((schedules as unknown as { rows: { name: string }[] }).rows.map((r) => r.name)).toContain(
        'test.tick',
      );
    } finally {
      await scheduler.stop();
    }
  });
});
