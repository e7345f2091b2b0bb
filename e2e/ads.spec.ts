import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Page, test } from '@playwright/test';
import { BUYER, expect, OPERATOR, ok, SUPPLIER, SUPPLIER_NAME, session } from './support';

/** Screenshots to look at, not committed. */
const ARTIFACTS = resolve('e2e/artifacts');
/** Campaigns this test starts are named so; a rerun on the same server pauses the earlier ones. */
const CAMPAIGN_PREFIX = 'E2E keyword test';

type Title = { en: string; zh: string | null; es: string | null };
type ProductSummary = { id: string; title: Title };
type CampaignSummary = { id: string; name: string; status: 'active' | 'paused' };
type Wallet = { available: { amount: string; currency: string } };

/** A full-page screenshot at desktop width and at a phone's. */
const shoot = async (page: Page, name: string) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${ARTIFACTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  // Let the layout settle at the new width (Mantine's visibleFrom/hiddenFrom are CSS, tables reflow).
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${ARTIFACTS}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
};

/** Switches the UI language for this browser context and reloads (a string script: no DOM types here). */
const useLanguage = async (page: Page, lang: string) => {
  await page.evaluate(`localStorage.setItem('tradelane.lang', '${lang}')`);
  await page.reload();
};

/** The wrapper of an input (label, description, error) in Mantine's markup. */
const fieldOf = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .first()
    .locator('xpath=ancestor::div[contains(@class, "mantine-InputWrapper-root")][1]');

test('a supplier advertises a product on a keyword; a buyer sees it sponsored and clicks it; the report shows the click and its spend', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const supplier = await session(browser, SUPPLIER);
  const buyer = await session(browser, BUYER);

  // ── A rerun on the same server: earlier runs' campaigns stop bidding ──
  const earlier = await ok<CampaignSummary[]>(await supplier.request.get('/api/ads/campaigns'));
  for (const c of earlier.filter((c) => c.name.startsWith(CAMPAIGN_PREFIX) && c.status === 'active'))
    await ok(await supplier.request.patch(`/api/ads/campaigns/${c.id}`, { data: { status: 'paused' } }));

  // ── The ad wallet can pay: the demo funds it; if not, the operator books a wire ──
  const me = await ok<{ company: { id: string } }>(await supplier.request.get('/api/me'));
  const wallet = await ok<Wallet>(await supplier.request.get('/api/ads/wallet'));
  if (BigInt(wallet.available.amount) < 1_000n) {
    const operator = await session(browser, OPERATOR);
    const reference = `E2E-ADS-${Date.now().toString(36)}`;
    await ok(
      await operator.request.post('/api/ads/wallet/top-ups', {
        headers: { 'idempotency-key': reference },
        data: { supplierId: me.company.id, amount: '10000', currency: 'USD', bankReference: reference },
      }),
    );
  }

  // ── A product no demo campaign bids on (no pumps): its title is the keyword, as a phrase ──
  const listings = await ok<{ items: ProductSummary[] }>(
    await supplier.request.get(`/api/companies/${me.company.id}/products?pageSize=100`),
  );
  const candidates = listings.items.filter((p) => !/pump|water/i.test(p.title.en));
  const product =
    candidates.find((p) => /\b[A-Z]\d{2,}\b/.test(p.title.en) && p.title.en.split(' ').length >= 3) ??
    candidates[0];
  expect(product, 'the demo supplier lists a product that is not a pump').toBeTruthy();
  const productId = product?.id ?? '';
  const keyword = product?.title.en ?? '';

  // ── The supplier creates the campaign ──
  await supplier.goto('/supplier/ads');
  await expect(supplier.getByTestId('wallet-available')).toBeVisible();
  await expect(supplier.getByTestId('wallet-available')).not.toHaveText('$0.00');
  await supplier.getByTestId('new-campaign').click();
  await expect(supplier).toHaveURL(/\/supplier\/ads\/new$/);
  const form = supplier.getByTestId('campaign-form');
  const name = `${CAMPAIGN_PREFIX} ${Date.now().toString(36)}`;
  await form.getByTestId('campaign-name').fill(name);
  await form.getByTestId('campaign-budget').fill('5.00');
  await form.getByTestId('keyword-text').fill(keyword);
  await form.getByTestId('keyword-match').selectOption('phrase');
  // A bid under the reserve is refused next to its field.
  await form.getByTestId('keyword-bid').fill('0.05');
  await form.getByTestId('product-filter').fill(keyword);
  await form.locator(`[data-testid="product-option"][data-product-id="${productId}"]`).check();
  await expect(form.getByText('1 product selected')).toBeVisible();
  await form.getByTestId('submit-campaign').click();
  await expect(fieldOf(supplier, 'keyword-bid')).toContainText('A bid is between $0.10 and $100.00');
  await expect(supplier).toHaveURL(/\/supplier\/ads\/new$/);
  await form.getByTestId('keyword-bid').fill('0.50');
  await shoot(supplier, 'ads-campaign-form-en');
  await form.getByTestId('submit-campaign').click();

  await expect(supplier).toHaveURL(/\/supplier\/ads\/cmp_[0-9a-z]+$/);
  const campaignId = supplier.url().split('/').pop() ?? '';
  await expect(supplier.getByTestId('campaign-name')).toHaveText(name);
  await expect(supplier.getByTestId('campaign-status')).toHaveText('Active');
  const quality = supplier.locator(`[data-testid="quality-row"][data-product-id="${productId}"]`);
  await expect(quality.getByTestId('quality-score')).toHaveAttribute('data-level', 'top');
  await expect(supplier.getByTestId('report-clicks')).toHaveText('0');

  // ── The buyer searches the keyword and sees the product sponsored, on top ──
  await buyer.goto(`/search?q=${encodeURIComponent(keyword)}`);
  const top = buyer.locator('[data-testid="sponsored-results"][data-placement="top"]');
  const ad = top.locator(`[data-testid="sponsored-result"][data-product-id="${productId}"]`);
  await expect(ad).toBeVisible();
  await expect(ad.getByTestId('sponsored-label')).toHaveText('Sponsored');
  await shoot(buyer, 'ads-search-en');

  // ── A click is recorded, then the product opens ──
  const click = buyer.waitForResponse(
    (r) => r.url().endsWith('/api/ads/clicks') && r.request().method() === 'POST',
  );
  await ad.getByTestId('sponsored-link').click();
  expect((await click).ok()).toBe(true);
  await expect(buyer).toHaveURL(new RegExp(`/products/${productId}$`));
  await expect(buyer.getByRole('heading', { level: 1 })).toHaveText(keyword);

  // ── The supplier's report counts the click and what it cost: alone on the keyword, the reserve ──
  await supplier.goto(`/supplier/ads/${campaignId}`);
  await expect(supplier.getByTestId('report-clicks')).toHaveText('1');
  await expect(supplier.getByTestId('report-spend')).toHaveText('$0.10');
  await expect(supplier.getByTestId('report-cpc')).toHaveText('$0.10');
  const row = supplier.getByTestId('report-keyword').filter({ hasText: keyword });
  await expect(row).toContainText('$0.10');
  await expect(supplier.getByTestId('report-day')).toHaveCount(1);
  await shoot(supplier, 'ads-report-en');

  // ── Editing: a new daily budget (the keywords and products are sent again, unchanged) ──
  await supplier.getByTestId('campaign-edit').click();
  await expect(supplier).toHaveURL(new RegExp(`/supplier/ads/${campaignId}/edit$`));
  await expect(supplier.getByTestId('keyword-text')).toHaveValue(keyword);
  await supplier.getByTestId('campaign-budget').fill('6');
  await supplier.getByTestId('submit-campaign').click();
  await expect(supplier).toHaveURL(new RegExp(`/supplier/ads/${campaignId}$`));
  await expect(supplier.getByText('$6.00 a day · $0.10 spent today')).toBeVisible();
  await expect(supplier.getByTestId('report-clicks')).toHaveText('1');

  // ── A keyword of quality under 3 says why it does not take the top slots (the demo's 水泵 on English listings) ──
  const demo = earlier.find((c) => !c.name.startsWith(CAMPAIGN_PREFIX));
  if (demo) {
    await supplier.goto(`/supplier/ads/${demo.id}`);
    await expect(supplier.getByTestId('quality-table')).toBeVisible();
    await shoot(supplier, 'ads-demo-campaign-en');
  }

  // ── The campaign list shows today's spend; pausing stops the ad ──
  await supplier.goto('/supplier/ads');
  const listed = supplier.locator(`[data-testid="campaign-row"][data-campaign-id="${campaignId}"]`);
  await expect(listed.getByTestId('campaign-spent-today')).toHaveText('$0.10');
  await shoot(supplier, 'ads-campaigns-en');

  // ── The same screens in Chinese ──
  await useLanguage(buyer, 'zh-CN');
  await buyer.goto(`/search?q=${encodeURIComponent(keyword)}`);
  await expect(
    buyer
      .locator(`[data-testid="sponsored-result"][data-product-id="${productId}"]`)
      .getByTestId('sponsored-label'),
  ).toHaveText('赞助');
  await shoot(buyer, 'ads-search-zh');
  await useLanguage(supplier, 'zh-CN');
  await supplier.goto(`/supplier/ads/${campaignId}`);
  await expect(supplier.getByTestId('report-clicks')).toHaveText('1');
  await shoot(supplier, 'ads-report-zh');
  await supplier.goto('/supplier/ads');
  await expect(listed).toBeVisible();
  await shoot(supplier, 'ads-campaigns-zh');
  await supplier.goto('/supplier/ads/new');
  await expect(supplier.getByTestId('campaign-form')).toBeVisible();
  await shoot(supplier, 'ads-campaign-form-zh');

  await supplier.goto(`/supplier/ads/${campaignId}`);
  await supplier.getByTestId('campaign-pause').click();
  await expect(supplier.getByTestId('campaign-status')).toHaveAttribute('data-status', 'paused');
  await useLanguage(buyer, 'en');
  await buyer.goto(`/search?q=${encodeURIComponent(keyword)}`);
  await expect(buyer.getByTestId('result-count')).toBeVisible();
  await expect(buyer.locator(`[data-testid="sponsored-result"][data-product-id="${productId}"]`)).toHaveCount(
    0,
  );
  await useLanguage(supplier, 'en');
});

test('the supplier sees its tier and what the next one needs, and why a program refuses it; the operator sees the star-factory target', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const supplier = await session(browser, SUPPLIER);
  const operator = await session(browser, OPERATOR);

  // ── The tier page: tier, score, every component, and a "needs" line ──
  const tier = await ok<{ tier: { key: string; name: string }; next: unknown }>(
    await supplier.request.get('/api/tiers/me'),
  );
  await supplier.goto('/supplier/tier');
  await expect(supplier.getByTestId('tier-badge').first()).toHaveAttribute('data-tier', tier.tier.key);
  await expect(supplier.getByTestId('tier-badge').first()).toContainText(tier.tier.name);
  await expect(supplier.getByTestId('tier-score')).toBeVisible();
  await expect(supplier.getByTestId('tier-component')).toHaveCount(8);
  if (tier.next) {
    const needs = supplier.getByTestId('tier-need');
    await expect(needs.first()).toContainText(/needs/);
    await expect(supplier.locator('[data-testid="tier-need"][data-met="false"]').first()).toBeVisible();
  }
  await expect(supplier.getByTestId('tier-benefits')).toContainText('RFQ quotes a month');
  await shoot(supplier, 'tier-en');

  // ── Programs: a program it does not qualify for is refused with each unmet criterion ──
  await supplier.goto('/supplier/programs');
  const star = supplier.locator('[data-testid="program-card"][data-program-id="star-factory-brand"]');
  await expect(star).toBeVisible();
  await expect(star.getByTestId('program-target')).toContainText('1,000');
  if (!['gold', 'star'].includes(tier.tier.key)) {
    await expect(star.getByTestId('program-eligibility')).toHaveText('Not eligible yet');
    await star.getByTestId('program-apply').click();
    const refused = star.getByTestId('program-refused');
    await expect(refused).toBeVisible();
    await expect(refused.getByTestId('criterion')).toContainText([/needs Gold or higher/]);
  }
  await shoot(supplier, 'programs-en');

  // ── The operator's dashboard: the star-factory-brand target ──
  const dashboard = await ok<{ target: { achieved: number; targetCount: number } }>(
    await operator.request.get('/api/programs/star-factory-brand/dashboard'),
  );
  const progress = `${dashboard.target.achieved.toLocaleString('en-US')} of ${dashboard.target.targetCount.toLocaleString('en-US')}`;
  expect(progress).toMatch(/of 1,000$/);
  await operator.goto('/operator/programs');
  const card = operator.locator('[data-testid="operator-program"][data-program-id="star-factory-brand"]');
  await expect(card.getByTestId('target-count')).toHaveText(progress);
  await shoot(operator, 'operator-programs-en');
  await card.getByTestId('operator-program-link').click();
  await expect(operator).toHaveURL(/\/operator\/programs\/star-factory-brand$/);
  await expect(operator.getByTestId('program-target-card').getByTestId('target-count')).toHaveText(progress);
  await shoot(operator, 'operator-program-en');

  // ── The operator marks a milestone of the demo supplier's enrollment, then unmarks it ──
  await operator.goto('/operator/programs/digital-factory');
  const enrollment = operator.getByTestId('enrollment').filter({ hasText: SUPPLIER_NAME });
  await expect(enrollment.getByTestId('enrollment-status')).toHaveAttribute('data-status', 'active');
  const milestone = enrollment.locator(
    '[data-testid="enrollment-milestone"][data-milestone="capacity_verified"]',
  );
  const reachedBefore = await milestone.isChecked();
  await milestone.click();
  await expect(milestone).toBeChecked({ checked: !reachedBefore });
  await shoot(operator, 'operator-enrollments-en');
  await milestone.click();
  await expect(milestone).toBeChecked({ checked: reachedBefore });
  await operator.goto('/operator/programs/star-factory-brand');

  // ── In Chinese ──
  await useLanguage(supplier, 'zh-CN');
  await supplier.goto('/supplier/tier');
  await expect(supplier.getByTestId('tier-score')).toBeVisible();
  await shoot(supplier, 'tier-zh');
  await supplier.goto('/supplier/programs');
  await expect(star).toBeVisible();
  await shoot(supplier, 'programs-zh');
  await useLanguage(supplier, 'en');
  await useLanguage(operator, 'zh-CN');
  await expect(operator.getByTestId('program-target-card').getByTestId('target-count')).toHaveText(
    `${dashboard.target.achieved} / ${dashboard.target.targetCount.toLocaleString('zh-CN')}`,
  );
  await shoot(operator, 'operator-program-zh');
  await operator.goto('/operator/programs');
  await expect(card).toBeVisible();
  await shoot(operator, 'operator-programs-zh');
  await useLanguage(operator, 'en');
});

test('promotions and the showcase: a supplier discounts a tier, buyers see the promotion and the home page’s featured products; the operator books a wallet top-up', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const supplier = await session(browser, SUPPLIER);
  const buyer = await session(browser, BUYER);
  const operator = await session(browser, OPERATOR);

  // ── The supplier's promotions and showcase (the demo runs one promotion and features four products) ──
  await supplier.goto('/supplier/promotions');
  await expect(supplier.getByTestId('promotion-row').first()).toBeVisible();
  await expect(supplier.getByTestId('showcase-slot').first()).toBeVisible();
  // A promotion ending before it starts is refused next to its end.
  const form = supplier.getByTestId('promotion-form');
  await form.getByTestId('promotion-name').fill('E2E flash sale');
  await form.getByTestId('promotion-ends').fill('2020-01-01T10:00');
  await form.getByTestId('submit-promotion').click();
  await expect(fieldOf(supplier, 'promotion-ends')).toContainText('Must end after it starts');
  await shoot(supplier, 'promotions-en');

  // ── A buyer sees the running promotion on its product, and the home page's featured products ──
  const promotions = await ok<{ productId: string; state: string }[]>(
    await supplier.request.get('/api/ads/promotions'),
  );
  const running = promotions.find((p) => p.state === 'running');
  if (running) {
    await buyer.goto(`/products/${running.productId}`);
    await expect(buyer.getByTestId('product-promotion')).toBeVisible();
    await expect(buyer.getByTestId('promoted-price').first()).toBeVisible();
    await shoot(buyer, 'product-promotion-en');
  }
  const home = await ok<{ items: unknown[] }>(await buyer.request.get('/api/home/showcase'));
  await buyer.goto('/');
  if (home.items.length > 0) await expect(buyer.getByTestId('featured-slot')).toHaveCount(home.items.length);
  await shoot(buyer, 'home-featured-en');

  // ── The operator books a wire into the supplier's ad wallet ──
  const me = await ok<{ company: { name: string } }>(await supplier.request.get('/api/me'));
  const before = await ok<Wallet>(await supplier.request.get('/api/ads/wallet'));
  await operator.goto('/operator/ad-wallets');
  const topUp = operator.getByTestId('top-up-form');
  await topUp.getByTestId('top-up-supplier').click();
  await operator.getByRole('option', { name: me.company.name, exact: true }).click();
  await topUp.getByTestId('top-up-amount').fill('25.00');
  await topUp.getByTestId('top-up-reference').fill(`E2E-TT-${Date.now().toString(36)}`);
  await topUp.getByTestId('top-up-submit').click();
  await expect(operator.getByTestId('top-up-booked')).toContainText('$25.00');
  const after = await ok<Wallet>(await supplier.request.get('/api/ads/wallet'));
  expect(BigInt(after.available.amount) - BigInt(before.available.amount)).toBe(2500n);
  await shoot(operator, 'top-up-en');

  await useLanguage(supplier, 'zh-CN');
  await supplier.goto('/supplier/promotions');
  await expect(supplier.getByTestId('promotion-row').first()).toBeVisible();
  await shoot(supplier, 'promotions-zh');
  await useLanguage(supplier, 'en');
  await useLanguage(buyer, 'zh-CN');
  if (running) {
    await buyer.goto(`/products/${running.productId}`);
    await expect(buyer.getByTestId('product-promotion')).toBeVisible();
    await shoot(buyer, 'product-promotion-zh');
  }
  await useLanguage(buyer, 'en');
});
