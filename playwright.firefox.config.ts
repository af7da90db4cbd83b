// End-to-end tests in Firefox: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi
// (tests/firefox/harness-firefox.ts), run by Playwright's test runner. They test the SHIPPED
// Firefox build, .output/firefox-mv3 (run `npm run build` first; FIREFOX_EXTENSION_DIR overrides).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/firefox',
  testMatch: '*.spec.ts',
  // not test-results/ itself: Playwright empties its outputDir, and the screenshots live beside it
  outputDir: 'test-results/playwright-firefox',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
});
