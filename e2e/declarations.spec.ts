import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Locator, type Page, test } from '@playwright/test';
import { BUYER, expect, OPERATOR, ok, SUPPLIER, session } from './support';

/** A valid unified social credit code (check character by GB 32100-2015), as in src/test/declaration-factories.ts. */
const USCC = '91330782MA2D3K8L7A';
/** Orders whose goods have left (or are about to be closed): the ones worth declaring in this test. */
const SHIPPED_OR_LATER = ['shipped', 'delivered', 'received', 'completed'];
/** Screenshots to look at, not committed. */
const ARTIFACTS = resolve('e2e/artifacts');

type OrderSummary = { id: string; status: string; description: string };
type Order = { id: string; currency: string; lines: { description: string; quantity: number }[] };
type HsSuggestResponse = { suggestions: { code: string }[] };

const status = (page: Page) => page.getByTestId('declaration-status').first();

/** A full-page screenshot at desktop width and at a phone's. */
const shoot = async (page: Page, name: string) => {
  mkdirSync(ARTIFACTS, { recursive: true });
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
const fieldOf = (input: Locator) =>
  input.locator('xpath=ancestor::div[contains(@class, "mantine-InputWrapper-root")][1]');

/** Types a description into a line, waits for the HS suggestions and picks the first one `accept` takes. */
const pickSuggestion = async (line: Locator, description: string, accept: (code: string) => boolean) => {
  await line.getByTestId('line-description').fill(description);
  const suggestions = line.getByTestId('line-hs-suggestions').getByTestId('hs-suggestion');
  await expect(suggestions.first()).toBeVisible();
  const codes = await suggestions.evaluateAll((items) => items.map((i) => i.getAttribute('data-code') ?? ''));
  expect(codes.length).toBeGreaterThan(0);
  expect(codes.length).toBeLessThanOrEqual(5);
  const code = codes.find(accept);
  expect(code, `a suggestion among ${codes.join(', ')}`).toBeTruthy();
  await line.locator(`[data-testid="hs-suggestion"][data-code="${code}"]`).click();
  await expect(line.getByTestId('line-hs-code')).toHaveValue(code ?? '');
  // Picked: the suggestions fold away.
  await expect(line.getByTestId('line-hs-suggestions')).toHaveCount(0);
  return code ?? '';
};

const fillWeights = async (line: Locator, { net, gross, packages }: Record<string, string>) => {
  await line.getByTestId('line-net-weight').fill(net ?? '');
  await line.getByTestId('line-gross-weight').fill(gross ?? '');
  await line.getByTestId('line-packages').fill(packages ?? '');
};

test('a supplier declares a shipped order with HS suggestions, downloads its invoice and declares it; the operator records the release', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const supplier = await session(browser, SUPPLIER);
  const operator = await session(browser, OPERATOR);

  // ── An order of the demo supplier whose goods have shipped ──
  const orders = await ok<{ items: OrderSummary[] }>(await supplier.request.get('/api/orders?limit=100'));
  const summary = orders.items.find((o) => SHIPPED_OR_LATER.includes(o.status));
  expect(summary, 'the demo supplier has an order shipped or later').toBeTruthy();
  const orderId = summary?.id ?? '';
  const order = await ok<Order>(await supplier.request.get(`/api/orders/${orderId}`));

  await supplier.goto(`/orders/${orderId}`);
  const panel = supplier.getByTestId('order-declarations');
  await expect(panel).toBeVisible();
  await panel.getByTestId('declare-order').click();
  await expect(supplier).toHaveURL(new RegExp(`/declarations/new\\?orderId=${orderId}$`));

  // ── The form starts from the order: its lines, its buyer as consignee ──
  const form = supplier.getByTestId('declaration-form');
  const lines = form.getByTestId('declaration-line');
  await expect(lines).toHaveCount(order.lines.length);
  await expect(lines.first().getByTestId('line-description')).toHaveValue(order.lines[0]?.description ?? '');
  await form.getByTestId('exporter-local-name').fill('宁波宏达泵业有限公司');
  await form.getByTestId('exporter-tax-id').fill(USCC.toLowerCase());
  await expect(form.getByTestId('exporter-tax-id')).toHaveValue(USCC);
  await form.getByTestId('exporter-address').fill('浙江省宁波市鄞州区');
  await expect(form.getByTestId('port-of-loading')).toHaveValue('CNNGB');

  // Each of the order's lines gets the code the suggestions rank first for its own words (as the API ranks them).
  for (const [i, orderLine] of order.lines.entries()) {
    const expected = await ok<HsSuggestResponse>(
      await supplier.request.get(`/api/hs/suggest?q=${encodeURIComponent(orderLine.description)}`),
    );
    const top = expected.suggestions[0]?.code ?? '';
    expect(top).toMatch(/^\d{6}$/);
    await pickSuggestion(lines.nth(i), orderLine.description, (code) => code === top);
    await fillWeights(lines.nth(i), {
      net: String(orderLine.quantity * 40),
      gross: String(orderLine.quantity * 44),
      packages: String(orderLine.quantity),
    });
  }

  // A second kind of goods: LED bulbs, classified under heading 8539 from the suggestions.
  await form.getByTestId('add-line').click();
  const led = lines.nth(order.lines.length);
  const ledCode = await pickSuggestion(led, 'LED light bulb', (code) => code.startsWith('8539'));
  await led.getByTestId('line-description').fill('LED light bulb E27, 9 W');
  await expect(led.getByTestId('line-hs-suggestions')).toBeVisible();
  await led.getByTestId('line-hs-suggestions').getByRole('button', { name: 'Hide suggestions' }).click();
  await expect(led.getByTestId('line-hs-code')).toHaveValue(ledCode);
  await led.getByTestId('line-quantity').fill('500');
  await led.getByTestId('line-unit-price').fill('0.85');
  await fillWeights(led, { net: '40', gross: '48', packages: '10' });
  await expect(led.getByTestId('line-value')).toHaveText(/425\.00/);
  await shoot(supplier, 'declaration-form-en');

  await form.getByTestId('submit-declaration').click();
  await expect(supplier).toHaveURL(/\/declarations\/dec_[0-9a-z]+$/);
  const declarationId = supplier.url().split('/').pop() ?? '';
  await expect(status(supplier)).toHaveText('Drafted');
  await expect(supplier.getByTestId('declaration-number')).toHaveText(/^TL-EX-\d{4}-[0-9A-Z]{8}$/);
  await expect(supplier.getByTestId('declaration-line-row')).toHaveCount(order.lines.length + 1);
  await expect(supplier.getByTestId('line-hs').last()).toHaveText(`HS ${ledCode}`);
  // The bulbs make the declared value differ from the order's: a warning, shown with the draft.
  await expect(
    supplier.getByTestId('finding').filter({ hasText: "differs from the order's total" }),
  ).toHaveAttribute('data-level', 'warning');
  await expect(supplier.getByTestId('declaration-exporter')).toContainText('宁波宏达泵业有限公司');
  await expect(supplier.getByTestId('declaration-order')).toHaveText(orderId);

  // ── The commercial invoice downloads as a PDF ──
  const [download] = await Promise.all([
    supplier.waitForEvent('download'),
    supplier.getByTestId('doc-invoice').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const invoicePath = testInfo.outputPath('invoice.pdf');
  await download.saveAs(invoicePath);
  const pdf = readFileSync(invoicePath);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(5 * 1024);
  await expect(supplier.getByTestId('doc-packing-list')).toHaveAttribute(
    'href',
    `/api/declarations/${declarationId}/documents/packing-list.pdf`,
  );

  // ── The supplier declares it to customs ──
  await supplier.getByTestId('action-declared').click();
  await expect(supplier.getByTestId('move-form')).toHaveAttribute('data-to', 'declared');
  await supplier.getByTestId('move-submit').click();
  await expect(status(supplier)).toHaveText('Declared');
  // Customs answers through the platform's desk: the supplier waits.
  await expect(supplier.getByTestId('declaration-waiting')).toBeVisible();
  await expect(supplier.getByTestId('action-released')).toHaveCount(0);

  // ── The operator records the release ──
  await operator.goto(`/declarations/${declarationId}`);
  await expect(status(operator)).toHaveText('Declared');
  await operator.getByTestId('action-released').click();
  await operator.getByTestId('move-note').fill('Released by Ningbo customs');
  await operator.getByTestId('move-submit').click();
  await expect(status(operator)).toHaveText('Released');

  await supplier.reload();
  await expect(status(supplier)).toHaveText('Released');
  const events = supplier.getByTestId('declaration-event');
  await expect(events).toHaveCount(3);
  expect(await events.evaluateAll((items) => items.map((i) => i.getAttribute('data-status')))).toEqual([
    'drafted',
    'declared',
    'released',
  ]);
  await expect(events.nth(2)).toContainText('Released by Ningbo customs');
  await expect(events.nth(2)).toContainText('Tradelane');
  await shoot(supplier, 'declaration-page-en');

  // ── The order page links the declaration and its documents; its buyer sees none of it ──
  await supplier.goto(`/orders/${orderId}`);
  const listed = supplier.locator(
    `[data-testid="order-declaration"][data-declaration-id="${declarationId}"]`,
  );
  await expect(listed).toBeVisible();
  await expect(listed.getByTestId('order-doc-invoice')).toHaveAttribute(
    'href',
    `/api/declarations/${declarationId}/documents/invoice.pdf`,
  );
  const buyer = await session(browser, BUYER);
  if ((await buyer.request.get(`/api/orders/${orderId}`)).ok()) {
    await buyer.goto(`/orders/${orderId}`);
    await expect(buyer.getByTestId('order-title')).toBeVisible();
    await expect(buyer.getByTestId('order-declarations')).toHaveCount(0);
  }

  // ── The same screens in Chinese ──
  await supplier.goto(`/declarations/${declarationId}`);
  await useLanguage(supplier, 'zh-CN');
  await expect(status(supplier)).toHaveText('已放行');
  await shoot(supplier, 'declaration-page-zh');
  await supplier.goto(`/declarations/new?orderId=${orderId}`);
  await expect(
    supplier.getByTestId('line-hs-suggestions').first().getByTestId('hs-suggestion').first(),
  ).toBeVisible();
  await shoot(supplier, 'declaration-form-zh');
  await useLanguage(supplier, 'en');
});

test('an HS code that is no HS 2022 subheading is refused next to its field, and nothing is created', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const supplier = await session(browser, SUPPLIER);
  const count = async () => (await ok<unknown[]>(await supplier.request.get('/api/declarations'))).length;
  const before = await count();

  await supplier.goto('/declarations/new');
  const form = supplier.getByTestId('declaration-form');
  await form.getByTestId('exporter-local-name').fill('宁波宏达泵业有限公司');
  await form.getByTestId('exporter-tax-id').fill(USCC);
  await form.getByTestId('consignee-name').fill('Iluminación Ibérica S.L.');
  await form.getByTestId('consignee-country').fill('Spain');
  await supplier.getByRole('option', { name: 'Spain', exact: true }).click();

  const line = form.getByTestId('declaration-line').first();
  await line.getByTestId('line-description').fill('Stainless steel kettles, 1.5 L');
  // Six digits, but no HS 2022 subheading: only the server's HS table knows.
  await line.getByTestId('line-hs-code').fill('853999');
  await line.getByTestId('line-quantity').fill('300');
  await line.getByTestId('line-unit-price').fill('4.20');
  await fillWeights(line, { net: '150', gross: '180', packages: '25' });
  await form.getByTestId('submit-declaration').click();

  const hs = line.getByTestId('line-hs-code');
  await expect(fieldOf(hs)).toContainText('853999 is not an HS 2022 subheading');
  await expect(hs).toHaveAttribute('aria-invalid', 'true');
  await expect(supplier.getByTestId('declaration-problems')).toContainText(
    'Line 1: 853999 is not an HS 2022 subheading',
  );
  await expect(supplier).toHaveURL(/\/declarations\/new$/);
  expect(await count()).toBe(before);

  // Corrected, the same form goes through.
  await hs.fill('732393');
  await expect(hs).not.toHaveAttribute('aria-invalid', 'true');
  await form.getByTestId('submit-declaration').click();
  await expect(supplier).toHaveURL(/\/declarations\/dec_[0-9a-z]+$/);
  await expect(status(supplier)).toHaveText('Drafted');
  expect(await count()).toBe(before + 1);
});
