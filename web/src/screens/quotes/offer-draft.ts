import type { TFunction } from 'i18next';
import type { QuoteOffer, QuoteOfferInput, Rfq } from '../../api/types';
import { toMajorInput, toMinorUnits } from '../../format/money';
import { incotermAllowed, LOCODE, normalizeLocode } from '../../reference/trade';

/** A price tier as typed: blank bounds mean "from the MOQ / right after the previous tier" and "and up". */
export type TierDraft = { key: number; min: number | ''; max: number | ''; price: string };

export type LineDraft = {
  key: number;
  productId: string | null;
  description: string;
  quantity: number | '';
  unit: string | null;
  tiers: TierDraft[];
};

export type OfferDraft = {
  currency: string | null;
  lines: LineDraft[];
  moq: number | '';
  leadTimeDays: number | '';
  incoterm: string | null;
  port: string;
  validUntil: string;
  sampleAvailable: boolean;
  samplePrice: string;
  sampleDays: number | '';
  message: string;
};

/** Errors keyed like the server's issue paths once normalized: `moq`, `lines.0.priceTiers.1.unitPrice`. */
export type OfferErrors = Record<string, string | undefined>;

let nextKey = 1;
export const newKey = () => nextKey++;

export const emptyTier = (): TierDraft => ({ key: newKey(), min: '', max: '', price: '' });

const ymd = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** A first quote starts from what the RFQ asks: its quantity, unit, Incoterm and currency. */
export const draftForRfq = (rfq: Rfq): OfferDraft => ({
  currency: rfq.currency,
  lines: [
    {
      key: newKey(),
      productId: null,
      description: rfq.title,
      quantity: rfq.quantity,
      unit: rfq.unit,
      tiers: [emptyTier()],
    },
  ],
  moq: '',
  leadTimeDays: '',
  incoterm: rfq.incoterm,
  port: '',
  validUntil: ymd(new Date(Date.now() + 30 * 24 * 60 * 60 * 1000)),
  sampleAvailable: false,
  samplePrice: '',
  sampleDays: '',
  message: '',
});

/** A revision starts from the current offer, every amount back in major units. */
export const draftFromOffer = (offer: QuoteOffer): OfferDraft => ({
  currency: offer.currency,
  lines: offer.lines.map((line) => ({
    key: newKey(),
    productId: line.productId,
    description: line.description,
    quantity: line.quantity,
    unit: line.unit,
    tiers: line.priceTiers.map((tier) => ({
      key: newKey(),
      min: tier.minQuantity,
      max: tier.maxQuantity ?? '',
      price: toMajorInput(tier.unitPrice),
    })),
  })),
  moq: offer.moq,
  leadTimeDays: offer.leadTimeDays,
  incoterm: offer.incoterm,
  port: offer.port ?? '',
  validUntil:
    offer.validUntil < ymd(new Date()) ? ymd(new Date(Date.now() + 30 * 86_400_000)) : offer.validUntil,
  sampleAvailable: offer.sample?.available ?? false,
  samplePrice: offer.sample?.price ? toMajorInput(offer.sample.price) : '',
  sampleDays: offer.sample?.days ?? '',
  message: '',
});

const isWhole = (value: number | '', min = 1): value is number =>
  value !== '' && Number.isInteger(value) && value >= min;

/** The tier bounds a blank field stands for. */
export const resolvedTiers = (tiers: TierDraft[], moq: number | '') => {
  const out: { min: number | null; max: number | null }[] = [];
  tiers.forEach((tier, i) => {
    const previous = out[i - 1];
    const min =
      tier.min !== ''
        ? tier.min
        : i === 0
          ? moq === ''
            ? null
            : moq
          : previous?.max != null
            ? previous.max + 1
            : null;
    out.push({ min, max: tier.max === '' ? null : tier.max });
  });
  return out;
};

/** The unit price (minor units) the tiers give a quantity, as the server prices it, or null. */
export const unitPriceAt = (
  tiers: { min: number | null; max: number | null; price: string | null }[],
  quantity: number,
): bigint | null => {
  const found =
    tiers.find((t) => t.min !== null && quantity >= t.min && (t.max === null || quantity <= t.max)) ??
    (tiers[0]?.min != null && quantity < tiers[0].min ? tiers[0] : undefined);
  return found?.price ? BigInt(found.price) : null;
};

/**
 * Every problem the server would find, in the reader's language, plus the
 * request body when there is none. The rules mirror the server's (tiers in
 * order and contiguous, the first at or above the MOQ, every line priceable at
 * its quantity, a sea-only Incoterm only by sea, valid from today).
 */
export const checkOffer = (
  draft: OfferDraft,
  context: { rfq: Rfq; t: TFunction },
): { errors: OfferErrors; input?: QuoteOfferInput } => {
  const { t, rfq } = context;
  const e: OfferErrors = {};
  const currency = draft.currency;
  if (!currency) e.currency = t('forms.required');
  if (!isWhole(draft.moq)) e.moq = t('forms.wholeNumber');
  if (!isWhole(draft.leadTimeDays, 0) || (draft.leadTimeDays as number) > 365)
    e.leadTimeDays = t('quoteForm.errors.leadTime');
  if (!draft.incoterm) e.incoterm = t('forms.required');
  else if (!incotermAllowed(draft.incoterm, rfq.transportMode))
    e.incoterm = t('rfqNew.errors.seaOnly', { incoterm: draft.incoterm });
  const port = normalizeLocode(draft.port);
  if (port && !LOCODE.test(port)) e.port = t('rfqNew.errors.port');
  const today = ymd(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.validUntil)) e.validUntil = t('forms.required');
  else if (draft.validUntil < today) e.validUntil = t('quoteForm.errors.validUntil');
  let samplePrice: string | null = null;
  if (draft.sampleAvailable && draft.samplePrice.trim() && currency) {
    samplePrice = toMinorUnits(draft.samplePrice, currency);
    if (samplePrice === null) e['sample.price'] = t('forms.amount');
  }
  if (draft.sampleAvailable && draft.sampleDays !== '' && !isWhole(draft.sampleDays, 0))
    e['sample.days'] = t('forms.wholeNumber');
  if (draft.message.length > 5000) e.message = t('forms.tooLong', { max: 5000 });

  const moq = isWhole(draft.moq) ? draft.moq : null;
  const lines = draft.lines.map((line, li) => {
    const at = `lines.${li}`;
    if (!line.description.trim()) e[`${at}.description`] = t('forms.required');
    if (!isWhole(line.quantity)) e[`${at}.quantity`] = t('forms.wholeNumber');
    if (!line.unit) e[`${at}.unit`] = t('forms.required');
    const bounds = resolvedTiers(line.tiers, draft.moq);
    const tiers = line.tiers.map((tier, ti) => {
      const path = `${at}.priceTiers.${ti}`;
      const { min, max } = bounds[ti]!;
      // A blank first tier starts at the MOQ: when that is missing, the MOQ's own error says so.
      const blankFromMoq = ti === 0 && tier.min === '' && moq === null;
      if (!blankFromMoq && (min === null || !Number.isInteger(min) || min < 1))
        e[`${path}.minQuantity`] = t('forms.wholeNumber');
      if (max !== null && min !== null && max < min)
        e[`${path}.maxQuantity`] = t('quoteForm.errors.maxBelowMin');
      if (max === null && ti < line.tiers.length - 1)
        e[`${path}.maxQuantity`] = t('quoteForm.errors.openNotLast');
      const previous = bounds[ti - 1];
      if (ti === 0 && min !== null && moq !== null && min < moq)
        e[`${path}.minQuantity`] = t('quoteForm.errors.belowMoq', { moq });
      if (previous?.max != null && min !== null && min !== previous.max + 1)
        e[`${path}.minQuantity`] = t('quoteForm.errors.notContiguous', { min: previous.max + 1 });
      const price = currency ? toMinorUnits(tier.price, currency) : null;
      if (!tier.price.trim() || price === null) e[`${path}.unitPrice`] = t('forms.amount');
      else if (BigInt(price) === 0n) e[`${path}.unitPrice`] = t('forms.positive');
      return { min, max, price };
    });
    if (isWhole(line.quantity) && moq !== null && !e[`${at}.quantity`]) {
      if (line.quantity < moq) e[`${at}.quantity`] = t('quoteForm.errors.quantityBelowMoq', { moq });
      else if (tiers.every((tier) => tier.min !== null) && unitPriceAt(tiers, line.quantity) === null)
        e[`${at}.quantity`] = t('quoteForm.errors.noTier', { quantity: line.quantity });
    }
    return {
      productId: line.productId,
      description: line.description.trim(),
      quantity: line.quantity as number,
      unit: line.unit ?? '',
      priceTiers: tiers.map((tier) => ({
        minQuantity: tier.min ?? 0,
        maxQuantity: tier.max,
        unitPrice: tier.price ?? '0',
      })),
    };
  });

  if (Object.values(e).some(Boolean)) return { errors: e };
  return {
    errors: e,
    input: {
      currency: currency!,
      lines,
      moq: draft.moq as number,
      leadTimeDays: draft.leadTimeDays as number,
      incoterm: draft.incoterm!,
      port: port || null,
      validUntil: draft.validUntil,
      sample: draft.sampleAvailable
        ? { available: true, price: samplePrice, days: draft.sampleDays === '' ? null : draft.sampleDays }
        : { available: false },
      message: draft.message.trim(),
    },
  };
};
