import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Page, test } from '@playwright/test';
import { expect, ok, SUPPLIER, session } from './support';

/** Screenshots to look at, not committed. */
const ARTIFACTS = resolve('e2e/artifacts/supplier-tools');

const shoot = async (page: Page, name: string) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${ARTIFACTS}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
};

/** A product CSV file in the columns the server names at /api/csv-formats. */
/** A title with "bad" in it gets price tiers the server refuses. */
const productFile = (columns: string[], titles: string[]) => {
  const cells: Record<string, string> = {
    category: 'machinery/pumps/water-pumps',
    hs_code: '841370',
    title_zh: '离心泵',
    title_es: 'Bomba centrífuga',
    description_en: 'Cast iron body; 2.2 kW; CE certified.',
    moq: '10',
    unit: 'piece',
    currency: 'USD',
    price_tiers: '10-99:52.00|100-:47.50',
    lead_time_days: '20',
    certifications: 'CE',
    origin_province: '330000',
    monthly_capacity: '4000',
    sample_price: '90',
  };
  const cell = (column: string, title: string) =>
    column === 'title_en'
      ? title
      : column === 'price_tiers' && title.includes('bad')
        ? '10-99:cheap'
        : (cells[column] ?? '');
  const lines = titles.map((title) => columns.map((c) => cell(c, title)).join(','));
  return Buffer.from([columns.join(','), ...lines].join('\n'));
};

test('a supplier imports products from a CSV file and reads its own analytics', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await session(browser, SUPPLIER);
  const { products: columns } = await ok<{ products: string[] }>(await page.request.get('/api/csv-formats'));
  const stamp = Date.now().toString(36);

  await page.goto('/supplier/products');
  const importCard = page.getByTestId('product-import');
  await expect(importCard.getByTestId('product-import-template')).toBeVisible();

  // A file with a bad line is refused whole, with the line and column at fault.
  await importCard.locator('input[type="file"]').setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: productFile(columns, [`Import pump ok ${stamp}`, `Import pump bad ${stamp}`]),
  });
  await importCard.getByTestId('product-import-submit').click();
  const problems = importCard.getByTestId('product-import-problems');
  await expect(problems).toBeVisible();
  await expect(problems.getByTestId('csv-problem').first()).toContainText('price_tiers');
  await expect(problems.getByTestId('csv-problem').first()).toContainText('3');
  await shoot(page, '01-import-refused');

  // The fixed file lists both products, searchable at once.
  await importCard.locator('input[type="file"]').setInputFiles({
    name: 'pumps.csv',
    mimeType: 'text/csv',
    buffer: productFile(columns, [`Import pump A ${stamp}`, `Import pump B ${stamp}`]),
  });
  await importCard.getByTestId('product-import-submit').click();
  await expect(importCard.getByTestId('product-import-done')).toContainText('2 products listed');
  await expect(problems).toHaveCount(0);
  await shoot(page, '02-import-done');
  const found = await ok<{ total: number }>(
    await page.request.get(`/api/search/products?q=${encodeURIComponent(`Import pump B ${stamp}`)}`),
  );
  expect(found.total).toBeGreaterThanOrEqual(1);

  await page.goto('/supplier/analytics');
  await expect(page.getByTestId('analytics-kpis')).toBeVisible();
  await expect(page.getByTestId('analytics-month')).toHaveCount(12);
  await page.getByTestId('analytics-period').getByText('24 months').click();
  await expect(page.getByTestId('analytics-month')).toHaveCount(24);
  await shoot(page, '03-analytics');
});
