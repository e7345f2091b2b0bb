import { randomBytes } from 'node:crypto';
import { type Browser, type Page, test } from '@playwright/test';
import { BUYER, english, expect, OPERATOR, SUPPLIER, session } from './support';

const FORWARDER = 'forwarder@demo.tradelane.dev';
const PASSWORD = 'onboarding-password-1';

/** A minimal PDF: the server recognises a licence by its first bytes, not its name. */
const LICENCE = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const freshPage = async (browser: Browser) => {
  const context = await browser.newContext();
  await english(context);
  return context.newPage();
};

const signUp = async (page: Page, { name, email }: { name: string; email: string }) => {
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
};

test('a new supplier signs up, invites a colleague, gets verified, and the level shows on its card', async ({
  browser,
}) => {
  // Two sign-ups, an upload, the operator's sign-in and the outbox poller: longer than the default.
  test.setTimeout(180_000);
  const tag = randomBytes(4).toString('hex');
  const companyName = `Lakeside Valves ${tag}`;
  const ownerEmail = `owner-${tag}@test.tradelane.dev`;
  const colleagueEmail = `sales-${tag}@test.tradelane.dev`;

  // ── Sign up, then register the company ──
  const owner = await freshPage(browser);
  await owner.goto('/sign-in');
  await owner.getByTestId('sign-up-link').click();
  await expect(owner).toHaveURL(/\/sign-up$/);
  await signUp(owner, { name: 'Ada Owner', email: ownerEmail });
  await expect(owner).toHaveURL(/\/company\/new$/);
  await expect(owner.getByRole('heading', { level: 1, name: 'Register your company' })).toBeVisible();

  // The form checks before sending: no name, no country.
  await owner.getByTestId('create-company').click();
  await expect(owner.getByText('Enter the company’s name (at least 2 characters).')).toBeVisible();
  await expect(owner.getByText('Choose the country.')).toBeVisible();

  await owner.getByTestId('company-kind').getByText('Supplier').click();
  await owner.getByTestId('company-name').fill(companyName);
  await owner.getByTestId('company-country').fill('China');
  await owner.getByRole('option', { name: 'China', exact: true }).click();
  await owner.getByTestId('company-province').fill('Zhejiang');
  await owner.getByRole('option', { name: 'Zhejiang', exact: true }).click();
  await owner.getByRole('textbox', { name: 'Year established' }).fill('2015');
  await owner.getByTestId('create-company').click();
  await expect(owner).toHaveURL(/\/company$/);
  await expect(owner.getByTestId('user-company').filter({ visible: true })).toHaveText(companyName);
  const card = owner.getByTestId('own-credibility-card');
  await expect(card).toContainText(companyName);
  await expect(card).toContainText('Unverified');
  const me = (await (await owner.request.get('/api/me')).json()) as { company: { id: string } };
  const companyId = me.company.id;

  // ── Invite a colleague; the link is shown to copy ──
  await owner.getByRole('textbox', { name: 'Email' }).fill(colleagueEmail);
  await owner.getByTestId('invite-submit').click();
  const link = await owner.getByTestId('invite-link').textContent();
  expect(link).toMatch(/\/invitations\/inv_[\w-]+$/);
  await expect(owner.getByTestId('pending-invitation')).toContainText(colleagueEmail);

  // ── The colleague opens the link signed out, signs up and accepts ──
  const colleague = await freshPage(browser);
  await colleague.goto(link!);
  await colleague.getByTestId('invitation-sign-up').click();
  await signUp(colleague, { name: 'Sam Sales', email: colleagueEmail });
  await expect(colleague).toHaveURL(/\/invitations\/inv_/);
  await expect(colleague.getByTestId('invitation-summary')).toContainText(companyName);
  await expect(colleague.getByTestId('invitation-summary')).toContainText('Sales');
  await colleague.getByTestId('accept-invitation').click();
  await expect(colleague).toHaveURL(/\/company$/);
  await expect(colleague.getByTestId('user-company').filter({ visible: true })).toHaveText(companyName);
  await expect(colleague.getByTestId('team-member')).toHaveCount(2);
  // A sales member sees where verification stands but does not run it.
  await expect(colleague.getByTestId('licence-upload')).toHaveCount(0);
  await colleague.context().close();

  // ── The owner uploads the licence and asks for verification ──
  await owner.reload();
  await expect(owner.getByTestId('team-member')).toHaveCount(2);
  await expect(owner.getByTestId('licence-none')).toBeVisible();
  await owner
    .locator('input[type="file"]')
    .setInputFiles({ name: 'business-licence.pdf', mimeType: 'application/pdf', buffer: LICENCE });
  await expect(owner.getByTestId('licence-file')).toContainText('business-licence.pdf');
  await expect(owner.getByTestId('licence-progress')).toHaveCount(0);
  await owner.getByTestId('request-verification').click();
  await expect(owner.getByTestId('verification-pending')).toBeVisible();
  await expect(owner.getByTestId('request-verification')).toHaveCount(0);

  // ── The operator approves it from the queue ──
  const operator = await session(browser, OPERATOR);
  await operator.goto('/operator');
  await expect(operator.getByTestId('verification-waiting')).toBeVisible();
  await operator.getByTestId('desk-verification').getByRole('link').click();
  await expect(operator).toHaveURL(/\/operator\/verification$/);
  const request = operator.locator(`[data-testid="verification-request"][data-company-id="${companyId}"]`);
  await expect(request).toContainText(companyName);
  await expect(request.getByTestId('queue-licence')).toContainText('business-licence.pdf');
  await request.getByTestId('decision-submit').click();
  await expect(request).toHaveCount(0);
  await operator.getByRole('radiogroup', { name: 'Show requests' }).getByText('Approved').click();
  await expect(request.getByTestId('decided')).toHaveText('Approved as “Licence checked”.');
  await operator.context().close();

  // ── The level shows on the company's credibility card, and the news arrives through the outbox ──
  await owner.goto(`/suppliers/${companyId}`);
  await expect(owner.getByRole('heading', { level: 1, name: companyName })).toBeVisible();
  await expect(owner.getByText('Licence checked').first()).toBeVisible();
  await owner.goto('/company');
  await expect(owner.getByTestId('verification-approved')).toContainText('Licence checked');
  await expect(owner.getByTestId('own-credibility-card')).toContainText('Licence checked');
  await expect(async () => {
    await owner.goto('/notifications');
    await expect(owner.getByTestId('centre-notification').first()).toContainText(
      'Your company’s verification changed',
      { timeout: 2_000 },
    );
  }).toPass({ timeout: 30_000 });
  await owner.context().close();
});

/** What each demo workspace's bar must offer (and a page only another workspace has). */
const workspaces = [
  {
    email: BUYER,
    shows: ['nav-rfqs', 'nav-inquiries', 'nav-orders', 'nav-freight-bookings'],
    hides: 'nav-growth',
  },
  {
    email: SUPPLIER,
    shows: [
      'nav-products',
      'nav-rfqs',
      'nav-inquiries',
      'nav-orders',
      'nav-payouts',
      'nav-trade-services',
      'nav-growth',
    ],
    hides: 'nav-verification',
  },
  {
    email: FORWARDER,
    shows: ['nav-booking-desk', 'nav-rate-cards', 'nav-freight-bookings'],
    hides: 'nav-orders',
  },
  {
    email: OPERATOR,
    shows: ['nav-operator-home', 'nav-verification', 'nav-disputes', 'nav-reconciliation', 'nav-growth'],
    hides: 'nav-rfqs',
  },
];

test('each workspace shows its own pages, on a 1280 px screen and in the phone menu', async ({ browser }) => {
  // Four demo accounts sign in in turn.
  test.setTimeout(180_000);
  for (const workspace of workspaces) {
    const page = await session(browser, workspace.email);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/');
    const bar = page.getByTestId('workspace-bar');
    for (const testId of workspace.shows) await expect(bar.getByTestId(testId), testId).toBeVisible();
    await expect(bar.getByTestId(workspace.hides)).toHaveCount(0);
    // At 1280 px the header holds one row: the language switch (ES included) is fully on screen.
    const spanish = page.getByRole('radiogroup', { name: 'Language' }).getByText('ES');
    await expect(spanish).toBeInViewport({ ratio: 1 });
    const header = await page.locator('header').first().boundingBox();
    const account = await page.getByTestId('user-menu').boundingBox();
    expect(header && account && account.y < header.y + 60).toBe(true);

    // On a phone the workspace folds into the menu drawer, and nothing overflows sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(bar).toBeHidden();
    await page.getByTestId('menu-toggle').click();
    const drawer = page.getByTestId('workspace-drawer');
    for (const testId of workspace.shows)
      await expect(drawer.getByTestId(testId).first(), testId).toBeVisible();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await page.context().close();
  }
});
