import PgBoss from 'pg-boss';
import type { Clock } from '../core/clock.js';
import type { Database, Db } from '../db/client.js';
import { dispatchOutbox, type EventHandler } from './outbox.js';

export type TimerHandler = (db: Db, now: Clock) => Promise<void>;

type Timer = { name: string; cron: string; handler: TimerHandler; runOnStart: boolean };

/**
 * The one place modules register background work: event handlers (fed by the
 * outbox) and timers (cron schedules run by pg-boss on either engine).
 */
export class Scheduler {
  private readonly handlers = new Map<string, EventHandler[]>();
  private readonly timers: Timer[] = [];
  private boss: PgBoss | undefined;
  private poller: NodeJS.Timeout | undefined;
  private dispatching: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly database: Database,
    private readonly now: Clock,
  ) {}

  /** `type` is one event type (`quote.accepted`) or a whole family (`quote.*`: every `quote.<name>`). */
  onEvent(type: string, handler: EventHandler): void {
    if (type.includes('*') && !/^[a-z][a-z0-9_]*\.\*$/.test(type)) {
      throw new Error(`Event pattern ${type}: only a whole family may be a wildcard, as in order.*`);
    }
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }

  /**
   * A timer on a cron schedule. `runOnStart`: also run once as the server
   * starts, for timers whose work falls due while the server is down (an
   * order deadline, a departure) and should not wait for the next tick.
   */
  every(name: string, cron: string, handler: TimerHandler, options: { runOnStart?: boolean } = {}): void {
    this.timers.push({ name, cron, handler, runOnStart: options.runOnStart ?? false });
  }

  /** Delivers every pending outbox event now (the poller calls this; tests call it directly). */
  async drainOutbox(): Promise<number> {
    let total = 0;
    for (;;) {
      const delivered = await dispatchOutbox(this.database.db, this.handlers, this.now);
      total += delivered;
      if (delivered === 0) return total;
    }
  }

  /** Runs a registered timer's handler at once, as its schedule would. */
  async runTimer(name: string): Promise<void> {
    const timer = this.timers.find((t) => t.name === name);
    if (!timer) throw new Error(`No timer named ${name}`);
    await timer.handler(this.database.db, this.now);
  }

  async start({ pollMs = 500 }: { pollMs?: number } = {}): Promise<void> {
    const boss = new PgBoss({ db: { executeSql: this.database.sql }, schema: 'pgboss', supervise: true });
    boss.on('error', (error) => console.error('scheduler:', error.message));
    await boss.start();
    for (const timer of this.timers) {
      await boss.createQueue(timer.name);
      await boss.schedule(timer.name, timer.cron);
      await boss.work(timer.name, async () => timer.handler(this.database.db, this.now));
      // Through the queue, like a tick: never two runs of one timer at once.
      if (timer.runOnStart) await boss.send(timer.name, {}, { singletonKey: 'start' });
    }
    this.boss = boss;
    this.poller = setInterval(() => {
      this.dispatching = this.dispatching
        .then(() => this.drainOutbox())
        .catch((error: Error) => console.error('outbox:', error.message));
    }, pollMs);
  }

  async stop(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    await this.dispatching;
    await this.boss?.stop({ graceful: true, wait: true });
  }
}
