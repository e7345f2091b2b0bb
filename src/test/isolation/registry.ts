import { adsIsolation } from './ads.js';
import { catalogIsolation } from './catalog.js';
import { identityIsolation } from './identity.js';
import { logisticsIsolation } from './logistics.js';
import { ordersIsolation } from './orders.js';
import { sourcingIsolation } from './sourcing.js';
import { tiersIsolation } from './tiers.js';
import { tradeServicesIsolation } from './trade-services.js';
import { webhooksIsolation } from './webhooks.js';

/**
 * Every route with an id in its path, one file per module. A route the
 * OpenAPI document lists and no row here covers fails the matrix: a new id
 * route must say who may call it before it ships.
 */
export const isolationRegistry = [
  identityIsolation,
  catalogIsolation,
  sourcingIsolation,
  ordersIsolation,
  logisticsIsolation,
  tradeServicesIsolation,
  tiersIsolation,
  adsIsolation,
  webhooksIsolation,
];
