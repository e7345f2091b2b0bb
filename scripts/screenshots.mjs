#!/usr/bin/env node
// Screenshots of the public screens in every UI language at a desktop and a
// phone width, for reviewing layout and translations by eye:
//
//   npm start                                   # or any running server with the demo data
//   node scripts/screenshots.mjs                # → test-results/screenshots/*.png
//
// BASE_URL (default http://localhost:3000), OUT, LANGS (en,zh-CN,es),
// WIDTHS (1280,390), ONLY (e.g. search,product) and FULL=0 (viewport only)
// adjust it. It reports pages wider than the viewport and console errors.
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://localhost:3000';
const out = process.env.OUT ?? 'test-results/screenshots';
const only = process.env.ONLY?.split(',');
const list = (value, fallback) => (value ?? fallback).split(',').filter(Boolean);

const search = await (await fetch(`${base}/api/search/products?q=water%20pump`)).json();
const product = search.items[0];
if (!product) throw new Error(`No product matches "water pump" on ${base}: load the demo data first`);
const pages = {
  home: '/',
  search: '/search?q=water%20pump',
  product: `/products/${product.id}`,
  supplier: `/suppliers/${product.supplier.id}`,
  'sign-in': '/sign-in',
  'trade-index': '/trade-index?from=2021-01&to=2021-05',
};

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
const problems = [];
for (const lang of list(process.env.LANGS, 'en,zh-CN,es')) {
  for (const width of list(process.env.WIDTHS, '1280,390').map(Number)) {
    const context = await browser.newContext({ viewport: { width, height: width > 800 ? 900 : 844 } });
    await context.addInitScript((l) => localStorage.setItem('tradelane.lang', l), lang);
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`${page.url()} [${lang}, ${width}px]: ${e.message}`));
    page.on('console', (m) => {
      // Signed out, the app's /api/me probe answers 401 by design.
      if (m.type() === 'error' && !m.text().includes('401'))
        problems.push(`${page.url()} [${lang}, ${width}px]: ${m.text()}`);
    });
    for (const [name, path] of Object.entries(pages)) {
      if (only && !only.includes(name)) continue;
      await page.goto(base + path, { waitUntil: 'networkidle' });
      const file = `${out}/${name}-${lang}-${width}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL !== '0' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) problems.push(`${path} [${lang}, ${width}px]: ${overflow}px wider than the viewport`);
      console.log(file);
    }
    await context.close();
  }
}
await browser.close();
console.log(problems.length > 0 ? `\n${problems.join('\n')}` : '\nNo overflow, no console errors.');
