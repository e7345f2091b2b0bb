import type { SqlRunner } from '../db/client.js';

export type Backlog = {
  outbox: { pending: number; oldestPendingAt: string | null };
  /** pg-boss jobs by state; null before the scheduler has created its schema (e.g. a CLI-only database). */
  jobs: Record<string, number> | null;
  webhooks: { due: number };
};

const count = (value: unknown) => Number(value ?? 0);
const iso = (value: unknown) => (value ? new Date(value as string | Date).toISOString() : null);

/**
 * What background work is waiting: outbox events not yet delivered (a growing
 * number means a handler keeps failing), pg-boss's jobs by state, and webhook
 * deliveries still to send. Reads only; cheap enough for an operator's page.
 */
export const readBacklog = async (sql: SqlRunner): Promise<Backlog> => {
  const outbox = await sql(
    'select count(*) as pending, min(created_at) as oldest from outbox_events where dispatched_at is null',
    [],
  );
  const webhooks = await sql("select count(*) as due from webhook_deliveries where status = 'pending'", []);
  const [hasBoss] = (await sql("select to_regclass('pgboss.job') is not null as present", [])).rows;
  const jobs = hasBoss?.present
    ? Object.fromEntries(
        (await sql('select state::text as state, count(*) as n from pgboss.job group by state', [])).rows.map(
          (r) => [String(r.state), count(r.n)],
        ),
      )
    : null;
  return {
    outbox: { pending: count(outbox.rows[0]?.pending), oldestPendingAt: iso(outbox.rows[0]?.oldest) },
    jobs,
    webhooks: { due: count(webhooks.rows[0]?.due) },
  };
};
