import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { csvRefused } from '../../core/csv.js';
import { AppError, isAppError } from '../../core/errors.js';
import { findCompany } from '../identity/index.js';
import { logisticsPolicy } from './policy.js';
import { type ParsedRateCard, parseRateCardCsv } from './rate-card-csv.js';
import { insertRateCard } from './rate-cards.js';

export type RateCardImport = { rateCards: number; departures: number; ids: string[] };

/**
 * Publishes validated rate cards for one forwarder in a single transaction,
 * through the same insert as one published card: a failure on any line
 * leaves the forwarder's cards exactly as they were.
 */
export const importRateCards = async (
  ctx: Ctx,
  input: {
    forwarderId: string;
    cards: readonly ParsedRateCard[];
    fileName?: string;
    onProgress?: (done: number) => void;
  },
): Promise<RateCardImport> => {
  const forwarder = await findCompany(ctx.db, input.forwarderId);
  if (forwarder?.kind !== 'forwarder')
    throw new AppError('NOT_FOUND', `No forwarder company ${input.forwarderId}`, { id: input.forwarderId });
  return inTransaction(ctx, async (tx) => {
    const result: RateCardImport = { rateCards: 0, departures: 0, ids: [] };
    for (const { line, card } of input.cards) {
      try {
        const inserted = await insertRateCard(tx, forwarder.id, card);
        result.ids.push(inserted.id);
        result.rateCards++;
        result.departures += inserted.departures;
      } catch (error) {
        if (!isAppError(error)) throw error;
        throw csvRefused(input.fileName ?? 'rate cards', [{ line, message: error.message }]);
      }
      input.onProgress?.(result.rateCards);
    }
    return result;
  });
};

/**
 * `POST /api/freight/rate-cards/import`: a forwarder uploads a rate-card CSV
 * file; every problem is reported with its line and column and nothing is
 * published, or every card is.
 */
export const uploadRateCards = async (
  ctx: Ctx,
  input: { readUpload: () => Promise<{ fileName: string; data: Buffer }> },
): Promise<RateCardImport> => {
  const forwarder = logisticsPolicy.assertForwarder(ctx.actor);
  const { fileName, data } = await input.readUpload();
  const { cards, problems } = parseRateCardCsv(data.toString('utf8'));
  if (problems.length > 0) throw csvRefused(fileName, problems);
  return importRateCards(ctx, { forwarderId: forwarder.companyId, cards, fileName });
};
