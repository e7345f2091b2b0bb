import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Ctx } from './context.js';
import { AppError } from './errors.js';
import { assertTransition, type Machine } from './state-machine.js';

/** A table whose rows follow a machine: tenant-keyed, with a status and an update time. */
export type StatefulTable = PgTable & {
  companyId: PgColumn;
  id: PgColumn;
  status: PgColumn;
  updatedAt: PgColumn;
};

type Record<S> = { companyId: string; id: string; status: S };

/**
 * The one way a lifecycle moves: checks the machine's table, writes the new
 * state only if the row is still in the state the caller read (compare and
 * set, so two concurrent moves cannot both win), and emits
 * `<machine>.<to>` in the same transaction. A lost race is a CONFLICT.
 */
export const transition = async <S extends string>(
  ctx: Ctx,
  options: {
    machine: Machine<S>;
    table: StatefulTable;
    record: Record<S>;
    to: S;
    /** Other columns written with the new state. */
    set?: { [column: string]: unknown };
    payload?: { [key: string]: unknown };
  },
): Promise<void> => {
  const { machine, table, record, to } = options;
  assertTransition(machine, record.status, to);
  const updated = await ctx.db
    .update(table)
    .set({ ...options.set, status: to, updatedAt: ctx.now() } as never)
    .where(
      and(eq(table.companyId, record.companyId), eq(table.id, record.id), eq(table.status, record.status)),
    )
    .returning({ id: table.id });
  if (updated.length === 0) {
    throw new AppError('CONFLICT', `The ${machine.name} ${record.id} changed meanwhile; reload and retry`, {
      id: record.id,
      from: record.status,
      to,
    });
  }
  await ctx.events.emit(
    `${machine.name}.${to}`,
    { id: record.id, from: record.status, to, ...options.payload },
    record.companyId,
  );
};
