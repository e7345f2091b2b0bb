import { type Page, test } from '@playwright/test';
import { BUYER, expect, session } from './support';

// The demo forwarder (src/demo/accounts.ts), whose rate cards the demo loads (src/demo/demo-freight.ts).
const FORWARDER = 'forwarder@demo.tradelane.dev';
const FORWARDER_NAME = 'Pacific Bridge Logistics Ltd.';

const status = (page: Page) => page.getByTestId('booking-status').first();

/** A local calendar day, `days` from today, as a date input takes it. */
const day = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('a shipper books freight, the forwarder confirms it and reports the milestones, the shipper follows the timeline', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const buyer = await session(browser, BUYER);
  const forwarder = await session(browser, FORWARDER);

  // ── The buyer searches Ningbo → Valencia for one 40' high cube and books the demo forwarder's next sailing ──
  await buyer.goto('/freight');
  const form = buyer.getByTestId('freight-search-form');
  await form.getByTestId('search-origin').fill('cnngb');
  await form.getByTestId('search-destination').fill('ESVLC');
  await form.getByTestId('search-ready-date').fill(day(5));
  await form.getByTestId('search-containers').fill('1');
  await form.getByTestId('search-submit').click();
  await expect(buyer).toHaveURL(/origin=CNNGB&destination=ESVLC/);
  await expect(buyer.getByTestId('results-summary')).toContainText('Ningbo-Zhoushan (CNNGB)');
  const offer = buyer.locator(`[data-testid="freight-offer"][data-forwarder="${FORWARDER_NAME}"]`);
  await expect(offer).toHaveCount(1);
  const standardTotal = (await offer.getByTestId('offer-standard-total').textContent())?.trim() ?? '';
  expect(standardTotal).toMatch(/^\$[\d,]+\.\d{2}$/);
  // The breakdown adds up to the all-in price.
  await offer.getByTestId('offer-lines-toggle').click();
  await expect(offer.getByTestId('offer-standard-lines').getByTestId('price-total')).toHaveText(
    standardTotal,
  );

  await offer.getByTestId('offer-departure').first().getByTestId('book-departure').click();
  const dialog = buyer.getByTestId('book-form');
  await dialog.getByRole('radio', { name: /^Standard/ }).check();
  await dialog.getByTestId('book-submit').click();
  await expect(buyer).toHaveURL(/\/freight\/bookings\/bkg_[0-9a-z]+$/);
  const bookingId = buyer.url().split('/').pop() ?? '';
  await expect(status(buyer)).toHaveText('Requested');
  await expect(buyer.getByTestId('booking-title')).toHaveText('CNNGB → ESVLC');
  await expect(buyer.getByTestId('booking-price-lines').getByTestId('price-total')).toHaveText(standardTotal);
  await expect(buyer.getByTestId('booking-number-pending')).toBeVisible();

  // ── The forwarder confirms it from the booking desk with the carrier's booking number ──
  const bookingNumber = `HLCU${Date.now().toString().slice(-10)}`;
  await forwarder.goto('/forwarder/bookings');
  const request = forwarder.locator('li', { has: forwarder.locator(`[data-booking-id="${bookingId}"]`) });
  await expect(request).toBeVisible();
  await request.getByTestId('quick-booking-number').fill(bookingNumber);
  await request.getByTestId('quick-confirm').click();
  // Answered: it leaves the requests waiting.
  await expect(request).toHaveCount(0);

  // ── …then reports gate-in, loading and departure on the booking page ──
  await forwarder.goto(`/freight/bookings/${bookingId}`);
  await expect(status(forwarder)).toHaveText('Confirmed');
  const report = forwarder.getByTestId('event-form');
  for (const [next, shown] of [
    ['Gate-in at terminal', 'At the terminal'],
    ['Loaded', 'Loaded'],
    ['Departed', 'Departed'],
  ] as const) {
    // After each report the form offers the next milestone.
    await expect(report.getByTestId('event-kind')).toHaveValue(next);
    await report.getByTestId('event-location').fill('CNNGB');
    await report.getByTestId('event-submit').click();
    await expect(status(forwarder)).toHaveText(shown);
  }

  // ── The buyer sees the whole timeline ──
  await buyer.reload();
  await expect(status(buyer)).toHaveText('Departed');
  await expect(buyer.getByTestId('booking-number')).toHaveText(bookingNumber);
  const timeline = buyer.getByTestId('booking-event');
  await expect(timeline).toHaveCount(5);
  expect(await timeline.evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')))).toEqual([
    'requested',
    'confirmed',
    'gate_in',
    'loaded',
    'departed',
  ]);
  await expect(timeline.nth(1)).toContainText(`Confirmed, booking number ${bookingNumber}`);
  await expect(timeline.nth(4)).toContainText('CNNGB');
  // Once the cargo is at the terminal the shipper can no longer cancel.
  await expect(buyer.getByTestId('cancel-booking')).toHaveCount(0);
});
