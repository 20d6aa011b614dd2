/**
 * The rollout panel against a real control plane: each test seeds its own model (the demo ONNX
 * uploaded twice) and endpoint, so runtimes really start and other specs' endpoints stay as
 * they were. Endpoints are deleted afterwards to stop their runtimes.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, signIn, snapshot, test, uniqueName, type AdminApi } from './fixtures';
import { isActivePhase, type RolloutPhase } from '../protocol/rollout-vocabulary';

const RUNTIME_START_MS = 90_000;

async function seedEndpoint(adminApi: AdminApi): Promise<string> {
  const model = uniqueName('romodel');
  const endpoint = uniqueName('ro');
  await adminApi.createModel(model);
  await adminApi.uploadVersion(model);
  await adminApi.uploadVersion(model);
  const response = await adminApi.request.post('/api/v1/endpoints', { data: { name: endpoint, model, version: 1 } });
  expect(response.status(), await response.text()).toBe(201);
  return endpoint;
}

/** Best-effort cleanup (never masks a failure): abort what is active, then delete the endpoint. */
async function removeEndpoint(request: APIRequestContext, endpoint: string) {
  const list = await request.get(`/api/v1/endpoints/${endpoint}/rollouts`);
  const items = list.ok() ? ((await list.json()) as { items: { id: number; phase: RolloutPhase }[] }).items : [];
  const active = items.find((r) => isActivePhase(r.phase));
  if (active) await request.post(`/api/v1/rollouts/${active.id}/abort`);
  await request.delete(`/api/v1/endpoints/${endpoint}`);
}

const dd = (page: Page, term: string) => page.getByRole('region', { name: 'Rollout', exact: true }).getByText(term, { exact: true }).locator('+ dd');

test.describe('rollouts', () => {
  test('start a canary, watch it advance, promote it, then roll back', async ({ page, adminApi }, testInfo) => {
    test.setTimeout(240_000);
    const endpoint = await seedEndpoint(adminApi);
    try {
      await signIn(page, `/endpoints/${endpoint}`);
      const panel = page.getByRole('region', { name: 'Rollout', exact: true });
      await panel.getByRole('button', { name: 'New rollout' }).click();
      const form = panel.getByRole('form', { name: 'Start rollout' });
      await expect(form.getByLabel('Candidate version')).toHaveValue('2');
      await expect(form.getByLabel('Canary')).toBeChecked();

      // Two timed steps: a short one to watch it advance, a long one to promote before its end.
      await form.getByRole('button', { name: 'Remove step 3' }).click();
      await form.getByLabel('Step 1 pause (s)').fill('2');
      await form.getByLabel('Step 2 pause (s)').fill('300');
      await form.getByLabel('Run analysis checks').uncheck();

      // The API's validation lands beside the input it names (steps.1.weightPct).
      await form.getByLabel('Step 2 weight (%)').fill('5');
      await form.getByRole('button', { name: 'Start rollout' }).click();
      await expect(form.getByLabel('Step 2 weight (%)')).toHaveAttribute('aria-invalid', 'true');
      await expect(form.getByText(/weights must increase/)).toBeVisible();
      await form.getByLabel('Step 2 weight (%)').fill('50');
      await form.getByRole('button', { name: 'Start rollout' }).click();

      const steps = panel.getByRole('list', { name: 'Steps' });
      await expect(steps.getByRole('listitem')).toHaveCount(2);
      await expect(panel.getByRole('heading', { name: /^Rollout \d+ \(canary\)/ })).toBeVisible();
      // The candidate runtime starts first (seconds), then step 1 holds 2 s and step 2 begins.
      await expect(steps.locator('[aria-current="step"]')).toContainText('Step 2: 50%', { timeout: RUNTIME_START_MS });
      await expect(steps.getByRole('listitem').first()).toContainText('done');
      await expect(dd(page, 'Candidate weight')).toHaveText('50%');
      await expect(dd(page, 'Stable version')).toHaveText('1');
      await expect(panel.getByText('Analysis is off')).toBeVisible();
      await snapshot(page, testInfo, 'canary-step-2');

      await panel.getByRole('button', { name: 'Promote', exact: true }).click();
      await expect(panel.getByRole('group', { name: 'Confirm promote' })).toContainText('Promote version 2 to stable now');
      await panel.getByRole('button', { name: 'Confirm promote' }).click();
      await expect(panel.getByRole('heading', { name: /^Rollout \d+ \(canary\)/ })).toContainText('succeeded', { timeout: 60_000 });
      await expect(dd(page, 'Stable version')).toHaveText('2');
      await expect(dd(page, 'Candidate weight')).toHaveText('100%');
      await expect(steps.getByRole('listitem').nth(1)).toContainText('done');
      await snapshot(page, testInfo, 'canary-succeeded');

      await panel.getByRole('button', { name: 'Rollback' }).click();
      await panel.getByRole('button', { name: 'Confirm rollback' }).click();
      await expect(panel.getByRole('heading', { name: /^Rollout \d+ \(canary\)/ })).toContainText('rolled-back');
      await expect(dd(page, 'Stable version')).toHaveText('1');
      // Nothing is active any more: a new rollout can be started (the form opens on demand).
      await panel.getByRole('button', { name: 'New rollout' }).click();
      await expect(form).toBeVisible();

      const history = page.getByRole('table', { name: 'Rollout history' });
      await expect(history.getByRole('row')).toHaveCount(2);
      await expect(history.getByRole('row').nth(1)).toContainText('canary');
      await expect(history.getByRole('row').nth(1)).toContainText('1 → 2');
      await expect(history.getByRole('row').nth(1)).toContainText('rolled-back');
      await expect(page.getByRole('table', { name: 'Replicas' }).getByRole('row').filter({ hasText: 'ready' }).first()).toBeVisible({ timeout: RUNTIME_START_MS });
      await snapshot(page, testInfo, 'rolled-back');
    } finally {
      await removeEndpoint(adminApi.request, endpoint);
    }
  });

  test('blue-green: warm, preview, promote into warm standby, roll back', async ({ page, adminApi }, testInfo) => {
    test.setTimeout(240_000);
    const endpoint = await seedEndpoint(adminApi);
    try {
      await signIn(page, `/endpoints/${endpoint}`);
      const panel = page.getByRole('region', { name: 'Rollout', exact: true });
      await panel.getByRole('button', { name: 'New rollout' }).click();
      const form = panel.getByRole('form', { name: 'Start rollout' });
      await form.getByLabel('Blue-green').check();
      await expect(form.getByLabel('Scale-down delay (s)')).toHaveValue('600');
      await expect(form.getByLabel('Run analysis checks')).toBeChecked();
      await form.getByLabel('Run analysis checks').uncheck();
      await form.getByRole('button', { name: 'Start rollout' }).click();

      const steps = panel.getByRole('list', { name: 'Steps' });
      await expect(steps.getByRole('listitem')).toHaveCount(4);
      await expect(steps.locator('[aria-current="step"]')).toContainText('Preview', { timeout: RUNTIME_START_MS });
      await expect(dd(page, 'Candidate weight')).toHaveText('0% (preview only)');

      await panel.getByRole('button', { name: 'Promote', exact: true }).click();
      await panel.getByRole('button', { name: 'Confirm promote' }).click();
      await expect(panel.getByRole('heading', { name: /^Rollout \d+ \(blue-green\)/ })).toContainText('succeeded', { timeout: 60_000 });
      await expect(steps.locator('[aria-current="step"]')).toContainText('Warm standby');
      await expect(dd(page, 'Stable version')).toHaveText('2');
      await expect(dd(page, 'Old version warm until')).toHaveText(/^\d{4}-\d{2}-\d{2} /);
      await snapshot(page, testInfo, 'blue-green-standby');

      await panel.getByRole('button', { name: 'Rollback' }).click();
      await panel.getByRole('button', { name: 'Confirm rollback' }).click();
      await expect(panel.getByRole('heading', { name: /^Rollout \d+ \(blue-green\)/ })).toContainText('rolled-back');
      await expect(dd(page, 'Stable version')).toHaveText('1');
    } finally {
      await removeEndpoint(adminApi.request, endpoint);
    }
  });

  test('a viewer sees the active rollout but no mutation buttons', async ({ page, adminApi }, testInfo) => {
    const endpoint = await seedEndpoint(adminApi);
    try {
      const started = await adminApi.request.post(`/api/v1/endpoints/${endpoint}/rollouts`, {
        data: { strategy: 'canary', version: 2, steps: [{ weightPct: 10 }], analysis: null },
      });
      expect(started.status(), await started.text()).toBe(201);
      const token = await adminApi.request.post('/api/v1/tokens', { data: { name: uniqueName('viewer'), role: 'viewer' } });
      expect(token.status(), await token.text()).toBe(201);
      const { secret } = (await token.json()) as { secret: string };

      await page.goto(`/login?next=${encodeURIComponent(`/endpoints/${endpoint}`)}`);
      await page.getByLabel('API token').fill(secret);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const panel = page.getByRole('region', { name: 'Rollout', exact: true });
      await expect(panel.getByRole('heading', { name: /^Rollout \d+ \(canary\)/ })).toBeVisible();
      await expect(panel.getByRole('list', { name: 'Steps' })).toContainText('Step 1: 10%');
      await expect(page.getByRole('table', { name: 'Replicas' })).toBeVisible();
      await expect(panel.getByRole('button')).toHaveCount(0);
      await expect(panel.getByRole('form', { name: 'Start rollout' })).toHaveCount(0);
      await snapshot(page, testInfo, 'viewer-rollout');
    } finally {
      await removeEndpoint(adminApi.request, endpoint);
    }
  });
});
