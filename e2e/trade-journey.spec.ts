import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type Page, test } from '@playwright/test';
import { BUYER, expect, mt940, OPERATOR, PASSWORD, SUPPLIER, SUPPLIER_NAME, session } from './support';

// The demo's cast (src/demo/accounts.ts): the buyer is Iberia Agro Trading in Spain; the second
// supplier is the generated supplier of water pumps the demo gives a sign-in to compete with Hongda.
const SECOND_SUPPLIER = 'supplier2@demo.tradelane.dev';
const FORWARDER = 'forwarder@demo.tradelane.dev';
const FORWARDER_NAME = 'Pacific Bridge Logistics Ltd.';
/** A valid unified social credit code (check character by GB 32100-2015), as in src/test/declaration-factories.ts. */
const USCC = '91330782MA2D3K8L7A';

/** One screenshot per step, to look at; e2e/artifacts is not committed. */
const SHOTS = resolve('e2e/artifacts/journey');

const shoot = async (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

/** A local calendar day, `days` from today, as a date input takes it. */
const day = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

// The order page's own badge: while the list gives way to the page, its rows' badges are still there.
const orderStatus = (page: Page) => page.getByTestId('order-heading').getByTestId('order-status');

/**
 * The buyer's own browser: a Spanish one in Madrid. Before sign-in nothing sets the language:
 * the app takes it from the browser's locale, as it would for a real buyer in Spain.
 */
const spanishBuyer = async (browser: Browser) => {
  const context = await browser.newContext({ locale: 'es-ES', timezoneId: 'Europe/Madrid' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  const form = page.locator('form');
  await form.getByRole('textbox', { name: 'Correo electrónico', exact: true }).fill(BUYER);
  await form.getByRole('textbox', { name: 'Contraseña', exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: 'Iniciar sesión' }).click();
  await expect(page.getByTestId('user-name').filter({ visible: true })).toBeVisible();
  // Signed in, the account's own language wins over the browser's (web/src/i18n/remember-language.tsx),
  // and other tests leave this demo account in English: the buyer picks Spanish, which the account keeps.
  const languages = page.getByRole('radiogroup').filter({ has: page.locator('span[lang="zh-CN"]') });
  await languages.filter({ visible: true }).locator('span[lang="es"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  return page;
};

/** The trade index's order count for one month, as its dashboard shows it (headline figures: GMV, orders, buyers). */
const indexedOrders = async (page: Page, month: string) => {
  await page.goto(`/trade-index?from=${month}&to=${month}`);
  const orders = page.getByTestId('headline-figure').nth(1);
  // The report is computed from the rollups on each visit: slower than a record's page.
  await expect(orders).toBeVisible({ timeout: 60_000 });
  return orders;
};

const countIn = async (figure: ReturnType<Page['getByTestId']>) =>
  Number(((await figure.locator('p').nth(1).textContent()) ?? '').replace(/\D/g, ''));

/** A supplier finds the RFQ in its feed and quotes on it (its UI in English); returns the quote's id. */
const quote = async (
  supplier: Page,
  rfqId: string,
  offer: { moq: string; unitPrice: string; leadTime: string; message: string },
) => {
  await supplier.goto('/');
  await supplier.getByTestId('nav-rfqs').filter({ visible: true }).click();
  await expect(supplier).toHaveURL(/\/supplier\/rfqs$/);
  const item = supplier.locator(`[data-testid="feed-item"][data-rfq-id="${rfqId}"]`);
  await expect(item.getByText('Why you were matched')).toBeVisible();
  await item.getByTestId('feed-quote').click();
  await expect(supplier).toHaveURL(new RegExp(`/rfqs/${rfqId}/quote$`));
  await supplier.getByRole('textbox', { name: 'Minimum order (MOQ)', exact: true }).fill(offer.moq);
  await supplier
    .getByRole('textbox', { name: 'Tier 1: unit price in EUR', exact: true })
    .fill(offer.unitPrice);
  await supplier.getByRole('textbox', { name: 'Lead time (days)', exact: true }).fill(offer.leadTime);
  await supplier.getByRole('textbox', { name: 'Port of loading', exact: true }).fill('CNNGB');
  await supplier.getByRole('textbox', { name: 'Message to the buyer', exact: true }).fill(offer.message);
  await supplier.getByTestId('submit-quote').click();
  await expect(supplier).toHaveURL(/\/quotes\/quo_[0-9a-z]+$/);
  await expect(supplier.getByTestId('quote-status')).toHaveText('Submitted');
  return supplier.url().split('/').pop() ?? '';
};

test('a Spanish buyer sources pumps from two suppliers and the order travels from RFQ to released escrow, declared and counted in the trade index', async ({
  browser,
}) => {
  // Five browsers through some forty screens: about two minutes alone, more on a busy shared machine.
  test.setTimeout(600_000);
  const month = new Date().toISOString().slice(0, 7);
  const title = `Bombas de agua centrífugas 2,2 kW para riego (${Date.now().toString(36)})`;

  const buyer = await spanishBuyer(browser);
  const supplier = await session(browser, SUPPLIER);
  const rival = await session(browser, SECOND_SUPPLIER);
  const forwarder = await session(browser, FORWARDER);
  const operator = await session(browser, OPERATOR);

  // The index before: the order must add one to this month's orders once it is paid.
  const ordersBefore = await countIn(await indexedOrders(operator, month));

  // ── 01 The buyer searches in Spanish; the query is understood in English and Chinese too ──
  await buyer.goto('/');
  const box = buyer.getByRole('searchbox', { name: 'Buscar productos' });
  await box.fill('bomba de agua');
  await box.press('Enter');
  await expect(buyer).toHaveURL(/\/search\?q=bomba(\+|%20)de(\+|%20)agua/);
  await expect(buyer.getByTestId('interpretation')).toContainText('water pump');
  await expect(buyer.getByTestId('interpretation')).toContainText('水泵');
  await expect(buyer.getByTestId('result-count')).toContainText('Productos encontrados');
  const hongdaCard = buyer.getByTestId('product-card').filter({ hasText: SUPPLIER_NAME }).first();
  await expect(hongdaCard).toBeVisible();
  await shoot(buyer, '01-buyer-searches-in-spanish');

  // ── 02 …looks at a pump of the demo supplier: tier prices in the buyer's language ──
  await hongdaCard.getByRole('heading').getByRole('link').click();
  await expect(buyer).toHaveURL(/\/products\/prd_[0-9a-z]+$/);
  await expect(buyer.getByTestId('tier-table')).toBeVisible();
  await expect(buyer.getByTestId('price-quote')).toBeVisible();
  await shoot(buyer, '02-buyer-product-page');

  // ── 03 …and posts an RFQ for 300 pumps to Valencia ──
  await buyer.getByTestId('nav-rfqs').filter({ visible: true }).click();
  await buyer.getByTestId('new-rfq').click();
  await expect(buyer.getByRole('heading', { level: 1, name: 'Publicar una RFQ' })).toBeVisible();
  const rfqForm = buyer.getByTestId('rfq-form');
  await rfqForm.getByTestId('rfq-title').fill(title);
  await rfqForm
    .getByTestId('rfq-description')
    .fill('Cuerpo de hierro fundido, 2,2 kW, certificación CE, embalaje para exportación.');
  const category = rfqForm.getByRole('textbox', { name: 'Categoría', exact: true });
  await category.click();
  await category.fill('bombas de agua');
  await buyer.getByRole('option', { name: 'Bombas › Bombas de agua' }).click();
  await expect(category).toHaveValue('Bombas › Bombas de agua');
  await rfqForm.getByTestId('rfq-quantity').fill('300');
  await rfqForm.getByTestId('rfq-target-price').fill('47');
  await rfqForm.getByRole('textbox', { name: 'Puerto de destino', exact: true }).fill('ESVLC');
  await shoot(buyer, '03-buyer-rfq-form');
  await buyer.getByTestId('publish-rfq').click();
  await expect(buyer).toHaveURL(/\/rfqs\/rfq_[0-9a-z]+$/);
  const rfqId = buyer.url().split('/').pop() ?? '';
  await expect(buyer.getByTestId('rfq-status')).toHaveText('Abierta a cotizaciones');
  await expect(buyer.getByTestId('invited-supplier').filter({ hasText: SUPPLIER_NAME })).toBeVisible();
  expect(await buyer.getByTestId('invited-supplier').count()).toBeGreaterThanOrEqual(2);
  await shoot(buyer, '04-buyer-rfq-published');

  // ── 05–06 Two suppliers quote: Hongda faster, the second supplier cheaper ──
  const hongdaQuote = await quote(supplier, rfqId, {
    moq: '100',
    unitPrice: '48.50',
    leadTime: '25',
    message: 'CE certified, cast iron body, 12-month warranty.',
  });
  await shoot(supplier, '05-supplier-quoted');
  const rivalQuote = await quote(rival, rfqId, {
    moq: '200',
    unitPrice: '46.80',
    leadTime: '40',
    message: 'Best price for 300 pieces; CE on request.',
  });
  await shoot(rival, '06-second-supplier-quoted');

  // ── 07 The buyer compares the two quotes in euros and accepts Hongda's ──
  await buyer.reload();
  const rows = buyer.getByTestId('comparison-row');
  await expect(rows).toHaveCount(2);
  const hongdaRow = buyer.locator(`[data-testid="comparison-row"][data-quote-id="${hongdaQuote}"]`);
  const rivalRow = buyer.locator(`[data-testid="comparison-row"][data-quote-id="${rivalQuote}"]`);
  // Spanish formats: 300 × 48,50 € = 14.550,00 €; 300 × 46,80 € = 14.040,00 €.
  await expect(hongdaRow).toContainText('14.550,00');
  await expect(rivalRow).toContainText('14.040,00');
  await expect(rivalRow).toContainText('Precio más bajo');
  await expect(hongdaRow).toContainText('25 días');
  await shoot(buyer, '07-buyer-compares-quotes');
  await hongdaRow.getByTestId('accept-quote').click();
  await buyer.getByTestId('accept-quote-confirm').click();
  await expect(buyer.getByTestId('rfq-status')).toHaveText('Adjudicada');
  await expect(hongdaRow.getByTestId('quote-status')).toHaveText('Aceptada');
  await expect(rivalRow.getByTestId('quote-status')).toHaveText('Rechazada');
  await shoot(buyer, '08-buyer-accepted');

  // ── 09 …and places the order, paying it all into escrow up front ──
  await buyer.getByTestId('rfq-awarded').getByRole('link').click();
  await expect(buyer).toHaveURL(new RegExp(`/quotes/${hongdaQuote}$`));
  await buyer.getByTestId('place-order').click();
  const orderForm = buyer.getByTestId('place-order-form');
  await orderForm.getByTestId('deposit-percent').fill('100');
  await expect(orderForm.getByTestId('terms-split')).toContainText('14.550,00');
  await shoot(buyer, '09-buyer-places-order');
  await orderForm.getByTestId('submit-order').click();
  await expect(buyer).toHaveURL(/\/orders\/ord_[0-9a-z]+$/);
  const orderId = buyer.url().split('/').pop() ?? '';
  await expect(orderStatus(buyer)).toHaveText('Pendiente de confirmación');
  await expect(buyer.getByTestId('order-total')).toHaveText('14.550,00 €');

  // ── 10 The supplier confirms the order ──
  await supplier.goto('/orders');
  await supplier.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`).click();
  // The list's rows carry status badges too: wait for the order's own page to replace it.
  await expect(supplier).toHaveURL(new RegExp(`/orders/${orderId}$`));
  await expect(supplier.getByTestId('order-title')).toHaveText(title);
  await expect(orderStatus(supplier)).toHaveText('Awaiting confirmation');
  await supplier.getByTestId('action-confirm').click();
  await supplier.getByTestId('action-confirm-confirm').click();
  await expect(orderStatus(supplier)).toHaveText('Awaiting deposit');
  await shoot(supplier, '10-supplier-confirmed-order');

  // ── 11 The buyer reads the deposit's reference and wires it ──
  await buyer.reload();
  await expect(orderStatus(buyer)).toHaveText('Pendiente de anticipo');
  const due = buyer.locator('[data-testid="due"][data-kind="deposit"]');
  const reference = ((await due.getByTestId('due-reference').textContent()) ?? '').trim();
  expect(reference).toMatch(/^TL-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const outstanding = due.getByTestId('due-outstanding');
  await expect(outstanding).toHaveAttribute('data-amount', '1455000');
  await expect(outstanding).toHaveAttribute('data-currency', 'EUR');
  await shoot(buyer, '11-buyer-payment-instructions');

  // ── 12 The bank statement with the wire reaches the operator, who imports it: matched to the order ──
  // Made here, as the bank would send it (no file on disk: test-results/ is shared with other runs).
  const statement = mt940({
    statementId: `JRN${Date.now()}`,
    amountMinor: '1455000',
    currency: 'EUR',
    reference,
  });
  await operator.goto('/operator/reconciliation');
  await operator
    .getByTestId('statement-form')
    .locator('input[type="file"]')
    .setInputFiles({ name: 'statement.sta', mimeType: 'text/plain', buffer: Buffer.from(statement) });
  await operator.getByTestId('statement-submit').click();
  const summary = operator.getByTestId('import-summary');
  await expect(summary.getByTestId('import-done')).toBeVisible();
  const wire = summary.getByTestId('import-payment');
  await expect(wire).toHaveCount(1);
  await expect(wire).toHaveAttribute('data-status', 'matched');
  await expect(wire.getByTestId('import-order-link')).toHaveAttribute('href', `/orders/${orderId}`);
  await shoot(operator, '12-operator-imports-statement');

  // ── 13 The buyer sees the deposit paid and held in escrow; production starts ──
  await buyer.reload();
  await expect(due).toHaveAttribute('data-status', 'paid');
  await expect(orderStatus(buyer)).toHaveText('En producción');
  await expect(buyer.getByTestId('escrow-held')).toHaveText('14.550,00 €');
  await shoot(buyer, '13-buyer-deposit-in-escrow');

  // ── 14 Production ends; the supplier books freight for the order with guaranteed space ──
  await supplier.reload();
  await supplier.getByTestId('action-ready').click();
  await supplier.getByTestId('action-ready-confirm').click();
  await expect(orderStatus(supplier)).toHaveText('Ready to ship');
  await supplier.getByTestId('action-book-freight').click();
  await expect(supplier).toHaveURL(new RegExp(`/freight\\?orderId=${orderId}&origin=CNNGB$`));
  await expect(supplier.getByTestId('freight-for-order')).toContainText(orderId);
  const search = supplier.getByTestId('freight-search-form');
  await expect(search.getByTestId('search-origin')).toHaveValue('CNNGB');
  await search.getByTestId('search-destination').fill('ESVLC');
  await search.getByTestId('search-ready-date').fill(day(5));
  await search.getByTestId('search-containers').fill('1');
  await search.getByTestId('search-submit').click();
  await expect(supplier).toHaveURL(/origin=CNNGB&destination=ESVLC/);
  await expect(supplier).toHaveURL(new RegExp(`orderId=${orderId}`));
  const offer = supplier.locator(`[data-testid="freight-offer"][data-forwarder="${FORWARDER_NAME}"]`);
  await expect(offer.getByTestId('offer-guaranteed-total')).toBeVisible();
  const guaranteedTotal = ((await offer.getByTestId('offer-guaranteed-total').textContent()) ?? '').trim();
  await offer.getByTestId('offer-departure').first().getByTestId('book-departure').click();
  const bookForm = supplier.getByTestId('book-form');
  await bookForm.getByRole('radio', { name: /^Guaranteed/ }).check();
  await shoot(supplier, '14-supplier-books-guaranteed-freight');
  await bookForm.getByTestId('book-submit').click();
  await expect(supplier).toHaveURL(/\/freight\/bookings\/bkg_[0-9a-z]+$/);
  const bookingUrl = new URL(supplier.url()).pathname;
  const bookingId = bookingUrl.split('/').pop() ?? '';
  await expect(supplier.getByTestId('booking-status').first()).toHaveText('Requested');
  await expect(supplier.getByRole('link', { name: orderId })).toHaveAttribute('href', `/orders/${orderId}`);
  await expect(supplier.getByTestId('booking-price-lines').getByTestId('price-total')).toHaveText(
    guaranteedTotal,
  );
  await shoot(supplier, '15-supplier-booking-requested');

  // ── 16 The forwarder confirms the booking from its desk with the carrier's number ──
  const bookingNumber = `COSU${Date.now().toString().slice(-10)}`;
  await forwarder.goto('/forwarder/bookings');
  const request = forwarder.locator('li', { has: forwarder.locator(`[data-booking-id="${bookingId}"]`) });
  await request.getByTestId('quick-booking-number').fill(bookingNumber);
  await request.getByTestId('quick-confirm').click();
  await expect(request).toHaveCount(0);

  // ── 17 …reports gate-in and loading: loading ships the order, the booking number its tracking ──
  await forwarder.goto(bookingUrl);
  const bookingStatus = forwarder.getByTestId('booking-status').first();
  await expect(bookingStatus).toHaveText('Confirmed');
  const report = forwarder.getByTestId('event-form');
  const post = async (next: string, shown: string, location: string) => {
    // After each report the form offers the next milestone.
    await expect(report.getByTestId('event-kind')).toHaveValue(next);
    await report.getByTestId('event-location').fill(location);
    await report.getByTestId('event-submit').click();
    await expect(bookingStatus).toHaveText(shown);
  };
  await post('Gate-in at terminal', 'At the terminal', 'CNNGB');
  await post('Loaded', 'Loaded', 'CNNGB');
  await shoot(forwarder, '16-forwarder-reports-loaded');
  // The order moves on the booking's event, delivered by the server's outbox just after.
  await expect(async () => {
    await supplier.goto(`/orders/${orderId}`);
    await expect(orderStatus(supplier)).toHaveText('Shipped', { timeout: 5_000 });
  }).toPass();
  await expect(supplier.getByTestId('shipment')).toContainText(bookingNumber);
  await shoot(supplier, '17-supplier-order-shipped');

  // ── 18 …then departure, arrival, discharge and delivery ──
  await post('Departed', 'Departed', 'CNNGB');
  await post('Arrived', 'Arrived', 'ESVLC');
  await post('Discharged', 'Discharged', 'ESVLC');
  await post('Delivered', 'Delivered', 'ESVLC');
  await expect(forwarder.getByTestId('booking-event')).toHaveCount(8);
  await shoot(forwarder, '18-forwarder-reports-delivered');

  // ── 19 The buyer follows the delivery, confirms receipt and releases the escrow ──
  await expect(async () => {
    await buyer.goto(`/orders/${orderId}`);
    await expect(orderStatus(buyer)).toHaveText('Entregado', { timeout: 5_000 });
  }).toPass();
  await buyer.getByTestId('action-receive').click();
  await buyer.getByTestId('action-receive-confirm').click();
  await expect(orderStatus(buyer)).toHaveText('Recibido');
  await buyer.getByTestId('action-complete').click();
  await buyer.getByTestId('action-complete-confirm').click();
  await expect(orderStatus(buyer)).toHaveText('Completado');
  await expect(buyer.getByTestId('escrow-held')).toHaveText('0,00 €');
  await expect(buyer.getByTestId('order-actions')).toHaveCount(0);
  await shoot(buyer, '19-buyer-released-escrow');

  // ── 20 The supplier declares the export from the order, with HS codes suggested for its line ──
  await supplier.goto(`/orders/${orderId}`);
  await expect(orderStatus(supplier)).toHaveText('Completed');
  await supplier.getByTestId('order-declarations').getByTestId('declare-order').click();
  await expect(supplier).toHaveURL(new RegExp(`/declarations/new\\?orderId=${orderId}$`));
  const declaration = supplier.getByTestId('declaration-form');
  await declaration.getByTestId('exporter-local-name').fill('宁波宏达泵业有限公司');
  await declaration.getByTestId('exporter-tax-id').fill(USCC);
  await declaration.getByTestId('exporter-address').fill('浙江省宁波市鄞州区');
  const line = declaration.getByTestId('declaration-line');
  await expect(line).toHaveCount(1);
  // The order's line is the quote's, which took the RFQ's words.
  await expect(line.getByTestId('line-description')).toHaveValue(title);
  const pump = line.getByTestId('line-hs-suggestions').getByTestId('hs-suggestion').first();
  await expect(pump).toBeVisible();
  const hsCode = (await pump.getAttribute('data-code')) ?? '';
  expect(hsCode).toMatch(/^8413\d{2}$/);
  await pump.click();
  await expect(line.getByTestId('line-hs-code')).toHaveValue(hsCode);
  await line.getByTestId('line-net-weight').fill('5400');
  await line.getByTestId('line-gross-weight').fill('6000');
  await line.getByTestId('line-packages').fill('300');
  await shoot(supplier, '20-supplier-declaration-form');
  await declaration.getByTestId('submit-declaration').click();
  await expect(supplier).toHaveURL(/\/declarations\/dec_[0-9a-z]+$/);
  await expect(supplier.getByTestId('declaration-status').first()).toHaveText('Drafted');
  await expect(supplier.getByTestId('declaration-number')).toHaveText(/^TL-EX-\d{4}-[0-9A-Z]{8}$/);
  await expect(supplier.getByTestId('declaration-order')).toHaveText(orderId);

  // ── 21 …and the commercial invoice is a real PDF ──
  const [download] = await Promise.all([
    supplier.waitForEvent('download'),
    supplier.getByTestId('doc-invoice').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const invoice = Buffer.concat(await (await download.createReadStream()).toArray());
  expect(invoice.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(invoice.length).toBeGreaterThan(5 * 1024);
  await shoot(supplier, '21-supplier-declaration-and-invoice');

  // ── 22 The public trade index counts the order in this month (recorded when it was paid) ──
  await expect(async () => {
    const figure = await indexedOrders(buyer, month);
    expect(await countIn(figure)).toBe(ordersBefore + 1);
  }).toPass();
  await expect(buyer.getByRole('heading', { level: 1, name: 'Índice comercial' })).toBeVisible();
  await shoot(buyer, '22-trade-index-counts-the-order');

  for (const page of [buyer, supplier, rival, forwarder, operator]) await page.context().close();
});

// ── The journey's key pages in every language ──

/** The top-level namespaces of the strings: a key the files lack renders as itself, e.g. "orderActions.ship.label". */
const namespaces = Object.keys(JSON.parse(readFileSync(resolve('web/src/i18n/en.json'), 'utf8')) as object);
const rawKey = new RegExp(`(?<![\\w@./-])(?:${namespaces.join('|')})\\.[A-Za-z]\\w*(?:\\.\\w+)*`);
const languages = ['en', 'es', 'zh-CN'] as const;

type Found = { items: { id: string; status?: string }[] };
type Rfq = { id: string; quoteCount: number };

/** The demo's records behind each page, looked up once through the API of the user who sees them. */
const demoRecords = async (buyer: Page, supplier: Page) => {
  const read = async <T>(page: Page, path: string) => {
    const response = await page.request.get(path);
    expect(response.ok(), `${path} answered ${response.status()}`).toBe(true);
    return (await response.json()) as T;
  };
  const product = (await read<Found>(buyer, '/api/search/products?q=water%20pump')).items[0];
  const rfqs = await read<Rfq[] | { items: Rfq[] }>(buyer, '/api/rfqs');
  // The demo's own records, not ones a journey left behind: the RFQ with the most quotes, a shipped order.
  const rfq = (Array.isArray(rfqs) ? rfqs : rfqs.items).reduce<Rfq | undefined>(
    (most, r) => (r.quoteCount > (most?.quoteCount ?? 1) ? r : most),
    undefined,
  );
  const comparison = await read<{ rows: { quoteId: string }[] }>(buyer, `/api/rfqs/${rfq?.id}/comparison`);
  const order = (await read<Found>(buyer, '/api/orders?limit=100')).items.find((o) => o.status === 'shipped');
  const booking = (await read<{ id: string }[]>(buyer, '/api/freight/bookings'))[0];
  const declaration = (await read<{ id: string }[]>(supplier, '/api/declarations'))[0];
  for (const [what, record] of Object.entries({ product, rfq, order, booking, declaration }))
    expect(record, `the demo has a ${what}`).toBeTruthy();
  return {
    product: product?.id,
    rfq: rfq?.id,
    quote: comparison.rows[0]?.quoteId,
    order: order?.id,
    booking: booking?.id,
    declaration: declaration?.id,
  };
};

/**
 * Every text node of the page, hidden ones included (screen readers read them), each apart so a
 * key can't hide inside a neighbour's word, and the labels of controls: aria-label, title,
 * placeholder, alt. (A string script: the e2e tsconfig has no DOM types.)
 */
const visibleAndAccessibleText = async (page: Page) =>
  String(
    await page.evaluate(`(() => {
      const out = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const tag = walker.currentNode.parentElement?.tagName;
        if (tag !== 'SCRIPT' && tag !== 'STYLE') out.push(walker.currentNode.nodeValue);
      }
      for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))
        for (const name of ['aria-label', 'title', 'placeholder', 'alt'])
          if (el.hasAttribute(name)) out.push(el.getAttribute(name));
      return out.join(' ').replace(/\\s+/g, ' ');
    })()`),
  );

test('the journey’s key pages render in English, Spanish and Chinese with no missing strings', async ({
  browser,
}) => {
  // Eleven pages in three languages, each loaded fresh.
  test.setTimeout(300_000);
  const buyer = await session(browser, BUYER);
  const supplier = await session(browser, SUPPLIER);
  const ids = await demoRecords(buyer, supplier);
  // Each page, who sees it, and what shows it has loaded.
  const pages = [
    { name: 'search', as: buyer, path: '/search?q=water%20pump', ready: 'product-card' },
    { name: 'product', as: buyer, path: `/products/${ids.product}`, ready: 'tier-table' },
    { name: 'rfq-form', as: buyer, path: '/rfqs/new', ready: 'rfq-form' },
    { name: 'quote-compare', as: buyer, path: `/rfqs/${ids.rfq}`, ready: 'comparison-row' },
    { name: 'quote', as: buyer, path: `/quotes/${ids.quote}`, ready: 'quote-status' },
    { name: 'rfq-feed', as: supplier, path: '/supplier/rfqs', ready: 'feed-item' },
    { name: 'order', as: buyer, path: `/orders/${ids.order}`, ready: 'order-status' },
    {
      name: 'freight-search',
      as: supplier,
      path: `/freight?origin=CNNGB&destination=ESVLC&readyDate=${day(5)}&containerType=40HQ&containers=1&sort=price`,
      ready: 'freight-offer',
    },
    { name: 'booking', as: buyer, path: `/freight/bookings/${ids.booking}`, ready: 'booking-status' },
    {
      name: 'declaration',
      as: supplier,
      path: `/declarations/${ids.declaration}`,
      ready: 'declaration-status',
    },
    { name: 'trade-index', as: buyer, path: '/trade-index?from=2021-01&to=2021-05', ready: 'province-map' },
  ];

  const problems: string[] = [];
  for (const page of [buyer, supplier]) {
    // A missing key can also surface as a warning of i18next or react-i18next; a crash as a page error.
    page.on('console', (message) => {
      if (/i18next|missing ?key|translation/i.test(message.text()))
        problems.push(`console ${message.type()} on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  }

  const english = new Map<string, string>();
  mkdirSync(SHOTS, { recursive: true });
  for (const lang of languages) {
    // The language a user picked is kept in the browser (the header's switch writes the same entry).
    for (const page of [buyer, supplier]) {
      if (page.url() === 'about:blank') await page.goto('/');
      await page.evaluate(`localStorage.setItem('tradelane.lang', '${lang}')`);
    }
    for (const { name, as: page, path, ready } of pages) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByTestId(ready).first()).toBeVisible();
      // Lists and panels finish loading after the first record shows.
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
      const text = await visibleAndAccessibleText(page);
      const where = `${name} in ${lang}`;
      expect(text.match(rawKey)?.[0], `a raw translation key on ${where}`).toBeUndefined();
      expect(text, `an unfilled {{placeholder}} on ${where}`).not.toContain('{{');
      expect(text, `a key naming a group of strings on ${where}`).not.toContain('returned an object');
      if (lang === 'en') english.set(name, text);
      else expect(text, `${where} is still in English`).not.toBe(english.get(name));
      await page.screenshot({ path: `${SHOTS}/lang-${lang}-${name}.png` });
    }
  }
  expect(problems).toEqual([]);
  for (const page of [buyer, supplier]) {
    await page.evaluate(`localStorage.setItem('tradelane.lang', 'en')`);
    await page.context().close();
  }
});
