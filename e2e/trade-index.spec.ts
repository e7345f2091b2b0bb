import { test } from '@playwright/test';
import { expect } from './support';

// The demo's trade history is calibrated to the founding interview's 2021-01…05 figures
// (src/demo/trade-history.test.ts), so Guangdong leads the supplier provinces.
const expected = [
  {
    lang: 'en',
    title: 'Trade index',
    leader: 'Guangdong',
    topTen: 'Top 10 supplier provinces',
    freight: 'Freight rate index',
  },
  { lang: 'zh-CN', title: '新外贸指数', leader: '广东', topTen: '供应商省份前十', freight: '运价指数' },
  {
    lang: 'es',
    title: 'Índice comercial',
    leader: 'Guangdong',
    topTen: 'Las 10 principales provincias proveedoras',
    freight: 'Índice de fletes',
  },
] as const;

for (const { lang, title, leader, topTen, freight } of expected) {
  test(`the trade index dashboard draws the province map and the top 10 in ${lang}`, async ({
    context,
    page,
  }) => {
    await context.addInitScript({ content: `localStorage.setItem('tradelane.lang', '${lang}');` });
    await page.goto('/trade-index?from=2021-01&to=2021-05');
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);

    // The map: an SVG with a shape per province (34 in the shipped map), named in the page's language.
    const map = page.getByTestId('province-map');
    await expect(map.locator('svg')).toBeVisible();
    expect(await map.locator('svg path').count()).toBeGreaterThanOrEqual(34);

    // The top 10, as a chart and as a table, led by Guangdong.
    await expect(page.getByRole('heading', { name: topTen, exact: true })).toBeVisible();
    await expect(
      page.getByTestId('top-provinces-chart').locator('svg text', { hasText: `1. ${leader}` }),
    ).toHaveCount(1);
    const rows = page.getByTestId('top-provinces').locator('tbody tr');
    await expect(rows).toHaveCount(10);
    await expect(rows.first()).toContainText(leader);

    // The freight rate index of the demo's twelve weeks of bookings: a chart and the latest week per lane.
    await expect(page.getByRole('heading', { name: freight, exact: true })).toBeVisible();
    await expect(page.getByTestId('freight-index-chart').locator('svg')).toBeVisible();
    expect(await page.getByTestId('freight-index-table').locator('tbody tr').count()).toBeGreaterThan(1);

    // The PDF of the same report in the same language.
    const pdfLink = page.getByRole('link', { name: /PDF/ });
    await expect(pdfLink).toHaveAttribute(
      'href',
      `/api/index/report.pdf?from=2021-01&to=2021-05&lang=${lang}`,
    );
    const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
}

test('the period picker refuses a last month before the first', async ({ context, page }) => {
  await context.addInitScript({ content: "localStorage.setItem('tradelane.lang', 'en');" });
  await page.goto('/trade-index?from=2021-01&to=2021-05');
  await page.getByLabel('To').fill('2020-06');
  await expect(page.getByText('The last month comes before the first.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show' })).toBeDisabled();
});
