import AxeBuilder from '@axe-core/playwright';
import { type Page, test } from '@playwright/test';
import { BUYER, english, expect, ok, PASSWORD } from './support';

// The main pages, checked with axe against WCAG 2.1 A and AA at a desktop and a
// phone width. Serious and critical violations fail; the rest are worth fixing but
// don't block (they include axe's "needs review" judgement calls).
const BLOCKING = new Set(['serious', 'critical']);

const widths = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Runs axe on what the page shows now and fails with a readable list of what blocks. */
const expectNoBlockingViolations = async (page: Page, label: string) => {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  // Every violation, blocking or not, goes in the report for whoever fixes the next ones.
  await test.info().attach(`axe ${label}`, {
    body: JSON.stringify(
      violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html })),
      })),
      null,
      2,
    ),
    contentType: 'application/json',
  });
  const blocking = violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.html).join(', ')}`);
  // Soft: one run reports every page that fails, not only the first.
  expect.soft(blocking, `${label}: ${blocking.join('\n')}`).toEqual([]);
};

/** A page is ready for axe once its heading shows and no loader is spinning. */
const open = async (page: Page, path: string) => {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"], .mantine-Loader-root')).toHaveCount(0);
};

for (const size of widths) {
  test.describe(`accessibility at ${size.width} px`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });
    // Six pages, each loaded and analysed, on a 2-core machine shared with other suites.
    test.describe.configure({ timeout: 120_000 });

    test('public pages: home, search, product and trade index', async ({ context, page }) => {
      await english(context);
      await open(page, '/');
      await expectNoBlockingViolations(page, 'home');

      await open(page, '/search?q=pump');
      await expect(page.getByTestId('product-card').first()).toBeVisible();
      await expectNoBlockingViolations(page, 'search');

      await page.getByTestId('product-card').first().getByRole('link').first().click();
      await expect(page).toHaveURL(/\/products\//);
      await open(page, new URL(page.url()).pathname);
      await expectNoBlockingViolations(page, 'product');

      await open(page, '/trade-index?from=2021-01&to=2021-05');
      await expect(page.getByTestId('province-map').locator('svg')).toBeVisible();
      await expectNoBlockingViolations(page, 'trade index');
    });

    test("the buyer's RFQs (list, new, detail) and an order", async ({ context, page: buyer, baseURL }) => {
      await english(context);
      // Signed in through the API: the header hides the user's name in the menu at phone width.
      await ok(
        await context.request.post('/api/auth/sign-in/email', {
          data: { email: BUYER, password: PASSWORD },
          headers: { origin: baseURL ?? '' },
        }),
      );

      await open(buyer, '/rfqs');
      await expectNoBlockingViolations(buyer, 'RFQ list');

      await open(buyer, '/rfqs/new');
      await expectNoBlockingViolations(buyer, 'new RFQ');
      // The form with its errors showing is a page of its own for a screen reader.
      await buyer.getByTestId('rfq-form').locator('button[type="submit"]').click();
      await expect(buyer.locator('[aria-invalid="true"]').first()).toBeVisible();
      await expectNoBlockingViolations(buyer, 'new RFQ with errors');

      const rfqs = await ok<{ items: { id: string }[] }>(await buyer.request.get('/api/rfqs?pageSize=1'));
      const rfq = rfqs.items[0];
      expect(rfq, 'the demo buyer has RFQs').toBeDefined();
      await open(buyer, `/rfqs/${rfq?.id}`);
      await expectNoBlockingViolations(buyer, 'RFQ detail');

      await open(buyer, '/orders');
      await expectNoBlockingViolations(buyer, 'order list');

      const orders = await ok<{ items: { id: string }[] }>(await buyer.request.get('/api/orders?limit=1'));
      const order = orders.items[0];
      expect(order, 'the demo buyer has orders').toBeDefined();
      await open(buyer, `/orders/${order?.id}`);
      await expectNoBlockingViolations(buyer, 'order');
    });
  });
}
