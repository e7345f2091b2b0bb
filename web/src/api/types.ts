// Hand-written from the server's HTTP contract until types are generated from
// /openapi.json; keep field names exactly as the server sends them.

export type LocalizedName = { en: string; zh: string; es: string };

/** Integer minor units as a string, so no precision is lost in JSON. */
export type Money = { amount: string; currency: string };

export type ApiErrorBody = { error: { code: string; message: string; details?: unknown } };

export type TaxonomyLevel = 'industry' | 'category' | 'subcategory';

export type TaxonomyNode = {
  code: string;
  level: TaxonomyLevel;
  parent: string | null;
  name: LocalizedName;
  hsHeadings: string[];
};

export type TaxonomyResponse = { nodes: TaxonomyNode[] };

export type Province = { code: string; name: LocalizedName };
export type ProvincesResponse = { provinces: Province[] };

export type VerificationLevel = 'unverified' | 'licence_checked' | 'onsite_audited';
export type CompanyKind = 'supplier' | 'buyer' | 'forwarder' | 'operator';

export type CompanyCard = {
  id: string;
  name: string;
  kind: CompanyKind;
  /** ISO 3166-1 alpha-2. */
  country: string;
  province: string | null;
  yearEstablished: number | null;
  verificationLevel: VerificationLevel;
  auditorName: string | null;
  /** ISO date. */
  memberSince: string;
};

export type CompanyDetail = CompanyCard & {
  credibility: { yearsOnPlatform: number; productCount: number };
};

export type ProductSummary = {
  id: string;
  title: { en: string; zh: string | null; es: string | null };
  categoryCode: string;
  moq: number;
  unit: string;
  price: { min: Money; max: Money };
  supplier: CompanyCard;
  imageUrl: string | null;
};

export type Paged<T> = { total: number; page: number; pageSize: number; items: T[] };

export type Bucket = { value: string; count: number };

export type SearchFacets = {
  category: Bucket[];
  province: Bucket[];
  verification: Bucket[];
  certification: Bucket[];
  /** Values like '5-20' or '500-' in USD major units. */
  price: Bucket[];
  /** Values like '10', '100': count of products with MOQ at most that value. */
  maxMoq: Bucket[];
};

export type SearchLang = 'en' | 'zh' | 'es';

export type SearchInterpretation = {
  queries: Partial<Record<SearchLang, string>>;
  corrections: Record<string, string>;
};

export type SearchResponse = Paged<ProductSummary> & {
  /** More listings match than the server reads: show the total as "2,000+". */
  totalIsLowerBound: boolean;
  facets: SearchFacets;
  interpretation: SearchInterpretation;
};

export type SearchParams = {
  q?: string;
  /** The language the query is typed in; omit it and the server detects it (Han → zh, else en + es). */
  lang?: SearchLang;
  category?: string;
  minPrice?: string;
  maxPrice?: string;
  maxMoq?: string;
  province?: string;
  verified?: 'licence_checked' | 'onsite_audited';
  certification?: string;
  page?: number;
  pageSize?: number;
};

export type PriceTier = { minQuantity: number; maxQuantity: number | null; unitPrice: Money };
export type LeadTimeTier = { maxQuantity: number | null; days: number };
export type PackageSize = { lengthCm: number; widthCm: number; heightCm: number; weightKg: number };

export type ProductDetail = {
  id: string;
  companyId: string;
  supplier: CompanyCard;
  categoryCode: string;
  hsCode: string;
  title: LocalizedName;
  description: LocalizedName;
  attributes: { name: string; value: string }[];
  certifications: string[];
  originProvince: string | null;
  moq: number;
  unit: string;
  currency: string;
  priceTiers: PriceTier[];
  leadTimeTiers: LeadTimeTier[];
  samplePrice: Money | null;
  customizationOptions: string[];
  monthlyCapacity: number | null;
  packageSize: PackageSize | null;
  images: { id: string; url: string }[];
  status: string;
  createdAt: string;
  updatedAt: string;
};

export type PriceQuote = {
  quantity: number;
  unitPrice: Money;
  total: Money;
  tier: { minQuantity: number; maxQuantity: number | null };
};

export type HsCode = {
  code: string;
  description: string;
  level: number | string;
  section: string | null;
  parent: string | null;
};

export type Me = {
  user: { id: string; name: string; email: string; locale: string | null };
  company: CompanyCard | null;
  role: string | null;
};

// ── Sourcing: RFQs, quotes, negotiation, inquiries, notifications ──

export type RfqStatus = 'draft' | 'published' | 'closed' | 'expired' | 'cancelled' | 'awarded';
export type TransportMode = 'sea' | 'air' | 'rail' | 'road' | 'multimodal';
export type RfqVisibility = 'invited' | 'public';
export type QuoteStatus = 'submitted' | 'countered' | 'shortlisted' | 'accepted' | 'declined' | 'withdrawn';

export type Attachment = { id: string; fileName: string; url: string };

/** `POST /api/attachments`' answer: an id to send as `attachmentIds` on an RFQ or a message. */
export type UploadedAttachment = { id: string; fileName: string; contentType: string; sizeBytes: number };

export type Rfq = {
  id: string;
  buyer: CompanyCard;
  status: RfqStatus;
  title: string;
  description: string;
  language: string | null;
  industryCode: string;
  categoryCode: string;
  quantity: number;
  unit: string;
  /** The buyer's currency: quotes are compared in it. */
  currency: string;
  targetUnitPrice: Money | null;
  destinationCountry: string;
  destinationPort: string | null;
  transportMode: TransportMode;
  incoterm: string;
  /** ISO datetime. */
  deadline: string;
  visibility: RfqVisibility;
  quoteCount: number;
  maxQuotes: number;
  awardedQuoteId: string | null;
  attachments: Attachment[];
  createdAt: string;
  publishedAt: string | null;
  /** What the reader may do next. */
  viewer: {
    role: 'buyer' | 'supplier' | 'operator';
    invited: boolean;
    myQuoteId: string | null;
    /** For an invited supplier: why it was matched. */
    match: {
      rank: number;
      score: number;
      reasons: { code: string; params: Record<string, string | number> }[];
    } | null;
  };
};

export type RfqList = { page: number; pageSize: number; items: Rfq[] };

export type CreateRfqInput = {
  title: string;
  description: string;
  language?: SearchLang;
  categoryCode: string;
  quantity: number;
  unit: string;
  /** Minor units as a decimal string. */
  targetUnitPrice?: string | null;
  currency: string;
  destinationCountry: string;
  destinationPort?: string | null;
  transportMode: TransportMode;
  incoterm: string;
  /** ISO datetime. */
  deadline: string;
  visibility: RfqVisibility;
  inviteLimit?: number;
  attachmentIds?: string[];
};

export type MatchComponents = {
  category: number;
  text: number;
  moq: number;
  capacity: number;
  credibility: number;
  tier: number;
  market: number;
};

/** A fact behind a match score; `code` picks the sentence, `params` fill it in. */
export type MatchReason = { code: string; params: Record<string, string | number> };

export type Match = { rank: number; score: number; components: MatchComponents; reasons: MatchReason[] };

export type RfqMatches = { items: (Match & { supplier: CompanyCard })[] };

/** A price tier as sent to the server: unit price in minor units. */
export type QuoteTierInput = { minQuantity: number; maxQuantity: number | null; unitPrice: string };

export type QuoteLineInput = {
  productId?: string | null;
  description: string;
  quantity: number;
  unit: string;
  priceTiers: QuoteTierInput[];
};

export type QuoteOfferInput = {
  currency: string;
  lines: QuoteLineInput[];
  moq: number;
  leadTimeDays: number;
  incoterm: string;
  port?: string | null;
  /** YYYY-MM-DD. */
  validUntil: string;
  sample?: { available: boolean; price?: string | null; days?: number | null } | null;
  message: string;
};

export type QuoteOffer = {
  currency: string;
  lines: {
    productId: string | null;
    description: string;
    quantity: number;
    unit: string;
    priceTiers: PriceTier[];
  }[];
  moq: number;
  leadTimeDays: number;
  incoterm: string;
  port: string | null;
  validUntil: string;
  sample: { available: boolean; price: Money | null; days: number | null } | null;
  total: Money;
};

export type QuoteCounter = {
  targetUnitPrice: Money | null;
  quantity: number | null;
  leadTimeDays: number | null;
};

export type QuoteVersion = {
  version: number;
  author: 'supplier' | 'buyer';
  offer: QuoteOffer | null;
  counter: QuoteCounter | null;
  message: string;
  createdAt: string;
};

export type Quote = {
  id: string;
  rfqId: string;
  supplier: CompanyCard;
  status: QuoteStatus;
  currentVersion: number;
  acceptedVersion: number | null;
  buyerRating: number | null;
  offer: QuoteOffer;
  versions: QuoteVersion[];
  createdAt: string;
  updatedAt: string;
};

export type CounterInput = {
  targetUnitPrice?: string | null;
  quantity?: number | null;
  leadTimeDays?: number | null;
  message: string;
};

export type QuoteResponseAction = 'shortlist' | 'decline' | 'withdraw';

export type ComparisonRow = {
  quoteId: string;
  status: QuoteStatus;
  supplier: CompanyCard;
  /** 0..1, or null without enough inquiries. */
  responseRate: number | null;
  tier: string | null;
  /** The quantity the row is priced at: the RFQ's, or the quote's MOQ when that is higher. */
  pricedQuantity: number;
  quoted: { unitPrice: Money; total: Money };
  normalized: { unitPrice: Money; total: Money };
  leadTimeDays: number;
  incoterm: string;
  port: string | null;
  moq: number;
  validUntil: string;
  buyerRating: number | null;
  matchScore: number | null;
};

export type Comparison = {
  rfqId: string;
  currency: string;
  quantity: number;
  rateDate: string;
  rows: ComparisonRow[];
  /** Quotes that could not be priced at the RFQ quantity or converted, with why. */
  unpriced: { quoteId: string; reason: string }[];
};

export type Quota = { month: string; granted: number; used: number; left: number };

export type FeedItem = {
  rfq: Rfq;
  match: Match | null;
  myQuote: { id: string; status: QuoteStatus } | null;
};

export type RfqFeed = { quota: Quota; items: FeedItem[] };

export type InquirySummary = {
  id: string;
  subject: string;
  buyer: CompanyCard;
  supplier: CompanyCard;
  productId: string | null;
  unread: number;
  lastMessageAt: string;
  firstResponseAt: string | null;
  createdAt: string;
};

export type InquiryMessage = {
  id: string;
  fromCompanyId: string;
  body: string;
  quantity: number | null;
  targetPrice: Money | null;
  attachments: Attachment[];
  createdAt: string;
};

export type InquiryThread = InquirySummary & { messages: InquiryMessage[] };

export type InquiryInbox = Paged<InquirySummary> & { unread: number };

export type OpenInquiryInput = {
  productId?: string;
  supplierId?: string;
  subject?: string;
  message: string;
  quantity?: number | null;
  targetPrice?: string | null;
  currency?: string | null;
  attachmentIds?: string[];
};

export type InquiryMessageInput = {
  message: string;
  quantity?: number | null;
  targetPrice?: string | null;
  currency?: string | null;
  attachmentIds?: string[];
};

export type Credibility = {
  companyId: string;
  /** 0..1, or null without enough inquiries in the period. */
  responseRate: number | null;
  inquiriesCounted: number;
  answeredWithin: number;
  windowHours: number;
  periodDays: number;
};

export type NotificationItem = {
  id: string;
  kind: string;
  params: Record<string, string | number>;
  /** The web app path it points at. */
  link: string | null;
  read: boolean;
  createdAt: string;
};

export type Notifications = { unread: number; items: NotificationItem[] };

/** One problem the server found with a field (VALIDATION_FAILED). */
/** A field problem; schema checks also carry zod's code and bound, so the app can word them in the reader's language. */
export type ValidationIssue = {
  path: string;
  message: string;
  code?: string;
  origin?: string;
  minimum?: number;
  maximum?: number;
  format?: string;
};

// ── Orders, payments, disputes, payouts (src/modules/orders/api.ts, src/modules/payments) ──

export type OrderStatus =
  | 'awaiting_confirmation'
  | 'awaiting_deposit'
  | 'in_production'
  | 'awaiting_balance'
  | 'ready_to_ship'
  | 'shipped'
  | 'delivered'
  | 'received'
  | 'completed'
  | 'cancelled'
  | 'disputed'
  | 'refunded';

export type BalanceDue = 'before_shipment' | 'after_receipt';
export type Coverage = 'pre_shipment' | 'post_delivery';
export type PaymentTerms = { depositPercent: number; balanceDue: BalanceDue };
export type ShipBy = { date: string } | { daysAfterDeposit: number };

/** What the reader may do next; screens show only these buttons. */
export type OrderAction =
  | 'confirm'
  | 'ready'
  | 'ship'
  | 'delivered'
  | 'receive'
  | 'complete'
  | 'cancel'
  | 'refund'
  | 'dispute'
  | 'pay';

export type Viewer = { role: 'buyer' | 'supplier' | 'operator'; actions: string[] };

export type DueKind = 'deposit' | 'balance';
export type DueStatus = 'open' | 'paid' | 'cancelled';

export type Due = {
  id: string;
  kind: DueKind;
  /** The code a wire must carry to be matched to this due, e.g. TL-7K3M-Q9XP. */
  reference: string;
  amount: Money;
  paid: Money;
  status: DueStatus;
  paidAt: string | null;
};

export type DisputeStatus = 'awaiting_response' | 'responded' | 'escalated' | 'decided' | 'withdrawn';
export type DisputeReason = 'not_received' | 'not_as_described' | 'quality' | 'quantity' | 'late' | 'other';
export type DisputeDecision = 'full_refund' | 'partial_refund' | 'rejected';

/** The clock that will next move the order by itself. */
export type DeadlineKind =
  | 'confirm_by'
  | 'pay_deposit_by'
  | 'pay_balance_by'
  | 'ship_by'
  | 'auto_receive'
  | 'protection_ends';

export type TimelineEntry = {
  seq: number;
  kind: string;
  at: string;
  /** Null when the platform's timers acted. */
  actorCompanyId: string | null;
  details: Record<string, string | number | boolean | null>;
};

export type OrderLine = {
  productId: string | null;
  description: string;
  quantity: number;
  unit: string;
  unitPrice: Money;
  amount: Money;
};

export type Order = {
  id: string;
  status: OrderStatus;
  supplier: CompanyCard;
  buyer: CompanyCard;
  quoteId: string | null;
  quoteVersion: number | null;
  currency: string;
  lines: OrderLine[];
  total: Money;
  incoterm: string;
  port: string | null;
  paymentTerms: PaymentTerms;
  shipBy: ShipBy;
  /** YYYY-MM-DD, once known (a relative ship-by resolves on the deposit). */
  shipByDate: string | null;
  coverage: Coverage;
  qualityTerms: string;
  feePercent: number;
  tracking: { carrier: string | null; number: string | null };
  dues: Due[];
  escrow: { accountId: string | null; held: Money };
  compensation: { amount: Money; status: string } | null;
  disputes: { id: string; status: DisputeStatus; openedAt: string }[];
  nextDeadline: { kind: DeadlineKind | string; at: string } | null;
  timeline: TimelineEntry[];
  createdAt: string;
  confirmedAt: string | null;
  shippedAt: string | null;
  arrivedAt: string | null;
  receivedAt: string | null;
  protectionEndsAt: string | null;
  closedAt: string | null;
  viewer: Viewer;
};

export type OrderSummary = {
  id: string;
  status: OrderStatus;
  counterparty: CompanyCard;
  total: Money;
  description: string;
  createdAt: string;
  updatedAt: string;
};

export type OrderList = { items: OrderSummary[] };

/** The terms both ways of ordering share; the server fills in what is left out. */
export type OrderTermsInput = {
  paymentTerms: PaymentTerms;
  shipBy?: ShipBy;
  coverage: Coverage;
  qualityTerms: string;
};

export type CreateOrderInput = OrderTermsInput & {
  lines: { productId: string; quantity: number }[];
};

export type PaymentInstructions = {
  orderId: string;
  beneficiary: { name: string; bank: string; iban: string; bic: string };
  dues: {
    id: string;
    kind: DueKind;
    status: DueStatus;
    reference: string;
    amount: Money;
    outstanding: Money;
  }[];
  note: string;
};

export type Dispute = {
  id: string;
  orderId: string;
  status: DisputeStatus;
  reason: DisputeReason;
  description: string;
  amount: Money;
  evidence: { id: string; url: string }[];
  response: string | null;
  respondedAt: string | null;
  escalatedAt: string | null;
  escalatedBy: string | null;
  decision: DisputeDecision | null;
  refundAmount: Money | null;
  decisionNote: string | null;
  decidedAt: string | null;
  openedAt: string;
  deadlines: { response: string; buyerMayEscalate: string; autoEscalation: string };
  viewer: Viewer;
};

export type DisputeList = { items: Dispute[] };

export type OpenDisputeInput = {
  reason: DisputeReason;
  description: string;
  /** Minor units, at most what escrow holds. */
  amount: string;
  evidenceIds: string[];
};

export type DecideDisputeInput = { decision: DisputeDecision; refundAmount?: string; note: string };

export type IncomingStatus = 'matched' | 'partial' | 'overpaid' | 'unmatched' | 'returned' | 'dismissed';

/** A wire from a bank statement (or a card payment), as the reconciliation queue shows it. */
export type IncomingPayment = {
  id: string;
  source: 'bank_statement' | 'provider' | string;
  status: IncomingStatus;
  bookedOn: string;
  amount: Money;
  applied: Money | null;
  remittance: string;
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  bankReference: string | null;
  orderId: string | null;
  fx: { day: string; from: string; to: string } | null;
  note: string | null;
  resolvedAt: string | null;
};

export type ReconciliationQueue = { items: IncomingPayment[] };

export type StatementImport = {
  statementId: string;
  format: 'mt940' | 'camt053';
  fileName: string;
  /** The same file was imported before: nothing was booked again. */
  alreadyImported: boolean;
  counts: Record<
    'credits' | 'debitsSkipped' | 'duplicates' | 'matched' | 'partial' | 'overpaid' | 'unmatched',
    number
  >;
  payments: {
    id: string;
    amount: Money;
    status: IncomingStatus;
    orderId: string | null;
    remittance: string;
    note: string | null;
  }[];
};

export type PayoutStatus = 'scheduled' | 'paid';

export type Payout = {
  id: string;
  supplierId: string;
  orderId: string;
  amount: Money;
  status: PayoutStatus;
  bankReference: string | null;
  createdAt: string;
  paidAt: string | null;
};

export type Payouts = {
  items: Payout[];
  /** What the supplier is owed per currency (empty for the operator). */
  payable: { accountId: string; balance: Money }[];
};
