// Pure: a whole batch decided in memory against the locked accounts, so
// nothing of a failed chain ever reaches the database.

import { type AccountState, applyTransfer, type Balances, type Resolution } from './apply-transfer.js';
import type { Transfer, TransferFailure, TransferInput, TransferResult } from './transfer.js';

/** What the batch's transaction read: its locked accounts and the stored transfers it refers to. */
export type LedgerSnapshot = {
  accounts: ReadonlyMap<string, AccountState>;
  /** Stored transfers with the batch's ids or its pending ids. */
  transfers: ReadonlyMap<string, Transfer>;
  /** How each stored pending transfer was resolved, if it was. */
  resolutions: ReadonlyMap<string, Resolution>;
};

export type BatchPlan = {
  results: TransferResult[];
  /** The transfers to insert, in batch order. */
  created: Transfer[];
  /** Per changed account: what to add to each balance column. */
  deltas: Map<string, Balances>;
  /** Every account's balances after the batch (the snapshot's where unchanged). */
  accounts: Map<string, AccountState>;
};

type State = {
  accounts: Map<string, AccountState>;
  transfers: Map<string, Transfer>;
  resolutions: Map<string, Resolution>;
};

/** Where the chain starting at `start` ends: at the first transfer not flagged `linked`. */
const chainEnd = (inputs: readonly TransferInput[], start: number) => {
  let end = start;
  while (end < inputs.length - 1 && inputs[end]!.flags?.linked) end++;
  return end;
};

/**
 * Tries one chain on scratch maps layered over `state`: the layer is merged
 * only if every transfer of the chain succeeds. Returns each transfer's
 * outcome, or the index and reason of the one that failed.
 */
const tryChain = (
  inputs: readonly TransferInput[],
  start: number,
  end: number,
  state: State,
  now: Date,
):
  | { ok: true; outcomes: ('created' | 'exists')[]; layer: State }
  | { ok: false; at: number; reason: TransferFailure } => {
  const layer: State = { accounts: new Map(), transfers: new Map(), resolutions: new Map() };
  const outcomes: ('created' | 'exists')[] = [];
  for (let i = start; i <= end; i++) {
    const input = inputs[i]!;
    const pendingId = input.pendingId;
    const applied = applyTransfer(
      input,
      {
        existing: layer.transfers.get(input.id) ?? state.transfers.get(input.id),
        pending: pendingId ? (layer.transfers.get(pendingId) ?? state.transfers.get(pendingId)) : undefined,
        resolution: pendingId
          ? (layer.resolutions.get(pendingId) ?? state.resolutions.get(pendingId))
          : undefined,
        account: (id) => layer.accounts.get(id) ?? state.accounts.get(id),
      },
      now,
    );
    if (applied.result !== 'created' && applied.result !== 'exists')
      return { ok: false, at: i, reason: applied.result };
    outcomes.push(applied.result);
    if (applied.result === 'created') {
      const { transfer, debit, credit } = applied;
      layer.transfers.set(transfer.id, transfer);
      layer.accounts.set(debit.id, debit);
      layer.accounts.set(credit.id, credit);
      if (transfer.pendingId)
        layer.resolutions.set(transfer.pendingId, transfer.kind === 'post_pending' ? 'posted' : 'voided');
    }
  }
  return { ok: true, outcomes, layer };
};

const delta = (before: Balances, after: Balances): Balances => ({
  debitsPending: after.debitsPending - before.debitsPending,
  debitsPosted: after.debitsPosted - before.debitsPosted,
  creditsPending: after.creditsPending - before.creditsPending,
  creditsPosted: after.creditsPosted - before.creditsPosted,
});

/**
 * Applies a batch in order with TigerBeetle's chain semantics: transfers
 * flagged `linked` form a chain with the next one, ending at the first
 * transfer without the flag, and a chain succeeds or fails as a whole (the
 * failing transfer gets its reason, the rest `linked_event_failed`). An
 * identical repeat (`exists`) counts as success. A chain still open at the
 * end of the batch fails with `linked_event_chain_open` on its last transfer.
 */
export const planBatch = (
  inputs: readonly TransferInput[],
  snapshot: LedgerSnapshot,
  now: Date,
): BatchPlan => {
  const state: State = {
    accounts: new Map(snapshot.accounts),
    transfers: new Map(snapshot.transfers),
    resolutions: new Map(snapshot.resolutions),
  };
  const results: TransferResult[] = [];
  const created: Transfer[] = [];
  const changed = new Set<string>();
  for (let start = 0; start < inputs.length; ) {
    const end = chainEnd(inputs, start);
    const tried: ReturnType<typeof tryChain> = inputs[end]!.flags?.linked
      ? { ok: false, at: end, reason: 'linked_event_chain_open' }
      : tryChain(inputs, start, end, state, now);
    for (let i = start; i <= end; i++) {
      const result = tried.ok
        ? tried.outcomes[i - start]!
        : i === tried.at
          ? tried.reason
          : 'linked_event_failed';
      results.push({ index: i, id: inputs[i]!.id, result });
    }
    if (tried.ok) {
      for (const [id, account] of tried.layer.accounts) {
        state.accounts.set(id, account);
        changed.add(id);
      }
      for (const transfer of tried.layer.transfers.values()) {
        state.transfers.set(transfer.id, transfer);
        created.push(transfer);
      }
      for (const [id, resolution] of tried.layer.resolutions) state.resolutions.set(id, resolution);
    }
    start = end + 1;
  }
  const deltas = new Map<string, Balances>();
  for (const id of changed) deltas.set(id, delta(snapshot.accounts.get(id)!, state.accounts.get(id)!));
  return { results, created, deltas, accounts: state.accounts };
};
