/**
 * Money in and out: T/T wires matched from bank statements, the
 * reconciliation queue, online payments through a PaymentProvider, payouts
 * to suppliers, and reading ledger accounts with access checks.
 */
export { importStatement, type StatementImport } from './import-statement.js';
export { readLedgerAccount } from './ledger-access.js';
export { payOnline } from './pay-online.js';
export { beneficiary, paymentInstructions } from './payment-instructions.js';
export { listPayouts, markPayoutPaid, schedulePayout } from './payouts.js';
export { type PaymentProvider, paymentProvider, SandboxPaymentProvider } from './provider.js';
export { assignPayment, dismissPayment, reconciliationQueue, returnPayment } from './reconciliation.js';
export * from './schema.js';
export { parseStatementFile } from './statements/index.js';
