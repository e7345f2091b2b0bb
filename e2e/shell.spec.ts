import { test } from '@playwright/test';
import { expect } from './support';

// Every test starts in English whatever the browser's locale, so text assertions hold.
// (A string script: the e2e tsconfig has no DOM types.)
test.beforeEach(async ({ context }) => {
  await context.addInitScript({
    content: "if (!localStorage.getItem('tradelane.lang')) localStorage.setItem('tradelane.lang', 'en');",
  });
});

test('home lists the taxonomy industries', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const industries = page.getByTestId('industry-card');
  await expect(industries.first()).toBeVisible();
  expect(await industries.count()).toBeGreaterThan(1);
  await expect(industries.first()).toHaveAttribute('href', /\/search\?category=/);
});

test('searching for "water pump" shows results and facets', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search products' });
  await box.fill('water pump');
  await box.press('Enter');

  await expect(page).toHaveURL(/\/search\?q=water(\+|%20)pump/);
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await expect(page.getByTestId('result-count')).toContainText(/\d/);

  const filters = page.getByRole('complementary');
  await expect(filters.getByRole('heading', { name: 'Filters' })).toBeVisible();
  await expect(filters.getByTestId('facet-category').getByTestId('facet-option').first()).toBeVisible();
});

test('in the Chinese UI an English query is still translated into Chinese and Spanish', async ({
  page,
  context,
}) => {
  await context.addInitScript({ content: "localStorage.setItem('tradelane.lang', 'zh-CN');" });
  await page.goto('/search?q=water%20pump');
  const interpretation = page.getByTestId('interpretation');
  await expect(interpretation).toContainText('水泵');
  await expect(interpretation).toContainText('bomba de agua');
});

test('a product page shows the tier price table and quotes a quantity', async ({ page }) => {
  await page.goto('/search?q=water%20pump');
  const firstTitle = page.getByTestId('product-card').first().getByRole('heading').getByRole('link');
  await firstTitle.click();

  await expect(page).toHaveURL(/\/products\//);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const tiers = page.getByTestId('tier-table');
  await expect(tiers).toBeVisible();
  expect(await tiers.locator('tbody tr').count()).toBeGreaterThan(0);

  // The quantity field starts at the MOQ, so the server quotes a price at once.
  await expect(page.getByTestId('price-quote')).toBeVisible();
});

test('switching to 中文 translates the page and sets <html lang>', async ({ page }) => {
  await page.goto('/');
  const heading = page.getByRole('heading', { level: 1 });
  const section = page.getByRole('heading', { level: 2 }).first();
  await expect(section).toBeVisible();
  const english = await heading.textContent();
  const englishSection = await section.textContent();

  await page.getByRole('radiogroup', { name: 'Language' }).getByText('中文').click();

  await expect(heading).not.toHaveText(english ?? '');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(section).not.toHaveText(englishSection ?? '');

  // The choice survives a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
