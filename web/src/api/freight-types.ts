// The freight API's shapes (src/modules/logistics), written by hand as the
// other API types are. Amounts are decimal strings of minor units.

export type FreightMode = 'sea_fcl' | 'sea_lcl' | 'air' | 'express' | 'charter';

export type BookingStatus =
  | 'requested'
  | 'confirmed'
  | 'rolled'
  | 'gate_in'
  | 'loaded'
  | 'departed'
  | 'arrived'
  | 'discharged'
  | 'delivered'
  | 'completed'
  | 'rejected'
  | 'cancelled';

export type BookingEventKind = Exclude<BookingStatus, 'requested'> | 'requested' | 'note';

export type FreightSort = 'price' | 'transit' | 'reliability';

/** Containers of one type, or loose cargo by weight and volume. */
export type Cargo = { containers: { type: string; count: number } } | { weightKg: number; volumeCbm: number };

export type PriceLine = { code: string; name: string; amount: string };

export type Surcharge = { code: string; name: string; amount: string; per: 'unit' | 'shipment' };

export type RolloverTerms = { perContainer: string; perDay: string };

export type Schedule = { weekdays: number[] } | { dates: string[] };

export type FreightLocation = {
  kind: 'port' | 'airport';
  code: string;
  name: string;
  country: string;
};

export type FreightSearchParams = {
  origin: string;
  destination: string;
  readyDate: string;
  containerType?: string;
  containers?: number;
  weightKg?: number;
  volumeCbm?: number;
  hsCode?: string;
  incoterm?: string;
  sort: FreightSort;
};

export type OfferDeparture = {
  id: string;
  departsOn: string;
  arrivesOn: string;
  cutoffAt: string;
  voyage: string;
  /** Units of the card's basis still free. */
  free: number;
};

export type FreightOffer = {
  rateCardId: string;
  forwarder: { id: string; name: string };
  mode: FreightMode;
  containerType: string | null;
  carrier: string;
  service: string;
  transitDays: number;
  validTo: string;
  units: number;
  currency: string;
  standard: { total: string; lines: PriceLine[] };
  guaranteed: { total: string; lines: PriceLine[] } | null;
  usdTotal: string;
  rolloverTerms: RolloverTerms | null;
  /** Share of bookings loaded on the departure first booked; null without history. */
  reliability: number | null;
  departures: OfferDeparture[];
};

export type FreightSearchResult = {
  origin: FreightLocation;
  destination: FreightLocation;
  cargo: Cargo;
  readyDate: string;
  sort: FreightSort;
  offers: FreightOffer[];
};

export type BookingInput = {
  departureId: string;
  cargo: Cargo;
  guaranteed: boolean;
  readyDate: string;
  hsCode?: string | null;
  incoterm?: string | null;
  orderId?: string | null;
};

export type BookingDeparture = {
  id: string;
  voyage: string;
  departsOn: string;
  arrivesOn: string;
  cutoffAt: string;
  status: 'scheduled' | 'departed' | 'cancelled';
};

export type BookingEvent = {
  kind: BookingEventKind;
  occurredAt: string;
  location: string | null;
  note: string;
  source: 'api' | 'csv' | 'platform';
  details: Record<string, unknown> | null;
};

export type CompanyRef = { id: string; name: string };

export type Compensation = {
  /** `roll`: the per-container part; `delay`: the days paid when a waiting booking was rebooked. */
  part: 'roll' | 'delay';
  amount: string;
  currency: string;
  delayDays: number;
  calculation: Record<string, string | number>;
  createdAt: string;
};

export type Booking = {
  id: string;
  viewer: 'shipper' | 'forwarder' | 'operator';
  status: BookingStatus;
  forwarder: CompanyRef;
  shipper: CompanyRef;
  rateCardId: string;
  bookingNumber: string | null;
  guaranteed: boolean;
  lane: {
    origin: string;
    destination: string;
    mode: FreightMode;
    containerType: string | null;
    carrier: string;
  };
  cargo: Cargo;
  units: number;
  hsCode: string | null;
  incoterm: string | null;
  readyDate: string;
  orderId: string | null;
  price: { currency: string; total: string; lines: PriceLine[] };
  departure: BookingDeparture;
  originalDeparture: BookingDeparture | null;
  rolls: number;
  rolloverTerms: RolloverTerms | null;
  compensations: Compensation[];
  timeline: BookingEvent[];
  createdAt: string;
};

export type BookingSummary = {
  id: string;
  status: BookingStatus;
  shipper: CompanyRef;
  forwarder: CompanyRef;
  rateCardId: string;
  origin: string;
  destination: string;
  mode: FreightMode;
  containerType: string | null;
  bookingNumber: string | null;
  guaranteed: boolean;
  cargo: Cargo;
  units: number;
  currency: string;
  total: string;
  departureId: string;
  voyage: string;
  departsOn: string;
  rolls: number;
  orderId: string | null;
  createdAt: string;
  side: 'shipper' | 'forwarder';
};

export type BookingEventInput = {
  kind: Exclude<BookingEventKind, 'requested'>;
  occurredAt?: string;
  location?: string | null;
  note?: string;
  bookingNumber?: string | null;
  toDepartureId?: string | null;
};

export type RateCard = {
  companyId: string;
  id: string;
  origin: string;
  destination: string;
  mode: FreightMode;
  basis: 'container' | 'cbm' | 'kg';
  containerType: string | null;
  currency: string;
  basePrice: string;
  minimumCharge: string;
  surcharges: Surcharge[];
  guaranteedPremium: string | null;
  rolloverTerms: RolloverTerms | null;
  transitDays: number;
  validFrom: string;
  validTo: string;
  schedule: Schedule;
  capacityPerDeparture: number;
  carrier: string;
  service: string;
  status: 'active' | 'withdrawn';
  createdAt: string;
  updatedAt: string;
};

export type CardDeparture = {
  companyId: string;
  id: string;
  rateCardId: string;
  departsOn: string;
  arrivesOn: string;
  cutoffAt: string;
  voyage: string;
  capacity: number;
  guaranteedBooked: number;
  standardBooked: number;
  status: 'scheduled' | 'departed' | 'cancelled';
};

export type RateCardDetail = { card: RateCard; departures: CardDeparture[] };

/** POST /api/freight/rate-cards (RateCardBody). */
export type RateCardInput = {
  origin: string;
  destination: string;
  mode: FreightMode;
  containerType?: string | null;
  currency: string;
  basePrice: string;
  minimumCharge?: string;
  surcharges: Surcharge[];
  guaranteedPremium?: string | null;
  rolloverTerms?: RolloverTerms | null;
  transitDays: number;
  validFrom: string;
  validTo: string;
  schedule: Schedule;
  capacityPerDeparture: number;
  carrier: string;
  service?: string;
};
