import { type BrowserContext, type Page, test } from '@playwright/test';
import { expect } from './support';

// The demo buyer has inquiry threads with suppliers (src/demo/demo-sourcing.ts).
const PASSWORD = 'tradelane-demo';
const BUYER = 'buyer@demo.tradelane.dev';

// The smallest file the server's type sniffing takes as a PDF.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

// Every context starts in English whatever the browser's locale, so text assertions hold.
const english = (context: BrowserContext) =>
  context.addInitScript({
    content: "if (!localStorage.getItem('tradelane.lang')) localStorage.setItem('tradelane.lang', 'en');",
  });

const signIn = async (page: Page, email: string) => {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('user-name').filter({ visible: true })).toBeVisible();
};

test('a buyer attaches a PDF to an inquiry reply and the link appears in the thread', async ({ page }) => {
  await english(page.context());
  await signIn(page, BUYER);
  await page.goto('/inquiries');
  await page.getByTestId('inbox-row').first().click();
  await expect(page).toHaveURL(/\/inquiries\/[^/]+$/);

  const fileName = `drawing-${Date.now().toString(36)}.pdf`;
  const reply = page.getByRole('form', { name: 'Reply' });
  await reply.getByRole('textbox', { name: 'Reply' }).fill('The technical drawing is attached.');

  // A file the server can't store is refused before it is sent, and can be removed.
  const refused = page.waitForEvent('filechooser');
  await reply.getByRole('button', { name: 'Attach files' }).click();
  await (await refused).setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('notes') });
  await expect(reply.getByTestId('attachment-error')).toHaveText(/can’t be attached/);
  await reply.getByRole('button', { name: 'Remove notes.txt' }).click();
  await expect(reply.getByTestId('attachment')).toHaveCount(0);

  const chooser = page.waitForEvent('filechooser');
  await reply.getByRole('button', { name: 'Attach files' }).click();
  await (await chooser).setFiles({ name: fileName, mimeType: 'application/pdf', buffer: PDF });
  const picked = reply.getByTestId('attachment').filter({ hasText: fileName });
  await expect(picked).toHaveAttribute('data-status', 'done');
  await expect(picked).toContainText('Attached');

  await reply.getByTestId('send-reply').click();
  const link = page.getByTestId('messages').getByRole('link', { name: fileName });
  await expect(link).toBeVisible();
  // The reply box is empty again, ready for the next message.
  await expect(reply.getByTestId('attachment')).toHaveCount(0);

  // Both sides of the thread can download it; the server serves exactly what was uploaded.
  const download = await page.request.get((await link.getAttribute('href')) ?? '');
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect((await download.body()).equals(PDF)).toBe(true);
});
