import type { Database } from '../db/client.js';
import { type LedgerReport, type LedgerViolation, verifyLedger } from '../modules/ledger/index.js';

const explain = (v: LedgerViolation): string => {
  switch (v.kind) {
    case 'unbalanced_currency':
      return `${v.currency}: ${v.side} debits ${v.debits} ≠ credits ${v.credits}`;
    case 'balance_differs_from_transfers':
      return `${v.code} (${v.accountId}): ${v.column} is ${v.stored}, its transfers add up to ${v.fromTransfers}`;
    case 'balance_flag_violated':
      return `${v.code} (${v.accountId}): breaks ${v.flag}`;
    case 'pending_resolved_twice':
      return `pending ${v.pendingId} resolved ${v.resolutions.length} times (${v.resolutions.join(', ')})`;
    case 'resolution_does_not_match_pending':
      return `${v.transferId} does not match its pending transfer ${v.pendingId}`;
    case 'currency_differs_from_accounts':
      return `${v.transferId} is in another currency than its accounts`;
  }
};

const json = (report: LedgerReport) =>
  JSON.stringify(report, (_key, value) => (typeof value === 'bigint' ? value.toString() : value), 2);

/** `tradelane ledger verify`: prints the invariants report; false when anything is violated. */
export const verifyLedgerCommand = async (
  database: Database,
  options: { json?: boolean },
): Promise<boolean> => {
  const report = await verifyLedger(database.db);
  if (options.json) {
    console.log(json(report));
    return report.ok;
  }
  console.log(`Ledger: ${report.accounts} accounts, ${report.transfers} transfers`);
  for (const c of report.currencies) {
    console.log(
      `  ${c.currency}  posted debits ${c.debitsPosted} credits ${c.creditsPosted}` +
        `  pending debits ${c.debitsPending} credits ${c.creditsPending}`,
    );
  }
  if (report.ok) {
    console.log('OK: every invariant holds.');
    return true;
  }
  console.error(`${report.violations.length} violation(s):`);
  for (const v of report.violations) console.error(`  ${v.kind}: ${explain(v)}`);
  return false;
};
