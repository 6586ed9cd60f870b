import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 4173);

// Debian's Chromium (the bundled browsers cannot be downloaded here), with everything
// that would phone home switched off so that no request leaves the machine.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--no-first-run",
    "--no-default-browser-check",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromium,
    // A failed test leaves its trace (DOM snapshots, network, console) and a screenshot in
    // test-results/; `npx playwright show-trace <file>` replays it. Passing tests keep nothing.
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  outputDir: "test-results",
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    { name: "chromium-no-js", use: { ...devices["Desktop Chrome"], launchOptions: chromium, javaScriptEnabled: false } },
  ],
  webServer: {
    // A fresh embedded database each run with the demo data, and the demo official reachable
    // (tests/support/e2e-demo-setup.ts), then the server on it.
    command: `rm -rf .cache/e2e-pg-${port} && tsx tests/support/e2e-demo-setup.ts && tsx server/index.ts`,
    env: { NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", PGLITE_DATA_DIR: `.cache/e2e-pg-${port}`, LOG_LEVEL: "warn" },
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
