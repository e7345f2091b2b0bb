import type { Ctx } from '../../core/context.js';

/** One sponsored result a search shows: the promoted product and what a click on it must name. */
export type SponsoredPlacement = {
  /** The advertising supplier. */
  companyId: string;
  productId: string;
  campaignId: string;
  keywordId: string;
  /** Server-stored: a click names it so the ad can be charged. */
  impressionId: string;
  /** Above the organic results, or after them. */
  placement: 'top' | 'other';
};

export type SponsoredSource = (
  ctx: Ctx,
  input: { q: string; visitorId: string | null },
) => Promise<SponsoredPlacement[]>;

let source: SponsoredSource = async () => [];

/**
 * The hook the advertising module fills with its keyword auction.
 * Registration (not an import) keeps the catalog free of a dependency on
 * ads, which itself reads the catalog.
 */
export const registerSponsoredSource = (next: SponsoredSource) => {
  source = next;
};

export const sponsoredPlacements: SponsoredSource = (ctx, input) => source(ctx, input);

const visitorPattern = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * An anonymous browser's id (the web app keeps a random one in local
 * storage and sends it as `x-visitor-id`), or null when absent or malformed.
 */
export const visitorIdOf = (header: string | string[] | undefined): string | null =>
  typeof header === 'string' && visitorPattern.test(header) ? header : null;
