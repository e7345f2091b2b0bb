/**
 * China's unified social credit code (统一社会信用代码, GB 32100-2015): 18
 * characters whose last is a check character over the first 17, weighted
 * by powers of 3 modulo 31. Catches a mistyped exporter code before customs does.
 */
const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export const isUnifiedSocialCreditCode = (code: string): boolean => {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charset.indexOf(code[i]!) * weights[i]!;
  const check = (31 - (sum % 31)) % 31;
  return charset[check] === code[17];
};
