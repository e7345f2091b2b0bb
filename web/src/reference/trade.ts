import type { TransportMode } from '../api/types';

/** The eleven Incoterms® 2020 rules, in the order the ICC lists them. */
export const INCOTERMS = [
  'EXW',
  'FCA',
  'CPT',
  'CIP',
  'DAP',
  'DPU',
  'DDP',
  'FAS',
  'FOB',
  'CFR',
  'CIF',
] as const;

/** Written for sea and inland waterway only: the server refuses them with any other mode. */
export const SEA_ONLY_INCOTERMS: readonly string[] = ['FAS', 'FOB', 'CFR', 'CIF'];

/** The any-mode rule closest to a sea-only one, to switch to when the mode stops being sea. */
export const ANY_MODE_EQUIVALENT: Record<string, string> = { FAS: 'FCA', FOB: 'FCA', CFR: 'CPT', CIF: 'CIP' };

export const incotermAllowed = (incoterm: string, mode: TransportMode) =>
  mode === 'sea' || !SEA_ONLY_INCOTERMS.includes(incoterm);

export const TRANSPORT_MODES: readonly TransportMode[] = ['sea', 'air', 'rail', 'road', 'multimodal'];

/** The units the catalogue uses (each has a translated name under units.*). */
export const UNITS = [
  'piece',
  'set',
  'pair',
  'unit',
  'kg',
  'ton',
  'meter',
  'square_meter',
  'liter',
  'box',
  'carton',
  'roll',
  'bag',
  'dozen',
] as const;

/**
 * Currencies the platform has exchange rates for (data/fx-rates.csv): the
 * buyer's comparison converts every quote into the RFQ's currency, and a
 * currency without a rate cannot be compared.
 */
export const CURRENCIES =
  'AED ARS AUD BRL CAD CHF CLP CNY COP CZK DKK EGP EUR GBP HKD HUF IDR ILS INR JPY KES KRW MXN MYR NGN NOK NZD PEN PHP PLN RUB SAR SEK SGD THB TRY TWD USD VND ZAR'.split(
    ' ',
  );

/** ISO 3166-1 alpha-2 codes (as the server's validator knows them); names come from Intl in the UI language. */
export const COUNTRIES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'.split(
    ' ',
  );

/** UN/LOCODE: two letters of country, three of place (letters or 2–9), as the server checks it. */
export const LOCODE = /^[A-Z]{2}[A-Z2-9]{3}$/;

export const normalizeLocode = (typed: string) => typed.toUpperCase().replace(/\s+/g, '');
