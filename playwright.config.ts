// End-to-end tests: Debian's Chromium (never a downloaded browser), headless, with the test build
// of the extension (E2E=1: its content script also runs on the 127.0.0.1 test server).
import { defineConfig } from '@playwright/test';

// service-worker requests show up in context 'request' events only with this switch (test (e))
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  // not test-results/ itself: Playwright empties its outputDir, and the screenshots live beside it
  outputDir: 'test-results/playwright',
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
});
