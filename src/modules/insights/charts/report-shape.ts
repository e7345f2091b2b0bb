// The trade index as it travels as JSON (GET /api/index, `tradelane index --json`).
// Written out rather than inferred from report.ts so the web app, which must not
// import server code, can read it too; report.ts checks it returns exactly this.

export type Localized = { en: string; zh: string; es: string };
export type Growth = number | null;
export type Months = { from: string; to: string };

type Measured = { code: string; name: Localized; gmvUsd: number; growth: Growth };

export type IndexReportData = {
  period: Months;
  basePeriod: Months;
  totals: {
    gmvUsd: number;
    gmvGrowth: Growth;
    orders: number;
    ordersGrowth: Growth;
    buyers: number;
    buyersGrowth: Growth;
  };
  provinces: {
    rank: number;
    code: string;
    /** Short Chinese name (广东). */
    name: string;
    nameEn: string;
    gmvUsd: number;
    share: number;
    growth: Growth;
    topIndustries: Measured[];
  }[];
  industries: Measured[];
  categories: Measured[];
  fastestGrowingCategories: { month: string; items: Measured[] };
  buyerCountries: { code: string; gmvUsd: number; buyers: number; growth: Growth }[];
  buyerRegions: {
    rank: number;
    id: string;
    name: string;
    names: Localized;
    activeBuyers: number;
    growth: Growth;
    gmvUsd: number;
  }[];
  blueOcean: {
    category: string;
    name: Localized;
    score: number;
    demand: number;
    listings: number;
    components: {
      demandGrowth: Growth;
      /** Null when the category has no active listing. */
      demandPerListing: number | null;
      growthPoints: number;
      ratioPoints: number;
    };
  }[];
  dailyActiveBuyers: {
    category: string;
    name: Localized;
    dailyActiveBuyers: number;
    growth: Growth;
    forecast: { year: number; method: 'holt-winters' | 'seasonal-ratio'; growth: Growth };
    monthly: { month: string; actual: number | null; forecast: number | null }[];
  }[];
  concentration: {
    provinces: { code: string; hhi: number; level: string; suppliers: number }[];
    industries: { code: string; hhi: number; level: string; suppliers: number }[];
  };
};
