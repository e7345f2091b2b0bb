import { writeFileSync } from 'node:fs';
import { type Page, test } from '@playwright/test';
import {
  BUYER,
  expect,
  mt940,
  OPERATOR,
  ok,
  rfqWithQuote,
  SUPPLIER,
  SUPPLIER_NAME,
  session,
} from './support';

/** The reference code and the amount still owed of one due, as the order page shows them. */
const readDue = async (page: Page, kind: 'deposit' | 'balance') => {
  const due = page.locator(`[data-testid="due"][data-kind="${kind}"]`);
  await expect(due).toBeVisible();
  const reference = (await due.getByTestId('due-reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^TL-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const outstanding = due.getByTestId('due-outstanding');
  return {
    reference,
    amount: (await outstanding.getAttribute('data-amount')) ?? '',
    currency: (await outstanding.getAttribute('data-currency')) ?? '',
  };
};

/** The operator imports a statement file in the reconciliation screen and sees the wire matched to the order. */
const importStatement = async (operator: Page, path: string, orderId: string) => {
  await operator.goto('/operator/reconciliation');
  await operator.getByTestId('statement-form').locator('input[type="file"]').setInputFiles(path);
  await operator.getByTestId('statement-submit').click();
  const summary = operator.getByTestId('import-summary');
  await expect(summary.getByTestId('import-done')).toBeVisible();
  await expect(summary.getByTestId('count-matched')).toContainText('1');
  const row = summary.getByTestId('import-payment');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-status', 'matched');
  await expect(row.getByTestId('import-order-link')).toHaveAttribute('href', `/orders/${orderId}`);
};

// The order page's own badge: while the list gives way to the page, its rows' badges are still there.
const status = (page: Page) => page.getByTestId('order-heading').getByTestId('order-status');

test('an accepted quote becomes an order, paid by wire, shipped, received and released to the supplier', async ({
  browser,
}, testInfo) => {
  // The whole life of an order in three browsers: far longer than one screen's test.
  test.setTimeout(180_000);
  const buyer = await session(browser, BUYER);
  const supplier = await session(browser, SUPPLIER);
  const operator = await session(browser, OPERATOR);
  const { quoteId } = await rfqWithQuote(buyer, supplier);

  // ── The buyer accepts the quote and places the order on 30 % deposit, balance before shipment ──
  await buyer.goto(`/quotes/${quoteId}`);
  await buyer.getByTestId('accept-quote').click();
  await buyer.getByTestId('accept-quote-confirm').click();
  await expect(buyer.getByTestId('quote-status')).toHaveText('Accepted');
  await buyer.getByTestId('place-order').click();
  const form = buyer.getByTestId('place-order-form');
  await form.getByRole('textbox', { name: 'Deposit', exact: true }).fill('30');
  await form.getByRole('radio', { name: 'Before shipment' }).check();
  // 200 × €42.50 = €8,500.00: €2,550.00 now, €5,950.00 before shipment.
  await expect(form.getByTestId('terms-split')).toContainText('€2,550.00');
  await expect(form.getByTestId('terms-split')).toContainText('€5,950.00');
  await form.getByTestId('submit-order').click();
  await expect(buyer).toHaveURL(/\/orders\/ord_[0-9a-z]+$/);
  const orderId = buyer.url().split('/').pop() ?? '';
  await expect(status(buyer)).toHaveText('Awaiting confirmation');
  await expect(buyer.getByTestId('order-total')).toHaveText('€8,500.00');
  await expect(buyer.getByTestId('next-deadline')).toHaveAttribute('data-kind', 'confirm_by');
  await expect(buyer.getByTestId('countdown').first()).toHaveText(/^\d+ days? \d+ hours? left$/);

  // The quote already became this order: a second one is refused, with the way to the first.
  await buyer.goto(`/quotes/${quoteId}`);
  await buyer.getByTestId('place-order').click();
  await buyer.getByTestId('submit-order').click();
  await expect(buyer.getByTestId('place-order-error')).toContainText(`already became order ${orderId}`);
  await expect(buyer.getByTestId('existing-order')).toHaveAttribute('href', `/orders/${orderId}`);

  // ── The supplier finds it in its orders and confirms ──
  await supplier.goto('/orders');
  await supplier.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`).click();
  await expect(supplier).toHaveURL(new RegExp(`/orders/${orderId}$`));
  await expect(status(supplier)).toHaveText('Awaiting confirmation');
  await supplier.getByTestId('action-confirm').click();
  await supplier.getByTestId('action-confirm-confirm').click();
  await expect(status(supplier)).toHaveText('Awaiting deposit');

  // ── The buyer sees the deposit's reference; the wire arrives on the bank statement ──
  await buyer.goto(`/orders/${orderId}`);
  await expect(status(buyer)).toHaveText('Awaiting deposit');
  await expect(buyer.getByTestId('bank-instructions')).toContainText('GB33BUKB20201555555555');
  const deposit = await readDue(buyer, 'deposit');
  expect(deposit).toMatchObject({ amount: '255000', currency: 'EUR' });
  const depositFile = testInfo.outputPath('deposit.sta');
  writeFileSync(
    depositFile,
    mt940({
      statementId: `DEP${Date.now()}`,
      amountMinor: deposit.amount,
      currency: deposit.currency,
      reference: deposit.reference,
    }),
  );
  await importStatement(operator, depositFile, orderId);

  await buyer.reload();
  await expect(buyer.locator('[data-testid="due"][data-kind="deposit"]')).toHaveAttribute(
    'data-status',
    'paid',
  );
  await expect(status(buyer)).toHaveText('In production');
  await expect(buyer.getByTestId('escrow-held')).toHaveText('€2,550.00');
  await expect(buyer.getByTestId('timeline-entry').filter({ hasText: 'Deposit paid in full' })).toBeVisible();

  // ── Production ends; the balance is paid the same way ──
  await supplier.reload();
  await supplier.getByTestId('action-ready').click();
  await supplier.getByTestId('action-ready-confirm').click();
  await expect(status(supplier)).toHaveText('Awaiting balance');
  const balance = await readDue(supplier, 'balance');
  expect(balance).toMatchObject({ amount: '595000', currency: 'EUR' });
  const balanceFile = testInfo.outputPath('balance.sta');
  writeFileSync(
    balanceFile,
    mt940({
      statementId: `BAL${Date.now()}`,
      amountMinor: balance.amount,
      currency: balance.currency,
      reference: balance.reference,
    }),
  );
  await importStatement(operator, balanceFile, orderId);

  // ── The supplier ships with tracking ──
  await supplier.reload();
  await expect(status(supplier)).toHaveText('Ready to ship');
  await supplier.getByTestId('action-ship').click();
  const ship = supplier.getByTestId('ship-form');
  await ship.getByRole('textbox', { name: 'Carrier' }).fill('COSCO Shipping');
  await ship.getByRole('textbox', { name: 'Tracking number' }).fill('COSU6223894510');
  await ship.getByTestId('ship-submit').click();
  await expect(status(supplier)).toHaveText('Shipped');
  await expect(supplier.getByTestId('shipment')).toContainText('COSU6223894510');

  // ── The buyer confirms receipt and releases the payment ──
  await buyer.reload();
  await expect(status(buyer)).toHaveText('Shipped');
  await buyer.getByTestId('action-receive').click();
  await buyer.getByTestId('action-receive-confirm').click();
  await expect(status(buyer)).toHaveText('Received');
  await expect(buyer.getByTestId('next-deadline')).toHaveAttribute('data-kind', 'protection_ends');
  await buyer.getByTestId('action-complete').click();
  await buyer.getByTestId('action-complete-confirm').click();
  await expect(status(buyer)).toHaveText('Completed');
  await expect(buyer.getByTestId('escrow-held')).toHaveText('€0.00');
  await expect(buyer.getByTestId('order-actions')).toHaveCount(0);
  await expect(
    buyer.getByTestId('timeline-entry').filter({ hasText: 'released to the supplier' }),
  ).toBeVisible();

  // ── The supplier's payout is scheduled: €8,500.00 less the 3 % fee ──
  // The payout is written by the server's event dispatcher just after the release commits.
  const payout = supplier.locator(`[data-testid="payout-row"][data-order-id="${orderId}"]`);
  await expect(async () => {
    await supplier.goto('/payouts');
    await expect(payout).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(payout).toContainText('€8,245.00');
  await expect(payout.getByTestId('payout-status')).toHaveText('Scheduled');
  await expect(supplier.getByTestId('payable-balance').first()).toBeVisible();

  for (const page of [buyer, supplier, operator]) await page.context().close();
});

test('in 中文 the order page is fully translated, and the sandbox card pays the deposit', async ({
  browser,
}) => {
  const buyer = await session(browser, BUYER);
  const supplier = await session(browser, SUPPLIER);
  // An order straight from one of the supplier's products, confirmed by the supplier (API set-up).
  const search = await ok<{ items: { id: string; moq: number; supplier: { name: string } }[] }>(
    await buyer.request.get('/api/search/products?q=water%20pump&pageSize=50'),
  );
  const product = search.items.find((item) => item.supplier.name === SUPPLIER_NAME);
  expect(product, 'a demo product of the demo supplier').toBeTruthy();
  const order = await ok<{ id: string }>(
    await buyer.request.post('/api/orders', {
      data: { lines: [{ productId: product?.id, quantity: product?.moq }] },
    }),
  );
  await ok(await supplier.request.post(`/api/orders/${order.id}/confirm`, { data: {} }));

  await buyer.goto(`/orders/${order.id}`);
  await expect(status(buyer)).toHaveText('Awaiting deposit');
  await buyer.getByRole('radiogroup', { name: 'Language' }).getByText('中文').click();
  await expect(buyer.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(status(buyer)).toHaveText('待付定金');
  await expect(buyer.getByTestId('order-payments')).toContainText('付款编码');
  const text = (await buyer.getByRole('main').textContent()) ?? '';
  // A missing translation shows as its key, e.g. "orderActions.cancel.label".
  expect(text).not.toMatch(
    /\b(order|orders|orderActions|orderTerms|orderTimeline|orderStatus|dueStatus|payments|sandbox|deadline|countdown|copy)\.[a-zA-Z_]+/,
  );
  expect(text).toMatch(/剩余 \d+天\d+小时/);

  // The sandbox card: a declined card says why and charges nothing; a good one pays the deposit.
  await buyer.getByRole('radiogroup', { name: '语言' }).getByText('EN').click();
  const deposit = buyer.locator('[data-testid="due"][data-kind="deposit"]');
  await deposit.getByTestId('sandbox-pay').click();
  const dialog = buyer.getByTestId('sandbox-form');
  await expect(dialog).toContainText('SANDBOX');
  await dialog.getByRole('radio', { name: 'Card is declined' }).check();
  await dialog.getByTestId('sandbox-submit').click();
  await expect(dialog.getByTestId('sandbox-error')).toHaveText('The card was declined. Nothing was charged.');
  await dialog.getByRole('radio', { name: 'Payment succeeds' }).check();
  await dialog.getByTestId('sandbox-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(deposit).toHaveAttribute('data-status', 'paid');
  await expect(status(buyer)).toHaveText('In production');
  await expect(buyer.getByTestId('timeline-entry').filter({ hasText: 'card' })).toBeVisible();

  for (const page of [buyer, supplier]) await page.context().close();
});

// The smallest file the server's type sniffing takes as a PDF.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

test('a buyer disputes with evidence, the supplier answers and escalates, the operator refunds part', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const buyer = await session(browser, BUYER);
  const supplier = await session(browser, SUPPLIER);
  const operator = await session(browser, OPERATOR);
  // Set-up through the API: an order from a product, confirmed, its deposit paid by the sandbox card.
  const search = await ok<{ items: { id: string; moq: number; supplier: { name: string } }[] }>(
    await buyer.request.get('/api/search/products?q=water%20pump&pageSize=50'),
  );
  const product = search.items.find((item) => item.supplier.name === SUPPLIER_NAME);
  const placed = await ok<{ id: string }>(
    await buyer.request.post('/api/orders', {
      data: { lines: [{ productId: product?.id, quantity: product?.moq }] },
    }),
  );
  const confirmed = await ok<{ dues: { id: string; kind: string }[] }>(
    await supplier.request.post(`/api/orders/${placed.id}/confirm`, { data: {} }),
  );
  const depositDue = confirmed.dues.find((due) => due.kind === 'deposit');
  const paid = await ok<{ escrow: { held: { amount: string } } }>(
    await buyer.request.post(`/api/orders/${placed.id}/pay`, {
      data: { dueId: depositDue?.id, token: 'tok_sandbox_ok' },
      headers: { 'Idempotency-Key': `e2e-dispute-${placed.id}` },
    }),
  );
  const held = BigInt(paid.escrow.held.amount);

  // ── The buyer opens a dispute for $100 with a PDF as evidence ──
  const description = `Shaft seals leak at 3 bar on the first pumps tested (${Date.now().toString(36)}).`;
  await buyer.goto(`/orders/${placed.id}`);
  await expect(status(buyer)).toHaveText('In production');
  await buyer.getByTestId('action-dispute').click();
  await expect(buyer).toHaveURL(new RegExp(`/orders/${placed.id}/dispute$`));
  const form = buyer.getByTestId('dispute-form');
  await form.getByRole('textbox', { name: 'Reason' }).click();
  await buyer.getByRole('option', { name: 'Quality problem' }).click();
  await form.getByRole('textbox', { name: 'What happened' }).fill(description);
  await form.getByRole('textbox', { name: /^Amount you ask back/ }).fill('100');
  const chooser = buyer.waitForEvent('filechooser');
  await form.getByRole('button', { name: 'Attach files' }).click();
  await (await chooser).setFiles({ name: 'pressure-test.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(form.getByTestId('attachment')).toHaveAttribute('data-status', 'done');
  await form.getByTestId('dispute-submit').click();
  await expect(buyer).toHaveURL(/\/disputes\/dsp_[0-9a-z]+$/);
  const disputeUrl = new URL(buyer.url()).pathname;
  await expect(buyer.getByTestId('dispute-status')).toHaveText('Awaiting response');
  await expect(buyer.getByTestId('deadline-response')).toContainText(/left$/);
  const evidence = buyer.getByTestId('evidence-link');
  const download = await buyer.request.get((await evidence.getAttribute('href')) ?? '');
  expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // ── The supplier answers, then hands it to Tradelane ──
  await supplier.goto(disputeUrl);
  await supplier.getByTestId('respond-text').fill('We will replace the seals; a partial refund is fair.');
  await supplier.getByTestId('respond-submit').click();
  await expect(supplier.getByTestId('dispute-response')).toContainText('replace the seals');
  await expect(supplier.getByTestId('dispute-status')).toHaveText('Supplier responded');
  await supplier.getByTestId('dispute-escalate').click();
  await supplier.getByTestId('dispute-escalate-confirm').click();
  await expect(supplier.getByTestId('dispute-status')).toHaveText('Escalated');

  // ── The operator decides on the desk: $40 back to the buyer ──
  await operator.goto('/operator/disputes');
  const row = operator.getByTestId('desk-row').filter({ hasText: description });
  await expect(row).toHaveAttribute('data-status', 'escalated');
  await row.getByTestId('desk-decide').click();
  await row.getByRole('radio', { name: 'Partial refund' }).check();
  await row.getByTestId('decide-amount').fill('40');
  await row
    .getByTestId('decide-note')
    .fill('The seals were faulty; the supplier replaces them and refunds $40.');
  await row.getByTestId('decide-submit').click();
  await expect(row).toHaveCount(0);

  // ── The buyer sees the decision; the order carries on with less in escrow ──
  await buyer.reload();
  await expect(buyer.getByTestId('dispute-status')).toHaveText('Decided');
  await expect(buyer.getByTestId('dispute-decision')).toContainText('Partial refund');
  await expect(buyer.getByTestId('dispute-decision')).toContainText('$40.00');
  await buyer.goto(`/orders/${placed.id}`);
  await expect(status(buyer)).toHaveText('In production');
  await expect(buyer.getByTestId('escrow-held')).toHaveAttribute('data-amount', String(held - 4000n));

  for (const page of [buyer, supplier, operator]) await page.context().close();
});
