// The same popup in a browser whose UI language is English: the extension's en catalogue, and
// each finding's English line.
import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launch, openPopup, tabIdOf, type Harness } from './harness';

const SEED = 'tests/fixtures/seeds/003_ed735561ce7e8ab6.word.html';
let h: Harness;
test.beforeAll(async () => {
  h = await launch('en');
});
test.afterAll(async () => {
  await h?.close();
});

test('(j) an English browser gets the English popup and the English line of each finding', async () => {
  test.skip(!existsSync(join(ROOT, SEED)), `${SEED} not generated yet`);
  const page = await h.context.newPage();
  await page.goto(`${h.server.origin}/${SEED.replace(/^tests\//, '')}`);
  const popup = await openPopup(h, await tabIdOf(h, page));
  await expect(popup.locator('[data-testid=verdict]')).toContainText(/\d+ inconsistencies/);
  await expect(popup.locator('.format')).toHaveText('2019 format');
  await expect(popup.locator('.findings > .finding-list > li').first()).toContainText('Table 3');
  await expect(popup.locator('[data-action=copy-csv]')).toHaveText('Copy CSV');
  await popup.screenshot({ path: join(ROOT, 'test-results/screenshots/j-english.png') });
});
