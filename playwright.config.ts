/**
 * End-to-end tests of the dashboard against a real control plane (`npm start`) on fresh data.
 * One worker: the machine has two cores and the specs share one server. The first start may build
 * Next.js, hence the long webServer timeout.
 */
import { defineConfig } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A port the kernel just handed out (and we released): free unless something grabs it meanwhile. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

// Set once in the runner; worker processes inherit them, so every spec sees the same values.
process.env.SLIPWAY_ADMIN_TOKEN ??= 'slw_e2e_0123456789abcdefghijklmnopqrstuv';
if (!process.env.SLIPWAY_E2E_DATA_DIR) {
  const dataDir = mkdtempSync(join(tmpdir(), 'slipway-e2e-'));
  process.env.SLIPWAY_E2E_DATA_DIR = dataDir;
  // The runner created it, so the runner removes it, after the web server has stopped.
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}
process.env.SLIPWAY_E2E_PORT ??= String(await freePort());
process.env.SLIPWAY_E2E_GATEWAY_PORT ??= String(await freePort());
process.env.SLIPWAY_E2E_GRPC_PORT ??= String(await freePort());
const PORT = Number(process.env.SLIPWAY_E2E_PORT);
const GATEWAY_PORT = Number(process.env.SLIPWAY_E2E_GATEWAY_PORT);

export default defineConfig({
  testDir: './e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: 'npm start',
    url: `http://127.0.0.1:${PORT}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 300_000,
    // The gateway and runtimes live in their own sessions (they outlive a crashed control plane), so
    // a SIGKILL of npm's process group would leave them running: stop it the way an operator does.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      SLIPWAY_DATA_DIR: process.env.SLIPWAY_E2E_DATA_DIR,
      PORT: String(PORT),
      SLIPWAY_GATEWAY_PORT: String(GATEWAY_PORT),
      SLIPWAY_GRPC_PORT: process.env.SLIPWAY_E2E_GRPC_PORT,
      SLIPWAY_ADMIN_TOKEN: process.env.SLIPWAY_ADMIN_TOKEN,
      SLIPWAY_DEMO: '1',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
