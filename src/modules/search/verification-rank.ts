/** Verification levels in ascending order of trust; the index stores the rank for "at least" filters. */
export const verificationOrder = ['unverified', 'licence_checked', 'onsite_audited'] as const;

export const verificationRank = (level: string): number =>
  Math.max(0, verificationOrder.indexOf(level as never));
