const day = 24 * 60 * 60 * 1000;

/** Trade assurance's clocks and the platform fee; every timer reads the context's clock against these. */
export type OrderSettings = {
  /** An order the supplier never confirms is cancelled after this long. */
  confirmWithinMs: number;
  /** An order whose deposit (or balance before shipment) is not paid is cancelled after this long. */
  payWithinMs: number;
  /** Receipt is confirmed for the buyer this long after arrival… */
  autoReceiveAfterArrivalMs: number;
  /** …or this long after dispatch when the shipment has no tracking. */
  autoReceiveAfterDispatchMs: number;
  /** The buyer may dispute for this long after receipt; then escrow is released. */
  protectionWindowMs: number;
  /** Late shipment compensation, in basis points of the late goods' value. */
  lateShipmentBps: number;
  /** The supplier has this long to answer a dispute before it escalates. */
  disputeResponseMs: number;
  /** The buyer may escalate a dispute this long after opening it. */
  disputeBuyerEscalationMs: number;
  /** Any open dispute escalates this long after opening. */
  disputeAutoEscalationMs: number;
  /** The platform fee in basis points, with per-category overrides (longest matching code prefix wins). */
  feeBps: number;
  feeBpsByCategory: Record<string, number>;
};

export const defaultOrderSettings: OrderSettings = {
  confirmWithinMs: 30 * day,
  payWithinMs: 60 * day,
  autoReceiveAfterArrivalMs: 15 * day,
  autoReceiveAfterDispatchMs: 60 * day,
  protectionWindowMs: 30 * day,
  lateShipmentBps: 1000,
  disputeResponseMs: 3 * day,
  disputeBuyerEscalationMs: 3 * day,
  disputeAutoEscalationMs: 7 * day,
  feeBps: 300,
  feeBpsByCategory: {},
};

const envDays = (name: string, fallbackMs: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallbackMs;
  const days = Number(raw);
  if (!Number.isFinite(days) || days < 0) throw new Error(`${name} must be a number of days, not ${raw}`);
  return days * day;
};

const envInt = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 10_000)
    throw new Error(`${name} must be basis points between 0 and 10000, not ${raw}`);
  return value;
};

/**
 * The settings in force: defaults, overridden by environment variables
 * (days for durations, basis points for rates), e.g.
 * `TRADELANE_ORDER_PROTECTION_DAYS=45`, `TRADELANE_FEE_BPS=250`,
 * `TRADELANE_FEE_BPS_BY_CATEGORY='{"01":150}'`.
 */
export const orderSettings = (): OrderSettings => {
  const d = defaultOrderSettings;
  const byCategory = process.env.TRADELANE_FEE_BPS_BY_CATEGORY;
  return {
    confirmWithinMs: envDays('TRADELANE_ORDER_CONFIRM_DAYS', d.confirmWithinMs),
    payWithinMs: envDays('TRADELANE_ORDER_PAY_DAYS', d.payWithinMs),
    autoReceiveAfterArrivalMs: envDays('TRADELANE_ORDER_AUTO_RECEIVE_DAYS', d.autoReceiveAfterArrivalMs),
    autoReceiveAfterDispatchMs: envDays(
      'TRADELANE_ORDER_AUTO_RECEIVE_UNTRACKED_DAYS',
      d.autoReceiveAfterDispatchMs,
    ),
    protectionWindowMs: envDays('TRADELANE_ORDER_PROTECTION_DAYS', d.protectionWindowMs),
    lateShipmentBps: envInt('TRADELANE_LATE_SHIPMENT_BPS', d.lateShipmentBps),
    disputeResponseMs: envDays('TRADELANE_DISPUTE_RESPONSE_DAYS', d.disputeResponseMs),
    disputeBuyerEscalationMs: envDays('TRADELANE_DISPUTE_BUYER_ESCALATION_DAYS', d.disputeBuyerEscalationMs),
    disputeAutoEscalationMs: envDays('TRADELANE_DISPUTE_AUTO_ESCALATION_DAYS', d.disputeAutoEscalationMs),
    feeBps: envInt('TRADELANE_FEE_BPS', d.feeBps),
    feeBpsByCategory: byCategory ? (JSON.parse(byCategory) as Record<string, number>) : d.feeBpsByCategory,
  };
};

/** The fee for a category: the longest configured code prefix, else the default. */
export const feeBpsFor = (settings: OrderSettings, categoryCode: string | null): number => {
  if (!categoryCode) return settings.feeBps;
  const match = Object.keys(settings.feeBpsByCategory)
    .filter((prefix) => categoryCode.startsWith(prefix))
    .sort((a, b) => b.length - a.length)[0];
  return match === undefined ? settings.feeBps : settings.feeBpsByCategory[match]!;
};

/** `amount × bps / 10000`, rounded half up, in integers. */
export const applyBps = (amount: bigint, bps: number): bigint => (amount * BigInt(bps) + 5_000n) / 10_000n;

export const addMs = (at: Date, ms: number) => new Date(at.getTime() + ms);
