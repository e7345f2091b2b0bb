import { test } from '@playwright/test';
import { expect, PASSWORD } from './support';

// A demo account no other browser test signs in with: its stored language is this test's alone.
const PURCHASING = 'purchasing@demo.tradelane.dev';

const signInThroughTheForm = async (page: import('@playwright/test').Page, email: string) => {
  await page.goto('/sign-in');
  const form = page.locator('form');
  await form
    .locator('input[type="email"], input[autocomplete="email"], input[name="email"]')
    .first()
    .fill(email);
  await form.locator('input[type="password"]').fill(PASSWORD);
  await form.locator('button[type="submit"]').click();
  await expect(page.getByTestId('user-name').filter({ visible: true })).toBeVisible();
};

test('the language a user picks follows them to their next sign-in, on another browser', async ({
  browser,
}) => {
  // First browser: English, the user switches to 中文 while signed in.
  const first = await browser.newContext();
  await first.addInitScript({ content: "localStorage.setItem('tradelane.lang', 'en');" });
  const page = await first.newPage();
  await signInThroughTheForm(page, PURCHASING);
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('中文').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect
    .poll(
      async () =>
        ((await (await page.request.get('/api/me')).json()) as { user: { locale: string } }).user.locale,
    )
    .toBe('zh-CN');
  await first.close();

  // Another browser whose own language is Spanish: signing in brings the user's 中文 back.
  const second = await browser.newContext({ locale: 'es-ES' });
  const other = await second.newPage();
  await other.goto('/sign-in');
  await expect(other.locator('html')).toHaveAttribute('lang', 'es');
  await signInThroughTheForm(other, PURCHASING);
  await expect(other.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(other.getByRole('radiogroup', { name: '语言' })).toBeVisible();

  // Switching back is remembered too, so the account ends as it began for anyone who signs in next.
  await other.getByRole('radiogroup', { name: '语言' }).getByText('EN').click();
  await expect
    .poll(
      async () =>
        ((await (await other.request.get('/api/me')).json()) as { user: { locale: string } }).user.locale,
    )
    .toBe('en');
  await second.close();
});
