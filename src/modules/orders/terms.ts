import { AppError } from '../../core/errors.js';
import type { OrderRow } from './order-store.js';
import type { Coverage, OrderLine, PaymentTerms, ShipBy } from './schema.js';
import { addMs } from './settings.js';

export type OrderTerms = {
  incoterm: string;
  port: string | null;
  paymentTerms: PaymentTerms;
  shipBy: ShipBy;
  coverage: Coverage;
  qualityTerms: string;
};

/** A priced line from a quantity and a unit price in minor units. */
export const pricedLine = (line: Omit<OrderLine, 'unitPrice' | 'amount'>, unitPrice: bigint): OrderLine => ({
  ...line,
  unitPrice: unitPrice.toString(),
  amount: (unitPrice * BigInt(line.quantity)).toString(),
});

export const orderTotal = (lines: readonly OrderLine[]) =>
  lines.reduce((sum, l) => sum + BigInt(l.amount), 0n);

/** The deposit, rounded half up to the minor unit; the balance is the rest, so the two always add up. */
export const splitPayments = (total: bigint, terms: PaymentTerms) => {
  const deposit = (total * BigInt(terms.depositPercent) + 50n) / 100n;
  return { deposit, balance: total - deposit };
};

/** Refuses terms that cannot work, naming the field. */
export const assertTermsUsable = (terms: OrderTerms, today: string) => {
  if ('date' in terms.shipBy && terms.shipBy.date < today)
    throw new AppError('VALIDATION_FAILED', `The ship-by date ${terms.shipBy.date} is in the past`, {
      field: 'shipBy.date',
    });
  if (terms.paymentTerms.depositPercent === 0 && terms.coverage === 'pre_shipment')
    throw new AppError(
      'VALIDATION_FAILED',
      'Pre-shipment coverage protects the deposit: choose a deposit above 0 % or post-delivery coverage',
      { field: 'coverage' },
    );
};

/** The ship-by date once the deposit day is known (or the fixed date at once). */
export const resolveShipByDate = (shipBy: ShipBy, depositPaidAt: Date | null): string | null =>
  'date' in shipBy
    ? shipBy.date
    : depositPaidAt
      ? addMs(depositPaidAt, shipBy.daysAfterDeposit * 86_400_000)
          .toISOString()
          .slice(0, 10)
      : null;

/** Where production leads: a balance before shipment must be paid first. */
export const afterProduction = (order: Pick<OrderRow, 'total' | 'paymentTerms'>) =>
  order.paymentTerms.balanceDue === 'before_shipment' &&
  splitPayments(order.total, order.paymentTerms).balance > 0n
    ? ('awaiting_balance' as const)
    : ('ready_to_ship' as const);
