/**
 * Foreign-trade services (外综服): export declarations with their compliance
 * checks and lifecycle, the export documents as PDF, HS code suggestions,
 * FX settlement on the ledger and the export VAT rebate.
 */
export { createDeclaration, type DeclarationInput } from './create-declaration.js';
export { type DeclarationView, getDeclaration, listDeclarations } from './get-declaration.js';
export { suggestHsCodes } from './hs-suggest/index.js';
export { declarationMachine } from './machines.js';
export { type DeclarationMove, moveDeclaration } from './move-declaration.js';
export { rebateOf } from './rebate.js';
export { registerTradeServicesRoutes } from './routes.js';
export * from './schema.js';
