import { registerPromotionSource, registerSponsoredSource } from '../catalog/index.js';
import { runningPromotions } from './promotions.js';
import { sponsoredFor } from './sponsored-results.js';

/**
 * Plugs advertising into the catalog: sponsored results in product search,
 * promoted prices on product pages, price quotes and orders. The catalog
 * exposes hooks rather than importing ads, which itself reads the catalog.
 * Idempotent; the app calls it when it registers the ads routes.
 */
export const installAdsHooks = () => {
  registerSponsoredSource(sponsoredFor);
  registerPromotionSource(runningPromotions);
};
