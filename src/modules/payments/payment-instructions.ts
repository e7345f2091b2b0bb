import type { Ctx } from '../../core/context.js';
import { moneyJson } from '../../core/money.js';
import { findDues, findOrderRow, orderPolicy } from '../orders/index.js';

/**
 * Where buyers wire money: the platform's collection account, from the
 * environment (TRADELANE_BANK_*). The defaults are the demo's and say so.
 */
export const beneficiary = () => ({
  name: process.env.TRADELANE_BANK_BENEFICIARY ?? 'Tradelane Escrow (demo account)',
  bank: process.env.TRADELANE_BANK_NAME ?? 'Demo Bank',
  iban: process.env.TRADELANE_BANK_IBAN ?? 'GB33BUKB20201555555555',
  bic: process.env.TRADELANE_BANK_BIC ?? 'BUKBGB22',
});

/**
 * How to pay each open due by T/T: the amount still owed and the reference
 * the wire must carry, which is what matches it to this order.
 */
export const paymentInstructions = async (ctx: Ctx, input: { orderId: string }) => {
  const order = await findOrderRow(ctx.db, input.orderId);
  orderPolicy.assertCanRead(ctx.actor, order, input.orderId);
  const dues = await findDues(ctx.db, order!.id);
  return {
    orderId: order!.id,
    beneficiary: beneficiary(),
    dues: dues.map((d) => ({
      id: d.id,
      kind: d.kind,
      status: d.status,
      reference: d.reference,
      amount: moneyJson(d.amount, d.currency),
      outstanding: moneyJson(d.amount - d.paid, d.currency),
    })),
    note: 'Put the reference in the remittance information (payment details) of the wire, exactly once. Pay in the order currency; other currencies are converted at the rate of the day the money arrives.',
  };
};
