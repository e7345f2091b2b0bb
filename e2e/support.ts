import {
  type APIResponse,
  type Browser,
  type BrowserContext,
  expect as baseExpect,
  type Page,
} from '@playwright/test';

/**
 * Assertions that wait up to 15 s for the page to reach the state: the server
 * runs PGlite on a 2-core machine that other test suites share, and an order
 * page or a comparison can take more than the default 5 s to load there.
 */
export const expect = baseExpect.configure({ timeout: 15_000 });

// The demo accounts (src/demo/accounts.ts), all with one password.
export const PASSWORD = 'tradelane-demo';
export const BUYER = 'buyer@demo.tradelane.dev';
export const SUPPLIER = 'supplier@demo.tradelane.dev';
export const OPERATOR = 'operator@demo.tradelane.dev';
export const SUPPLIER_NAME = 'Hongda Pump Industrial Co., Ltd.';

/** Every context starts in English whatever the browser's locale, so text assertions hold. */
export const english = (context: BrowserContext) =>
  context.addInitScript({
    content: "if (!localStorage.getItem('tradelane.lang')) localStorage.setItem('tradelane.lang', 'en');",
  });

export const signIn = async (page: Page, email: string) => {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('user-name').filter({ visible: true })).toBeVisible();
};

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

// Each account signs in through the form once per test run (the form is tested once, not
// forty times); later contexts start from its saved cookies.
const signedIn = new Map<string, StorageState>();

/** A browser context of its own, signed in as `email`: its `page.request` carries the session too. */
export const session = async (browser: Browser, email: string) => {
  const saved = signedIn.get(email);
  const context = await browser.newContext(saved ? { storageState: saved } : {});
  await english(context);
  const page = await context.newPage();
  if (saved) return page;
  await signIn(page, email);
  signedIn.set(email, await context.storageState());
  return page;
};

/** The JSON of a successful API answer; a failure fails the test with the server's message. */
export const ok = async <T>(response: APIResponse): Promise<T> => {
  const body = await response.text();
  expect(response.ok(), `${response.url()} answered ${response.status()}: ${body}`).toBe(true);
  return JSON.parse(body) as T;
};

/** A published RFQ for water pumps and the demo supplier's quote on it, set up through the API. */
export const rfqWithQuote = async (
  buyer: Page,
  supplier: Page,
  { quantity = 200, unitPrice = '4250' } = {},
) => {
  const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const rfq = await ok<{ id: string }>(
    await buyer.request.post('/api/rfqs', {
      data: {
        title: `Centrifugal water pumps for an order test (${Date.now().toString(36)})`,
        description: 'Cast iron body, 2.2 kW, CE certified.',
        categoryCode: 'machinery/pumps/water-pumps',
        quantity,
        unit: 'piece',
        currency: 'EUR',
        destinationCountry: 'ES',
        destinationPort: 'ESVLC',
        transportMode: 'sea',
        incoterm: 'FOB',
        deadline,
        visibility: 'public',
      },
    }),
  );
  await ok(await buyer.request.post(`/api/rfqs/${rfq.id}/publish`, { data: {} }));
  const validUntil = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const quote = await ok<{ id: string }>(
    await supplier.request.post(`/api/rfqs/${rfq.id}/quotes`, {
      data: {
        currency: 'EUR',
        lines: [
          {
            description: 'Centrifugal water pump 2.2 kW, cast iron',
            quantity,
            unit: 'piece',
            priceTiers: [{ minQuantity: 50, maxQuantity: null, unitPrice }],
          },
        ],
        moq: 50,
        leadTimeDays: 25,
        incoterm: 'FOB',
        port: 'CNNGB',
        validUntil,
        message: 'CE certified, 12-month warranty.',
      },
    }),
  );
  return { rfqId: rfq.id, quoteId: quote.id };
};

/** Minor units ('727550') as an MT940 amount in a two-decimal currency ('7275,50'). */
export const mt940Amount = (minor: string) => {
  const padded = minor.padStart(3, '0');
  return `${padded.slice(0, -2)},${padded.slice(-2)}`;
};

/**
 * One day's MT940 statement of the escrow account with a single incoming
 * wire carrying `reference` in its payment details (the :86: field).
 */
export const mt940 = ({
  statementId,
  amountMinor,
  currency,
  reference,
}: {
  statementId: string;
  amountMinor: string;
  currency: string;
  reference: string;
}) => {
  const now = new Date();
  const yymmdd = now.toISOString().slice(2, 10).replaceAll('-', '');
  const amount = mt940Amount(amountMinor);
  return [
    `:20:${statementId}`,
    ':25:GB33BUKB20201555555555',
    ':28C:00001/001',
    `:60F:C${yymmdd}${currency}0,00`,
    `:61:${yymmdd}${yymmdd.slice(2)}C${amount}NTRFNONREF//${statementId}`,
    `:86:IBERIA AGRO TRADING SL PAYMENT ${reference} THANK YOU`,
    `:62F:C${yymmdd}${currency}${amount}`,
    '-',
    '',
  ].join('\n');
};
