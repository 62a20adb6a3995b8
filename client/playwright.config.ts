import { defineConfig, type ReporterDescription } from '@playwright/test';

// The e2e suite runs against a running API that also serves the built SPA (scripts/run, scripts/test).
const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080';

// Debian's Chromium: Playwright never downloads a browser on these machines.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// A JSON report is written when PLAYWRIGHT_JSON_OUTPUT_NAME names a file; the console always gets the list.
const jsonReport = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME;
const reporter: ReporterDescription[] = [['list']];
if (jsonReport) {
  reporter.push(['json', { outputFile: jsonReport }]);
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  reporter,
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    locale: 'ja-JP',
    trace: 'off',
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
