/**
 * The live dashboard against real traffic: inference requests go to the real gateway, then the
 * overview, the endpoint charts and the rollout markers must show them. Traffic is sent inside
 * `toPass` bodies, so it keeps flowing (bounded) until the page shows what the test waits for.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, GATEWAY_URL as GATEWAY, signIn, snapshot, test, uniqueName, type AdminApi } from './fixtures';

const DEMO_ENDPOINT = 'text-orientation';
const ITEM_FLOATS = 3 * 48 * 192;
const BURST = 8;

/** A KServe v2 JSON request for one [1, 3, 48, 192] image of seeded noise (no cache hits by accident). */
function inferBody(seed: number) {
  let state = seed;
  const data = Array.from({ length: ITEM_FLOATS }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  });
  return { inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 3, 48, 192], data }] };
}

let seed = 1;
/** BURST requests, a few at a time; every answer must be a 200 from the gateway. */
async function burst(request: APIRequestContext, endpoint: string): Promise<void> {
  for (let i = 0; i < BURST; i += 4) {
    const replies = await Promise.all(
      Array.from({ length: 4 }, () => request.post(`${GATEWAY}/v2/models/${endpoint}/infer`, { data: inferBody(seed++) })),
    );
    for (const reply of replies) expect(reply.status(), await reply.text()).toBe(200);
  }
}

/** Sends bursts until `check` passes: at most one burst a second, for at most `timeoutMs`. */
async function withTraffic(request: APIRequestContext, endpoint: string, check: () => Promise<void>, timeoutMs = 60_000): Promise<void> {
  await expect(async () => {
    await burst(request, endpoint);
    await check();
  }).toPass({ timeout: timeoutMs, intervals: [1_000] });
}

const figure = (page: Page, title: string) => page.getByRole('figure', { name: new RegExp(`^${title}`) });

/** A recharts line with at least two points has a path `d` with a line segment (`L`) in it. */
async function expectPlotted(chart: Locator, minPoints: 1 | 2 = 2): Promise<void> {
  await expect(chart.locator('.recharts-line-curve').first()).toHaveAttribute('d', minPoints === 2 ? /^M[\d.,]+L/ : /^M[\d.,]+/, { timeout: 2_000 });
}

/** How many points the named line has drawn (its path's M plus one L per further point). */
async function pointsOf(chart: Locator, line: string): Promise<number> {
  const d = (await chart.locator(`path.recharts-line-curve[name="${line}"]`).getAttribute('d', { timeout: 1_000 })) ?? '';
  return (d.match(/[ML]/g) ?? []).length;
}

function rangeButton(page: Page, label: string): Locator {
  return page.getByRole('group', { name: 'Time range' }).getByRole('button', { name: label, exact: true });
}

async function createServedEndpoint(adminApi: AdminApi, request: APIRequestContext): Promise<{ model: string; endpoint: string }> {
  const model = uniqueName('dash');
  const endpoint = uniqueName('dash-ep');
  await adminApi.createModel(model);
  await adminApi.uploadVersion(model);
  const created = await adminApi.request.post('/api/v1/endpoints', { data: { name: endpoint, model, version: 1 } });
  expect(created.status(), await created.text()).toBe(201);
  await expect
    .poll(async () => (await request.get(`${GATEWAY}/v2/models/${endpoint}/ready`)).status(), { timeout: 60_000 })
    .toBe(200);
  return { model, endpoint };
}

test.describe('live dashboard', () => {
  test('the overview shows live figures for the demo endpoint', async ({ page, request }, testInfo) => {
    await signIn(page, '/');
    const row = page.getByRole('table', { name: 'Live traffic' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: DEMO_ENDPOINT }) });
    await expect(row).toBeVisible();
    const rpsCell = row.getByRole('cell').nth(2);
    await withTraffic(request, DEMO_ENDPOINT, async () => {
      expect(Number(await rpsCell.textContent())).toBeGreaterThan(0);
    });
    await expect(row.getByRole('cell').nth(3)).toHaveText(/^\d+(\.\d)?$/);
    await expect(row.getByRole('img', { name: /requests per second over the last 5 minutes/ })).toBeVisible();
    await snapshot(page, testInfo, 'overview-live');
  });

  test('endpoint charts plot traffic, switch ranges, pause, and mark a canary', async ({ page, request, adminApi }, testInfo) => {
    test.setTimeout(240_000);
    const { model, endpoint } = await createServedEndpoint(adminApi, request);
    await signIn(page, `/endpoints/${endpoint}`);
    await expect(page.getByText('No traffic in this range')).toBeVisible({ timeout: 30_000 });

    const latency = figure(page, 'Latency');
    await withTraffic(request, endpoint, () => expectPlotted(latency));
    // Some history before the canary, so the README's screenshot shows v1 alone, then both.
    await withTraffic(request, endpoint, async () => expect(await pointsOf(latency, 'v1 p99')).toBeGreaterThanOrEqual(8));
    await expect(figure(page, 'Throughput').locator('.recharts-area-area').first()).toBeVisible();
    for (const title of ['Error rate', 'Cache hit ratio', 'Queue depth', 'Mean batch size']) await expect(figure(page, title)).toBeVisible();

    // At 1 h (5 s steps) the few seconds of traffic so far may make a single point.
    for (const [label, minPoints] of [['1 h', 1], ['5 min', 2]] as const) {
      const button = rangeButton(page, label);
      await button.click();
      await expect(button).toHaveAttribute('aria-pressed', 'true');
      await expect(() => expectPlotted(latency, minPoints)).toPass({ timeout: 15_000 });
    }
    // 24 h and 7 d answer complete 1 min / 10 min steps only, which this young traffic may not
    // fill yet: they must answer without an error, with charts or the empty state.
    const charts = page.getByRole('region', { name: 'Live metrics' });
    for (const label of ['24 h', '7 d']) {
      await rangeButton(page, label).click();
      await expect(charts.getByRole('status', { name: 'Loading charts' })).toHaveCount(0);
      await expect(latency.or(charts.getByText('No traffic in this range'))).toBeVisible();
      await expect(charts.getByRole('alert')).toHaveCount(0);
    }
    await rangeButton(page, '5 min').click();
    await expectPlotted(latency);

    const live = page.getByRole('button', { name: 'Live updates' });
    await expect(live).toHaveAttribute('aria-pressed', 'true');
    await live.click();
    await expect(live).toHaveAttribute('aria-pressed', 'false');
    await expect(live).toHaveText(/Paused/);
    await live.click();
    await expect(live).toHaveAttribute('aria-pressed', 'true');

    await adminApi.uploadVersion(model);
    const started = await adminApi.request.post(`/api/v1/endpoints/${endpoint}/rollouts`, {
      data: { version: 2, strategy: 'canary', steps: [{ weightPct: 50, pauseSeconds: 3600 }, { weightPct: 100 }], analysis: null },
    });
    expect(started.status(), await started.text()).toBe(201);
    const { id } = (await started.json()) as { id: number };
    try {
      await withTraffic(
        request,
        endpoint,
        async () => {
          // A vertical line has a zero-width box, which Playwright calls hidden: count it instead.
          await expect(latency.locator('.recharts-reference-line line')).not.toHaveCount(0, { timeout: 2_000 });
          await expect(latency.getByText('start', { exact: true })).toBeVisible({ timeout: 1_000 });
          await expect(latency.locator('.recharts-legend-item').filter({ hasText: 'v2 p99' })).toBeVisible({ timeout: 1_000 });
          expect(await pointsOf(latency, 'v2 p99')).toBeGreaterThanOrEqual(8);
        },
        120_000,
      );
      await expect(page.getByRole('region', { name: 'Rollout events in range' })).toContainText('rollout.start');
      await snapshot(page, testInfo, 'endpoint-canary');
      // The README's screenshot: refreshed on request (`UPDATE_DOCS_SCREENSHOTS=1 npm run test:e2e`),
      // so an ordinary test run leaves the committed file as it is.
      const docsShot = process.env.UPDATE_DOCS_SCREENSHOTS === '1'
        ? resolve(testInfo.project.testDir, '..', 'docs', 'endpoint-canary.png')
        : testInfo.outputPath('endpoint-canary-charts.png');
      mkdirSync(dirname(docsShot), { recursive: true });
      await page.getByRole('region', { name: 'Live metrics' }).screenshot({ path: docsShot });

      await page.goto('/');
      const row = page.getByRole('table', { name: 'Live traffic' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: endpoint }) });
      await expect(row).toContainText('rolling out');
      // The Rollout column (the Replicas column follows it).
      await expect(row.getByRole('cell').filter({ hasText: 'canary v2' })).toHaveText('canary v2 · progressing · 50 %');

      await page.goto(`/models/${model}`);
      const deployments = page.getByRole('table', { name: 'Deployments' });
      const v1 = deployments.getByRole('row').filter({ has: page.getByRole('cell', { name: '1', exact: true }) });
      const v2 = deployments.getByRole('row').filter({ has: page.getByRole('cell', { name: '2', exact: true }) });
      await expect(v1.getByRole('link', { name: endpoint })).toBeVisible();
      await expect(v2).toContainText(`canary on ${endpoint} (progressing, 50 %)`);
      await expect(v2.getByRole('list', { name: 'Rollouts of version 2' })).toContainText('progressing');
      await snapshot(page, testInfo, 'model-deployments');

      // Targets match exactly: the endpoint's own events, not its rollouts' (endpoint/<name>/rollout/<id>).
      await page.goto('/audit');
      await page.getByLabel('Target').fill(`endpoint/${endpoint}`);
      const events = page.getByRole('table', { name: 'Audit events' });
      await expect(events).toContainText('endpoint.create');
      await expect(events).not.toContainText('rollout.');
      await page.getByLabel('From (UTC)').fill('2099-01-01T00:00');
      await expect(events.getByRole('cell', { name: 'No events match.' })).toBeVisible();
      await page.getByLabel('From (UTC)').fill('');
      await expect(events).toContainText('endpoint.create');
    } finally {
      await adminApi.request.post(`/api/v1/rollouts/${id}/abort`);
      await expect(async () => {
        const deleted = await adminApi.request.delete(`/api/v1/endpoints/${endpoint}`);
        expect(deleted.status()).toBe(204);
      }).toPass({ timeout: 30_000 });
    }
  });
});
