import { type BrowserContext, type Page, test } from '@playwright/test';
import { expect } from './support';

// The demo accounts (README): the buyer owner in Spain and the owner of the pump supplier.
const PASSWORD = 'tradelane-demo';
const BUYER = 'buyer@demo.tradelane.dev';
const SUPPLIER = 'supplier@demo.tradelane.dev';
const SUPPLIER_NAME = 'Hongda Pump Industrial Co., Ltd.';

// Every context starts in English whatever the browser's locale, so text assertions hold.
// (A string script: the e2e tsconfig has no DOM types.)
const english = (context: BrowserContext) =>
  context.addInitScript({
    content: "if (!localStorage.getItem('tradelane.lang')) localStorage.setItem('tradelane.lang', 'en');",
  });

const signIn = async (page: Page, email: string) => {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('user-name').filter({ visible: true })).toBeVisible();
};

test('a buyer posts an RFQ, an invited supplier quotes, the buyer compares and accepts', async ({
  page,
  browser,
}) => {
  // Two browsers through a dozen screens: more than the default 30 s on a busy 2-core machine.
  test.setTimeout(90_000);
  await english(page.context());
  const title = `Submersible water pumps 1.5 kW for irrigation (${Date.now().toString(36)})`;

  // ── The buyer posts and publishes the RFQ in one click ──
  await signIn(page, BUYER);
  await page.getByTestId('nav-rfqs').filter({ visible: true }).click();
  await expect(page).toHaveURL(/\/rfqs$/);
  await page.getByTestId('new-rfq').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Post an RFQ' })).toBeVisible();

  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await page
    .getByRole('textbox', { name: 'Details', exact: true })
    .fill('Stainless steel body, CE certified, 20 m cable.');
  const category = page.getByRole('textbox', { name: 'Category', exact: true });
  await category.click();
  await category.fill('water pumps');
  await page.getByRole('option', { name: 'Pumps › Water Pumps' }).click();
  await expect(category).toHaveValue('Pumps › Water Pumps');
  await page.getByRole('textbox', { name: 'Quantity', exact: true }).fill('500');
  await page.getByRole('textbox', { name: 'Target unit price', exact: true }).fill('45');

  // Sea-only Incoterms can't travel by air: FOB becomes FCA, and back by sea FOB is offered again.
  const incoterm = page.getByRole('textbox', { name: 'Incoterm', exact: true });
  await expect(incoterm).toHaveValue(/^FOB/);
  await page.getByRole('textbox', { name: 'Transport mode', exact: true }).click();
  await page.getByRole('option', { name: 'Air freight' }).click();
  await expect(incoterm).toHaveValue(/^FCA/);
  await page.getByRole('textbox', { name: 'Transport mode', exact: true }).click();
  await page.getByRole('option', { name: 'Sea freight' }).click();
  await incoterm.click();
  await page.getByRole('option', { name: /^FOB/ }).click();
  await expect(incoterm).toHaveValue(/^FOB/);
  await page.getByRole('textbox', { name: 'Destination port', exact: true }).fill('ESVLC');

  await page.getByTestId('publish-rfq').click();
  await expect(page).toHaveURL(/\/rfqs\/rfq_[0-9a-z]+$/);
  const rfqId = page.url().split('/').pop() ?? '';
  await expect(page.getByTestId('rfq-title')).toHaveText(title);
  await expect(page.getByTestId('rfq-status')).toHaveText('Open for quotes');
  // The matcher invited the pump supplier (the invited path, not a public RFQ).
  const invited = page.getByTestId('invited-supplier').filter({ hasText: SUPPLIER_NAME });
  await expect(invited).toBeVisible();
  await expect(invited.getByTestId('match-score')).toHaveText(/Match \d+%/);
  await expect(page.getByTestId('comparison-empty')).toBeVisible();

  // ── The supplier finds it in its RFQ feed, sees why it was matched, and quotes ──
  const supplierContext = await browser.newContext();
  await english(supplierContext);
  const supplier = await supplierContext.newPage();
  await signIn(supplier, SUPPLIER);
  await supplier.getByTestId('nav-rfqs').filter({ visible: true }).click();
  await expect(supplier).toHaveURL(/\/supplier\/rfqs$/);
  await expect(supplier.getByTestId('quota-left')).toHaveText(/^\d+ of \d+ quotes? left this month$/);
  const item = supplier.locator(`[data-testid="feed-item"][data-rfq-id="${rfqId}"]`);
  await expect(item.getByTestId('feed-item-title')).toHaveText(title);
  await expect(item.getByText('Why you were matched')).toBeVisible();
  await expect(
    item.getByTestId('match-reason').filter({ hasText: 'in this exact sub-category' }),
  ).toBeVisible();
  await expect(
    item.getByTestId('match-reason').filter({ hasText: /^Minimum order .* requested$/ }),
  ).toBeVisible();

  await item.getByTestId('feed-quote').click();
  await expect(supplier).toHaveURL(new RegExp(`/rfqs/${rfqId}/quote$`));
  await supplier.getByRole('textbox', { name: 'Minimum order (MOQ)', exact: true }).fill('100');
  await supplier.getByRole('textbox', { name: 'Tier 1: unit price in EUR', exact: true }).fill('48.50');
  await supplier.getByRole('textbox', { name: 'Lead time (days)', exact: true }).fill('30');
  await supplier.getByRole('textbox', { name: 'Port of loading', exact: true }).fill('CNNGB');
  await supplier
    .getByRole('textbox', { name: 'Message to the buyer', exact: true })
    .fill('CE certified, stainless steel 304.');
  // The form prices the line as the buyer's comparison will: 500 × 48.50.
  await expect(supplier.getByTestId('line-preview')).toContainText('€24,250.00');
  await supplier.getByTestId('submit-quote').click();
  await expect(supplier).toHaveURL(/\/quotes\/quo_[0-9a-z]+$/);
  await expect(supplier.getByTestId('quote-status')).toHaveText('Submitted');

  // ── The buyer compares the quote and accepts it ──
  await page.reload();
  const row = page.getByTestId('comparison-row').filter({ hasText: SUPPLIER_NAME });
  await expect(row).toBeVisible();
  await expect(row).toContainText('€48.50');
  await expect(row).toContainText('€24,250.00');
  await expect(row).toContainText('30 days');
  await expect(row).toContainText('FOB CNNGB');
  await expect(row).toContainText('On-site audited');
  await row.getByTestId('accept-quote').click();
  await page.getByTestId('accept-quote-confirm').click();

  await expect(page.getByTestId('rfq-status')).toHaveText('Awarded');
  await expect(page.getByTestId('rfq-awarded')).toContainText(`You accepted the quote from ${SUPPLIER_NAME}`);
  await expect(row.getByTestId('quote-status')).toHaveText('Accepted');

  // The supplier's quote page shows the award too.
  await supplier.reload();
  await expect(supplier.getByTestId('quote-status')).toHaveText('Accepted');
  await expect(supplier.getByTestId('quote-accepted')).toBeVisible();
  await supplierContext.close();
});
